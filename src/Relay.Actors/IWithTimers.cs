namespace Relay.Actors;

/// <summary>
/// Implemented by actors that use timers. The kernel sets <see cref="Timers"/> while the instance is being
/// constructed (before the constructor body runs), so it can be used in the constructor, in PreStart and
/// in handlers. Declare it as <c>public ITimerScheduler Timers { get; set; } = null!;</c>.
/// </summary>
public interface IWithTimers
{
    /// <summary>The actor's timers; set by the kernel.</summary>
    ITimerScheduler Timers { get; set; }
}
