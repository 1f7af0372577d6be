using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using Relay.Server.Diagnostics;
using Relay.Server.Http.Internal;

namespace Relay.Server.Http;

/// <summary>
/// Admits or refuses a WebSocket connection before the upgrade: a per-address cap (429), a global cap (503) and
/// refusal once shutdown has begun (503), each counted in <c>relay_connections_refused_total{reason}</c>. An
/// admitted connection holds a <see cref="ConnectionLease"/> until it ends.
/// </summary>
/// <remarks>
/// Thread-safe and lock-free: a global counter and one counter per address in a concurrent dictionary, changed
/// with compare-and-swap; an address's entry is removed when its count returns to zero, so the table holds only
/// addresses with open connections.
/// </remarks>
public sealed class ConnectionAdmission
{
    private readonly ConcurrentDictionary<IPAddress, AdmissionSlot> _perAddress = new();
    private readonly ConnectionLimitsOptions _options;
    private readonly RelayReadiness _readiness;
    private readonly ClientAddressResolver _resolver;
    private readonly RelayMetrics? _metrics;
    private readonly string _retryAfter;
    private int _open;

    /// <summary>Creates the admission gate.</summary>
    /// <param name="options">The caps.</param>
    /// <param name="readiness">Read for shutdown: once it has begun every connection is refused.</param>
    /// <param name="resolver">Finds the client address of a request behind trusted proxies.</param>
    /// <param name="metrics">Where refusals are counted; null counts nothing.</param>
    public ConnectionAdmission(ConnectionLimitsOptions options, RelayReadiness readiness, ClientAddressResolver resolver, RelayMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(readiness);
        ArgumentNullException.ThrowIfNull(resolver);
        if (options.Validate() is { } error)
            ThrowHelper.ThrowInvalidConfiguration(error);
        (_options, _readiness, _resolver, _metrics) = (options, readiness, resolver, metrics);
        _retryAfter = options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Connections holding a lease now.</summary>
    public int OpenConnections => Volatile.Read(ref _open);

    /// <summary>Client addresses (IPv6 prefixes) holding at least one lease now.</summary>
    public int OpenAddresses => _perAddress.Count;

    /// <summary>Connections holding a lease from <paramref name="client"/>'s address (or IPv6 prefix) now.</summary>
    public int OpenConnectionsFrom(IPAddress client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return _perAddress.TryGetValue(KeyOf(client), out var slot) ? Math.Max(0, Volatile.Read(ref slot.Count)) : 0;
    }

    /// <summary>
    /// Admits the request's client or answers the refusal: resolves the client address (trusted proxies), takes
    /// a lease, or sets the refusal's status (<see cref="StatusFor"/>) and <c>Retry-After</c> and counts it. Call
    /// it before the WebSocket upgrade; on false, return without writing anything else.
    /// </summary>
    public bool TryAdmit(HttpContext context, [NotNullWhen(true)] out ConnectionLease? lease)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = _resolver.Resolve(context);
        if (TryAdmit(client, out lease, out var refusal))
            return true;
        var response = context.Response;
        response.StatusCode = StatusFor(refusal);
        response.Headers.RetryAfter = _retryAfter;
        response.Headers.CacheControl = "no-store";
        return false;
    }

    /// <summary>Admits <paramref name="client"/> or says why not (and counts the refusal).</summary>
    public bool TryAdmit(IPAddress client, [NotNullWhen(true)] out ConnectionLease? lease, out ConnectionRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(client);
        lease = null;
        if (_readiness.IsShuttingDown)
            return Refuse(ConnectionRefusal.ShuttingDown, out refusal);

        client = ClientAddressResolver.Normalize(client);
        var key = KeyOf(client);
        if (!TryReserve(key, out var slot))
            return Refuse(ConnectionRefusal.PerIpLimit, out refusal);
        if (!TryReserveGlobal())
        {
            Release(key, slot, countGlobal: false);
            return Refuse(ConnectionRefusal.MaxConnections, out refusal);
        }

        refusal = default;
        lease = new ConnectionLease(this, client, key, slot);
        return true;
    }

    /// <summary>
    /// The one mapping from a refusal to its HTTP status: 429 Too Many Requests (RFC 6585 §4) when this client has
    /// too many, 503 Service Unavailable (RFC 9110 §15.6.4) when the relay is full or draining.
    /// </summary>
    public static int StatusFor(ConnectionRefusal refusal) => refusal switch
    {
        ConnectionRefusal.PerIpLimit or ConnectionRefusal.PerIpRate => StatusCodes.Status429TooManyRequests,
        ConnectionRefusal.MaxConnections or ConnectionRefusal.ShuttingDown => StatusCodes.Status503ServiceUnavailable,
        _ => ThrowHelper.ThrowUnknownRefusal<int>(refusal),
    };

    internal void Release(IPAddress key, AdmissionSlot slot) => Release(key, slot, countGlobal: true);

    private bool Refuse(ConnectionRefusal reason, out ConnectionRefusal refusal)
    {
        refusal = reason;
        _metrics?.ConnectionRefused(reason);
        return false;
    }

    private bool TryReserve(IPAddress key, out AdmissionSlot slot)
    {
        while (true)
        {
            slot = _perAddress.GetOrAdd(key, static _ => new AdmissionSlot());
            var count = Volatile.Read(ref slot.Count);
            if (count == AdmissionSlot.Retired)
            {
                // Its last release is removing it; help, then take a fresh slot.
                _perAddress.TryRemove(new KeyValuePair<IPAddress, AdmissionSlot>(key, slot));
                continue;
            }

            if (count >= _options.MaxConnectionsPerIp)
                return false;
            if (Interlocked.CompareExchange(ref slot.Count, count + 1, count) == count)
                return true;
        }
    }

    // A CAS loop rather than increment-then-undo, so the count never shows more than the cap, even briefly.
    private bool TryReserveGlobal()
    {
        while (true)
        {
            var open = Volatile.Read(ref _open);
            if (open >= _options.MaxConnections)
                return false;
            if (Interlocked.CompareExchange(ref _open, open + 1, open) == open)
                return true;
        }
    }

    private void Release(IPAddress key, AdmissionSlot slot, bool countGlobal)
    {
        if (countGlobal)
            Interlocked.Decrement(ref _open);
        // Retire at zero with a CAS: an admission that incremented in between wins and the slot stays.
        if (Interlocked.Decrement(ref slot.Count) == 0 && Interlocked.CompareExchange(ref slot.Count, AdmissionSlot.Retired, 0) == 0)
            _perAddress.TryRemove(new KeyValuePair<IPAddress, AdmissionSlot>(key, slot));
    }

    private IPAddress KeyOf(IPAddress client)
    {
        client = ClientAddressResolver.Normalize(client);
        if (client.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6 || _options.Ipv6PrefixLength == 128)
            return client;
        Span<byte> bytes = stackalloc byte[16];
        client.TryWriteBytes(bytes, out _);
        var prefix = _options.Ipv6PrefixLength;
        for (var i = 0; i < 16; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF00 >> keep);
        }

        return new IPAddress(bytes);
    }
}
