using Microsoft.Extensions.Logging;
using Relay.Actors.Internal;
using Relay.Actors.TestKit.Internal;
using Xunit;
using Xunit.Abstractions;

namespace Relay.Actors.TestKit;

/// <summary>
/// Base class for actor tests with xUnit (Akka.TestKit.Xunit2's <c>TestKit</c>): xUnit creates one instance
/// per test, so every test gets a fresh <see cref="TestKitBase.Sys"/>, terminated when the test ends. Inside
/// the test, <c>actor.Tell(message)</c> uses <see cref="TestKitBase.TestActor"/> as the implicit sender, so
/// replies land in the expectations.
/// </summary>
public abstract class TestKit : TestKitBase, IDisposable, IAsyncLifetime
{
    private int _disposed;

    /// <summary>Creates the test kit around a fresh system (or <paramref name="system"/>).</summary>
    /// <param name="system">An existing system to test, or <see langword="null"/> for a fresh one.</param>
    /// <param name="output">Where the system's log goes (failures, dead letters at debug are not shown).</param>
    protected TestKit(ActorSystem? system = null, ITestOutputHelper? output = null)
        : this(system ?? CreateSystem(ActorSystemSettings.Default, null, output), TestKitSettings.Default)
    {
    }

    /// <summary>Creates the test kit around a fresh system with <paramref name="settings"/> (e.g. a
    /// <see cref="ManualTimeProvider"/> for timer tests).</summary>
    /// <param name="settings">The system settings.</param>
    /// <param name="actorSystemName">Optional system name.</param>
    /// <param name="output">Where the system's log goes.</param>
    protected TestKit(ActorSystemSettings settings, string? actorSystemName = null, ITestOutputHelper? output = null)
        : this(CreateSystem(settings, actorSystemName, output), TestKitSettings.Default)
    {
    }

    private TestKit(ActorSystem system, TestKitSettings settings)
        : base(system, settings, "testActor")
    {
        // xUnit runs the test method in the flow that constructed the class: the ambient sender reaches it.
        ImplicitSender.SetAmbient(TestActor);
    }

    /// <inheritdoc/>
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Terminates the system and waits (bounded by <see cref="TestKitSettings.ShutdownTimeout"/>).</summary>
    public virtual async Task DisposeAsync()
    {
        Interlocked.Exchange(ref _disposed, 1);
        await Shutdown().ConfigureAwait(false);
    }

    /// <summary>Starts terminating the system (xUnit calls <see cref="DisposeAsync"/> too, which waits).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts terminating the system.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0) _ = Sys.Terminate();
    }

    /// <summary>Terminates the system, waiting at most the shutdown timeout.</summary>
    protected async Task Shutdown()
    {
        try
        {
            await Sys.Terminate().WaitAsync(Dilated(TestKitSettings.ShutdownTimeout)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A test that leaves a blocked actor behind must not hang the run; the system is abandoned.
        }
    }

    private static ActorSystem CreateSystem(ActorSystemSettings settings, string? name, ITestOutputHelper? output)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (output is not null)
        {
            var factory = LoggerFactory.Create(builder => builder.AddProvider(new TestOutputLoggerProvider(output)));
            settings = settings with { LoggerFactory = factory };
        }
        return ActorSystem.Create(name ?? "test", settings);
    }
}
