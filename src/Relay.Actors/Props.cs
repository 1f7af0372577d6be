using System.Diagnostics.CodeAnalysis;

namespace Relay.Actors;

/// <summary>
/// The recipe for an actor: how to create an instance (again on every restart), which dispatcher runs it,
/// which mailbox it gets and, optionally, the supervisor strategy for its children.
/// </summary>
/// <remarks>Immutable; <c>With*</c> methods return copies. Thread-safe.</remarks>
public sealed class Props
{
    private readonly Func<ActorBase> _factory;

    private Props(Type type, Func<ActorBase> factory, string dispatcher, string mailbox, MailboxType? mailboxType,
        SupervisorStrategy? supervisorStrategy)
    {
        Type = type;
        _factory = factory;
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
        new(typeof(TActor), static () => new TActor(), Dispatchers.DefaultDispatcherId, Mailboxes.DefaultMailboxId,
            null, supervisorStrategy);

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
        return new Props(typeof(TActor), factory, Dispatchers.DefaultDispatcherId, Mailboxes.DefaultMailboxId,
            null, supervisorStrategy);
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
        return new Props(type, () => (ActorBase)Activator.CreateInstance(type, arguments)!,
            Dispatchers.DefaultDispatcherId, Mailboxes.DefaultMailboxId, null, null);
    }

    /// <summary>Runs the actor on another dispatcher, e.g. <see cref="Dispatchers.PinnedDispatcherId"/> for a
    /// dedicated thread.</summary>
    /// <param name="dispatcher">The dispatcher id.</param>
    public Props WithDispatcher(string dispatcher)
    {
        ArgumentException.ThrowIfNullOrEmpty(dispatcher);
        return new Props(Type, _factory, dispatcher, Mailbox, MailboxType, SupervisorStrategy);
    }

    /// <summary>Gives the actor the mailbox registered under <paramref name="mailbox"/>.</summary>
    /// <param name="mailbox">The mailbox id.</param>
    public Props WithMailbox(string mailbox)
    {
        ArgumentException.ThrowIfNullOrEmpty(mailbox);
        return new Props(Type, _factory, Dispatcher, mailbox, null, SupervisorStrategy);
    }

    /// <summary>Gives the actor this mailbox, e.g. <c>new BoundedMailbox(1000, MailboxOverflow.FailActor)</c>.</summary>
    /// <param name="mailbox">The mailbox description.</param>
    public Props WithMailbox(MailboxType mailbox)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        return new Props(Type, _factory, Dispatcher, Mailbox, mailbox, SupervisorStrategy);
    }

    /// <summary>Sets the strategy the actor applies to its children.</summary>
    /// <param name="supervisorStrategy">The strategy.</param>
    public Props WithSupervisorStrategy(SupervisorStrategy supervisorStrategy)
    {
        ArgumentNullException.ThrowIfNull(supervisorStrategy);
        return new Props(Type, _factory, Dispatcher, Mailbox, MailboxType, supervisorStrategy);
    }

    /// <summary>Runs the factory (on the actor's own thread, inside its context).</summary>
    internal ActorBase NewActor() => _factory();

    /// <inheritdoc/>
    public override string ToString() => $"Props({Type.Name}, {Dispatcher}, {MailboxType?.ToString() ?? Mailbox})";
}
