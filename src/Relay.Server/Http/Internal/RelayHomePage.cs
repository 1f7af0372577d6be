using System.Text;
using System.Text.Encodings.Web;

namespace Relay.Server.Http.Internal;

/// <summary>The small HTML page a browser gets at the relay URL. Every configured or request-derived value is HTML-encoded.</summary>
internal static class RelayHomePage
{
    public const string ContentType = "text/html; charset=utf-8";

    private const string Nip11Url = "https://github.com/nostr-protocol/nips/blob/master/11.md";

    public static byte[] Render(RelayInfoOptions info, string webSocketUrl)
    {
        var html = HtmlEncoder.Default;
        var name = html.Encode(info.Name ?? "Nostr relay");
        var url = html.Encode(webSocketUrl);
        var page = new StringBuilder(1024)
            .Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(name).Append("</title>\n</head>\n<body>\n")
            .Append("<h1>").Append(name).Append("</h1>\n");
        if (info.Description is { } description)
        {
            // NIP-11: paragraphs are separated by a blank line.
            foreach (var paragraph in description.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                page.Append("<p>").Append(html.Encode(paragraph)).Append("</p>\n");
        }

        page.Append("<p>This is a <a href=\"https://nostr.com/\">Nostr</a> relay. Add <code>").Append(url)
            .Append("</code> to your Nostr client.</p>\n")
            .Append("<p>Its relay information document (<a href=\"").Append(Nip11Url).Append("\">NIP-11</a>) is served here to requests with ")
            .Append("<code>Accept: ").Append(RelayInformation.MediaType).Append("</code>.</p>\n")
            .Append("</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(page.ToString());
    }

    /// <summary>The configured public URL, else ws(s)://host/pathbase of this request.</summary>
    public static string WebSocketUrl(RelayInfoOptions info, HttpRequest request)
    {
        if (info.PublicUrl is { } configured)
            return configured;
        var scheme = request.IsHttps ? "wss" : "ws";
        return $"{scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";
    }
}
