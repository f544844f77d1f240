using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tijd;
using UglyToad.PdfPig;

namespace Inburgering.IntegrationTests.Documenten;

/// <summary>
/// Letters as a klantregisseur makes them: from the gemeente's template in use, stored with its version, listed in the
/// tijdlijn, printed to PDF by Chromium, and, for a beschikking, approved by a second colleague.
/// </summary>
public sealed class BriefTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string[] Brieven = ["uitnodiging-kennismakingsgesprek", "bevestiging-scenario", "pip-beschikking", "overdracht-samenvatting"];

    private DateOnly Vandaag => Kalender.Vandaag(app.Clock);

    [Fact]
    public async Task Every_letter_is_made_from_a_complete_dossier_and_the_PIP_beschikking_prints_to_a_PDF_with_the_name_and_the_termijn()
    {
        var kr = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var (id, dagtekening, bsn) = await VolledigDossierAsync(kr, "Mansour", Vandaag);

        foreach (var sleutel in Brieven)
        {
            var brief = (await Antwoord.VanAsync(await kr.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/documenten", new { sjabloon = sleutel }))).Verwacht(HttpStatusCode.Created);
            var html = brief.Json.GetProperty("html").GetString()!;
            Assert.Contains("Mansour", html, StringComparison.Ordinal);
            Assert.Contains("Almelo", html, StringComparison.Ordinal);
            Assert.DoesNotContain(bsn, html, StringComparison.Ordinal);
            Assert.Equal(0, brief.Json.GetProperty("document").GetProperty("sjabloonVersie").GetInt32());
        }

        var lijst = await kr.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}/documenten");
        Assert.Equal(4, lijst.GetArrayLength());
        var pip = lijst.EnumerateArray().Single(d => d.GetProperty("sjabloon").GetString() == "pip-beschikking");

        var antwoord = await kr.Client.GetAsync($"/api/v1/dossiers/{id}/documenten/{pip.GetProperty("id").GetGuid()}/pdf");
        Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
        Assert.Equal("application/pdf", antwoord.Content.Headers.ContentType!.MediaType);
        var bytes = await antwoord.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        using var pdf = PdfDocument.Open(bytes);
        Assert.True(pdf.NumberOfPages >= 1);
        var tekst = string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        var nl = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
        Assert.Contains("Amal Mansour", tekst, StringComparison.Ordinal);
        Assert.Contains($"van {dagtekening.AddDays(1).ToString("d MMMM yyyy", nl)} tot en met {dagtekening.AddYears(3).ToString("d MMMM yyyy", nl)}", tekst, StringComparison.Ordinal);
        Assert.Contains("bezwaar", tekst, StringComparison.Ordinal);

        var pagina = await kr.Client.GetAsync($"/api/v1/dossiers/{id}/documenten/{pip.GetProperty("id").GetGuid()}/html");
        Assert.StartsWith("sandbox", pagina.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // Every read of the dossier's letters is in the processing log: four made, the list, the PDF and the page.
        Assert.Equal(7L, await DossierTabellen.AantalNaInzageAsync(app, AppFixture.TenantA,
            $"auditing.logboek where onderdeel = 'brief' and handeling = 'lezen' and dossier_id = '{id}'", 7));
    }

    [Fact]
    public async Task The_PIP_beschikking_PDF_writes_out_the_route_support_and_legal_basis_is_dated_by_the_dagtekening_and_has_no_codes()
    {
        var kr = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var koppeling = Vandaag.AddDays(-150);
        var id = (await kr.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), koppeling, achternaam: "Tesfay"))).Verwacht(HttpStatusCode.Created).Id;
        (await kr.ZetAsync(id, "brede-intake", new { startdatum = koppeling.AddDays(20) })).Verwacht(HttpStatusCode.OK);
        var dagtekening = koppeling.AddDays(61);
        (await kr.ZetAsync(id, "pip", new
        {
            dagtekening, leerroute = "Z", knm = true, pvt = true, map = true, ontzorgenStart = koppeling.AddDays(70), ontzorgenEinde = koppeling.AddDays(250),
            ondersteuning = "Een taalmaatje oefent elke week met u.", motivering = "U kunt lezen en schrijven nog niet goed genoeg voor de B1-route.",
        }, HttpMethod.Post)).Verwacht(HttpStatusCode.Created);

        var brief = (await Antwoord.VanAsync(await kr.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/documenten", new { sjabloon = "pip-beschikking" }))).Verwacht(HttpStatusCode.Created);
        var bytes = await kr.Client.GetByteArrayAsync($"/api/v1/dossiers/{id}/documenten/{brief.Json.GetProperty("document").GetProperty("id").GetGuid()}/pdf");
        using var pdf = PdfDocument.Open(bytes);
        var tekst = string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        var nl = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");

        // Dated by the dagtekening, not by the day the letter was made.
        Assert.Contains(dagtekening.ToString("d MMMM yyyy", nl), tekst, StringComparison.Ordinal);
        Assert.DoesNotContain(Vandaag.ToString("d MMMM yyyy", nl), tekst, StringComparison.Ordinal);
        foreach (var zin in new[]
        {
            "zelfredzaamheidsroute", "800 uur taalles", "ten minste 12 uur", "participatieverklaring te ondertekenen", "ten minste 40 uur", "eindgesprek",
            "Een taalmaatje oefent elke week met u.", "huur, gas, water, stroom en zorgverzekering", "U kunt lezen en schrijven nog niet goed genoeg",
            "artikel 15 van de Wet inburgering 2021", "artikel 56a van de Participatiewet", "bezwaar",
        })
        {
            Assert.Contains(zin, tekst, StringComparison.Ordinal);
        }

        foreach (var code in new[] { "PIP", "KNM", "PVT", "MAP", "azc", "COA", "DUO", "V-nummer", "Z-route", "B1-haalbaar", "gezondheid" })
        {
            Assert.DoesNotMatch($@"\b{System.Text.RegularExpressions.Regex.Escape(code)}\b", tekst);
        }
    }

    [Fact]
    public async Task The_invitation_to_the_kennismakingsgesprek_names_the_place_or_link_the_travel_costs_and_what_to_bring()
    {
        var kr = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var id = (await kr.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-5), achternaam: "Yousef"))).Verwacht(HttpStatusCode.Created).Id;
        var fout = await kr.ZetAsync(id, "kennismakingsgesprek", new { gepland = app.Clock.GetUtcNow().AddDays(7), locatie = "online", link = "http://niet-veilig.example/gesprek" });
        Assert.Equal(["link"], fout.Velden);
        (await kr.ZetAsync(id, "kennismakingsgesprek", new { gepland = app.Clock.GetUtcNow().AddDays(7), locatie = "online", link = "https://video.almelo.example/kmg/123" }))
            .Verwacht(HttpStatusCode.OK);

        var online = (await Antwoord.VanAsync(await kr.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/documenten", new { sjabloon = "uitnodiging-kennismakingsgesprek" })))
            .Verwacht(HttpStatusCode.Created).Json.GetProperty("html").GetString()!;
        Assert.Contains("https://video.almelo.example/kmg/123", online, StringComparison.Ordinal);

        (await kr.ZetAsync(id, "kennismakingsgesprek", new { gepland = app.Clock.GetUtcNow().AddDays(7), locatie = "azc", adres = "Azc-laan 4, 7601 AA Almelo" })).Verwacht(HttpStatusCode.OK);
        var html = (await Antwoord.VanAsync(await kr.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/documenten", new { sjabloon = "uitnodiging-kennismakingsgesprek" })))
            .Verwacht(HttpStatusCode.Created).Json.GetProperty("html").GetString()!;
        Assert.Contains("Azc-laan 4, 7601 AA Almelo", html, StringComparison.Ordinal);
        Assert.Contains("reiskosten", html, StringComparison.Ordinal);
        Assert.Contains("verblijfsdocument", html, StringComparison.Ordinal);
        Assert.Contains("diploma", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b(azc|V-nummer|KMG)\b", html);
    }

    [Fact]
    public async Task A_beschikking_counts_as_sent_only_after_a_colleague_approves_it_and_the_tijdlijn_shows_both_steps()
    {
        var kr = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var collega = await app.DossierApiAsync(AppFixture.TenantA, Roles.Teamleider);
        var (id, _, _) = await VolledigDossierAsync(kr, "Yousef", Vandaag);

        var brief = (await Antwoord.VanAsync(await kr.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/documenten", new { sjabloon = "pip-beschikking" })))
            .Verwacht(HttpStatusCode.Created).Json.GetProperty("document");
        Assert.Equal("ter-goedkeuring", brief.GetProperty("status").GetString());
        var pad = $"/api/v1/dossiers/{id}/documenten/{brief.GetProperty("id").GetGuid()}/goedkeuring";

        var zelf = await Antwoord.VanAsync(await kr.Client.PostAsync(pad, null));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "Documenten:VierOgenZelfdePersoon"), (zelf.Status, zelf.Code));
        var goed = (await Antwoord.VanAsync(await collega.Client.PostAsync(pad, null))).Verwacht(HttpStatusCode.OK);
        Assert.Equal("verzonden", goed.Json.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await collega.Client.PostAsync(pad, null)).StatusCode);

        // Without four eyes (the default for an invitation) a letter counts as sent at once.
        var uitnodiging = (await Antwoord.VanAsync(await kr.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/documenten", new { sjabloon = "uitnodiging-kennismakingsgesprek" })))
            .Verwacht(HttpStatusCode.Created).Json.GetProperty("document");
        Assert.Equal("verzonden", uitnodiging.GetProperty("status").GetString());

        var tijdlijn = await kr.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}/tijdlijn");
        var soorten = tijdlijn.EnumerateArray().Select(t => t.GetProperty("soort").GetString()).ToList();
        Assert.Equal(1, soorten.Count(s => s == "document.gemaakt"));
        Assert.Equal(2, soorten.Count(s => s == "document.verzonden"));
    }

    [Fact]
    public async Task A_scenario_letter_never_names_health_as_the_reason()
    {
        var kr = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var koppeling = Vandaag.AddDays(-30);
        var id = (await kr.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), koppeling, achternaam: "Rahimi"))).Verwacht(HttpStatusCode.Created).Id;
        (await kr.ZetAsync(id, "kennismakingsgesprek", new { gehouden = koppeling.AddDays(5), locatie = "azc" })).Verwacht(HttpStatusCode.OK);
        (await kr.ZetAsync(id, "scenario", new { scenario = 3, besluitdatum = koppeling.AddDays(5), tenzijRedenen = new[] { "gezondheid", "reistijd" } })).Verwacht(HttpStatusCode.OK);

        var html = (await Antwoord.VanAsync(await kr.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/documenten", new { sjabloon = "bevestiging-scenario" })))
            .Verwacht(HttpStatusCode.Created).Json.GetProperty("html").GetString()!;

        Assert.Contains("de reistijd", html, StringComparison.Ordinal);
        Assert.Contains("een persoonlijke reden", html, StringComparison.Ordinal);
        Assert.DoesNotContain("gezondheid", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_letter_with_an_unknown_template_names_the_field_and_stores_nothing_and_another_gemeente_finds_no_letters()
    {
        var kr = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var (id, _, _) = await VolledigDossierAsync(kr, "Saleh", Vandaag);
        var voor = await DossierTabellen.AantalAsync(app, AppFixture.TenantA, "documenten.documenten");

        var fout = await Antwoord.VanAsync(await kr.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/documenten", new { sjabloon = "signalen-digest" }));
        Assert.Equal((HttpStatusCode.BadRequest, "Documenten:Validation"), (fout.Status, fout.Code));
        Assert.Equal(["sjabloon"], fout.Velden);
        Assert.Equal(voor, await DossierTabellen.AantalAsync(app, AppFixture.TenantA, "documenten.documenten"));

        var brief = (await Antwoord.VanAsync(await kr.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/documenten", new { sjabloon = "bevestiging-scenario" })))
            .Verwacht(HttpStatusCode.Created).Json.GetProperty("document").GetProperty("id").GetGuid();
        var enschede = await app.DossierApiAsync(AppFixture.TenantB, Roles.Klantregisseur);
        Assert.Equal(HttpStatusCode.NotFound, (await enschede.Client.GetAsync($"/api/v1/dossiers/{id}/documenten")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await enschede.Client.GetAsync($"/api/v1/dossiers/{id}/documenten/{brief}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await enschede.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/documenten", new { sjabloon = "bevestiging-scenario" })).StatusCode);

        var beheerder = await app.IntegrationAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder);
        Assert.Equal(HttpStatusCode.Forbidden, (await beheerder.PostAsJsonAsync($"/api/v1/dossiers/{id}/documenten", new { sjabloon = "bevestiging-scenario" })).StatusCode);
    }

    [Fact]
    public async Task The_four_eyes_queue_lists_waiting_letters_across_dossiers_marks_the_callers_own_and_empties_as_they_are_approved()
    {
        var kr = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var teamleider = await app.DossierApiAsync(AppFixture.TenantA, Roles.Teamleider);
        var (eerste, _, _) = await VolledigDossierAsync(kr, "Haddad", Vandaag);
        var (tweede, _, _) = await VolledigDossierAsync(kr, "Nasser", Vandaag);
        var brieven = new List<Guid>();
        foreach (var dossier in new[] { eerste, tweede })
        {
            brieven.Add((await Antwoord.VanAsync(await kr.Client.PostAsJsonAsync($"/api/v1/dossiers/{dossier}/documenten", new { sjabloon = "pip-beschikking" })))
                .Verwacht(HttpStatusCode.Created).Json.GetProperty("document").GetProperty("id").GetGuid());
        }

        (await Antwoord.VanAsync(await kr.Client.PostAsJsonAsync($"/api/v1/dossiers/{eerste}/documenten", new { sjabloon = "uitnodiging-kennismakingsgesprek" })))
            .Verwacht(HttpStatusCode.Created);

        async Task<List<JsonElement>> WachtendAsync(DossierApi api) =>
            [.. (await api.Client.GetFromJsonAsync<JsonElement>("/api/v1/documenten/ter-goedkeuring")).EnumerateArray()
                .Where(b => brieven.Contains(b.GetProperty("document").GetProperty("id").GetGuid()))];

        var voorTeamleider = await WachtendAsync(teamleider);
        Assert.Equal(brieven.Order(), voorTeamleider.Select(b => b.GetProperty("document").GetProperty("id").GetGuid()).Order());
        Assert.Equal(["Haddad", "Nasser"], voorTeamleider.Select(b => b.GetProperty("naam").GetString()!.Split(' ')[^1]).Order(StringComparer.Ordinal));
        var gemaakt = voorTeamleider.Select(b => b.GetProperty("document").GetProperty("gemaaktOp").GetDateTimeOffset()).ToList();
        Assert.Equal(gemaakt.Order(), gemaakt);
        Assert.All(voorTeamleider, b => Assert.False(b.GetProperty("doorUzelf").GetBoolean()));
        Assert.All(await WachtendAsync(kr), b => Assert.True(b.GetProperty("doorUzelf").GetBoolean()));

        (await Antwoord.VanAsync(await teamleider.Client.PostAsync($"/api/v1/dossiers/{eerste}/documenten/{brieven[0]}/goedkeuring", null))).Verwacht(HttpStatusCode.OK);
        Assert.Equal([brieven[1]], (await WachtendAsync(teamleider)).Select(b => b.GetProperty("document").GetProperty("id").GetGuid()));

        var enschede = await app.DossierApiAsync(AppFixture.TenantB, Roles.Teamleider);
        Assert.Empty(await WachtendAsync(enschede));
        var beheerder = await app.IntegrationAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder);
        Assert.Equal(HttpStatusCode.Forbidden, (await beheerder.GetAsync("/api/v1/documenten/ter-goedkeuring")).StatusCode);
    }

    /// <summary>A dossier through KMG, scenario 1, brede intake and a first PIP; returns its id and the PIP's dagtekening.</summary>
    internal static async Task<(Guid Id, DateOnly Dagtekening, string Bsn)> VolledigDossierAsync(DossierApi api, string achternaam, DateOnly vandaag)
    {
        var koppeling = vandaag.AddDays(-120);
        var bsn = DossierApi.UniekBsn();
        var id = (await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), koppeling, bsn: bsn, achternaam: achternaam))).Verwacht(HttpStatusCode.Created).Id;
        (await api.ZetAsync(id, "overdracht", new { opleiding = "Middelbare school", werkervaring = "Kapper", talen = new[] { "Arabisch" }, voorinburgeringDeelname = true, beschikbaarheid = "ochtenden" }))
            .Verwacht(HttpStatusCode.OK);
        (await api.ZetAsync(id, "kennismakingsgesprek", new { gehouden = koppeling.AddDays(10), locatie = "azc" })).Verwacht(HttpStatusCode.OK);
        (await api.ZetAsync(id, "scenario", new { scenario = 1, besluitdatum = koppeling.AddDays(10), tenzijRedenen = Array.Empty<string>() })).Verwacht(HttpStatusCode.OK);
        (await api.ZetAsync(id, "", new { kennisgevingDuo = koppeling.AddDays(3) }, HttpMethod.Patch)).Verwacht(HttpStatusCode.OK);
        (await api.ZetAsync(id, "brede-intake", new { aanbieder = "Refugee Team", startdatum = koppeling.AddDays(20) })).Verwacht(HttpStatusCode.OK);
        var dagtekening = koppeling.AddDays(60);
        (await api.ZetAsync(id, "pip", new { dagtekening, leerroute = "B1", knm = true, pvt = true, map = true }, HttpMethod.Post)).Verwacht(HttpStatusCode.Created);
        return (id, dagtekening, bsn);
    }
}
