using System.Collections.Immutable;

namespace Relay.Nostr.Filters;

/// <summary>
/// A <c>#x</c> filter condition (NIP-01): matches an event that has a tag named <see cref="Letter"/> whose
/// value (element 1) is one of <see cref="Values"/>. Only single ASCII letters are indexed.
/// </summary>
/// <param name="Letter">The tag name, a–z or A–Z.</param>
/// <param name="Values">Accepted values; empty means the condition can never hold.</param>
public sealed record TagFilter(char Letter, ImmutableArray<string> Values);
