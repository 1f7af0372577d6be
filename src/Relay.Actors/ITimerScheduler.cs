namespace Relay.Actors;

/// <summary>
/// Timers that send messages to the actor itself, bound to its lifecycle: they are cancelled when the
/// actor stops or restarts. Each timer has a key; starting a timer with a key in use replaces the old
/// one, and a message from a cancelled or replaced timer is never delivered, even if it was already in
/// the mailbox. Time comes from <see cref="ActorSystemSettings.TimeProvider"/>.
/// </summary>
/// <remarks>Not thread-safe: use only from inside the owning actor (as in Akka.NET).</remarks>
public interface ITimerScheduler
{
    /// <summary>Sends <paramref name="msg"/> to the actor every <paramref name="interval"/>, first after one interval.</summary>
    /// <param name="key">The timer's key.</param>
    /// <param name="msg">The message.</param>
    /// <param name="interval">The period (positive).</param>
    void StartPeriodicTimer(object key, object msg, TimeSpan interval);

    /// <summary>Sends <paramref name="msg"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    /// <param name="key">The timer's key.</param>
    /// <param name="msg">The message.</param>
    /// <param name="initialDelay">Delay of the first message.</param>
    /// <param name="interval">The period (positive).</param>
    void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval);

    /// <summary>Sends <paramref name="msg"/> once after <paramref name="timeout"/>.</summary>
    /// <param name="key">The timer's key.</param>
    /// <param name="msg">The message.</param>
    /// <param name="timeout">The delay.</param>
    void StartSingleTimer(object key, object msg, TimeSpan timeout);

    /// <summary>Like <see cref="StartPeriodicTimer(object, object, TimeSpan)"/>, delivered with <paramref name="sender"/> as sender.</summary>
    /// <param name="key">The timer's key.</param>
    /// <param name="msg">The message.</param>
    /// <param name="interval">The period (positive).</param>
    /// <param name="sender">The sender the actor sees.</param>
    void StartPeriodicTimer(object key, object msg, TimeSpan interval, IActorRef sender);

    /// <summary>Like <see cref="StartPeriodicTimer(object, object, TimeSpan, TimeSpan)"/>, delivered with <paramref name="sender"/> as sender.</summary>
    /// <param name="key">The timer's key.</param>
    /// <param name="msg">The message.</param>
    /// <param name="initialDelay">Delay of the first message.</param>
    /// <param name="interval">The period (positive).</param>
    /// <param name="sender">The sender the actor sees.</param>
    void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval, IActorRef sender);

    /// <summary>Like <see cref="StartSingleTimer(object, object, TimeSpan)"/>, delivered with <paramref name="sender"/> as sender.</summary>
    /// <param name="key">The timer's key.</param>
    /// <param name="msg">The message.</param>
    /// <param name="timeout">The delay.</param>
    /// <param name="sender">The sender the actor sees.</param>
    void StartSingleTimer(object key, object msg, TimeSpan timeout, IActorRef sender);

    /// <summary>Whether a timer with this key is active (a single timer stops being active once its
    /// message has been received).</summary>
    /// <param name="key">The timer's key.</param>
    bool IsTimerActive(object key);

    /// <summary>Keys of the active timers.</summary>
    IReadOnlyCollection<object> ActiveTimers { get; }

    /// <summary>Cancels the timer with this key, if any; its pending message is never delivered.</summary>
    /// <param name="key">The timer's key.</param>
    void Cancel(object key);

    /// <summary>Cancels all timers.</summary>
    void CancelAll();
}
