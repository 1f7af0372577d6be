using Microsoft.Extensions.Hosting;

namespace Relay.Actors.Hosting;

/// <summary>
/// Ties the actor system to the host's lifetime. Start: run the starters. Host stopping
/// (<see cref="IHostApplicationLifetime.ApplicationStopping"/>, i.e. SIGTERM or Ctrl-C, which fires before any
/// hosted service is stopped, so the relay can still close its clients while Kestrel drains): run
/// <see cref="CoordinatedShutdown"/>; <see cref="StopAsync"/> waits for it. System terminated on its own:
/// stop the application.
/// </summary>
internal sealed class ActorSystemHostedService(ActorSystem system, ActorSystemBuilder builder, ActorRegistry registry,
    IDependencyResolver resolver, IHostApplicationLifetime lifetime) : IHostedService
{
    private Task? _shutdown;
    private CancellationTokenRegistration _stopping;
    private int _stopRequested;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        builder.Start(system, registry, resolver);
        _stopping = lifetime.ApplicationStopping.Register(static s => ((ActorSystemHostedService)s!).RunShutdown(), this);
        _ = system.WhenTerminated.ContinueWith(static (_, s) => ((ActorSystemHostedService)s!).OnSystemTerminated(),
            this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.DisposeAsync().ConfigureAwait(false);
        RunShutdown();
        // The host's shutdown timeout bounds the wait; the phases have their own timeouts within it.
        await _shutdown!.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void RunShutdown()
    {
        if (Interlocked.Exchange(ref _stopRequested, 1) == 0)
            _shutdown = CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClrExitReason.Instance);
    }

    private void OnSystemTerminated()
    {
        // Terminated without the host asking (a direct Terminate(), a dead guardian): the process has no
        // actors left to serve with, so stop it rather than run on as a zombie.
        if (Volatile.Read(ref _stopRequested) == 0) lifetime.StopApplication();
    }
}
