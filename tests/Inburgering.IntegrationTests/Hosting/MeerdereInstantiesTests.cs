using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Data.ReferenceData;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inburgering.IntegrationTests.Hosting;

/// <summary>
/// Several instances on one PostgreSQL, as the Helm chart runs them: two web processes and one worker process (built
/// app, HTTPS, production settings), beside this fixture's own in-process instance, which also runs jobs.
/// </summary>
public sealed class MeerdereInstantiesFixture : AppFixture, IAsyncLifetime
{
    private static readonly TimeSpan Geduld = TimeSpan.FromMinutes(3);

    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
    {
        ["Signalen:IntervalMinuten"] = "1",
        ["Jobs:QueuePollInterval"] = "00:00:01",
    };

    internal AppProcess Web1 { get; private set; } = null!;

    internal AppProcess Web2 { get; private set; } = null!;

    internal AppProcess Worker { get; private set; } = null!;

    public Uri Url1 { get; private set; } = null!;

    public Uri Url2 { get; private set; } = null!;

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Web1 = Start(Omgeving(Database, Mail.Port), "--role", "web");
        Web2 = Start(Omgeving(Database, Mail.Port), "--role", "web");
        Worker = Start(Omgeving(Database, Mail.Port), "--role", "worker");
        Url1 = new Uri(await Web1.WaitForUrlAsync(Geduld));
        Url2 = new Uri(await Web2.WaitForUrlAsync(Geduld));
        await Worker.WaitForUrlAsync(Geduld);
    }

    public new async Task DisposeAsync()
    {
        foreach (var proces in new[] { Web1, Web2, Worker })
        {
            if (proces is not null)
            {
                await proces.DisposeAsync();
            }
        }

        await base.DisposeAsync();
    }

    /// <summary>Production settings, as the chart gives them: certificates from files, SMTP, the app role only.</summary>
    internal static Dictionary<string, string?> Omgeving(TestDatabase database, int smtpPoort, bool eigenaar = false)
    {
        var omgeving = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ConnectionStrings__Inburgering"] = database.App,
            ["ConnectionStrings__InburgeringOwner"] = eigenaar ? database.Owner : null,
            ["Kestrel__Certificates__Default__Path"] = TestCertificates.Tls.FullName,
            ["Kestrel__Certificates__Default__Password"] = TestCertificates.Password,
            ["Signalen__IntervalMinuten"] = "1",
            ["Jobs__QueuePollInterval"] = "00:00:01",
            ["EmbeddedDatabase__DataDirectory"] = null,
            // Behind one host name every instance names the same issuer; here each listens on a port of its own.
            ["Oidc__Issuer"] = "https://inburgering.test/",
        };
        foreach (var (key, value) in ProductieInstellingen(smtpPoort))
        {
            omgeving[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return omgeving;
    }

    internal static AppProcess Start(Dictionary<string, string?> omgeving, params string[] args) =>
        AppProcess.Start(omgeving, ["--urls=https://127.0.0.1:0", .. args]);

    /// <summary>A browser-like client: keeps cookies across instances (same host), follows no redirects, trusts the test certificate.</summary>
    public static HttpClient Browser(CookieContainer? koekjes = null) => new(new HttpClientHandler
    {
        CookieContainer = koekjes ?? new CookieContainer(),
        AllowAutoRedirect = false,
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
    });
}

public sealed partial class MeerdereInstantiesTests(MeerdereInstantiesFixture app) : IClassFixture<MeerdereInstantiesFixture>
{
    [Fact]
    public async Task A_person_signed_in_through_one_instance_keeps_working_on_the_other_and_its_forms_are_accepted_there()
    {
        var email = await app.CreateUserAsync((TenancySeeder.RegioId("Hart van Brabant"), OrganisationKind.Regio, Roles.RegioCoordinator));
        var koekjes = new CookieContainer();
        using var browser = MeerdereInstantiesFixture.Browser(koekjes);

        var inloggen = await browser.GetStringAsync(new Uri(app.Url1, "/account/inloggen"));
        var aangemeld = await browser.PostAsync(new Uri(app.Url1, "/account/inloggen"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Wachtwoord"] = People.Password, ["__RequestVerificationToken"] = People.TokenUit(inloggen),
        }));
        Assert.Equal(HttpStatusCode.Redirect, aangemeld.StatusCode);
        Assert.Equal("/account/instellen", aangemeld.Headers.Location?.OriginalString);

