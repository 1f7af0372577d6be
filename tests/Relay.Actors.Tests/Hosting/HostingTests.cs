using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Relay.Actors.Hosting;

namespace Relay.Actors.Tests.Hosting;

/// <summary>The Akka.Hosting-style integration, exercised on a real generic host.</summary>
public sealed class HostingTests
{
    public sealed record Greeting(string Word);

    public sealed class Greeter(Greeting greeting) : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell($"{greeting.Word} {message}");
    }

    public sealed class Crasher : UntypedActor
    {
        protected override void OnReceive(object message) => throw new InvalidOperationException("crash " + message);
    }

    private static (IHost Host, CapturingLoggerProvider Logs) BuildHost(Action<ActorSystemBuilder> configure,
        Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder();
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton(new Greeting("hello"));
        services?.Invoke(builder.Services);
        builder.Services.AddActorSystem("hosted", configure);
        return (builder.Build(), logs);
    }

    [Fact]
    public async Task Actors_registered_at_startup_are_injected_through_IRequiredActor()
    {
        var (host, _) = BuildHost(b => b.WithActors((system, registry, resolver) =>
            registry.Register<Greeter>(system.ActorOf(resolver.Props<Greeter>(), "greeter"))));
        using (host)
        {
            await host.StartAsync();
            var greeter = host.Services.GetRequiredService<IRequiredActor<Greeter>>();
            Assert.Equal("akka://hosted/user/greeter", greeter.ActorRef.Path.ToString());
            Assert.Equal("hello bob", await greeter.ActorRef.Ask<string>("bob", TimeSpan.FromSeconds(5)));
            Assert.Same(greeter.ActorRef, host.Services.GetRequiredService<ActorRegistry>().Get<Greeter>());
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task GetAsync_waits_until_the_actor_is_registered()
    {
        var (host, _) = BuildHost(b => b.WithActors((system, registry) =>
            registry.Register<Greeter>(system.ActorOf(Props.Create(() => new Greeter(new Greeting("hi")))))));
        using (host)
        {
            var required = host.Services.GetRequiredService<IRequiredActor<Greeter>>();
            var pending = required.GetAsync();
            Assert.False(pending.IsCompleted);
            Assert.Throws<MissingActorRegistryEntryException>(() => required.ActorRef);
            await host.StartAsync();
            var actor = await pending.WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Equal("hi x", await actor.Ask<string>("x", TimeSpan.FromSeconds(5)));
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_duplicate_registration_is_rejected_unless_overwritten()
    {
        var (host, _) = BuildHost(_ => { });
        using (host)
        {
            await host.StartAsync();
            var system = host.Services.GetRequiredService<ActorSystem>();
            var registry = host.Services.GetRequiredService<IActorRegistry>();
            var first = system.ActorOf(Props.Create(() => new Crasher()));
            var second = system.ActorOf(Props.Create(() => new Crasher()));
            registry.Register<Crasher>(first);
            var e = Assert.Throws<DuplicateActorRegistryException>(() => registry.Register<Crasher>(second));
            Assert.Contains(typeof(Crasher).FullName!, e.Message, StringComparison.Ordinal);
            Assert.False(registry.TryRegister<Crasher>(second));
            registry.Register<Crasher>(second, overwrite: true);
            Assert.Same(second, registry.Get<Crasher>());
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Stopping_the_host_runs_coordinated_shutdown_and_terminates_the_system()
    {
        var phases = new List<string>();
        var (host, _) = BuildHost(b => b.WithCoordinatedShutdown((shutdown, _) =>
        {
            shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "stop-accepting", () =>
            {
                lock (phases) phases.Add("stop-accepting");
                return Task.FromResult(Done.Instance);
            });
            shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "flush-writer", () =>
            {
                lock (phases) phases.Add("flush-writer");
                return Task.FromResult(Done.Instance);
            });
        }));
        using (host)
        {
            await host.StartAsync();
            var system = host.Services.GetRequiredService<ActorSystem>();
            await host.StopAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.True(system.WhenTerminated.IsCompleted);
            Assert.Equal(["stop-accepting", "flush-writer"], phases);
            Assert.Same(CoordinatedShutdown.ClrExitReason.Instance, CoordinatedShutdown.Get(system).ShutdownReason);
        }
    }

    [Fact]
    public async Task An_actor_system_that_terminates_on_its_own_stops_the_application()
    {
        var (host, _) = BuildHost(_ => { });
        using (host)
        {
            await host.StartAsync();
            var system = host.Services.GetRequiredService<ActorSystem>();
            await system.Terminate();
            await host.WaitForShutdownAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.True(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        }
    }

    [Fact]
    public async Task A_crashing_actor_is_logged_through_the_hosts_logger_and_the_application_keeps_running()
    {
        var (host, logs) = BuildHost(b => b.WithActors((system, registry) =>
            registry.Register<Crasher>(system.ActorOf(Props.Create(() => new Crasher()), "crasher"))));
        using (host)
        {
            await host.StartAsync();
            var crasher = host.Services.GetRequiredService<IRequiredActor<Crasher>>().ActorRef;
            crasher.Tell("now", ActorRefs.NoSender);
            var entry = await logs.WaitFor(e => e.Exception?.Message == "crash now");
            Assert.Equal(LogLevel.Error, entry.Level);
            Assert.Equal("Relay.Actors", entry.Category);
            Assert.Contains("akka://hosted/user/crasher", entry.Message, StringComparison.Ordinal);
            Assert.Contains("Restart", entry.Message, StringComparison.Ordinal);
            Assert.False(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task The_hosts_TimeProvider_and_settings_adjustments_reach_the_system()
    {
        var clock = new ManualTimeProvider();
        var (host, _) = BuildHost(
            b => b.WithSettings(s => s with { Throughput = 7 }).WithMailbox("small", new BoundedMailbox(4)),
            services => services.AddSingleton<TimeProvider>(clock));
        using (host)
        {
            await host.StartAsync();
            var system = host.Services.GetRequiredService<ActorSystem>();
            Assert.Same(clock, system.Settings.TimeProvider);
            Assert.Equal(7, system.Settings.Throughput);
            Assert.IsType<BoundedMailbox>(system.Settings.Mailboxes["small"]);
            Assert.Equal("hosted", system.Name);
            await host.StopAsync();
        }
    }
}
