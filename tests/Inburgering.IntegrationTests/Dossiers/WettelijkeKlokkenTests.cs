using System.Net;
using System.Text.Json;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tijd;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>
/// The legal clocks through the API: an extension recorded as DUO decided it (weeks, or DUO's own end date) moves the
/// termijn end as the law computes it, and information asked of a third party suspends the PIP deadline.
/// </summary>
public sealed class WettelijkeKlokkenTests(AppFixture app) : IClassFixture<AppFixture>
{
    private DateOnly Vandaag => Kalender.Vandaag(app.Clock);

    [Fact]
    public async Task An_extension_is_recorded_as_duo_decided_it_and_the_end_is_computed_from_the_start()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var (id, dagtekening, _) = await Documenten.BriefTests.VolledigDossierAsync(api, "Lina", Vandaag);
        var start = WetInburgering.TermijnStart(dagtekening);
        Assert.Equal(WetInburgering.TermijnEinde(dagtekening), Einde(await api.LeesAsync(id)));

        (await api.ZetAsync(id, "termijnverlengingen", new { weken = 16, reden = "Bevalling", besluitdatum = Vandaag.AddDays(-2) }, HttpMethod.Post)).Verwacht(HttpStatusCode.Created);
        var na16Weken = WetInburgering.PlusKalender(start, 3, 0).AddDays((16 * 7) - 1);
        Assert.Equal(na16Weken, Einde(await api.LeesAsync(id)));

