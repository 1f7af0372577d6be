using Relay.Server.Http.Internal;

namespace Relay.Server.Http;

/// <summary>Adds the relay's HTTP perimeter to the request pipeline.</summary>
public static class RelayHttpApplicationBuilderExtensions
{
    /// <summary>
    /// Answers what is not a WebSocket upgrade: at <c>/</c> the NIP-11 document for
    /// <c>Accept: application/nostr+json</c>, <c>OPTIONS</c> preflight (204) with CORS headers, and an HTML page
    /// otherwise; <c>/healthz</c> (200 while the process serves) and <c>/readyz</c> (200 when
    /// <see cref="RelayReadiness"/> is ready, else 503). Upgrade requests at <c>/</c> and other paths go on to the
    /// next middleware, so map the relay's WebSocket endpoint at <c>/</c> after this and let ASP.NET Core answer
    /// 404 for the rest. Also marks <see cref="RelayReadiness"/> as shutting down when the host begins to stop.
    /// Requires <c>services.AddRelayHttp(...)</c> (<see cref="RelayHttpServiceCollectionExtensions"/>).
    /// </summary>
    public static IApplicationBuilder UseRelayFrontDoor(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var readiness = app.ApplicationServices.GetRequiredService<RelayReadiness>();
        app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(readiness.BeginShutdown);
        return app.UseMiddleware<FrontDoorMiddleware>();
    }
}
