using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Relay.Nostr.Crypto;
using Relay.Nostr.Events;
using Relay.Nostr.Messages;
using Relay.Nostr.Tests.Support;

namespace Relay.Nostr.Tests.CrossCheck;

/// <summary>
/// Cross-check with an independent implementation: events created and signed by nostr-tools must hash and
/// verify identically here, tampered copies must fail, and events signed here must verify in nostr-tools.
/// </summary>
public class NostrToolsCorpusTests(NostrToolsCorpus corpus) : IClassFixture<NostrToolsCorpus>
{
    /// <summary>Keeps non-ASCII verbatim when re-serialising tampered copies, so they stay within the message limit.</summary>
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void The_corpus_comes_from_the_pinned_nostr_tools_and_covers_the_hard_cases()
    {
        Assert.Equal("2.25.2", corpus.Version);
        Assert.Equal(64, corpus.Cases.Count(c => c.Name.StartsWith("C0 ", StringComparison.Ordinal)));
        Assert.Equal(18, corpus.Cases.Count(c => c.Name.StartsWith("kind ", StringComparison.Ordinal)));
        Assert.Contains(corpus.Cases, c => c.Json.Contains('\u007f'));
        Assert.Contains(corpus.Cases, c => c.Json.Contains('\u2028'));
        Assert.Contains(corpus.Cases, c => c.Json.Contains('\u2029'));
        Assert.Contains(corpus.Cases, c => c.Json.Contains("😀", StringComparison.Ordinal));
        Assert.True(corpus.Cases.Max(c => Encoding.UTF8.GetByteCount(c.Json)) > 50_000);
    }

    [Fact]
    public void Events_signed_by_nostr_tools_hash_and_verify_identically_on_both_implementations()
    {
        foreach (var c in corpus.Cases.Where(c => c.ExpectValid))
        {
            var e = ParseEvent(c);
            var theirs = JsonNode.Parse(c.Json)!;
            Assert.True(theirs["id"]!.GetValue<string>() == e.Id.ToString(), c.Name);
            Assert.True(NaiveNip01.Id(e) == e.Id.ToString(), c.Name);
            Assert.True(e.VerifySignature(NativeBackend.Required), c.Name);
            Assert.True(e.VerifySignature(SchnorrBackends.Managed), c.Name);
            Assert.True(theirs["content"]!.GetValue<string>() == e.Content, c.Name);
        }
    }

    [Fact]
    public void Lone_surrogates_that_nostr_tools_signs_are_refused_as_invalid()
    {
        var invalid = corpus.Cases.Where(c => !c.ExpectValid).ToList();
        Assert.Equal(2, invalid.Count);
        foreach (var c in invalid)
        {
            Assert.False(ClientMessageParser.TryParse(Encoding.UTF8.GetBytes($"[\"EVENT\",{c.Json}]"), NostrLimits.Default, out _, out var error));
            Assert.Equal(NostrReplyKind.OkFalse, error.Reply);
            Assert.EndsWith("is not valid UTF-8 (or has an unpaired surrogate escape)", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Tampered_copies_fail_the_id_check_or_the_signature()
    {
        foreach (var c in corpus.Cases.Where(c => c.ExpectValid))
        {
            ExpectIdMismatch(c, Tamper(c, n => n["content"] = n["content"]!.GetValue<string>() + "x"));
            ExpectIdMismatch(c, Tamper(c, n => n["created_at"] = n["created_at"]!.GetValue<long>() ^ 1));
            ExpectIdMismatch(c, Tamper(c, n => n["tags"]!.AsArray().Add(new JsonArray("t", "added"))));
            ExpectIdMismatch(c, Tamper(c, n => n["kind"] = n["kind"]!.GetValue<int>() ^ 1));

            // A forged event whose id is recomputed passes the id check but not the signature.
            var forged = ParseEvent(c with { Json = Tamper(c, n => n["content"] = n["content"]!.GetValue<string>() + "!") }, recomputeId: true);
            Assert.False(forged.VerifySignature(NativeBackend.Required), c.Name);
            Assert.False(forged.VerifySignature(SchnorrBackends.Managed), c.Name);

            var sig = JsonNode.Parse(c.Json)!["sig"]!.GetValue<string>();
            var flipped = ParseEvent(c with { Json = Tamper(c, n => n["sig"] = (sig[0] == '0' ? "1" : "0") + sig[1..]) });
            Assert.False(flipped.VerifySignature(NativeBackend.Required), c.Name);
            Assert.False(flipped.VerifySignature(SchnorrBackends.Managed), c.Name);
        }
    }

    [Fact]
    public void Events_signed_here_and_our_stored_form_of_theirs_verify_in_nostr_tools()
    {
        var ours = new List<NostrEvent>();
        var i = 0;
        foreach (var c in corpus.Cases.Where(c => c.ExpectValid))
        {
            var theirs = ParseEvent(c);
            ours.Add(theirs);
            var backend = i++ % 2 == 0 ? NativeBackend.Required : SchnorrBackends.Managed;
            ours.Add(NostrEvent.Create(TestEvents.Bob, theirs.CreatedAt, theirs.Kind, theirs.Tags, theirs.Content, backend));
        }

        var results = NostrToolsCorpus.Verify(ours.Select(e => e.ToString()));
        Assert.Equal(ours.Count, results.Count);
        for (var k = 0; k < ours.Count; k++)
        {
            Assert.Equal(ours[k].Id.ToString(), results[k].Hash);
            Assert.True(results[k].Verified, $"nostr-tools refused {ours[k].Id} (kind {ours[k].Kind})");
        }
    }

    private static NostrEvent ParseEvent(CorpusCase c, bool recomputeId = false)
    {
        var json = c.Json;
        if (recomputeId)
        {
            Assert.True(NostrEvent.TryParse(Encoding.UTF8.GetBytes(json), NostrLimits.Default, out _, out var mismatch) is false);
            Assert.Equal("invalid: id does not match the sha256 of the serialized event", mismatch);
            var node = JsonNode.Parse(json)!;
            var tags = node["tags"]!.AsArray().Select(t => new NostrTag([.. t!.AsArray().Select(v => v!.GetValue<string>())]));
            var preimage = $"[0,\"{node["pubkey"]}\",{node["created_at"]},{node["kind"]},{NaiveNip01.Tags(tags)},{NaiveNip01.Quote(node["content"]!.GetValue<string>())}]";
            node["id"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(preimage)));
            json = node.ToJsonString(Relaxed);
        }

        Assert.True(
            ClientMessageParser.TryParse(Encoding.UTF8.GetBytes($"[\"EVENT\",{json}]"), NostrLimits.Default, out var message, out var error),
            $"{c.Name}: {error.Message}");
        return Assert.IsType<EventMessage>(message).Event;
    }

    private static void ExpectIdMismatch(CorpusCase c, string tampered)
    {
        Assert.False(ClientMessageParser.TryParse(Encoding.UTF8.GetBytes($"[\"EVENT\",{tampered}]"), NostrLimits.Default, out _, out var error));
        Assert.True(error.Reason == ClientErrorReason.EventIdMismatch, $"{c.Name}: {error.Message}");
        Assert.Equal(NostrReplyKind.OkFalse, error.Reply);
    }

    private static string Tamper(CorpusCase c, Action<JsonNode> change)
    {
        var node = JsonNode.Parse(c.Json)!;
        change(node);
        return node.ToJsonString(Relaxed);
    }
}
