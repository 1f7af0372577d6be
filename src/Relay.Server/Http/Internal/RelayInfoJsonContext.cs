using System.Text.Json.Serialization;

namespace Relay.Server.Http.Internal;

/// <summary>
/// Source-generated serialiser of the NIP-11 document: no reflection at run time. Names are snake_case as NIP-11
/// spells them (<c>supported_nips</c>, <c>max_message_length</c>); null fields are omitted ("any field may be
/// omitted"; a null <c>created_at_lower_limit</c> means "no bound", which omission says).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RelayInfoDocument))]
internal sealed partial class RelayInfoJsonContext : JsonSerializerContext;
