namespace Relay.Server.Diagnostics.Internal;

/// <summary>
/// Every label value <see cref="RelayMetrics"/> can emit, in one place: closed sets mapped from enums, close
/// codes and HTTP statuses folded into bounded sets. docs/metrics.md lists the same sets.
/// </summary>
internal static class MetricLabels
{
    public static readonly string[] KindClasses = ["regular", "replaceable", "ephemeral", "addressable", "unknown"];
    public static readonly string[] ClientVerbs = ["EVENT", "REQ", "CLOSE", "AUTH", "COUNT", "unknown", "invalid"];
    public static readonly string[] RelayVerbs = ["EVENT", "OK", "EOSE", "CLOSED", "NOTICE", "AUTH", "COUNT"];
    public static readonly string[] EventResults = ["accepted", "duplicate", "rejected"];
    public static readonly string[] RejectReasons = ["invalid", "pow", "blocked", "rate-limited", "restricted", "auth-required", "mute", "error"];
    public static readonly string[] Refusals = ["max_connections", "per_ip_limit", "per_ip_rate", "shutting_down"];
    public static readonly string[] Initiators = ["relay", "client", "none"];
    public static readonly string[] Directions = ["in", "out"];
    public static readonly string[] DeliverySources = ["stored", "live"];
    public static readonly string[] RateLimits = ["messages", "events", "reqs"];
    public static readonly string[] Compressions = ["none", "permessage-deflate"];

    /// <summary>Index of <c>accepted</c>, <c>duplicate</c>, <c>rejected</c> in <see cref="EventResults"/>.</summary>
    public const int Accepted = 0, Duplicate = 1, Rejected = 2;

    public const string Other = "other";

    // RFC 6455 §7.4.1 and the IANA "WebSocket Close Code Number Registry" up to 1015. 1005, 1006 and 1015 never
    // travel in a Close frame but are what an endpoint reports when none (or no TLS) arrived. 1004 is reserved.
    // Application codes 3000-4999 and anything invalid are folded into "other" to keep the label bounded.
    private static readonly string[] CloseCodes =
        ["1000", "1001", "1002", "1003", "other", "1005", "1006", "1007", "1008", "1009", "1010", "1011", "1012", "1013", "1014", "1015"];

    // HTTP error statuses are bounded by HTTP itself (RFC 9110 §15: 400-599): the exact status says more than a
    // class. Anything else is "other" (a handshake "failure" answered 1xx-3xx would be our bug).
    private static readonly string[] ErrorStatuses = Enumerable.Range(400, 200).Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>The label value of a close code: the code for 1000-1015 (not 1004), <c>other</c> otherwise.</summary>
    public static string CloseCode(int code) => code is >= 1000 and <= 1015 ? CloseCodes[code - 1000] : Other;

    /// <summary>The label value of a handshake failure's HTTP status: 400-599, <c>other</c> otherwise.</summary>
    public static string HttpStatus(int status) => status is >= 400 and <= 599 ? ErrorStatuses[status - 400] : Other;

    /// <summary>One tag per value of <paramref name="values"/>, allocated once.</summary>
    public static KeyValuePair<string, object?>[] Tags(string name, string[] values) =>
        values.Select(v => new KeyValuePair<string, object?>(name, v)).ToArray();

    /// <summary>Two-tag sets for every combination, indexed <c>[first][second]</c>, allocated once.</summary>
    public static KeyValuePair<string, object?>[][][] Tags(string first, string[] firstValues, string second, string[] secondValues) =>
        firstValues.Select(a => secondValues.Select(b => new KeyValuePair<string, object?>[] { new(first, a), new(second, b) }).ToArray()).ToArray();
}
