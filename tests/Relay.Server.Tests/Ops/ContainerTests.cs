using System.Text.Json;
using System.Text.RegularExpressions;
using Relay.Server.Tests.Diagnostics;

namespace Relay.Server.Tests.Ops;

/// <summary>
/// docker-compose.yml, Dockerfile and .dockerignore without a Docker engine: Debian's docker-compose 1.29 validates
/// and resolves the compose file; the resolved file and the Dockerfile are checked against the repository.
/// </summary>
public class ContainerTests
{
    private const string DockerCompose = "/usr/bin/docker-compose";
    private const string Python = "/usr/bin/python3";

    private static async Task<ExternalTool.Result> ComposeAsync(string file, params string[] arguments)
    {
        ExternalTool.Require(DockerCompose, "docker-compose");
        return await ExternalTool.RunAsync(DockerCompose, ["-f", file, .. arguments]);
    }

    /// <summary>The compose file as docker-compose resolves it (absolute bind paths, defaults filled), as JSON.</summary>
    private static async Task<JsonDocument> ResolvedComposeAsync()
    {
        var config = await ComposeAsync("docker-compose.yml", "config");
        Assert.True(config.ExitCode == 0, config.Both);
        // python3-yaml comes with Debian's docker-compose, which is itself written in Python.
        var json = await ExternalTool.RunAsync(Python, ["-c", "import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))"], config.Output);
        Assert.True(json.ExitCode == 0, json.Both);
        return JsonDocument.Parse(json.Output);
    }

    [Fact]
    public async Task Compose_file_passes_docker_compose_config()
    {
        var result = await ComposeAsync("docker-compose.yml", "config", "-q");
        Assert.True(result.ExitCode == 0, $"docker-compose config -q failed:\n{result.Both}");
        Assert.Equal("", result.Both.Trim());
    }

