using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Documenten.Features.Digest;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Jobs;
using Inburgering.Platform.Tenancy;
using Inburgering.Platform.Tijd;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Inburgering.IntegrationTests.Documenten;

/// <summary>
/// A quick job poll, so the digest enqueued through Hangfire runs within a second or two, and a clock that starts at 07:00
/// Dutch time: the digest depends on the hour, so the class owns it instead of taking the real one.
/// </summary>
public sealed class DigestFixture : AppFixture
{
    protected override TimeOnly? StartTijd => new(7, 0);

    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
    {
        ["Jobs:QueuePollInterval"] = "00:00:01",
        ["PublicUrl"] = "https://inburgering.example/",
    };
}

/// <summary>
/// The morning e-mail as klantregisseurs get it: one per person per day whatever the job does, none after opting out,
/// names and links only, through the gemeente's own mail server when it has one, and a failed send tried again.
/// </summary>
public sealed class DigestTests(DigestFixture app) : IClassFixture<DigestFixture>
{
    private DateOnly Vandaag => Kalender.Vandaag(app.Clock);

    [Fact]
    public async Task Each_klantregisseur_gets_one_digest_a_day_even_when_the_job_runs_again_and_at_once_opted_out_people_get_none_and_no_BSN_is_in_any()
    {
        var (een, twee, afgemeld) = (await KlantregisseurAsync(AppFixture.TenantA), await KlantregisseurAsync(AppFixture.TenantA), await KlantregisseurAsync(AppFixture.TenantA));
        var tl = await app.DossierApiAsync(AppFixture.TenantA, Roles.Teamleider);
        var bsns = new List<string>();
        var dossiersVanEen = new List<Guid>();
        var chahine = Guid.Empty;
        foreach (var (kr, naam) in new[] { (een, "Alkurdi"), (een, "Barakat"), (twee, "Chahine"), (afgemeld, "Dabbagh") })
        {
            var bsn = DossierApi.UniekBsn();
            bsns.Add(bsn);
            var id = (await tl.MaakAanAsync(new
            {
                vNummer = DossierApi.NieuwVNummer(), bsn, voornamen = "Noor", achternaam = naam, geboortedatum = "1992-05-01", landVanHerkomst = "Syrië",
                vergunningdatum = Vandaag.AddDays(-110), koppelingsdatum = Vandaag.AddDays(-100), klantregisseurId = kr.Id,
            })).Verwacht(HttpStatusCode.Created).Id;
            if (kr == een)
            {
                dossiersVanEen.Add(id);
            }
            else if (naam == "Chahine")
            {
                chahine = id;
            }
        }

        // Chahine's kennismakingsgesprek is planned for today, 14:00 Dutch time.
        (await tl.ZetAsync(chahine, "kennismakingsgesprek", new { gepland = Kalender.Op(Vandaag, new TimeOnly(14, 0)) })).Verwacht(HttpStatusCode.OK);
        await DossierTabellen.WachtOpSignaalWachtrijAsync(app);

        var browser = await app.SignedInBrowserAsync(afgemeld.Email);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/account/e-mail", [])).StatusCode);
        Assert.Contains("U krijgt de dagelijkse e-mail niet meer.", await browser.GetStringAsync("/account/e-mail"), StringComparison.Ordinal);

        await ZetTijdAsync(AppFixture.TenantA, "06:00");
        await NaAsync(new TimeOnly(6, 30));
        await DraaiAsync(AppFixture.TenantA);
        await DraaiAsync(AppFixture.TenantA);
        await Task.WhenAll(DraaiAsync(AppFixture.TenantA), DraaiAsync(AppFixture.TenantA), DraaiAsync(AppFixture.TenantA));

        var aanEen = Aan(app.Mail, een.Email);
        var aanTwee = Aan(app.Mail, twee.Email);
        Assert.Single(aanEen);
        Assert.Single(aanTwee);
        Assert.Empty(Aan(app.Mail, afgemeld.Email));
        var html = aanEen[0].HtmlBody;
        Assert.Contains("Noor Alkurdi", html, StringComparison.Ordinal);
        Assert.Contains("Noor Barakat", html, StringComparison.Ordinal);
        Assert.All(dossiersVanEen, id => Assert.Contains($"https://inburgering.example/dossiers/{id}", html, StringComparison.Ordinal));
        Assert.DoesNotContain("Chahine", html, StringComparison.Ordinal);
        Assert.Contains("14:00", aanTwee[0].HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Noor Chahine", aanTwee[0].TextBody, StringComparison.Ordinal);
        var alles = app.Mail.Received.Select(m => m.HtmlBody + m.TextBody + m.Subject).ToList();
        Assert.All(bsns, bsn => Assert.All(alles, tekst => Assert.DoesNotContain(bsn, tekst, StringComparison.Ordinal)));
        Assert.Equal(0L, await DossierTabellen.AantalAsync(app, AppFixture.TenantA, "documenten.uitgaande_mail where verzonden_op is null"));
    }

    [Fact]
    public async Task A_gemeente_with_its_own_mail_server_sends_through_it_and_a_failed_send_is_tried_again_without_sending_twice()
    {
        var kr = await KlantregisseurAsync(AppFixture.TenantB);
        var tl = await app.DossierApiAsync(AppFixture.TenantB, Roles.Teamleider);
        (await tl.MaakAanAsync(new
        {
            vNummer = DossierApi.NieuwVNummer(), voornamen = "Rami", achternaam = "Haddad", geboortedatum = "1988-02-02", landVanHerkomst = "Syrië",
            vergunningdatum = Vandaag.AddDays(-110), koppelingsdatum = Vandaag.AddDays(-100), klantregisseurId = kr.Id,
        })).Verwacht(HttpStatusCode.Created);
        await DossierTabellen.WachtOpSignaalWachtrijAsync(app);
        var beheer = await app.IntegrationAsync(AppFixture.TenantB, Roles.FunctioneelBeheerder);

        var fout = await Antwoord.VanAsync(await beheer.PutAsJsonAsync("/api/v1/beheer/smtp", new { host = "", poort = 0, beveiliging = "Misschien", gebruikersnaam = (string?)null, afzender = "geen adres" }));
        Assert.Equal((HttpStatusCode.BadRequest, "Documenten:Validation"), (fout.Status, fout.Code));
        Assert.Equal(["afzender", "beveiliging", "host", "poort"], fout.Velden);
        Assert.Equal("platform", (await beheer.GetFromJsonAsync<JsonElement>("/api/v1/beheer/smtp")).GetProperty("bron").GetString());

        // The class shares the gemeente: its mail server goes back to the platform's whatever happens here.
        try
        {
            // First a server that is not there: the digest waits in the outbox, with the attempt counted.
            var dicht = new TcpListener(IPAddress.Loopback, 0);
            dicht.Start();
            var dichtePoort = ((IPEndPoint)dicht.LocalEndpoint).Port;
            dicht.Stop();
            (await Antwoord.VanAsync(await beheer.PutAsJsonAsync("/api/v1/beheer/smtp", new
            {
                host = "127.0.0.1", poort = dichtePoort, beveiliging = "None", gebruikersnaam = "enschede", wachtwoord = "geheim-wachtwoord", afzender = "Gemeente Enschede <noreply@enschede.example>",
            }))).Verwacht(HttpStatusCode.OK);
            var gelezen = await beheer.GetFromJsonAsync<JsonElement>("/api/v1/beheer/smtp");
            Assert.True(gelezen.GetProperty("wachtwoordIngesteld").GetBoolean());
            Assert.DoesNotContain("geheim-wachtwoord", gelezen.GetRawText(), StringComparison.Ordinal);

            await ZetTijdAsync(AppFixture.TenantB, "06:00");
            await NaAsync(new TimeOnly(6, 30));
            await Assert.ThrowsAsync<InvalidOperationException>(() => DraaiAsync(AppFixture.TenantB));
            Assert.Equal(1L, await DossierTabellen.AantalAsync(app, AppFixture.TenantB, "documenten.uitgaande_mail where verzonden_op is null and pogingen = 1 and laatste_fout is not null"));

            // Then the gemeente's real server, without authentication (the sink has none): the retry through Hangfire delivers it there, once.
            await using var eigenServer = new SmtpTestServer();
            (await Antwoord.VanAsync(await beheer.PutAsJsonAsync("/api/v1/beheer/smtp", new
            {
                host = "127.0.0.1", poort = eigenServer.Port, beveiliging = "None", gebruikersnaam = (string?)null, afzender = "Gemeente Enschede <noreply@enschede.example>",
            }))).Verwacht(HttpStatusCode.OK);
            using (var scope = app.Services.CreateScope())
            {
                scope.ServiceProvider.GetRequiredService<ITenantJobs>().Enqueue<DigestGemeenteJob>(AppFixture.TenantB, j => j.MaakEnVerstuurAsync(CancellationToken.None), DigestGemeenteJob.Queue);
            }

            var ontvangen = await eigenServer.LastToAsync(kr.Email);
            Assert.Equal("noreply@enschede.example", ontvangen.From.Mailboxes.Single().Address);
            Assert.Contains("Rami Haddad", ontvangen.HtmlBody, StringComparison.Ordinal);
            await DraaiAsync(AppFixture.TenantB);
            Assert.Single(Aan(eigenServer, kr.Email));
            Assert.Empty(Aan(app.Mail, kr.Email));

            Assert.Equal("platform", (await Antwoord.VanAsync(await beheer.DeleteAsync("/api/v1/beheer/smtp"))).Verwacht(HttpStatusCode.OK).Json.GetProperty("bron").GetString());
        }
        finally
        {
            await beheer.DeleteAsync("/api/v1/beheer/smtp");
        }
    }

    [Fact]
    public async Task A_functioneel_beheerder_sets_the_time_and_the_mail_server_on_the_page_and_wrong_input_names_every_field_and_changes_nothing()
    {
        var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantB, OrganisationKind.Gemeente, Roles.FunctioneelBeheerder)));
        var api = await app.IntegrationAsync(AppFixture.TenantB, Roles.FunctioneelBeheerder);

        var smtpVooraf = await api.GetFromJsonAsync<JsonElement>("/api/v1/beheer/smtp");
        var fout = await PostAsync(browser, "Server", new() { ["Host"] = "", ["Poort"] = "0", ["Beveiliging"] = "None", ["Afzender"] = "geen adres" });
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        var html = await fout.Content.ReadAsStringAsync();
        Assert.All(["fout-host", "fout-poort", "fout-afzender"], id => Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal));
        Assert.Equal(smtpVooraf.GetRawText(), (await api.GetFromJsonAsync<JsonElement>("/api/v1/beheer/smtp")).GetRawText());
        var tijdFout = await PostAsync(browser, "Tijd", new() { ["Tijd"] = "05:00" });
        Assert.Equal(HttpStatusCode.BadRequest, tijdFout.StatusCode);
        Assert.Contains("id=\"fout-tijd\"", await tijdFout.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(browser, "Tijd", new() { ["Tijd"] = "08:30" })).StatusCode);
        var instellingen = await api.GetFromJsonAsync<JsonElement>("/api/v1/beheer/instellingen");
        Assert.Equal("08:30", instellingen.EnumerateArray().Single(i => i.GetProperty("sleutel").GetString() == DigestInstellingen.TijdSleutel).GetProperty("waarde").GetString());

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(browser, "Server", new()
        {
            ["Host"] = "203.0.113.25", ["Poort"] = "587", ["Beveiliging"] = "StartTls", ["Gebruikersnaam"] = "noreply", ["Wachtwoord"] = "s3cret", ["Afzender"] = "Gemeente Enschede <noreply@enschede.example>",
        })).StatusCode);
        var smtp = await api.GetFromJsonAsync<JsonElement>("/api/v1/beheer/smtp");
        Assert.Equal(("gemeente", "203.0.113.25", true), (smtp.GetProperty("bron").GetString(), smtp.GetProperty("host").GetString(), smtp.GetProperty("wachtwoordIngesteld").GetBoolean()));
        Assert.Contains("De e-mail gaat via de mailserver van uw gemeente.", await browser.GetStringAsync("/beheer/e-mail"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(browser, "Platform", [])).StatusCode);
        Assert.Equal("platform", (await api.GetFromJsonAsync<JsonElement>("/api/v1/beheer/smtp")).GetProperty("bron").GetString());
        await ZetTijdAsync(AppFixture.TenantB, DigestInstellingen.StandaardTijd);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string handler, Dictionary<string, string> velden)
    {
        var pagina = await browser.GetStringAsync("/beheer/e-mail");
        velden["__RequestVerificationToken"] = People.TokenUit(pagina);
        return await browser.PostAsync($"/beheer/e-mail?handler={handler}", new FormUrlEncodedContent(velden));
    }

    private async Task<(Guid Id, string Email)> KlantregisseurAsync(Guid gemeente)
    {
        var email = await app.CreateUserAsync((gemeente, OrganisationKind.Gemeente, Roles.Klantregisseur));
        return (await People.IdAsync(app, email), email);
    }

    private async Task ZetTijdAsync(Guid gemeente, string tijd)
    {
        var beheer = await app.IntegrationAsync(gemeente, Roles.FunctioneelBeheerder);
        (await Antwoord.VanAsync(await beheer.PutAsJsonAsync($"/api/v1/beheer/instellingen/{DigestInstellingen.TijdSleutel}", new { waarde = tijd }))).Verwacht(HttpStatusCode.OK);
    }

    /// <summary>Moves the app's clock past a Dutch time of today (never back).</summary>
    private Task NaAsync(TimeOnly tijd)
    {
        var doel = Kalender.Op(Vandaag, tijd);
        if (app.Clock.GetUtcNow() < doel)
        {
            app.Clock.SetUtcNow(doel);
        }

        return Task.CompletedTask;
    }

    private async Task DraaiAsync(Guid gemeente)
    {
        await using var scope = app.TenantScope.Enter(gemeente);
        await scope.ServiceProvider.GetRequiredService<DigestGemeenteJob>().MaakEnVerstuurAsync(CancellationToken.None);
    }

    private static List<MimeMessage> Aan(SmtpTestServer server, string email) =>
        [.. server.Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, email, StringComparison.OrdinalIgnoreCase)))];
}
