using Xunit;

namespace Relay.Actors.TestKit;

public abstract partial class TestKitBase
{
    /// <summary>Expects the next message to be a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="duration">How long to wait (dilated); default: remaining or default.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public ValueTask<T> ExpectMsgAsync<T>(TimeSpan? duration = null, string? hint = null,
        CancellationToken cancellationToken = default) =>
        ExpectAsync<T, object?>(duration, hint, "a message of type " + typeof(T), static (_, _) => null, null, cancellationToken);

    /// <summary>Expects the next message to equal <paramref name="message"/>.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="message">The expected message (compared with <see cref="object.Equals(object)"/>).</param>
    /// <param name="timeout">How long to wait (dilated); default: remaining or default.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public ValueTask<T> ExpectMsgAsync<T>(T message, TimeSpan? timeout = null, string? hint = null,
        CancellationToken cancellationToken = default) =>
        ExpectAsync<T, T>(timeout, hint, $"{message}",
            static (m, expected) => object.Equals(m, expected) ? null : $"expected {expected}", message, cancellationToken);

    /// <summary>Expects the next message to be a <typeparamref name="T"/> accepted by <paramref name="isMessage"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="isMessage">The predicate.</param>
    /// <param name="timeout">How long to wait (dilated); default: remaining or default.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public ValueTask<T> ExpectMsgAsync<T>(Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        return ExpectAsync<T, Predicate<T>>(timeout, hint, $"a {typeof(T).Name} matching the predicate",
            static (m, predicate) => predicate(m) ? null : "the predicate rejected it", isMessage, cancellationToken);
    }

    /// <summary>Expects the next message to be a <typeparamref name="T"/> and runs assertions on it.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="assert">Assertions (throwing on failure).</param>
    /// <param name="timeout">How long to wait (dilated); default: remaining or default.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public async ValueTask<T> ExpectMsgAsync<T>(Action<T> assert, TimeSpan? timeout = null, string? hint = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assert);
        var message = await ExpectMsgAsync<T>(timeout, hint, cancellationToken).ConfigureAwait(false);
        assert(message);
        return message;
    }

    /// <summary>Expects a <see cref="Terminated"/> for <paramref name="target"/> (watch it first with <c>Watch</c>).</summary>
    /// <param name="target">The actor expected to stop.</param>
    /// <param name="timeout">How long to wait (dilated); default: remaining or default.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public ValueTask<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null, string? hint = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        return ExpectAsync<Terminated, IActorRef>(timeout, hint, $"Terminated({target})",
            static (t, expected) => t.ActorRef.Equals(expected) || expected.Equals(t.ActorRef) ? null : $"expected Terminated({expected})",
            target, cancellationToken);
    }

    /// <summary>Expects no message for <paramref name="duration"/> (dilated). Waits that long in real time:
    /// keep it short.</summary>
    /// <param name="duration">How long nothing may arrive.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public async ValueTask ExpectNoMsgAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var envelope = await TryReceiveAsync(Dilated(duration), cancellationToken).ConfigureAwait(false);
        if (envelope is { } e)
            Assert.Fail($"ExpectNoMsg: received unexpected message {Describe(e.Message)} from {e.Sender} within {Dilated(duration)}");
    }

    /// <summary>Expects no message for the remaining time of the enclosing Within block, or the default timeout.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    public ValueTask ExpectNoMsgAsync(CancellationToken cancellationToken = default) =>
        ExpectNoMsgAsync(RemainingOrDefault, cancellationToken);

    /// <summary>Takes messages until one satisfies <paramref name="isMessage"/> (the others are discarded).</summary>
    /// <param name="isMessage">The predicate.</param>
    /// <param name="max">Overall time limit (dilated); default: remaining or default.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The matching message.</returns>
    public async ValueTask<object> FishForMessageAsync(Predicate<object> isMessage, TimeSpan? max = null,
        string hint = "", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var limit = TimeoutOrDefault(max);
        var end = DateTimeOffset.UtcNow + limit;
        while (true)
        {
            var left = end - DateTimeOffset.UtcNow;
            var envelope = await TryReceiveAsync(left, cancellationToken).ConfigureAwait(false);
            if (envelope is not { } e)
            {
                Assert.Fail($"Timeout ({limit}) during FishForMessage{HintSuffix(hint)}");
                throw new InvalidOperationException("unreachable");
            }
            if (isMessage(e.Message)) return e.Message;
        }
    }

    /// <summary>Takes messages until a <typeparamref name="T"/> satisfies <paramref name="isMessage"/>.</summary>
    /// <typeparam name="T">The wanted type.</typeparam>
    /// <param name="isMessage">The predicate.</param>
    /// <param name="max">Overall time limit (dilated); default: remaining or default.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public async ValueTask<T> FishForMessageAsync<T>(Predicate<T> isMessage, TimeSpan? max = null, string hint = "",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var message = await FishForMessageAsync(m => m is T t && isMessage(t), max, hint, cancellationToken)
            .ConfigureAwait(false);
        return (T)message;
    }

    private async ValueTask<T> ExpectAsync<T, TState>(TimeSpan? timeout, string? hint, string expectation,
        Func<T, TState, string?> check, TState state, CancellationToken cancellationToken)
    {
        var max = TimeoutOrDefault(timeout);
        var envelope = await TryReceiveAsync(max, cancellationToken).ConfigureAwait(false);
        if (envelope is not { } e)
        {
            Assert.Fail($"Timeout ({max}) while waiting for {expectation}{HintSuffix(hint)}");
            throw new InvalidOperationException("unreachable");
        }
        if (e.Message is not T typed)
        {
            Assert.Fail($"Expected {expectation}{HintSuffix(hint)}, but received {Describe(e.Message)} from {e.Sender}");
            throw new InvalidOperationException("unreachable");
        }
        var problem = check(typed, state);
        if (problem is not null)
            Assert.Fail($"Unexpected message {Describe(e.Message)} from {e.Sender}: {problem}{HintSuffix(hint)}");
        return typed;
    }

    private static string Describe(object message) => $"<{message}> ({message.GetType().Name})";

    private static string HintSuffix(string? hint) => string.IsNullOrEmpty(hint) ? "" : $" ({hint})";
}
