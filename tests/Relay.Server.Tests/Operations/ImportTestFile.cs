using System.Text;
using Relay.Nostr.Events;
using Relay.Server.Operations;

namespace Relay.Server.Tests.Operations;

/// <summary>
/// A crafted dump with one line of every kind <c>relay import</c> must tell apart, and the outcome each deserves.
/// Events are signed in the test; the faulty ones are tampered copies.
/// </summary>
internal static class ImportTestFile
{
    public static (string Text, Dictionary<ImportOutcome, long> Expected, int BlankLines, long StoredAfter) Create()
    {
        var now = SignedEvents.Now;
        var (alice, bob) = (SignedEvents.Alice, SignedEvents.Bob);
        var e1 = SignedEvents.Note(alice, now - 500, "hello");
        var e2 = SignedEvents.Note(bob, now - 490, "crlf line");
        var forId = SignedEvents.Note(alice, now - 480, "original content");
        var forSig = SignedEvents.Note(bob, now - 470, "signed");
        var expired = SignedEvents.Note(alice, now - 460, "gone", 1, new NostrTag("expiration", (now - 10).ToString()));
        var future = SignedEvents.Note(alice, now + 3600, "from the future");
        var ephemeral = SignedEvents.Note(alice, now - 450, "typing", kind: 20001);
        var newProfile = SignedEvents.Note(alice, now - 100, "{\"name\":\"new\"}", kind: 0);
        var oldProfile = SignedEvents.Note(alice, now - 200, "{\"name\":\"old\"}", kind: 0);
        var e4 = SignedEvents.Note(alice, now - 440, "regret");
        var deletion = SignedEvents.Note(alice, now - 430, "", 5, new NostrTag("e", e4.Id.ToString()));
        var foreign = SignedEvents.Note(bob, now - 420, "", 5, new NostrTag("e", e1.Id.ToString()));
        var e5 = SignedEvents.Note(bob, now - 410, "last line, no newline");

        var sig = forSig.ToString();
        var sigStart = sig.IndexOf("\"sig\":\"", StringComparison.Ordinal) + 7;
        var flipped = sig[sigStart] == '0' ? '1' : '0';
        var badSig = sig[..sigStart] + flipped + sig[(sigStart + 1)..];

        var text = new StringBuilder()
            .Append(e1).Append('\n')                                                          // stored
            .Append(e2).Append("\r\n")                                                        // stored (CRLF)
            .Append(e1).Append('\n')                                                          // duplicate
            .Append(forId.ToString().Replace("original content", "altered content", StringComparison.Ordinal)).Append('\n') // bad id
            .Append(badSig).Append('\n')                                                      // bad signature
            .Append("not json at all\n")                                                      // invalid JSON
            .Append("{\"id\":\n")                                                             // invalid JSON (truncated)
            .Append("[1,2]\n")                                                                // invalid event
            .Append("{}\n")                                                                   // invalid event
            .Append('\n')                                                                     // blank
            .Append(expired).Append('\n')                                                     // expired
            .Append(future).Append('\n')                                                      // created_at out of range
            .Append(ephemeral).Append('\n')                                                   // ephemeral
            .Append(newProfile).Append('\n')                                                  // stored
            .Append(oldProfile).Append('\n')                                                  // superseded
            .Append(e4).Append('\n')                                                          // stored
            .Append(deletion).Append('\n')                                                    // stored (deletes e4)
            .Append(e4).Append('\n')                                                          // deleted
            .Append(foreign).Append('\n')                                                     // foreign deletion
            .Append("   \t\r\n")                                                              // blank (whitespace, CRLF)
            .Append('{').Append('x', 200_000).Append("}\n")                                   // line too long
            .Append(e5);                                                                      // stored, no final LF

        var expected = new Dictionary<ImportOutcome, long>
        {
            [ImportOutcome.Stored] = 6,
            [ImportOutcome.Duplicate] = 1,
            [ImportOutcome.BadId] = 1,
            [ImportOutcome.BadSignature] = 1,
            [ImportOutcome.InvalidJson] = 2,
            [ImportOutcome.InvalidEvent] = 2,
            [ImportOutcome.Expired] = 1,
            [ImportOutcome.CreatedAtOutOfRange] = 1,
            [ImportOutcome.Ephemeral] = 1,
            [ImportOutcome.Superseded] = 1,
            [ImportOutcome.Deleted] = 1,
            [ImportOutcome.ForeignDeletion] = 1,
            [ImportOutcome.LineTooLong] = 1,
        };

        // e1, e2, the new profile, the deletion request and e5; e4 was deleted.
        return (text.ToString(), expected, 2, 5);
    }
}
