using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Relay.Actors.Hosting;

/// <summary>
/// The actors an application registered at startup, by key (Akka.Hosting's <c>ActorRegistry</c>); one per
/// actor system (<see cref="For(ActorSystem)"/>), injectable.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class ActorRegistry : IActorRegistry
{
    private static readonly ConditionalWeakTable<ActorSystem, ActorRegistry> Registries = [];

    private readonly ConcurrentDictionary<Type, IActorRef> _actors = new();
    private readonly ConcurrentDictionary<Type, TaskCompletionSource<IActorRef>> _waiters = new();

    /// <summary>The registry of <paramref name="system"/>.</summary>
    /// <param name="system">The actor system.</param>
    public static ActorRegistry For(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return Registries.GetValue(system, static _ => new ActorRegistry());
    }

    /// <inheritdoc/>
    public void Register<TKey>(IActorRef actor, bool overwrite = false)
    {
        if (!TryRegister<TKey>(actor, overwrite))
            throw new DuplicateActorRegistryException($"An actor is already registered under [{typeof(TKey)}]");
    }

    /// <inheritdoc/>
    public bool TryRegister<TKey>(IActorRef actor, bool overwrite = false) => TryRegister(typeof(TKey), actor, overwrite);

    /// <inheritdoc/>
    public bool TryRegister(Type key, IActorRef actor, bool overwrite = false)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(actor);
        if (overwrite) _actors[key] = actor;
        else if (!_actors.TryAdd(key, actor)) return false;
        Waiter(key).TrySetResult(actor);
        return true;
    }

    /// <inheritdoc/>
    public IActorRef Get<TKey>() =>
        TryGet<TKey>(out var actor)
            ? actor
            : throw new MissingActorRegistryEntryException($"No actor is registered under [{typeof(TKey)}]");

    /// <inheritdoc/>
    public bool TryGet<TKey>([NotNullWhen(true)] out IActorRef? actor) => TryGet(typeof(TKey), out actor);

    /// <inheritdoc/>
    public bool TryGet(Type key, [NotNullWhen(true)] out IActorRef? actor)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _actors.TryGetValue(key, out actor);
    }

    /// <inheritdoc/>
    public Task<IActorRef> GetAsync<TKey>(CancellationToken cancellationToken = default) =>
        TryGet<TKey>(out var actor)
            ? Task.FromResult(actor)
            : Waiter(typeof(TKey)).Task.WaitAsync(cancellationToken);

    private TaskCompletionSource<IActorRef> Waiter(Type key) =>
        _waiters.GetOrAdd(key, static _ => new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously));
}
