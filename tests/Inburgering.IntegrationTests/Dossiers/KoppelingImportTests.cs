using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Tenancy.Data.ReferenceData;
using Inburgering.Platform.Authorization;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>
/// A gemeente imports its TVS export instead of typing each koppeling in: households linked, the klantprofiel taken
/// over, a changed row updated and marked as coming from the import, the same file twice changing nothing, and every
/// bad row named with its column while the good rows stand.
/// </summary>
public sealed class KoppelingImportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private DateOnly Vandaag => Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock);

    [Fact]
    public async Task A_tvs_export_registers_households_and_klantprofiel_and_the_same_file_twice_changes_nothing()
    {
        var kr = (await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur)).Client;
        var tvs = new TvsBestand(Vandaag);
        var (referent, partner, kind, alleen) = (DossierApi.NieuwVNummer(), DossierApi.NieuwVNummer(), DossierApi.NieuwVNummer(), DossierApi.NieuwVNummer());
        var huishouden = "H-" + referent;
        tvs.Rij(referent, ("Voornamen", "Omar"), ("Geslacht", "M"), ("Huishoudnummer", huishouden), ("Relatie", "referent"), ("Opleiding", "Universiteit, werktuigbouw"));
        tvs.Rij(partner, ("Huishoudnummer", huishouden), ("Relatie", "Partner"));
        tvs.Rij(kind, ("Voornamen", "Sami"), ("Geboortedatum", "01-06-2012"), ("Huishoudnummer", huishouden), ("Relatie", "kind"), ("Talen", "Arabisch"));
        tvs.Rij(alleen, ("Achternaam", "Tesfay"), ("Nationaliteit", "Eritrese"), ("Land van herkomst", "Eritrea"), ("Talen", "Tigrinya"),
            ("Werkervaring", "Timmerman"), ("Zichtbare beperkingen", "Loopt met een kruk"));
        var bestand = tvs.Csv();

        var voorbeeld = (await TvsBestand.UploadAsync(kr, bestand)).Verwacht(HttpStatusCode.Created).Json;
        Assert.Equal((4, 4, 0), (voorbeeld.GetProperty("rijen").GetInt32(), voorbeeld.GetProperty("nieuw").GetInt32(), voorbeeld.GetProperty("geweigerd").GetInt32()));
        Assert.Equal(0L, await AantalAsync(referent, partner, kind, alleen));

        var eerste = voorbeeld.GetProperty("id").GetGuid();
        var stand = await TvsBestand.ImporteerAsync(kr, eerste);
        Assert.Equal((4, 4, 0), (stand.GetProperty("verwerkt").GetInt32(), stand.GetProperty("nieuw").GetInt32(), stand.GetProperty("geweigerd").GetInt32()));
        var dossiers = new Dictionary<string, JsonElement>();
        foreach (var v in new[] { referent, partner, kind, alleen })
        {
            dossiers[v] = await kr.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{await IdAsync(v)}");
        }

        var h = dossiers[referent].GetProperty("huishouden");
        Assert.Equal(3, h.GetProperty("grootte").GetInt32());
        Assert.Equal("referent", h.GetProperty("relatie").GetString());
        Assert.Equal([partner, kind], h.GetProperty("leden").EnumerateArray().Select(l => l.GetProperty("vNummer").GetString()!).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(h.GetProperty("id").GetGuid(), dossiers[kind].GetProperty("huishouden").GetProperty("id").GetGuid());
        Assert.Equal("kind", dossiers[kind].GetProperty("huishouden").GetProperty("relatie").GetString());
        Assert.Equal("partner", dossiers[partner].GetProperty("huishouden").GetProperty("relatie").GetString());
        Assert.NotEqual(h.GetProperty("id").GetGuid(), dossiers[alleen].GetProperty("huishouden").GetProperty("id").GetGuid());
        Assert.Equal(1, dossiers[alleen].GetProperty("huishouden").GetProperty("grootte").GetInt32());
        Assert.Equal("man", dossiers[referent].GetProperty("geslacht").GetString());
        Assert.Equal(TenancySeeder.CoaLocatieId("azc Almelo"), dossiers[alleen].GetProperty("coaLocatieId").GetGuid());
        Assert.Equal("Eritrese", dossiers[alleen].GetProperty("nationaliteit").GetString());
        Assert.Equal(["Tigrinya"], dossiers[alleen].GetProperty("talen").EnumerateArray().Select(t => t.GetString()!).ToArray());
        Assert.Equal("Universiteit, werktuigbouw", dossiers[referent].GetProperty("overdracht").GetProperty("opleiding").GetString());
        Assert.Equal("Loopt met een kruk", dossiers[alleen].GetProperty("overdracht").GetProperty("zichtbareBeperkingen").GetString());
        Assert.Equal(Vandaag.AddDays(-30), DateOnly.Parse(dossiers[alleen].GetProperty("koppelingsdatum").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(4L, await AppFixture.ScalarAsync<long>(app.Database.Admin,
            $"SELECT count(*) FROM dossiers.tijdlijn WHERE soort = 'dossier.aangemaakt' AND gegevens->>'bron' = 'import:{eerste}'"));

        // The same file again: every row recognised by its V-nummer, nothing written.
        var versies = await VersiesAsync(referent, partner, kind, alleen);
        var tijdlijn = await AppFixture.ScalarAsync<long>(app.Database.Admin, "SELECT count(*) FROM dossiers.tijdlijn");
        var nogEens = (await TvsBestand.UploadAsync(kr, bestand)).Verwacht(HttpStatusCode.Created).Json;
        Assert.Equal((0, 4), (nogEens.GetProperty("nieuw").GetInt32(), nogEens.GetProperty("ongewijzigd").GetInt32()));
        stand = await TvsBestand.ImporteerAsync(kr, nogEens.GetProperty("id").GetGuid());
        Assert.Equal((0, 4, 0, 0), (stand.GetProperty("nieuw").GetInt32(), stand.GetProperty("ongewijzigd").GetInt32(), stand.GetProperty("gewijzigd").GetInt32(),
            stand.GetProperty("geweigerd").GetInt32()));
        Assert.Equal(versies, await VersiesAsync(referent, partner, kind, alleen));
        Assert.Equal(tijdlijn, await AppFixture.ScalarAsync<long>(app.Database.Admin, "SELECT count(*) FROM dossiers.tijdlijn"));

        // A changed row updates the dossier through the edit use case, marked in the tijdlijn as the import's.
        var gewijzigd = new TvsBestand(Vandaag);
        gewijzigd.Rij(alleen, ("Achternaam", "Tesfaye"), ("Nationaliteit", "Eritrese"), ("Land van herkomst", "Eritrea"), ("Talen", "Tigrinya"),
            ("Werkervaring", "Timmerman en metselaar"), ("Zichtbare beperkingen", "Loopt met een kruk"));
        var derde = (await TvsBestand.UploadAsync(kr, gewijzigd.Csv())).Verwacht(HttpStatusCode.Created).Json;
        Assert.Equal(1, derde.GetProperty("gewijzigd").GetInt32());
        Assert.Equal(versies[3], (await VersiesAsync(alleen))[0]);
        stand = await TvsBestand.ImporteerAsync(kr, derde.GetProperty("id").GetGuid());
        Assert.Equal(1, stand.GetProperty("gewijzigd").GetInt32());
        var na = await kr.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{await IdAsync(alleen)}");
        Assert.Equal("Tesfaye", na.GetProperty("achternaam").GetString());
        Assert.Equal("Timmerman en metselaar", na.GetProperty("overdracht").GetProperty("werkervaring").GetString());
        Assert.Equal("Loopt met een kruk", na.GetProperty("overdracht").GetProperty("zichtbareBeperkingen").GetString());
        Assert.Equal(1L, await AppFixture.ScalarAsync<long>(app.Database.Admin,
            $"SELECT count(*) FROM dossiers.tijdlijn WHERE soort = 'dossier.gewijzigd' AND gegevens->>'bron' = 'import:{derde.GetProperty("id").GetGuid()}' AND gegevens->'gegevens'->>'achternaam' = 'Tesfaye'"));

        var verslag = await kr.GetStringAsync($"/api/v1/imports/koppelingen/{eerste}/verslag");
        Assert.Equal(4, verslag.Split("\r\n").Count(r => r.Contains(";nieuw;", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Thirty_bad_rows_of_distinct_kinds_are_each_named_and_the_good_rows_stand()
    {
        var kr = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var bezet = DossierApi.UniekBsn();
        (await kr.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-10), bezet))).Verwacht(HttpStatusCode.Created);
        var tvs = new TvsBestand(Vandaag);
        var goed = new List<string>();
        var verwacht = new Dictionary<int, string>();
        void Goed() => goed.Add(Rij(tvs, DossierApi.NieuwVNummer()));
        string Rij(TvsBestand b, string v, params (string, string)[] anders)
        {
            b.Rij(v, anders);
            return v;
        }

        void Fout(string kolom, params (string, string)[] anders) => verwacht[tvs.Rij(DossierApi.NieuwVNummer(), anders)] = kolom;
        var dubbel = DossierApi.NieuwVNummer();
        var dubbelBsn = DossierApi.UniekBsn();
        Goed();
        verwacht[tvs.Rij(string.Empty)] = "V-nummer";
        verwacht[tvs.Rij("123456789")] = "V-nummer";
        tvs.Rij(dubbel);
        goed.Add(dubbel);
        verwacht[tvs.Rij(dubbel, ("Voornamen", "Tweede"))] = "V-nummer";
        Fout("BSN", ("BSN", "123456789"));
        goed.Add(Rij(tvs, DossierApi.NieuwVNummer(), ("BSN", dubbelBsn)));
        Fout("BSN", ("BSN", dubbelBsn));
        Fout("BSN", ("BSN", bezet));
        Fout("Voornamen", ("Voornamen", string.Empty));
        Fout("Achternaam", ("Achternaam", string.Empty));
        Fout("Geboortedatum", ("Geboortedatum", string.Empty));
        Fout("Geboortedatum", ("Geboortedatum", "31-02-1990"));
        Fout("Geboortedatum", ("Geboortedatum", TvsBestand.Datum(Vandaag.AddDays(3))));
        Fout("Geslacht", ("Geslacht", "Q"));
        Fout("Land van herkomst", ("Land van herkomst", string.Empty));
        Fout("Datum vergunning", ("Datum vergunning", string.Empty));
        Fout("Datum vergunning", ("Datum vergunning", TvsBestand.Datum(Vandaag.AddDays(40))), ("Datum koppeling", TvsBestand.Datum(Vandaag.AddDays(41))));
        Fout("Datum koppeling", ("Datum koppeling", "gisteren"));
        Fout("Datum koppeling", ("Datum koppeling", TvsBestand.Datum(Vandaag.AddDays(2))));
        Fout("Datum koppeling", ("Datum koppeling", TvsBestand.Datum(Vandaag.AddDays(-90))));
        Fout("COA-locatie", ("COA-locatie", "azc Atlantis"));
        Fout("Relatie", ("Relatie", "buurman"));
        Fout("Huishoudgrootte", ("Huishoudgrootte", "drie"));
        Fout("Huishoudgrootte", ("Huishoudgrootte", "25"));
        Fout("(rij)", ("Opleiding", "=HYPERLINK(\"http://example.invalid\")"));
        Fout("(rij)", ("Werkervaring", "@SUM(A1:A2)"));
        Fout("(rij)", ("Achternaam", "Hüseyin"));
        var latin1 = tvs.Rijen.Count + 1;
        Fout("Opleiding", ("Opleiding", new string('x', 2001)));
        Fout("Nationaliteit", ("Nationaliteit", new string('n', 101)));
        Fout("Achternaam", ("Achternaam", new string('a', 201)));
        Fout("Talen", ("Talen", string.Join(';', Enumerable.Range(1, 21).Select(i => $"taal{i}"))));
        Fout("Huishoudnummer", ("Huishoudnummer", new string('9', 51)));
        Goed();
        Assert.Equal(30, verwacht.Count);

        var bestand = tvs.Csv(rij => rij == latin1 ? Encoding.Latin1 : Encoding.UTF8);
        var voorbeeld = (await TvsBestand.UploadAsync(kr.Client, bestand)).Verwacht(HttpStatusCode.Created).Json;
        var fouten = voorbeeld.GetProperty("fouten").EnumerateArray().Select(f => (Rij: f.GetProperty("rij").GetInt32(), Kolom: f.GetProperty("kolom").GetString()!)).ToList();
        foreach (var (rij, kolom) in verwacht)
        {
            Assert.True(fouten.Contains((rij, kolom)), $"row {rij} should be refused on {kolom}; reported: {string.Join(", ", fouten.Where(f => f.Rij == rij))}");
        }

        Assert.Equal(verwacht.Keys.Order(), fouten.Select(f => f.Rij).Distinct().Order());
        Assert.Equal((30, goed.Count), (voorbeeld.GetProperty("geweigerd").GetInt32(), voorbeeld.GetProperty("nieuw").GetInt32()));
        Assert.All(voorbeeld.GetProperty("fouten").EnumerateArray(), f => Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("reden").GetString())));

        var stand = await TvsBestand.ImporteerAsync(kr.Client, voorbeeld.GetProperty("id").GetGuid());
        Assert.Equal((30, goed.Count), (stand.GetProperty("geweigerd").GetInt32(), stand.GetProperty("nieuw").GetInt32()));
        Assert.Equal(goed.Count, await AantalAsync([.. goed]));
        Assert.Equal(1L, await AantalAsync(dubbel));
        Assert.Equal("Amal", await AppFixture.ScalarAsync<string>(app.Database.Admin, $"SELECT voornamen FROM dossiers.dossiers WHERE v_nummer = '{dubbel}'"));
        var verslag = await kr.Client.GetStringAsync($"/api/v1/imports/koppelingen/{voorbeeld.GetProperty("id").GetGuid()}/verslag");
        foreach (var rij in verwacht.Keys)
        {
            Assert.Contains(verslag.Split("\r\n"), r => r.StartsWith($"{rij};", StringComparison.Ordinal) && r.Contains(";geweigerd;", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task An_xlsx_export_with_real_date_cells_imports_and_a_formula_cell_is_refused()
    {
        var kr = (await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur)).Client;
        var tvs = new TvsBestand(Vandaag);
        var (een, twee) = (DossierApi.NieuwVNummer(), DossierApi.NieuwVNummer());
        tvs.Rij(een);
        tvs.Rij(twee);
        var bestand = tvs.Xlsx((kop, waarde) => kop.StartsWith("Datum", StringComparison.Ordinal) || kop == "Geboortedatum"
            ? DateTime.ParseExact(waarde, "dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture)
            : null);
        var voorbeeld = (await TvsBestand.UploadAsync(kr, bestand, "tvs.xlsx")).Verwacht(HttpStatusCode.Created).Json;
        Assert.Equal((2, 0), (voorbeeld.GetProperty("nieuw").GetInt32(), voorbeeld.GetProperty("geweigerd").GetInt32()));
        await TvsBestand.ImporteerAsync(kr, voorbeeld.GetProperty("id").GetGuid());
        Assert.Equal(2L, await AantalAsync(een, twee));
        var dossier = await kr.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{await IdAsync(een)}");
        Assert.Equal("1990-03-12", dossier.GetProperty("geboortedatum").GetString());

        var metFormule = Formule(bestand, "C3", "CONCATENATE(\"Am\",\"al\")");
        var refused = (await TvsBestand.UploadAsync(kr, metFormule, "tvs.xlsx")).Verwacht(HttpStatusCode.Created).Json;
        Assert.Equal([(3, "(rij)")], refused.GetProperty("fouten").EnumerateArray().Select(f => (f.GetProperty("rij").GetInt32(), f.GetProperty("kolom").GetString()!)).ToArray());
    }

    [Fact]
    public async Task A_file_that_cannot_be_an_export_is_refused_whole_and_stores_nothing()
    {
        var kr = (await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur)).Client;
        var voor = await AppFixture.ScalarAsync<long>(app.Database.Admin, "SELECT count(*) FROM dossiers.koppeling_imports");
        var zonderKolom = Encoding.UTF8.GetBytes("V-nummer;Voornamen\r\n1000000001;Amal\r\n");
        var antwoord = (await TvsBestand.UploadAsync(kr, zonderKolom)).Verwacht(HttpStatusCode.BadRequest);
        Assert.Equal("Dossiers:Validation", antwoord.Code);
        Assert.Equal(["bestand"], antwoord.Velden);
        Assert.Contains("Achternaam", antwoord.Json.GetProperty("errors").GetProperty("bestand")[0].GetString(), StringComparison.Ordinal);
        (await TvsBestand.UploadAsync(kr, [1, 2, 3, 4], "tvs.xlsx")).Verwacht(HttpStatusCode.BadRequest);
        (await TvsBestand.UploadAsync(kr, [1, 2, 3, 4], "tvs.pdf")).Verwacht(HttpStatusCode.BadRequest);
        using var leeg = new MultipartFormDataContent();
        Assert.Equal(["bestand"], (await Antwoord.VanAsync(await kr.PostAsync("/api/v1/imports/koppelingen", leeg))).Verwacht(HttpStatusCode.BadRequest).Velden);
        Assert.Equal(voor, await AppFixture.ScalarAsync<long>(app.Database.Admin, "SELECT count(*) FROM dossiers.koppeling_imports"));

        // Naming the columns is not importing: the functioneel beheerder may do the one, not the other.
        var fb = (await app.DossierApiAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder)).Client;
        (await TvsBestand.UploadAsync(fb, new TvsBestand(Vandaag).Csv())).Verwacht(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_gemeente_names_its_own_columns_and_another_gemeente_sees_neither_them_nor_its_imports()
    {
        var fb = (await app.DossierApiAsync(AppFixture.TenantB, Roles.FunctioneelBeheerder)).Client;
        var fout = await Antwoord.VanAsync(await fb.PutAsJsonAsync("/api/v1/imports/kolommen", new { kolommen = new Dictionary<string, string> { ["achternaam"] = "V-nummer", ["onbekend"] = "x" } }));
        Assert.Equal(["kolommen.achternaam", "kolommen.onbekend"], fout.Verwacht(HttpStatusCode.BadRequest).Velden);
        (await fb.PutAsJsonAsync("/api/v1/imports/kolommen", new { kolommen = new Dictionary<string, string> { ["vNummer"] = "Vreemdelingennummer", ["achternaam"] = "Geslachtsnaam" } }))
            .EnsureSuccessStatusCode();

        var kr = (await app.DossierApiAsync(AppFixture.TenantB, Roles.Klantregisseur)).Client;
        var tvs = new TvsBestand(Vandaag);
        var v = DossierApi.NieuwVNummer();
        tvs.Rij(v, ("COA-locatie", "azc Enschede"));
        var csv = Encoding.UTF8.GetString(tvs.Csv()).Replace("V-nummer;", "Vreemdelingennummer;", StringComparison.Ordinal).Replace(";Achternaam;", ";Geslachtsnaam;", StringComparison.Ordinal);
        var voorbeeld = (await TvsBestand.UploadAsync(kr, Encoding.UTF8.GetBytes(csv))).Verwacht(HttpStatusCode.Created).Json;
        Assert.Equal(1, voorbeeld.GetProperty("nieuw").GetInt32());

        var almelo = (await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur)).Client;
        (await Antwoord.VanAsync(await almelo.GetAsync($"/api/v1/imports/koppelingen/{voorbeeld.GetProperty("id").GetGuid()}"))).Verwacht(HttpStatusCode.NotFound);
        (await Antwoord.VanAsync(await almelo.PostAsync($"/api/v1/imports/koppelingen/{voorbeeld.GetProperty("id").GetGuid()}/start", null))).Verwacht(HttpStatusCode.NotFound);
        var kolommen = await almelo.GetFromJsonAsync<JsonElement>("/api/v1/imports/kolommen");
        Assert.Equal("V-nummer", kolommen.GetProperty("kolommen").EnumerateArray().Single(k => k.GetProperty("veld").GetString() == "vNummer").GetProperty("kop").GetString());
    }

    private static byte[] Formule(byte[] xlsx, string cel, string formule)
    {
        using var stroom = new MemoryStream();
        stroom.Write(xlsx);
        using (var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stroom, true))
        {
            var blad = doc.WorkbookPart!.WorksheetParts.First().Worksheet;
            var c = blad.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Single(x => x.CellReference == cel);
            c.CellFormula = new DocumentFormat.OpenXml.Spreadsheet.CellFormula(formule);
            blad.Save();
        }

        return stroom.ToArray();
    }

    private async Task<long> AantalAsync(params string[] vNummers) =>
        await AppFixture.ScalarAsync<long>(app.Database.Admin, $"SELECT count(*) FROM dossiers.dossiers WHERE v_nummer IN ({string.Join(',', vNummers.Select(v => $"'{v}'"))})");

    private async Task<Guid> IdAsync(string vNummer) =>
        await AppFixture.ScalarAsync<Guid>(app.Database.Admin, $"SELECT id FROM dossiers.dossiers WHERE v_nummer = '{vNummer}'");

    private async Task<int[]> VersiesAsync(params string[] vNummers)
    {
        var versies = new List<int>();
        foreach (var v in vNummers)
        {
            versies.Add(await AppFixture.ScalarAsync<int>(app.Database.Admin, $"SELECT versie FROM dossiers.dossiers WHERE v_nummer = '{v}'"));
        }

        return [.. versies];
    }
}
