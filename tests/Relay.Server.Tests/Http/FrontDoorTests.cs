using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Relay.Nostr;
using Relay.Server.Http;

namespace Relay.Server.Tests.Http;

/// <summary>The relay URL's non-WebSocket answers (NIP-11, CORS, HTML, 404, 405) over real HTTP on 127.0.0.1.</summary>
public class FrontDoorTests
{
    private const string Pubkey = "3bf0c63fcb93463407af97a5e5ee64fa883d107ef9e558472c4eb9aaaefa459d";

    private static Dictionary<string, string?> InfoSettings() => new()
    {
        ["Info:Name"] = "Test <relay>",
        ["Info:Description"] = "First & \"quoted\" paragraph.\n\n<script>alert(1)</script>",
        ["Info:Pubkey"] = Pubkey,
        ["Info:Contact"] = "mailto:ops@example.com",
        ["Info:Software"] = "https://example.com/relay",
        ["Info:Icon"] = "https://example.com/icon.png",
    };

    private static HttpRequestMessage NostrJsonRequest(HttpHost host)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, host.Address);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/nostr+json"));
        return request;
    }

    private static async Task<JsonDocument> DocumentAsync(HttpHost host)
    {
        using var client = HttpHost.Client();
        using var request = NostrJsonRequest(host);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_with_nostr_json_accept_answers_the_NIP11_document_with_CORS_headers()
    {
        await using var host = await HttpHost.StartAsync(InfoSettings());
        using var client = HttpHost.Client();
        using var request = NostrJsonRequest(host);
        request.Headers.Add("Origin", "https://client.example");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/nostr+json", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Headers").Single());
        Assert.Equal("GET, HEAD, OPTIONS", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Contains("Accept", response.Headers.Vary);

        using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        var root = document.RootElement;
        Assert.Equal("Test <relay>", root.GetProperty("name").GetString());
        Assert.Equal("First & \"quoted\" paragraph.\n\n<script>alert(1)</script>", root.GetProperty("description").GetString());
        Assert.Equal(Pubkey, root.GetProperty("pubkey").GetString());
        Assert.Equal("mailto:ops@example.com", root.GetProperty("contact").GetString());
        Assert.Equal("https://example.com/relay", root.GetProperty("software").GetString());
        Assert.Equal("https://example.com/icon.png", root.GetProperty("icon").GetString());
        Assert.Equal(RelayInformation.AssemblyVersion, root.GetProperty("version").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("version").GetString()));
        Assert.Equal([1, 9, 11, 40], root.GetProperty("supported_nips").EnumerateArray().Select(e => e.GetInt32()));
        Assert.False(root.TryGetProperty("banner", out _)); // not configured: omitted, not null
        Assert.False(root.TryGetProperty("posting_policy", out _));
    }

    [Fact]
    public async Task Limitation_block_equals_the_limits_the_core_enforces()
    {
        var limits = new NostrLimits
        {
            MaxMessageLength = 65_536, MaxSubscriptionsPerConnection = 20, MaxFiltersPerRequest = 10, MaxLimit = 300,
            DefaultLimit = 100, MaxSubscriptionIdLength = 64, MaxEventTags = 1_000, MaxContentLength = 8_196,
            CreatedAtUpperLimit = 600, CreatedAtLowerLimit = 94_608_000,
        };
        await using var host = await HttpHost.StartAsync(limits: limits);
        using var document = await DocumentAsync(host);
        var limitation = document.RootElement.GetProperty("limitation");

        Assert.Equal(65_536, limitation.GetProperty("max_message_length").GetInt32());
        Assert.Equal(20, limitation.GetProperty("max_subscriptions").GetInt32());
        Assert.Equal(10, limitation.GetProperty("max_filters").GetInt32());
        Assert.Equal(300, limitation.GetProperty("max_limit").GetInt32());
        Assert.Equal(100, limitation.GetProperty("default_limit").GetInt32());
        Assert.Equal(64, limitation.GetProperty("max_subid_length").GetInt32());
        Assert.Equal(1_000, limitation.GetProperty("max_event_tags").GetInt32());
        Assert.Equal(8_196, limitation.GetProperty("max_content_length").GetInt32());
        Assert.Equal(0, limitation.GetProperty("min_pow_difficulty").GetInt32());
        Assert.False(limitation.GetProperty("auth_required").GetBoolean());
        Assert.False(limitation.GetProperty("payment_required").GetBoolean());
        Assert.False(limitation.GetProperty("restricted_writes").GetBoolean());
        Assert.Equal(600, limitation.GetProperty("created_at_upper_limit").GetInt64());
        Assert.Equal(94_608_000, limitation.GetProperty("created_at_lower_limit").GetInt64());
        Assert.Equal(14, limitation.EnumerateObject().Count());
    }

    [Fact]
    public async Task Default_limits_omit_the_unbounded_created_at_lower_limit()
    {
        await using var host = await HttpHost.StartAsync();
        using var document = await DocumentAsync(host);
        var limitation = document.RootElement.GetProperty("limitation");
        Assert.False(limitation.TryGetProperty("created_at_lower_limit", out _));
        Assert.Equal(NostrLimits.Default.MaxMessageLength, limitation.GetProperty("max_message_length").GetInt32());
        Assert.False(document.RootElement.TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Accept_with_several_media_ranges_still_gets_the_document()
    {
        await using var host = await HttpHost.StartAsync();
        using var client = HttpHost.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, host.Address);
        request.Headers.TryAddWithoutValidation("Accept", "text/html;q=0.9, Application/Nostr+JSON;q=1");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/nostr+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Options_preflight_answers_204_with_CORS_headers()
    {
        await using var host = await HttpHost.StartAsync();
        using var client = HttpHost.Client();
        using var request = new HttpRequestMessage(HttpMethod.Options, host.Address);
        request.Headers.Add("Origin", "https://client.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "accept");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Headers").Single());
        Assert.Equal("GET, HEAD, OPTIONS", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Equal("86400", response.Headers.GetValues("Access-Control-Max-Age").Single());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Browser_get_answers_an_HTML_page_with_every_value_escaped()
    {
        await using var host = await HttpHost.StartAsync(InfoSettings());
        using var client = HttpHost.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, host.Address);
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Test &lt;relay&gt;</title>", html, StringComparison.Ordinal);
        Assert.Contains("<p>First &amp; &quot;quoted&quot; paragraph.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains($"<code>ws://127.0.0.1:{host.Address.Port}</code>", html, StringComparison.Ordinal);
        Assert.Contains("https://github.com/nostr-protocol/nips/blob/master/11.md", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_page_shows_the_configured_public_url()
    {
        var settings = new Dictionary<string, string?> { ["Info:PublicUrl"] = "wss://relay.example.com" };
        await using var host = await HttpHost.StartAsync(settings);
        using var client = HttpHost.Client();
        var html = await client.GetStringAsync(host.Address);
        Assert.Contains("<code>wss://relay.example.com</code>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Nostr relay</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_page_escapes_a_forged_host_header()
    {
        // Kestrel refuses such a Host with 400 before we see it; the page must not depend on that.
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Host = new Microsoft.AspNetCore.Http.HostString("x\"><script>");
        var url = Relay.Server.Http.Internal.RelayHomePage.WebSocketUrl(new RelayInfoOptions(), context.Request);
        var html = System.Text.Encoding.UTF8.GetString(Relay.Server.Http.Internal.RelayHomePage.Render(new RelayInfoOptions(), url));
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_answers_headers_without_a_body()
    {
        await using var host = await HttpHost.StartAsync();
        using var client = HttpHost.Client();
        using var request = new HttpRequestMessage(HttpMethod.Head, host.Address);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/nostr+json"));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/nostr+json", response.Content.Headers.ContentType!.ToString());
        Assert.True(response.Content.Headers.ContentLength > 0);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Post_to_the_relay_url_answers_405_with_Allow()
    {
        await using var host = await HttpHost.StartAsync();
        using var client = HttpHost.Client();
        using var response = await client.PostAsync(host.Address, new StringContent("{}"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD", "OPTIONS"], response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("/nope")]
    [InlineData("/index.html")]
    [InlineData("/healthz/extra")]
    [InlineData("/.well-known/nostr.json")]
    public async Task Other_paths_answer_404(string path)
    {
        await using var host = await HttpHost.StartAsync();
        using var client = HttpHost.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.Address, path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/nostr+json"));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
