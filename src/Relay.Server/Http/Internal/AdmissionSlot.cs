namespace Relay.Server.Http.Internal;

/// <summary>
/// The open-connection count of one client address in <see cref="ConnectionAdmission"/>'s table. A slot whose
/// count fell to zero is retired (<see cref="Retired"/>) before it leaves the table, so an admission racing with
/// the last release never increments a slot that is no longer in the table: it sees the retired mark and takes
/// a fresh slot instead.
/// </summary>
internal sealed class AdmissionSlot
{
    public const int Retired = -1;

    /// <summary>Open connections; <see cref="Retired"/> once removed. Changed only with <see cref="Interlocked"/>.</summary>
    public int Count;
}