        // The regio role needs the second factor: enrolled on instance 1 as a person would.
        var instellen = await browser.GetStringAsync(new Uri(app.Url1, "/account/instellen"));
        var sleutel = People.SecretKey().Match(instellen).Groups[1].Value;
        var ingesteld = await browser.PostAsync(new Uri(app.Url1, "/account/instellen"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = Inburgering.Modules.Identity.Features.Accounts.ReplayProtectedTotpProvider.CodeAt(sleutel, TimeProvider.System.GetUtcNow()),
            ["__RequestVerificationToken"] = People.TokenUit(instellen),
        }));
        Assert.Equal(HttpStatusCode.OK, ingesteld.StatusCode);

        // The cookie made by instance 1 opens the page on instance 2 (Data Protection keys are shared in the database).
        var opTwee = await browser.GetAsync(new Uri(app.Url2, "/monitoring/regio"));
        Assert.Equal(HttpStatusCode.OK, opTwee.StatusCode);
        Assert.Contains("Hart van Brabant", await opTwee.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A form rendered by instance 1 is posted to instance 2: its antiforgery token is accepted there.
        var pagina = await browser.GetStringAsync(new Uri(app.Url1, "/monitoring/regio"));
        var taal = await browser.PostAsync(new Uri(app.Url2, "/taal"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["taal"] = "en", ["terug"] = "/monitoring/regio", ["__RequestVerificationToken"] = People.TokenUit(pagina),
        }));
        Assert.Equal(HttpStatusCode.Redirect, taal.StatusCode);
        var valsToken = await browser.PostAsync(new Uri(app.Url2, "/taal"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["taal"] = "nl", ["terug"] = "/", ["__RequestVerificationToken"] = "niet-van-ons",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, valsToken.StatusCode);
    }

    [Fact]
    public async Task A_token_issued_by_one_instance_is_accepted_by_the_other()
    {
        var (clientId, geheim) = await ClientAsync(AppFixture.TenantA, Roles.Klantregisseur);
        using var http = MeerdereInstantiesFixture.Browser();
        var token = await TokenAsync(http, app.Url1, clientId, geheim);

        using var opTwee = new HttpRequestMessage(HttpMethod.Get, new Uri(app.Url2, "/api/v1/dossiers"));
        opTwee.Headers.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(opTwee)).StatusCode);

        using var vals = new HttpRequestMessage(HttpMethod.Get, new Uri(app.Url2, "/api/v1/dossiers"));
        vals.Headers.Authorization = new("Bearer", token[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(vals)).StatusCode);
    }

    [Fact]
    public async Task An_evaluation_started_on_both_instances_at_once_leaves_one_open_signal_per_gap()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var vandaag = Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock);
        var ids = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add((await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), vandaag.AddDays(-100)))).Verwacht(HttpStatusCode.Created).Id);
        }

        await DossierTabellen.WachtOpSignaalWachtrijAsync(app);
        var lijst = string.Join(',', ids.Select(id => $"'{id}'"));
        await DossierTabellen.VoerUitAlsGemeenteAsync(app, AppFixture.TenantA, $"delete from dossiers.signalen where dossier_id in ({lijst})");

        var (clientId, geheim) = await ClientAsync(TenancySeeder.PlatformId, Roles.PlatformBeheerder);
        using var http = MeerdereInstantiesFixture.Browser();
        var token = await TokenAsync(http, app.Url1, clientId, geheim);
        var gestart = await Task.WhenAll(new[] { app.Url1, app.Url2 }.Select(async url =>
        {
            using var verzoek = new HttpRequestMessage(HttpMethod.Post, new Uri(url, "/api/v1/beheer/signalen/evaluatie")) { Content = JsonContent.Create(new { organisatieId = AppFixture.TenantA }) };
            verzoek.Headers.Authorization = new("Bearer", token);
            var antwoord = await http.SendAsync(verzoek);
            Assert.Equal(HttpStatusCode.Accepted, antwoord.StatusCode);
            return (await antwoord.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobs")[0].GetString()!;
        }));

        foreach (var job in gestart)
        {
            Assert.Equal("Succeeded", await WachtOpJobAsync(long.Parse(job, System.Globalization.CultureInfo.InvariantCulture)));
        }

        // Four gaps each at day 100: overdracht, kennismaking, huisvesting and the DUO kennisgeving.
        Assert.Equal(120L, await DossierTabellen.AantalAsync(app, AppFixture.TenantA, $"dossiers.signalen where opgelost_op is null and dossier_id in ({lijst})"));
        Assert.Equal(0L, await DossierTabellen.AantalAsync(app, AppFixture.TenantA,
            $"(select dossier_id, soort, cyclus from dossiers.signalen where opgelost_op is null and dossier_id in ({lijst}) group by 1, 2, 3 having count(*) > 1) dubbel"));
    }

    [Fact]
    public async Task The_recurring_sweep_runs_once_per_interval_not_once_per_instance()
    {
        // Every instance that runs jobs (the worker process and this fixture) registers the sweep every minute.
        var perMinuut = new Dictionary<DateTime, long>();
        using var geduld = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (perMinuut.Count < 2 && !geduld.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            perMinuut = await SweepsPerMinuutAsync();
        }

        Assert.True(perMinuut.Count >= 2, "the sweep ran in at least two intervals: " + string.Join(", ", perMinuut.Keys));
        Assert.All(perMinuut, m => Assert.Equal(1L, m.Value));
        Assert.Contains("Job server of this worker started", app.Worker.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Job server of this worker started", app.Web1.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrations_started_by_two_processes_at_once_are_applied_once()
    {
        var database = await (await TestDatabaseServer.InstanceAsync()).CreateDatabaseAsync();
        await using var een = MeerdereInstantiesFixture.Start(MeerdereInstantiesFixture.Omgeving(database, app.Mail.Port, eigenaar: true), "--migrate");
        await using var twee = MeerdereInstantiesFixture.Start(MeerdereInstantiesFixture.Omgeving(database, app.Mail.Port, eigenaar: true), "--migrate");

        Assert.Equal(0, await een.WaitForExitAsync(TimeSpan.FromMinutes(3)));
        Assert.Equal(0, await twee.WaitForExitAsync(TimeSpan.FromMinutes(3)));

        // Per schema, what the two processes applied together is exactly what the history holds: nothing twice.
        var toegepast = Toegepast(een.Output).Concat(Toegepast(twee.Output)).GroupBy(t => t.Schema).ToDictionary(g => g.Key, g => g.Sum(t => t.Aantal));
        Assert.NotEmpty(toegepast);
        foreach (var (schema, aantal) in toegepast)
        {
            Assert.Equal((long)aantal, await AppFixture.ScalarAsync<long>(database.Owner, $"select count(*) from {schema}.__ef_migrations_history"));
        }

        Assert.True(Toegepast(een.Output).Count == 0 || Toegepast(twee.Output).Count == 0, "one process applied the migrations, the other found none left");
    }

    private static List<(string Schema, int Aantal)> Toegepast(string uitvoer) =>
        [.. MigratiePatroon().Matches(uitvoer).Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).Where(t => t.Item2 > 0)];

    private async Task<Dictionary<DateTime, long>> SweepsPerMinuutAsync()
    {
        await using var verbinding = await AppFixture.OpenAsync(app.Database.Admin);
        await using var opdracht = new NpgsqlCommand(
            "select date_trunc('minute', createdat), count(*) from hangfire.job where invocationdata::text like '%SignaalSweep%' and invocationdata::text like '%VerdeelAsync%' group by 1", verbinding);
        await using var lezer = await opdracht.ExecuteReaderAsync();
        var uitkomst = new Dictionary<DateTime, long>();
        while (await lezer.ReadAsync())
        {
            uitkomst[lezer.GetDateTime(0)] = lezer.GetInt64(1);
        }

        return uitkomst;
    }

    private async Task<string> WachtOpJobAsync(long id)
    {
        for (var poging = 0; poging < 300; poging++)
        {
            var staat = await AppFixture.ScalarAsync<string>(app.Database.Admin, $"select coalesce(statename, '') from hangfire.job where id = {id}");
            if (staat is "Succeeded" or "Failed" or "Deleted")
            {
                return staat;
            }

            await Task.Delay(200);
        }

        return "nog niet klaar";
    }

    private async Task<(string ClientId, string Geheim)> ClientAsync(Guid organisatie, string rol)
    {
        await using var scope = app.TenantScope.EnterHost();
        var client = await scope.ServiceProvider.GetRequiredService<IClientAdministration>().RegisterAsync(new ClientRegistratie(
            "koppeling-" + Guid.NewGuid().ToString("N")[..10], "Testkoppeling", "koppeling", organisatie, [rol], null, null), CancellationToken.None);
        return (client.Client.ClientId, client.Secret!);
    }

    private static async Task<string> TokenAsync(HttpClient http, Uri instantie, string clientId, string geheim)
    {
        var antwoord = await http.PostAsync(new Uri(instantie, "/connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = geheim, ["scope"] = "inburgering",
        }));
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        return (await antwoord.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    [GeneratedRegex(@"Schema \\?""?(\w+)\\?""?: (\d+) migration\(s\) applied")]
    private static partial Regex MigratiePatroon();
}
