using System.Text.RegularExpressions;

namespace Inburgering.ArchitectureTests;

/// <summary>
/// The container image cannot be built on a machine without a container engine, so its essentials are read from the
/// Dockerfile: one image for every role, an unprivileged user, the app as entrypoint, the port the chart probes.
/// </summary>
public sealed partial class DeploymentTests
{
    private static readonly string Root = SourceRulesTests.RepositoryRoot();

    private static IReadOnlyList<(string Instructie, string Argument)> Regels() =>
        [.. File.ReadAllText(Path.Combine(Root, "etc/docker/Dockerfile")).Replace("\\\n", " ", StringComparison.Ordinal).Split('\n')
            .Select(r => r.Trim()).Where(r => r.Length > 0 && !r.StartsWith('#'))
            .Select(r => (r.Split(' ', 2)[0].ToUpperInvariant(), r.Split(' ', 2).ElementAtOrDefault(1)?.Trim() ?? string.Empty))];

    /// <summary>The instructions of the last stage: what actually runs.</summary>
    private static List<(string Instructie, string Argument)> Laatste()
    {
        var regels = Regels();
        var begin = regels.Select((r, i) => (r, i)).Last(x => x.r.Instructie == "FROM").i;
        return [.. regels.Skip(begin)];
    }

    [Fact]
    public void The_image_is_built_in_one_stage_and_runs_from_the_aspnet_runtime_in_another()
    {
        var stages = Regels().Where(r => r.Instructie == "FROM").Select(r => r.Argument).ToList();

        Assert.True(stages.Count >= 2, "multi-stage");
        Assert.Contains("dotnet/sdk:10.0", stages[0], StringComparison.Ordinal);
        Assert.Matches("dotnet/aspnet:10\\.0", stages[^1]);
        Assert.Contains(Laatste(), r => r.Instructie == "COPY" && r.Argument.Contains("--from=build", StringComparison.Ordinal));
    }

    [Fact]
    public void The_app_runs_as_an_unprivileged_user_with_the_same_id_the_chart_demands()
    {
        var user = Laatste().Last(r => r.Instructie == "USER").Argument;
        var uid = user.Split(':')[0];

        Assert.True(int.TryParse(uid, out var id) && id > 0, $"USER must be a numeric id other than 0, was '{user}'");
        var values = File.ReadAllText(Path.Combine(Root, "helm/inburgering/values.yaml"));
        Assert.Contains($"runAsUser: {id}", values, StringComparison.Ordinal);
        Assert.Contains("runAsNonRoot: true", values, StringComparison.Ordinal);
        Assert.Contains("readOnlyRootFilesystem: true", values, StringComparison.Ordinal);
        Assert.Contains("allowPrivilegeEscalation: false", values, StringComparison.Ordinal);
    }

    [Fact]
    public void The_entrypoint_is_the_app_with_web_as_the_default_role_and_every_role_selectable()
    {
        var laatste = Laatste();

        Assert.Equal("[\"dotnet\", \"Inburgering.Web.dll\"]", laatste.Last(r => r.Instructie == "ENTRYPOINT").Argument);
        Assert.Equal("[\"--role\", \"web\"]", laatste.Last(r => r.Instructie == "CMD").Argument);
        var chart = string.Concat(Directory.EnumerateFiles(Path.Combine(Root, "helm/inburgering/templates")).Select(File.ReadAllText));
        Assert.Contains("args: [\"--role\", \"web\"]", chart, StringComparison.Ordinal);
        Assert.Contains("args: [\"--role\", \"worker\"]", chart, StringComparison.Ordinal);
        Assert.Contains("args: [\"--migrate\"]", chart, StringComparison.Ordinal);
    }

    [Fact]
    public void The_exposed_port_is_the_one_the_app_listens_on_and_the_chart_probes()
    {
        var laatste = Laatste();
        var expose = laatste.Single(r => r.Instructie == "EXPOSE").Argument;
        var urls = UrlsPattern().Match(string.Join(' ', laatste.Where(r => r.Instructie == "ENV").Select(r => r.Argument)));

        Assert.True(urls.Success, "ASPNETCORE_URLS is set");
        Assert.Equal(expose, urls.Groups[1].Value);
        var chart = string.Concat(Directory.EnumerateFiles(Path.Combine(Root, "helm/inburgering/templates")).Select(File.ReadAllText));
        Assert.Contains($"containerPort: {expose}", chart, StringComparison.Ordinal);
        Assert.Contains("path: /health/live", chart, StringComparison.Ordinal);
        Assert.Contains("path: /health/ready", chart, StringComparison.Ordinal);
    }

    [Fact]
    public void Chromium_is_in_the_runtime_image_for_PDF_letters()
    {
        var installs = string.Join(' ', Laatste().Where(r => r.Instructie == "RUN").Select(r => r.Argument));

        Assert.Matches("apt-get install[^&]*\\bchromium\\b", installs);
        Assert.Contains(Laatste(), r => r.Instructie == "ENV" && r.Argument.Contains("Pdf__Chromium=/usr/bin/chromium", StringComparison.Ordinal));
    }

    [GeneratedRegex("ASPNETCORE_URLS=http://\\+:(\\d+)")]
    private static partial Regex UrlsPattern();
}
