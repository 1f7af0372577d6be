using Relay.Server.Tests.Diagnostics;

namespace Relay.Server.Tests.Ops;

/// <summary>
/// One catalogue app with every instrument recorded, scraped every second by one real Prometheus that also
/// evaluates ops/prometheus/alerts.yml. Shared by the scrape, dashboard and alert tests (starting Prometheus
/// takes seconds); ready once the target has been scraped a few times, so rate() has two samples to work with.
/// </summary>
public sealed class ScrapedRelayFixture : IAsyncLifetime
{
    private CatalogueApp? _app;
    private PrometheusServer? _prometheus;

    internal CatalogueApp App => _app ?? throw new InvalidOperationException("fixture not started");

    internal PrometheusServer Prometheus => _prometheus ?? throw new InvalidOperationException("fixture not started");

    public async Task InitializeAsync()
    {
        _app = await CatalogueApp.StartAsync();
        _app.RecordEverything();
        _prometheus = await PrometheusServer.StartAsync(_app.MetricsUri, RepositoryRoot.File("ops", "prometheus", "alerts.yml"));
        await _prometheus.WaitForScrapesAsync(3, TimeSpan.FromSeconds(45));
        // Activity between scrapes, so counters have increases and histograms have rates to take quantiles of.
        _app.RecordEverything();
        await _prometheus.WaitForScrapesAsync(5, TimeSpan.FromSeconds(45));
    }

    public async Task DisposeAsync()
    {
        if (_prometheus is not null) await _prometheus.DisposeAsync();
        if (_app is not null) await _app.DisposeAsync();
    }
}
