using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>The caseload on its own database: filters, both sort orders, keyset paging, visibility and bulk reassignment.</summary>
public sealed class CaseloadTests(AppFixture app) : IClassFixture<AppFixture>
{
    private DateOnly Vandaag => Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock);

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_or_repeats_in_both_sort_orders()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantB, Roles.Teamleider, Roles.Klantregisseur);
        string[] namen = ["Visser", "Bakker", "Jansen", "de Vries", "Smit", "Mulder", "Bos"];
        var ids = new List<Guid>();
        foreach (var (naam, i) in namen.Select((n, i) => (n, i)))
        {
            ids.Add((await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-10 - (i % 3)), achternaam: naam))).Verwacht(HttpStatusCode.Created).Id);
        }

        var opDatum = await AllePaginasAsync(api, "sort=koppelingsdatum&limit=3");
        var opNaam = await AllePaginasAsync(api, "sort=naam&limit=3");

        Assert.Equal([3, 3, 1], opDatum.Select(p => p.Count));
        Assert.Equal(ids.Order(), opDatum.SelectMany(p => p).Select(r => r.GetProperty("id").GetGuid()).Order());
        var datums = opDatum.SelectMany(p => p).Select(r => r.GetProperty("koppelingsdatum").GetString()).ToList();
        Assert.Equal(datums.OrderDescending(StringComparer.Ordinal), datums);
        Assert.Equal(namen.Order(StringComparer.Ordinal), opNaam.SelectMany(p => p).Select(r => r.GetProperty("achternaam").GetString()));
        Assert.Equal(10, opDatum[0][0].GetProperty("dagenSindsKoppeling").GetInt32());
    }

    [Fact]
    public async Task Filters_narrow_the_caseload_and_bad_ones_are_named()
    {
        var (kr, krId) = await KlantregisseurAsync(AppFixture.TenantA);
        var tl = await app.DossierApiAsync(AppFixture.TenantA, Roles.Teamleider, Roles.Klantregisseur);
        var eigen = (await tl.MaakAanAsync(new { vNummer = "2000000001", voornamen = "Omar", achternaam = "Khalil", geboortedatum = "1985-01-01", landVanHerkomst = "Syrië", vergunningdatum = Vandaag.AddDays(-40), koppelingsdatum = Vandaag.AddDays(-30), klantregisseurId = krId }))
            .VerwachtAangemaakt();
        var ander = (await tl.MaakAanAsync(DossierApi.Nieuw("2000000002", Vandaag.AddDays(-30), achternaam: "Tesfay"))).Verwacht(HttpStatusCode.Created).Id;
        await tl.ZetAsync(ander, "kennismakingsgesprek", new { gepland = app.Clock.GetUtcNow().AddDays(2) });

        Assert.Equal([eigen], await IdsAsync(kr, "klantregisseur=me"));
        Assert.Equal([ander], await IdsAsync(tl, "fase=kennismaking&q=2000000"));
        Assert.Equal([eigen], await IdsAsync(tl, "q=khal"));
        Assert.Equal([ander], await IdsAsync(tl, "q=2000000002"));

        var fout = await Antwoord.VanAsync(await tl.Client.GetAsync("/api/v1/dossiers?fase=klaar&sort=leeftijd&limit=0&klantregisseur=iemand&cursor=xyz"));
        Assert.Equal(HttpStatusCode.BadRequest, fout.Status);
        Assert.Equal(["cursor", "fase", "klantregisseur", "limit", "sort"], fout.Velden);
    }

    [Fact]
    public async Task A_gemeente_can_limit_klantregisseurs_to_their_own_dossiers()
    {
        var (kr, krId) = await KlantregisseurAsync(AppFixture.TenantB);
        var tl = await app.DossierApiAsync(AppFixture.TenantB, Roles.Teamleider, Roles.Klantregisseur);
        var eigen = (await tl.MaakAanAsync(new { vNummer = DossierApi.NieuwVNummer(), voornamen = "A", achternaam = "Eigen", geboortedatum = "1990-01-01", landVanHerkomst = "Eritrea", vergunningdatum = Vandaag.AddDays(-20), koppelingsdatum = Vandaag.AddDays(-10), klantregisseurId = krId })).VerwachtAangemaakt();
        var vanCollega = (await tl.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-10)))).Id;
        Assert.Equal(HttpStatusCode.OK, (await kr.LeesAsync(vanCollega)).Status);

        var beheerder = await app.IntegrationAsync(AppFixture.TenantB, Roles.FunctioneelBeheerder);
        var fout = await beheerder.PutAsJsonAsync("/api/v1/beheer/instellingen/dossiers.klantregisseur-ziet", new { waarde = "niemand" });
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kr.LeesAsync(vanCollega)).Status);
        (await beheerder.PutAsJsonAsync("/api/v1/beheer/instellingen/dossiers.klantregisseur-ziet", new { waarde = "eigen" })).EnsureSuccessStatusCode();
        var instellingen = await beheerder.GetFromJsonAsync<JsonElement>("/api/v1/beheer/instellingen");
        Assert.Contains(instellingen.EnumerateArray(), i => i.GetProperty("sleutel").GetString() == "dossiers.klantregisseur-ziet" && i.GetProperty("waarde").GetString() == "eigen");

        Assert.Equal(HttpStatusCode.NotFound, (await kr.LeesAsync(vanCollega)).Status);
        Assert.Equal([eigen], await IdsAsync(kr, "q=Eigen"));
        Assert.Empty(await IdsAsync(kr, $"q={(await tl.LeesAsync(vanCollega)).Json.GetProperty("vNummer").GetString()}"));
        Assert.Equal(HttpStatusCode.OK, (await tl.LeesAsync(vanCollega)).Status);
    }

    [Fact]
    public async Task A_teamleider_reassigns_in_bulk_with_a_reason_all_or_nothing()
    {
        var (_, krId) = await KlantregisseurAsync(AppFixture.TenantA);
        var tl = await app.DossierApiAsync(AppFixture.TenantA, Roles.Teamleider, Roles.Klantregisseur);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await tl.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-5)))).Id);
        }

        var voor = await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, ids[0]);
        var fout = await Antwoord.VanAsync(await tl.Client.PostAsJsonAsync("/api/v1/dossiers/toewijzingen",
            new { dossierIds = new[] { ids[0], Guid.NewGuid() }, klantregisseurId = Guid.NewGuid(), reden = " " }));
        Assert.Equal(["dossierIds", "klantregisseurId", "reden"], fout.Velden);
        Assert.Equal(voor, await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, ids[0]));

        var goed = await tl.Client.PostAsJsonAsync("/api/v1/dossiers/toewijzingen", new { dossierIds = ids, klantregisseurId = krId, reden = "Ziekte van collega" });
        Assert.Equal(HttpStatusCode.OK, goed.StatusCode);
        foreach (var id in ids)
        {
            Assert.Equal(krId, (await tl.LeesAsync(id)).Json.GetProperty("klantregisseurId").GetGuid());
            var laatste = (await tl.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}/tijdlijn")).EnumerateArray().Last();
            Assert.Equal("dossier.toegewezen", laatste.GetProperty("soort").GetString());
            Assert.Equal("Ziekte van collega", laatste.GetProperty("gegevens").GetProperty("reden").GetString());
        }

        var kr = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        Assert.Equal(HttpStatusCode.Forbidden, (await kr.Client.PostAsJsonAsync("/api/v1/dossiers/toewijzingen", new { dossierIds = ids, reden = "x" })).StatusCode);
    }

    private async Task<(DossierApi Api, Guid Id)> KlantregisseurAsync(Guid gemeente)
    {
        var email = await app.CreateUserAsync((gemeente, OrganisationKind.Gemeente, Roles.Klantregisseur));
        var token = (await app.CodeFlowAsync(await app.SignedInBrowserAsync(email))).GetProperty("access_token").GetString()!;
        var api = new DossierApi(app.Bearer(token));
        return (api, (await api.Client.GetFromJsonAsync<JsonElement>("/api/v1/account")).GetProperty("subject").GetGuid());
    }

    private static async Task<List<Guid>> IdsAsync(DossierApi api, string query) =>
        [.. (await api.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers?{query}")).GetProperty("dossiers").EnumerateArray().Select(d => d.GetProperty("id").GetGuid())];

    private static async Task<List<List<JsonElement>>> AllePaginasAsync(DossierApi api, string query)
    {
        var paginas = new List<List<JsonElement>>();
        string? cursor = null;
        do
        {
            var pagina = await api.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers?{query}{(cursor is null ? string.Empty : "&cursor=" + cursor)}");
            paginas.Add([.. pagina.GetProperty("dossiers").EnumerateArray()]);
            cursor = pagina.GetProperty("volgende").GetString();
        }
        while (cursor is not null);
        return paginas;
    }

    [Fact]
    public async Task Saved_views_are_checked_like_the_werkvoorraad_shared_within_the_gemeente_only_and_removed_by_their_maker_only()
    {
        // Views belong to people: each signs in and uses the API with their own token.
        var maker = await PersoonAsync(AppFixture.TenantA);
        var collega = await PersoonAsync(AppFixture.TenantA);
        var elders = await PersoonAsync(AppFixture.TenantB);
        var naam = "Weergave " + Guid.NewGuid().ToString("N")[..8];

        var fout = await Antwoord.VanAsync(await maker.Client.PostAsJsonAsync("/api/v1/werkvoorraad/filters",
            new { naam = "", wie = "iedereen", fase = "klaar", sort = "leeftijd", signaal = "rood", gedeeld = true }));
        Assert.Equal(HttpStatusCode.BadRequest, fout.Status);
        Assert.Equal(["fase", "naam", "signaal", "sort", "wie"], fout.Velden);
        Assert.Empty((await maker.Client.GetFromJsonAsync<JsonElement>("/api/v1/werkvoorraad/filters")).EnumerateArray());

        var gedeeld = (await Antwoord.VanAsync(await maker.Client.PostAsJsonAsync("/api/v1/werkvoorraad/filters",
            new { naam, wie = "team", fase = "gekoppeld", signaal = "overdue", gedeeld = true }))).VerwachtAangemaakt();
        var prive = (await Antwoord.VanAsync(await maker.Client.PostAsJsonAsync("/api/v1/werkvoorraad/filters",
            new { naam = naam + " privé", wie = "mij", gedeeld = false }))).VerwachtAangemaakt();
        var dubbel = await Antwoord.VanAsync(await maker.Client.PostAsJsonAsync("/api/v1/werkvoorraad/filters", new { naam, wie = "mij" }));
        Assert.Equal(["naam"], dubbel.Velden);

        var gezien = (await collega.Client.GetFromJsonAsync<JsonElement>("/api/v1/werkvoorraad/filters")).EnumerateArray().ToList();
        var kopie = Assert.Single(gezien, f => f.GetProperty("id").GetGuid() == gedeeld);
        Assert.Equal("overdue", kopie.GetProperty("filter").GetProperty("signaal").GetString());
        Assert.False(kopie.GetProperty("vanMij").GetBoolean());
        Assert.DoesNotContain(gezien, f => f.GetProperty("id").GetGuid() == prive);
        Assert.DoesNotContain((await elders.Client.GetFromJsonAsync<JsonElement>("/api/v1/werkvoorraad/filters")).EnumerateArray(), f => f.GetProperty("id").GetGuid() == gedeeld);

        Assert.Equal(HttpStatusCode.NotFound, (await collega.Client.DeleteAsync($"/api/v1/werkvoorraad/filters/{gedeeld}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elders.Client.DeleteAsync($"/api/v1/werkvoorraad/filters/{gedeeld}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await maker.Client.DeleteAsync($"/api/v1/werkvoorraad/filters/{gedeeld}")).StatusCode);
        Assert.DoesNotContain((await collega.Client.GetFromJsonAsync<JsonElement>("/api/v1/werkvoorraad/filters")).EnumerateArray(), f => f.GetProperty("id").GetGuid() == gedeeld);
    }

    [Fact]
    public async Task The_werkvoorraad_exports_as_csv_and_xlsx_with_the_same_rows_as_the_api_and_the_export_is_logged()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var merk = "Export" + Guid.NewGuid().ToString("N")[..6];
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock).AddDays(-5 - i), achternaam: merk + i))).VerwachtAangemaakt());
        }

        var lijst = await api.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers?q={merk}&sort=naam");
        var csv = (await api.Client.GetStringAsync($"/api/v1/dossiers/export?formaat=csv&q={merk}&sort=naam")).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split(';')).ToList();
        var xlsx = await api.Client.GetByteArrayAsync($"/api/v1/dossiers/export?formaat=xlsx&q={merk}&sort=naam");

        Assert.Equal(["Naam", "V-nummer", "Fase", "Koppelingsdatum", "Dagen sinds koppeling", "Eerstvolgende termijn", "Open signalen"], csv[0]);
        Assert.Equal(lijst.GetProperty("dossiers").EnumerateArray().Select(d => d.GetProperty("vNummer").GetString()), csv.Skip(1).Select(r => r[1]));
        using var werkboek = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var rijen = werkboek.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        Assert.Equal(4, rijen.Count);
        Assert.Equal(csv[1][0], rijen[1].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().First().InnerText);
        // The koppelingsdatum is a real spreadsheet date (a serial number with a date format), not text.
        var datum = rijen[1].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ElementAt(3);
        Assert.Null(datum.DataType);
        var formaat = werkboek.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.CellFormat>().ElementAt((int)datum.StyleIndex!.Value);
        Assert.Equal("yyyy-mm-dd", werkboek.WorkbookPart.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.NumberingFormat>()
            .Single(f => f.NumberFormatId!.Value == formaat.NumberFormatId!.Value).FormatCode!.Value);
        Assert.Equal(DateOnly.Parse(csv[1][3], System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(datum.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture))));
        Assert.True(await DossierTabellen.AantalNaInzageAsync(app, AppFixture.TenantA, $"auditing.logboek where onderdeel = 'export:werkvoorraad' and dossier_id = '{ids[0]}'", 2) >= 2);
        // Each person once per export, as an export: the pages it read are not caseload views (only the list above is).
        Assert.Equal(2, await AppFixture.ScalarAsync<long>(app.Database.Admin, $"SELECT count(*) FROM auditing.logboek WHERE onderdeel = 'export:werkvoorraad' AND dossier_id = '{ids[0]}'"));
        Assert.Equal(1, await AppFixture.ScalarAsync<long>(app.Database.Admin, $"SELECT count(*) FROM auditing.logboek WHERE onderdeel = 'caseload' AND dossier_id = '{ids[0]}'"));
        Assert.Equal(["formaat"], (await Antwoord.VanAsync(await api.Client.GetAsync("/api/v1/dossiers/export?formaat=pdf"))).Velden);
    }

    private async Task<DossierApi> PersoonAsync(Guid gemeente)
    {
        var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync((gemeente, OrganisationKind.Gemeente, Roles.Klantregisseur)));
        return new DossierApi(app.Bearer((await app.CodeFlowAsync(browser)).GetProperty("access_token").GetString()!));
    }
}

internal static class AntwoordExtensions
{
    public static Guid VerwachtAangemaakt(this Antwoord antwoord) => antwoord.Verwacht(HttpStatusCode.Created).Id;
}
