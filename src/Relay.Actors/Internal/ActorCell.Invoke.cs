using System.Runtime.CompilerServices;

namespace Relay.Actors.Internal;

internal sealed partial class ActorCell
{
    /// <summary>Processes one user message: kernel messages first, then the current behaviour.</summary>
    internal void Invoke(in Envelope envelope)
    {
        var message = envelope.Message;
        _currentMessage = message;
        _currentSender = envelope.Sender;
        _envelopeId++;
        try
        {
            if (message is IAutoReceivedMessage) AutoReceiveMessage(message);
            else ReceiveMessage(message);
            // One null test for an ordinary actor: it has no extras.
            if (_extras is { ReceiveTimeout: not null } extras) NoteActivity(extras, message);
        }
        catch (Exception cause)
        {
            var extras = Extras;
            extras.FailedMessage = message;
            extras.FailedSender = envelope.Sender;
            HandleInvokeFailure(cause);
        }
        _currentMessage = null;
        _currentSender = null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ReceiveMessage(object message)
    {
        var handled = _behavior is { } behavior ? behavior(message) : _actor!.ReceiveInitial(message);
        if (!handled) _actor!.UnhandledInternal(message);
    }

    private void AutoReceiveMessage(object message)
    {
        switch (message)
        {
            case TimerMessage timer:
                if (_extras?.Timers is { } timers && timers.Intercept(timer) is { } payload)
                {
                    _currentMessage = payload;
                    ReceiveMessage(payload);
                }
                break;
            case ReceiveTimeoutTick tick:
                HandleReceiveTimeoutTick(tick);
                break;
            case Terminated terminated:
                ReceivedTerminated(terminated);
                break;
            case Kill:
                throw new ActorKilledException("Kill");
            case PoisonPill:
                _self.Stop();
                break;
            case Identify identify:
                Sender.Tell(new ActorIdentity(identify.MessageId, _self), _self);
                break;
            default:
                // A user type that happens to implement the marker: an ordinary message.
                ReceiveMessage(message);
                break;
        }
    }
}
