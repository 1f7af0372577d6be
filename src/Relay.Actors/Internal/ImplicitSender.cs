namespace Relay.Actors.Internal;

/// <summary>
/// Who <c>Tell(message)</c> names as sender: the actor processing a message on this thread, else the
/// test actor of the TestKit that runs the current test (an async-local set by the TestKit), else nobody.
/// </summary>
internal static class ImplicitSender
{
    private static readonly AsyncLocal<IActorRef?> Ambient = new();
    private static volatile bool s_ambientUsed;

    public static IActorRef? Current
    {
        get
        {
            var cell = ActorCell.Current;
            if (cell is not null) return cell.Self;
            // The async-local read costs a little; skip it in processes that never set one (production).
            return s_ambientUsed ? Ambient.Value : null;
        }
    }

    /// <summary>Sets the ambient sender for the current async flow (the TestKit's implicit sender).</summary>
    public static void SetAmbient(IActorRef? sender)
    {
        s_ambientUsed = true;
        Ambient.Value = sender;
    }
}
