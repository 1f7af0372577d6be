using Relay.Nostr.Filters;

namespace Relay.Benchmarks.Subscriptions;

/// <summary>A live subscription in the benchmarks: its filters, compared by reference.</summary>
public sealed class BenchmarkSubscriber(NostrFilter[] filters)
{
    public NostrFilter[] Filters { get; } = filters;
}
