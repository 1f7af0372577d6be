using System.Net;
using Relay.Server.Http.Internal;

namespace Relay.Server.Http;

/// <summary>
/// One admitted connection's place under the caps of <see cref="ConnectionAdmission"/>. Dispose it when the
/// connection ends (after the WebSocket closed or the upgrade failed); that lets the next connection in.
/// </summary>
/// <remarks>Thread-safe; <see cref="Dispose"/> is idempotent, so the connection's owner and a failure path may both call it.</remarks>
public sealed class ConnectionLease : IDisposable
{
    private readonly ConnectionAdmission _admission;
    private readonly IPAddress _key;
    private readonly AdmissionSlot _slot;
    private int _released;

    internal ConnectionLease(ConnectionAdmission admission, IPAddress clientAddress, IPAddress key, AdmissionSlot slot)
    {
        _admission = admission;
        ClientAddress = clientAddress;
        _key = key;
        _slot = slot;
    }

    /// <summary>The client's address (after <see cref="ClientAddressResolver"/>), for per-IP rate limits and logs.</summary>
    public IPAddress ClientAddress { get; }

    /// <summary>True once released.</summary>
    public bool IsReleased => Volatile.Read(ref _released) != 0;

    /// <summary>Releases the connection's place under both caps; later calls do nothing.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
            _admission.Release(_key, _slot);
    }
}
