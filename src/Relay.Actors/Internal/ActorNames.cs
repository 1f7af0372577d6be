namespace Relay.Actors.Internal;

/// <summary>Actor name rules and anonymous names, as in Akka.NET.</summary>
internal static class ActorNames
{
    // Akka.NET's alphabet for "$"-prefixed anonymous names.
    private const string Base64Chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";
    private const string Punctuation = "-:@&=+,.!~*'_;";

    /// <summary><c>$a</c>, <c>$b</c>, …, <c>$ab</c> (least significant digit first, like Akka).</summary>
    public static string Anonymous(long counter)
    {
        Span<char> buffer = stackalloc char[13];
        buffer[0] = '$';
        var length = 1;
        var next = (ulong)counter;
        do
        {
            buffer[length++] = Base64Chars[(int)(next & 63)];
            next >>= 6;
        }
        while (next != 0);
        return new string(buffer[..length]);
    }

    /// <summary>Akka's path-element rule: not empty, no leading <c>$</c> (reserved for anonymous names),
    /// letters, digits, <c>-:@&amp;=+,.!~*'_;</c>, <c>$</c> after the first character, and <c>%XX</c> escapes.</summary>
    public static void Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0) throw new InvalidActorNameException("Actor name must not be empty.");
        if (name[0] == '$') throw new InvalidActorNameException($"Illegal actor name [{name}]. It must not start with '$'.");
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsLetterOrDigit(c) || Punctuation.Contains(c) || c == '$') continue;
            if (c == '%' && i + 2 < name.Length && char.IsAsciiHexDigit(name[i + 1]) && char.IsAsciiHexDigit(name[i + 2]))
            {
                i += 2;
                continue;
            }
            throw new InvalidActorNameException(
                $"Illegal actor name [{name}]. Actor paths MUST: not start with `$`, include only ASCII letters and can only contain these special characters: {Punctuation}.");
        }
    }
}
