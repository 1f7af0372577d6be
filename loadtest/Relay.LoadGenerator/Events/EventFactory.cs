using System.Security.Cryptography;
using System.Text;
using Relay.LoadGenerator.Nostr;
using Relay.Nostr.Crypto;
using Relay.Nostr.Events;

namespace Relay.LoadGenerator.Events;

/// <summary>Derives author keys and signs events in parallel, before a measurement starts.</summary>
internal static class EventFactory
{
    /// <summary>The author keys of <paramref name="recipe"/> (see <see cref="EventRecipe.KeySeed"/>).</summary>
    public static SecretKey[] AuthorKeys(EventRecipe recipe)
    {
        var keys = new SecretKey[recipe.Authors];
        for (var i = 0; i < keys.Length; i++)
            keys[i] = SecretKey.FromBytes(SHA256.HashData(Encoding.UTF8.GetBytes($"{recipe.KeySeed}/author/{i}")));
        return keys;
    }

    /// <summary>The authors' public keys as hex, for queries over what <c>seed</c> or the script stored.</summary>
    public static string[] AuthorPubKeys(EventRecipe recipe) =>
        Array.ConvertAll(AuthorKeys(recipe), key => key.GetPublicKey().ToString());

    /// <summary>Signs events <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1 of a run of <paramref name="total"/>.</summary>
    /// <param name="recipe">What to sign.</param>
    /// <param name="keys">From <see cref="AuthorKeys"/>.</param>
    /// <param name="first">Index of the first event in the run (authors and timestamps follow the index).</param>
    /// <param name="count">How many to sign now.</param>
    /// <param name="total">Events in the whole run, for spreading timestamps.</param>
    /// <param name="now">Unix seconds the run's newest event is stamped with.</param>
    public static PreparedEvent[] Sign(EventRecipe recipe, SecretKey[] keys, long first, int count, long total, long now)
    {
        var events = new PreparedEvent[count];
        Parallel.For(0, count, i =>
        {
            var index = first + i;
            var createdAt = now - (total - 1 - index) * recipe.SpreadSeconds / Math.Max(total, 1);
            var kind = recipe.Kinds[(int)(index % recipe.Kinds.Count)];
            NostrTag[] tags = Kinds.Classify(kind) == KindClass.Addressable
                ? [new NostrTag("t", recipe.Tag), new NostrTag("d", $"load-{index}")]
                : [new NostrTag("t", recipe.Tag)];
            var signed = NostrEvent.Create(keys[index % keys.Length], createdAt, kind, tags, Content(recipe.ContentBytes));
            events[i] = Prepare(signed);
        });
        return events;
    }

    /// <summary>Wraps a signed event for publishing.</summary>
    public static PreparedEvent Prepare(NostrEvent signed) =>
        new(signed.Id.ToString(), signed.PubKey.ToString(), signed.Json, ClientFrames.Event(signed.Json.Span));

    /// <summary>Random printable content, so every run's ids differ even at the same second.</summary>
    private static string Content(int length)
    {
        Span<byte> random = stackalloc byte[Math.Min((length * 3 / 4) + 3, 48 * 1024)];
        RandomNumberGenerator.Fill(random);
        var text = Convert.ToBase64String(random);
        return text.Length > length ? text[..length] : text;
    }
}