    [Fact]
    public async Task Docker_compose_config_rejects_an_invalid_file_so_the_check_above_can_fail()
    {
        var directory = Directory.CreateTempSubdirectory("relay-compose-");
        try
        {
            var file = Path.Combine(directory.FullName, "docker-compose.yml");
            await File.WriteAllTextAsync(file, "services:\n  relay:\n    image: relay\n    restart: sometimes-maybe\n    ports: 7777\n");
            var result = await ComposeAsync(file, "config", "-q");
            Assert.NotEqual(0, result.ExitCode);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Compose_file_has_no_top_level_name_or_version_for_compose_v1()
    {
        var text = File.ReadAllText(RepositoryRoot.File("docker-compose.yml"));
        Assert.DoesNotMatch(new Regex("^name:", RegexOptions.Multiline), text);
        Assert.DoesNotMatch(new Regex("^version:", RegexOptions.Multiline), text);
    }

    [Fact]
    public async Task Every_bind_mount_source_exists_in_the_repository()
    {
        using var compose = await ResolvedComposeAsync();
        var mounts = compose.RootElement.GetProperty("services").EnumerateObject()
            .SelectMany(s => s.Value.TryGetProperty("volumes", out var v) ? v.EnumerateArray() : [])
            .Select(v => v.GetString()!.Split(':')[0])
            .Where(source => source.StartsWith('/'))
            .ToArray();
        Assert.Equal(3, mounts.Length);   // Prometheus config, Grafana provisioning and dashboards
        foreach (var source in mounts)
        {
            Assert.StartsWith(RepositoryRoot.Path + "/ops/", source, StringComparison.Ordinal);
            Assert.True(Directory.Exists(source) || File.Exists(source), $"{source} is mounted but does not exist");
        }
    }

    [Fact]
    public async Task Every_service_restarts_has_a_healthcheck_and_keeps_its_data_in_a_named_volume()
    {
        using var compose = await ResolvedComposeAsync();
        var services = compose.RootElement.GetProperty("services");
        Assert.Equal(["grafana", "prometheus", "relay"], services.EnumerateObject().Select(s => s.Name).Order());
        var volumes = compose.RootElement.GetProperty("volumes").EnumerateObject().Select(v => v.Name).ToHashSet();
        foreach (var (service, dataPath) in new[] { ("relay", "/data"), ("prometheus", "/prometheus"), ("grafana", "/var/lib/grafana") })
        {
            var definition = services.GetProperty(service);
            Assert.Equal("unless-stopped", definition.GetProperty("restart").GetString());
            Assert.True(definition.GetProperty("healthcheck").GetProperty("test").GetArrayLength() > 1, service);
            var dataVolume = definition.GetProperty("volumes").EnumerateArray().Select(v => v.GetString()!.Split(':'))
                .Single(parts => parts[1] == dataPath)[0];
            Assert.Contains(dataVolume, volumes);
        }
    }

    [Fact]
    public async Task Relay_service_is_checked_by_its_own_binary_and_published_on_7777()
    {
        using var compose = await ResolvedComposeAsync();
        var relay = compose.RootElement.GetProperty("services").GetProperty("relay");
        Assert.Equal(["CMD", "/app/relay", "health"], relay.GetProperty("healthcheck").GetProperty("test").EnumerateArray().Select(e => e.GetString()!));
        // docker-compose resolves "${RELAY_PORT:-7777}:7777" to the long syntax.
        var port = relay.GetProperty("ports")[0];
        Assert.Equal((7777, 7777), (port.GetProperty("published").GetInt32(), port.GetProperty("target").GetInt32()));
        Assert.Equal(".", Path.GetRelativePath(RepositoryRoot.Path, relay.GetProperty("build").GetProperty("context").GetString()!));
    }

    [Fact]
    public async Task Prometheus_accepts_remote_write_and_reads_the_mounted_config()
    {
        using var compose = await ResolvedComposeAsync();
        var prometheus = compose.RootElement.GetProperty("services").GetProperty("prometheus");
        var command = prometheus.GetProperty("command").EnumerateArray().Select(c => c.GetString()!).ToArray();
        Assert.Contains("--web.enable-remote-write-receiver", command);
        Assert.Contains("--config.file=/etc/prometheus/prometheus.yml", command);
        Assert.Contains(prometheus.GetProperty("volumes").EnumerateArray(), v => v.GetString()!.EndsWith("/ops/prometheus:/etc/prometheus:ro", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Grafana_provisioning_points_at_the_mounted_dashboards()
    {
        using var compose = await ResolvedComposeAsync();
        var grafana = compose.RootElement.GetProperty("services").GetProperty("grafana");
        var dashboardsTarget = grafana.GetProperty("volumes").EnumerateArray().Select(v => v.GetString()!.Split(':'))
            .Single(parts => parts[0].EndsWith("/ops/grafana/dashboards", StringComparison.Ordinal))[1];
        var provider = File.ReadAllText(RepositoryRoot.File("ops", "grafana", "provisioning", "dashboards", "relay.yml"));
        Assert.Matches(new Regex($@"^\s*path:\s*{Regex.Escape(dashboardsTarget)}\s*$", RegexOptions.Multiline), provider);
        var home = grafana.GetProperty("environment").GetProperty("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH").GetString()!;
        Assert.Equal(dashboardsTarget, Path.GetDirectoryName(home));
        Assert.True(File.Exists(RepositoryRoot.File("ops", "grafana", "dashboards", Path.GetFileName(home))));
        var datasource = File.ReadAllText(RepositoryRoot.File("ops", "grafana", "provisioning", "datasources", "prometheus.yml"));
        Assert.Contains("url: http://prometheus:9090", datasource, StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfile_builds_with_the_SDK_and_runs_the_relay_as_a_non_root_user()
    {
        var lines = File.ReadAllLines(RepositoryRoot.File("Dockerfile")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        var froms = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime"], froms);
        var runtime = lines.SkipWhile(l => l != froms[1]).ToArray();
        Assert.Contains(runtime, l => l.Contains("apt-get install -y --no-install-recommends libsecp256k1-1", StringComparison.Ordinal));
        Assert.Contains("USER $APP_UID", runtime);
        Assert.Contains("VOLUME /data", runtime);
        Assert.Contains("EXPOSE 7777", runtime);
        Assert.Contains("HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD [\"/app/relay\", \"health\"]", runtime);
        Assert.Contains("ENTRYPOINT [\"/app/relay\"]", runtime);
        Assert.Contains("CMD [\"serve\", \"--listen\", \"0.0.0.0:7777\", \"--data\", \"/data\"]", runtime);
        Assert.True(Array.IndexOf(runtime, "USER $APP_UID") < Array.IndexOf(runtime, "ENTRYPOINT [\"/app/relay\"]"));
    }

    [Fact]
    public void Every_file_the_Dockerfile_copies_exists_and_is_in_the_build_context()
    {
        var ignored = File.ReadAllLines(RepositoryRoot.File(".dockerignore"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.TrimEnd('/')).ToHashSet();
        var copies = File.ReadAllLines(RepositoryRoot.File("Dockerfile"))
            .Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from=", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1])
            .ToArray();
        Assert.True(copies.Length >= 8);
        foreach (var source in copies)
        {
            Assert.True(File.Exists(RepositoryRoot.File(source)) || Directory.Exists(RepositoryRoot.File(source)), $"COPY {source}: not in the repository");
            Assert.DoesNotContain(source.TrimEnd('/'), ignored);
            Assert.DoesNotContain(source.Split('/')[0], ignored);
        }
        // Every project the relay references is restored from a copied project file.
        var server = File.ReadAllText(RepositoryRoot.File("src", "Relay.Server", "Relay.Server.csproj"));
        foreach (Match reference in Regex.Matches(server, "ProjectReference Include=\"\\.\\./([^/]+)/"))
            Assert.Contains($"src/{reference.Groups[1].Value}/{reference.Groups[1].Value}.csproj", copies);
    }

    [Fact]
    public void Dockerignore_keeps_build_outputs_and_the_git_directory_out_of_the_context()
    {
        var ignored = File.ReadAllLines(RepositoryRoot.File(".dockerignore")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet();
        foreach (var pattern in new[] { ".git", "**/bin/", "**/obj/", "**/node_modules/", "tests/", "*.db" })
            Assert.Contains(pattern, ignored);
        Assert.DoesNotContain("src/", ignored);
    }
}