        // Two ways at once, or an end date before the current end: refused by name, nothing stored.
        var voor = await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id);
        var beide = await api.ZetAsync(id, "termijnverlengingen", new { maanden = 2, weken = 3, reden = "Ziekte", besluitdatum = Vandaag }, HttpMethod.Post);
        var eerder = await api.ZetAsync(id, "termijnverlengingen", new { einddatum = na16Weken.AddDays(-1), reden = "Ziekte", besluitdatum = Vandaag }, HttpMethod.Post);
        Assert.Equal(HttpStatusCode.BadRequest, beide.Status);
        Assert.Equal(["maanden"], beide.Velden);
        Assert.Equal(HttpStatusCode.BadRequest, eerder.Status);
        Assert.Equal(["einddatum"], eerder.Velden);
        Assert.Equal(voor, await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id));

        var duoEinde = na16Weken.AddDays(45);
        (await api.ZetAsync(id, "termijnverlengingen", new { einddatum = duoEinde, reden = "Ziekte", besluitdatum = Vandaag }, HttpMethod.Post)).Verwacht(HttpStatusCode.Created);
        var dossier = await api.LeesAsync(id);
        Assert.Equal(duoEinde, Einde(dossier));
        var verlengingen = dossier.Json.GetProperty("termijn").GetProperty("verlengingen").EnumerateArray().ToList();
        Assert.Equal([16, 0], verlengingen.Select(v => v.GetProperty("weken").GetInt32()));
        Assert.Equal(duoEinde, verlengingen[1].GetProperty("einddatum").Deserialize<DateOnly>());
    }

    [Fact]
    public async Task Third_party_information_suspends_the_pip_deadline_until_14_days_after_it_arrived()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var koppeling = Vandaag.AddDays(-80);
        var id = (await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), koppeling))).Verwacht(HttpStatusCode.Created).Id;

        (await api.ZetAsync(id, "", new { kennisgevingDuo = koppeling.AddDays(2) }, HttpMethod.Patch)).Verwacht(HttpStatusCode.OK);
        Assert.Null(Deadline(await api.LeesAsync(id)));
        (await api.ZetAsync(id, "", new { brpInschrijving = koppeling.AddDays(5) }, HttpMethod.Patch)).Verwacht(HttpStatusCode.OK);
        Assert.Equal(koppeling.AddDays(75), Deadline(await api.LeesAsync(id)));

        (await api.ZetAsync(id, "", new { pipInformatieGevraagd = Vandaag.AddDays(-10) }, HttpMethod.Patch)).Verwacht(HttpStatusCode.OK);
        Assert.Null(Deadline(await api.LeesAsync(id)));

        var voor = await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id);
        var teVroeg = await api.ZetAsync(id, "", new { pipInformatieOntvangen = Vandaag.AddDays(-11) }, HttpMethod.Patch);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, teVroeg.Status);
        Assert.Equal(["Dossiers:OntvangenVoorGevraagd"], teVroeg.Regels);
        Assert.Equal(voor, await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id));

        (await api.ZetAsync(id, "", new { pipInformatieOntvangen = Vandaag.AddDays(-2) }, HttpMethod.Patch)).Verwacht(HttpStatusCode.OK);
        var pip = (await api.LeesAsync(id)).Json.GetProperty("pip");
        Assert.Equal(Vandaag.AddDays(12), pip.GetProperty("deadline").Deserialize<DateOnly>());
        Assert.Equal(Vandaag.AddDays(-10), pip.GetProperty("informatieDerdenGevraagd").Deserialize<DateOnly>());
    }

    private static DateOnly Einde(Antwoord dossier) => dossier.Json.GetProperty("termijn").GetProperty("einde").Deserialize<DateOnly>();

    private static DateOnly? Deadline(Antwoord dossier) => dossier.Json.GetProperty("pip").GetProperty("deadline").Deserialize<DateOnly?>();

    [Theory]
    [InlineData("brede-intake", "bredeIntake.startdatum")]
    [InlineData("huisvesting", "huisvesting.verhuisdatum")]
    [InlineData("huisvesting", "huisvesting.huurcontractIngang")]
    [InlineData("activiteiten", "activiteiten[0].startdatum")]
    public async Task A_date_in_the_future_is_no_fact_and_is_refused_where_a_fact_is_asked(string onderdeel, string veld)
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var koppeling = Vandaag.AddDays(-40);
        var id = (await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), koppeling))).Verwacht(HttpStatusCode.Created).Id;
        var voor = await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id);
        var morgen = Vandaag.AddDays(1);

        object body = veld switch
        {
            "bredeIntake.startdatum" => new { startdatum = morgen },
            "huisvesting.verhuisdatum" => new { woningToegewezen = Vandaag.AddDays(-5), verhuisdatum = morgen },
            "huisvesting.huurcontractIngang" => new { woningToegewezen = Vandaag.AddDays(-5), huurcontractIngang = morgen },
            _ => new { soort = "taalles", startdatum = morgen },
        };
        var fout = await api.ZetAsync(id, onderdeel, body, onderdeel == "activiteiten" ? HttpMethod.Post : null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, fout.Status);
        Assert.Equal(["Dossiers:InDeToekomst"], fout.Regels);
        Assert.Equal(voor, await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id));
    }

    [Fact]
    public async Task A_planned_brede_intake_start_is_kept_apart_and_asks_to_be_confirmed_once_its_day_has_passed()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var koppeling = Vandaag.AddDays(-20);
        var id = (await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), koppeling))).Verwacht(HttpStatusCode.Created).Id;
        var gepland = Vandaag.AddDays(3);

        var intake = (await api.ZetAsync(id, "brede-intake", new { aanbieder = "Taalschool", geplandeStartdatum = gepland })).Verwacht(HttpStatusCode.OK).Json.GetProperty("bredeIntake");
        Assert.Equal(JsonValueKind.Null, intake.GetProperty("startdatum").ValueKind);
        Assert.False(intake.GetProperty("teBevestigen").GetBoolean());

        // The clock is this class's own; its other tests take today from it.
        app.Clock.Advance(TimeSpan.FromDays(4));
        api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var daarna = (await api.LeesAsync(id)).Json.GetProperty("bredeIntake");
        Assert.True(daarna.GetProperty("teBevestigen").GetBoolean());
        Assert.Equal(JsonValueKind.Null, daarna.GetProperty("startdatum").ValueKind);
        // A plan moves no fase: the dossier is still where its facts put it.
        Assert.Equal("gekoppeld", (await api.LeesAsync(id)).Json.GetProperty("fase").GetString());

        var bevestigd = (await api.ZetAsync(id, "brede-intake", new { aanbieder = "Taalschool", geplandeStartdatum = gepland, startdatum = gepland.AddDays(1) }))
            .Verwacht(HttpStatusCode.OK).Json.GetProperty("bredeIntake");
        Assert.False(bevestigd.GetProperty("teBevestigen").GetBoolean());
    }

    [Fact]
    public async Task A_mistyped_first_dagtekening_is_corrected_only_with_a_reason_and_a_colleagues_approval()
    {
        var vrager = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var collega = await app.DossierApiAsync(AppFixture.TenantA, Roles.Teamleider);
        var (id, dagtekening, _) = await Documenten.BriefTests.VolledigDossierAsync(vrager, "Haidari", Vandaag);
        var juist = dagtekening.AddDays(-2);

        var zonderReden = await vrager.ZetAsync(id, "pip/correctie", new { dagtekening = juist }, HttpMethod.Post);
        Assert.Equal(HttpStatusCode.BadRequest, zonderReden.Status);
        Assert.Equal(["reden"], zonderReden.Velden);

        var gevraagd = (await vrager.ZetAsync(id, "pip/correctie", new { dagtekening = juist, reden = "Typfout in de beschikking" }, HttpMethod.Post)).Verwacht(HttpStatusCode.OK);
        Assert.Equal(WetInburgering.TermijnStart(dagtekening), gevraagd.Json.GetProperty("termijn").GetProperty("start").Deserialize<DateOnly>());
        Assert.Equal(juist, gevraagd.Json.GetProperty("pip").GetProperty("correctie").GetProperty("dagtekening").Deserialize<DateOnly>());

        // Four eyes: the asker cannot approve their own correction, and nothing moves.
        var voor = await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id);
        var zelf = await vrager.ZetAsync(id, "pip/correctie/beoordeling", new { akkoord = true }, HttpMethod.Post);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "Dossiers:FourEyes"), (zelf.Status, zelf.Code));
        Assert.Equal(voor, await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id));

        var goedgekeurd = (await collega.ZetAsync(id, "pip/correctie/beoordeling", new { akkoord = true }, HttpMethod.Post)).Verwacht(HttpStatusCode.OK).Json;
        Assert.Equal(WetInburgering.TermijnStart(juist), goedgekeurd.GetProperty("termijn").GetProperty("start").Deserialize<DateOnly>());
        Assert.Equal(WetInburgering.TermijnEinde(juist), goedgekeurd.GetProperty("termijn").GetProperty("einde").Deserialize<DateOnly>());
        Assert.Equal(juist, goedgekeurd.GetProperty("pip").GetProperty("versies")[0].GetProperty("dagtekening").Deserialize<DateOnly>());
        Assert.Equal(JsonValueKind.Null, goedgekeurd.GetProperty("pip").GetProperty("correctie").ValueKind);
        var tijdlijn = await vrager.Client.GetStringAsync($"/api/v1/dossiers/{id}/tijdlijn");
        Assert.Contains("pip.correctie-gevraagd", tijdlijn, StringComparison.Ordinal);
        Assert.Contains("pip.dagtekening-gecorrigeerd", tijdlijn, StringComparison.Ordinal);
        Assert.Contains("Typfout in de beschikking", tijdlijn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dossier_page_asks_and_approves_a_correction_through_the_same_use_case()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var (id, dagtekening, _) = await Documenten.BriefTests.VolledigDossierAsync(api, "Karimi", Vandaag);
        var vrager = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantA, Inburgering.Platform.Tenancy.OrganisationKind.Gemeente, Roles.Klantregisseur)));
        var collega = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantA, Inburgering.Platform.Tenancy.OrganisationKind.Gemeente, Roles.Teamleider)));
        var juist = dagtekening.AddDays(-1);

        var pagina = await vrager.GetStringAsync($"/dossiers/{id}");
        Assert.Contains("id=\"pip-correctie\"", pagina, StringComparison.Ordinal);
        var gevraagd = await vrager.PostFormAsync($"/dossiers/{id}?handler=PipCorrectie", new()
        {
            ["Versie"] = Versie(await api.LeesAsync(id)), ["Dagtekening"] = juist.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture),
            ["Reden"] = "Verkeerde dag overgenomen",
        });
        Assert.Equal(HttpStatusCode.Redirect, gevraagd.StatusCode);
        var eigen = await vrager.GetStringAsync($"/dossiers/{id}");
        Assert.Contains("id=\"pip-correctie-wacht\"", eigen, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"pip-correctie-beoordeling\"", eigen, StringComparison.Ordinal);

        Assert.Contains("id=\"pip-correctie-beoordeling\"", await collega.GetStringAsync($"/dossiers/{id}"), StringComparison.Ordinal);
        var goedgekeurd = await collega.PostFormAsync($"/dossiers/{id}?handler=PipCorrectieBeoordeling", new() { ["Versie"] = Versie(await api.LeesAsync(id)), ["akkoord"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, goedgekeurd.StatusCode);

        Assert.Equal(WetInburgering.TermijnStart(juist), (await api.LeesAsync(id)).Json.GetProperty("termijn").GetProperty("start").Deserialize<DateOnly>());

        static string Versie(Antwoord dossier) => dossier.Json.GetProperty("versie").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
