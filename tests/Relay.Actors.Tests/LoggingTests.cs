namespace Relay.Actors.Tests;

/// <summary>Failures are logged through Microsoft.Extensions.Logging with the actor's path and exception.</summary>
public sealed class LoggingTests : IAsyncLifetime
{
    private readonly CapturingLoggerProvider _logs = new();
    private ActorSystem _system = null!;

    public Task InitializeAsync()
    {
        _system = ActorSystem.Create("logging", new ActorSystemSettings
        {
            LoggerFactory = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug)),
        });
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _system.Terminate();

    private sealed class Failing : UntypedActor
    {
        protected override void OnReceive(object message) => throw new InvalidOperationException($"failed on {message}");
    }

    [Fact]
    public async Task A_restarted_actors_failure_is_logged_as_an_error_with_its_path_and_exception()
    {
        var actor = _system.ActorOf(Props.Create(() => new Failing()), "failing");
        actor.Tell("x", ActorRefs.NoSender);
        var entry = await _logs.WaitFor(e => e.Exception?.Message == "failed on x");
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal(1, entry.EventId.Id);
        Assert.Equal("Actor akka://logging/user/failing failed; supervisor directive: Restart", entry.Message);
    }

    [Fact]
    public async Task A_resumed_actors_failure_is_logged_as_a_warning()
    {
        var supervisor = _system.ActorOf(Props.Create(() => new Supervisor(new OneForOneStrategy(_ => Directive.Resume))), "sup");
        var child = await supervisor.Ask<IActorRef>(new Supervisor.Create(Props.Create(() => new Failing()), "child"));
        child.Tell("y", ActorRefs.NoSender);
        var entry = await _logs.WaitFor(e => e.Exception?.Message == "failed on y");
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("akka://logging/user/sup/child", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dead_letters_are_logged_at_debug_level()
    {
        _system.DeadLetters.Tell("nobody home", ActorRefs.NoSender);
        var entry = await _logs.WaitFor(e => e.EventId.Id == 10);
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.Contains("String", entry.Message, StringComparison.Ordinal);
    }
}
