using System.Diagnostics.CodeAnalysis;

namespace Relay.Actors;

/// <summary>
/// The recipe for an actor: how to create an instance (again on every restart), which dispatcher runs it,
/// which mailbox it gets and, optionally, the supervisor strategy for its children.
/// </summary>
/// <remarks>Immutable; <c>With*</c> methods return copies. Thread-safe.</remarks>
public sealed class Props
{
    // How to make an instance: _invoke(_factory, _state). _invoke is a static lambda per factory shape, so a factory
    // that takes its state explicitly (see Create<TActor, TState>) needs no closure and no delegate per Props: that
    // matters for actors created per connection, whose Props live as long as they do.
    private readonly Func<Delegate, object?, ActorBase> _invoke;
    private readonly Delegate _factory;
    private readonly object? _state;

    private Props(Type type, Func<Delegate, object?, ActorBase> invoke, Delegate factory, object? state, string dispatcher,
        string mailbox, MailboxType? mailboxType, SupervisorStrategy? supervisorStrategy)
    {
        Type = type;
        _invoke = invoke;
        _factory = factory;
        _state = state;
        Dispatcher = dispatcher;
        Mailbox = mailbox;
        MailboxType = mailboxType;
        SupervisorStrategy = supervisorStrategy;
    }

    /// <summary>The actor class.</summary>
    public Type Type { get; }

    /// <summary>The dispatcher id (see <see cref="Dispatchers"/>).</summary>
    public string Dispatcher { get; }

    /// <summary>The mailbox id, resolved against <see cref="ActorSystemSettings.Mailboxes"/> unless
    /// <see cref="MailboxType"/> is set.</summary>
    public string Mailbox { get; }

    /// <summary>A mailbox given directly, which takes precedence over <see cref="Mailbox"/>.</summary>
    public MailboxType? MailboxType { get; }

    /// <summary>The strategy for the actor's children, overriding its <c>SupervisorStrategy()</c>.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>Props for an actor with a parameterless constructor.</summary>
    /// <typeparam name="TActor">The actor class.</typeparam>
    /// <param name="supervisorStrategy">Optional strategy for the actor's children.</param>
    public static Props Create<TActor>(SupervisorStrategy? supervisorStrategy = null)
        where TActor : ActorBase, new() =>
        Create(static () => new TActor(), supervisorStrategy);

    /// <summary>
    /// Props from a factory, e.g. <c>Props.Create(() => new Writer(store, options))</c>. The factory runs
    /// for the first instance and again on every restart, so it must return a new instance each time.
    /// </summary>
    /// <typeparam name="TActor">The actor class.</typeparam>
    /// <param name="factory">Creates an instance.</param>
    /// <param name="supervisorStrategy">Optional strategy for the actor's children.</param>
    public static Props Create<TActor>(Func<TActor> factory, SupervisorStrategy? supervisorStrategy = null)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(typeof(TActor), static (f, _) => ((Func<TActor>)f)(), factory, null, Dispatchers.DefaultDispatcherId,
            Mailboxes.DefaultMailboxId, null, supervisorStrategy);
    }

    /// <summary>
    /// Props from a factory and the state it takes, e.g.
    /// <c>Props.Create(static s =&gt; new Reader(s.Connection, s.Runtime), (connection, runtime))</c>. Same contract as
    /// <see cref="Create{TActor}(Func{TActor}, SupervisorStrategy?)"/>; with a static lambda, the Props hold no closure
    /// and no delegate of their own, which matters for actors created by the thousand.
    /// </summary>
    /// <typeparam name="TActor">The actor class.</typeparam>
    /// <typeparam name="TState">What the factory needs.</typeparam>
    /// <param name="factory">Creates an instance from <paramref name="state"/>.</param>
    /// <param name="state">Passed to <paramref name="factory"/> for the first instance and on every restart.</param>
    /// <param name="supervisorStrategy">Optional strategy for the actor's children.</param>
    public static Props Create<TActor, TState>(Func<TState, TActor> factory, TState state, SupervisorStrategy? supervisorStrategy = null)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(typeof(TActor), static (f, s) => ((Func<TState, TActor>)f)((TState)s!), factory, state,
            Dispatchers.DefaultDispatcherId, Mailboxes.DefaultMailboxId, null, supervisorStrategy);
    }

    /// <summary>Props that create <typeparamref name="TActor"/> by reflection with the given constructor arguments.</summary>
    /// <typeparam name="TActor">The actor class.</typeparam>
    /// <param name="args">Constructor arguments.</param>
    public static Props Create<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TActor>(
        params object?[] args)
        where TActor : ActorBase =>
        Create(typeof(TActor), args);

    /// <summary>Props that create <paramref name="type"/> by reflection with the given constructor arguments.</summary>
    /// <param name="type">The actor class (must derive from <see cref="ActorBase"/>).</param>
    /// <param name="args">Constructor arguments.</param>
    public static Props Create(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type type,
        params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!typeof(ActorBase).IsAssignableFrom(type))
            throw new ArgumentException($"{type} does not derive from {nameof(ActorBase)}", nameof(type));
        var arguments = args ?? [];
        Func<ActorBase> create = () => (ActorBase)Activator.CreateInstance(type, arguments)!;
        return new Props(type, static (f, _) => ((Func<ActorBase>)f)(), create, null, Dispatchers.DefaultDispatcherId,
            Mailboxes.DefaultMailboxId, null, null);
    }

    /// <summary>Runs the actor on another dispatcher, e.g. <see cref="Dispatchers.PinnedDispatcherId"/> for a
    /// dedicated thread.</summary>
    /// <param name="dispatcher">The dispatcher id.</param>
    public Props WithDispatcher(string dispatcher)
    {
        ArgumentException.ThrowIfNullOrEmpty(dispatcher);
        return new Props(Type, _invoke, _factory, _state, dispatcher, Mailbox, MailboxType, SupervisorStrategy);
    }

    /// <summary>Gives the actor the mailbox registered under <paramref name="mailbox"/>.</summary>
    /// <param name="mailbox">The mailbox id.</param>
    public Props WithMailbox(string mailbox)
    {
        ArgumentException.ThrowIfNullOrEmpty(mailbox);
        return new Props(Type, _invoke, _factory, _state, Dispatcher, mailbox, null, SupervisorStrategy);
    }

    /// <summary>Gives the actor this mailbox, e.g. <c>new BoundedMailbox(1000, MailboxOverflow.FailActor)</c>.</summary>
    /// <param name="mailbox">The mailbox description.</param>
    public Props WithMailbox(MailboxType mailbox)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        return new Props(Type, _invoke, _factory, _state, Dispatcher, Mailbox, mailbox, SupervisorStrategy);
    }

    /// <summary>Sets the strategy the actor applies to its children.</summary>
    /// <param name="supervisorStrategy">The strategy.</param>
    public Props WithSupervisorStrategy(SupervisorStrategy supervisorStrategy)
    {
        ArgumentNullException.ThrowIfNull(supervisorStrategy);
        return new Props(Type, _invoke, _factory, _state, Dispatcher, Mailbox, MailboxType, supervisorStrategy);
    }

    /// <summary>Runs the factory (on the actor's own thread, inside its context).</summary>
    internal ActorBase NewActor() => _invoke(_factory, _state);

    /// <inheritdoc/>
    public override string ToString() => $"Props({Type.Name}, {Dispatcher}, {MailboxType?.ToString() ?? Mailbox})";
}
