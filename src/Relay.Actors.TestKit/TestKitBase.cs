using System.Threading.Channels;
using Relay.Actors.TestKit.Internal;

namespace Relay.Actors.TestKit;

/// <summary>
/// Expectations on the messages received by a test actor (Akka.TestKit's <c>TestKitBase</c>): the
/// <see cref="TestKit"/> base class and every <see cref="TestProbe"/>. Each expectation waits in real time
/// (a manual clock given to the system does not affect it), bounded by its timeout, by the enclosing
/// <c>WithinAsync</c> block, or by the dilated <see cref="TestKitSettings.SingleExpectDefault"/>.
/// </summary>
/// <remarks>Use from the test's flow only (one expectation at a time), as in Akka.</remarks>
public abstract partial class TestKitBase
{
    private static int s_testActorCounter;
    // Not SingleReader: that variant cannot count, and HasMessages needs the count.
    private readonly Channel<Envelope> _queue = Channel.CreateUnbounded<Envelope>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = true });
    private DateTimeOffset? _end;

    private protected TestKitBase(ActorSystem system, TestKitSettings settings, string testActorName)
    {
        ArgumentNullException.ThrowIfNull(system);
        Sys = system;
        TestKitSettings = settings;
        var writer = _queue.Writer;
        TestActor = system.ActorOf(Props.Create(() => new TestActor(writer)),
            $"{testActorName}{Interlocked.Increment(ref s_testActorCounter)}");
        LastSender = system.DeadLetters;
    }

    /// <summary>The actor system under test.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The timing settings.</summary>
    public TestKitSettings TestKitSettings { get; }

    /// <summary>The actor whose received messages the expectations inspect.</summary>
    public IActorRef TestActor { get; }

    /// <summary>The sender of the last message taken by an expectation (dead letters when none).</summary>
    public IActorRef LastSender { get; private set; }

    /// <summary>The last message taken by an expectation, if any.</summary>
    public object? LastMessage { get; private set; }

    /// <summary>Whether a message is waiting.</summary>
    public bool HasMessages => _queue.Reader.Count > 0;

    /// <summary>Time left in the innermost <c>WithinAsync</c> block, else the default expectation timeout.</summary>
    public TimeSpan RemainingOrDefault => RemainingOr(Dilated(TestKitSettings.SingleExpectDefault));

    /// <summary>Time left in the innermost <c>WithinAsync</c> block.</summary>
    /// <exception cref="InvalidOperationException">Outside a <c>WithinAsync</c> block.</exception>
    public TimeSpan Remaining => _end is { } end
        ? Max(end - DateTimeOffset.UtcNow, TimeSpan.Zero)
        : throw new InvalidOperationException("Remaining may not be called outside of WithinAsync");

    /// <summary>Scales a duration by the time factor (<see cref="TestKitSettings.DilationVariable"/>).</summary>
    /// <param name="duration">The nominal duration.</param>
    public TimeSpan Dilated(TimeSpan duration) => TestKitSettings.Dilated(duration);

    /// <summary>Creates an actor in the system under test.</summary>
    /// <param name="props">The props.</param>
    /// <param name="name">Optional name.</param>
    public IActorRef ActorOf(Props props, string? name = null) => Sys.ActorOf(props, name);

    /// <summary>Creates an actor with a parameterless constructor.</summary>
    /// <typeparam name="TActor">The actor class.</typeparam>
    /// <param name="name">Optional name.</param>
    public IActorRef ActorOf<TActor>(string? name = null) where TActor : ActorBase, new() =>
        Sys.ActorOf(Props.Create<TActor>(), name);

    /// <summary>Creates a probe: a further test actor with its own expectations.</summary>
    /// <param name="name">Optional name prefix.</param>
    public TestProbe CreateTestProbe(string? name = null) => new(Sys, TestKitSettings, name ?? "testProbe");

    /// <summary>Makes the test actor watch <paramref name="actor"/>; expect the <see cref="Terminated"/> with
    /// <see cref="ExpectTerminatedAsync"/>. Works for actors already dead.</summary>
    /// <param name="actor">The actor.</param>
    /// <returns><paramref name="actor"/>.</returns>
    public IActorRef Watch(IActorRef actor)
    {
        TestActor.Tell(new TestActor.WatchRequest(actor), ActorRefs.NoSender);
        return actor;
    }

    /// <summary>Stops watching <paramref name="actor"/>.</summary>
    /// <param name="actor">The actor.</param>
    /// <returns><paramref name="actor"/>.</returns>
    public IActorRef Unwatch(IActorRef actor)
    {
        TestActor.Tell(new TestActor.UnwatchRequest(actor), ActorRefs.NoSender);
        return actor;
    }

    /// <summary>Takes the next message, waiting at most <paramref name="max"/> (default: remaining or default).</summary>
    /// <param name="max">How long to wait.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The message, or <see langword="null"/> on timeout.</returns>
    public async ValueTask<object?> ReceiveOneAsync(TimeSpan? max = null, CancellationToken cancellationToken = default)
    {
        var envelope = await TryReceiveAsync(max ?? RemainingOrDefault, cancellationToken).ConfigureAwait(false);
        return envelope?.Message;
    }

    private protected async ValueTask<Envelope?> TryReceiveAsync(TimeSpan max, CancellationToken cancellationToken)
    {
        var reader = _queue.Reader;
        if (!reader.TryRead(out var envelope))
        {
            if (max <= TimeSpan.Zero) return null;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (max != Timeout.InfiniteTimeSpan) timeout.CancelAfter(max);
            try
            {
                envelope = await reader.ReadAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }
        LastMessage = envelope.Message;
        LastSender = envelope.Sender ?? Sys.DeadLetters;
        return envelope;
    }

    private TimeSpan RemainingOr(TimeSpan duration) =>
        _end is { } end ? Max(end - DateTimeOffset.UtcNow, TimeSpan.Zero) : duration;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>The effective timeout of an expectation: the given one, dilated (as in Akka); without one,
    /// the time left in the enclosing Within block or the dilated default.</summary>
    private protected TimeSpan TimeoutOrDefault(TimeSpan? timeout) => timeout is { } t ? Dilated(t) : RemainingOrDefault;
}
