using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>
/// The BRP through a local server that speaks BRP Personen Bevragen v2: a dossier compared with the BRP and its
/// registration date taken over (which starts the PIP clock), a person found by name and birth date, a BSN under
/// investigation refused, a slow or unavailable BRP answered with a clear status and never a 5xx, and every lookup in
/// the processing log.
/// </summary>
public sealed class BrpTests(BrpTests.MetBrp app) : IClassFixture<BrpTests.MetBrp>, IAsyncLifetime
{
    private BrpTestServer _brp = null!;

    public sealed class MetBrp : AppFixture
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
        {
            // The local server listens on loopback without TLS; only an operator can trust such a server.
            ["Brp:VertrouwdeServers:0"] = "127.0.0.1",
            ["Brp:PogingTimeout"] = "00:00:02", ["Brp:TotaleTimeout"] = "00:00:05", ["Brp:Herhalingen"] = "1", ["Brp:Onderbreking"] = "00:00:02",
        };
    }

    public async Task InitializeAsync()
    {
        _brp = await BrpTestServer.StartAsync();
        // The first request a fresh server answers is slow to start; a test should not spend its own attempt on that.
        using (var warm = new HttpClient())
        {
            (await warm.PostAsJsonAsync(_brp.Adres.AbsoluteUri + "/personen", new { })).Dispose();
        }

        var fb = (await app.DossierApiAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder)).Client;
        (await Antwoord.VanAsync(await fb.PutAsJsonAsync("/api/v1/beheer/brp", new { endpoint = _brp.Adres.AbsoluteUri, apiSleutel = BrpTestServer.ApiSleutel, gemeenteCode = "0141" })))
            .Verwacht(HttpStatusCode.OK);
    }

    public async Task DisposeAsync() => await _brp.DisposeAsync();

    private DateOnly Vandaag => Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock);

    [Fact]
    public async Task A_dossier_is_compared_with_the_brp_and_the_registration_date_taken_over_starts_the_pip_clock()
    {
        var kr = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var bsn = DossierApi.UniekBsn();
        var id = (await kr.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-40), bsn))).Verwacht(HttpStatusCode.Created).Id;
        var duo = Vandaag.AddDays(-20);
        (await kr.SchrijfAsync(HttpMethod.Patch, $"/api/v1/dossiers/{id}", new { kennisgevingDuo = duo }, (await kr.LeesAsync(id)).ETag)).Verwacht(HttpStatusCode.OK);
        var inschrijving = Vandaag.AddDays(-10);
        _brp.Persoon(bsn, "Amal", "Haddad", new DateOnly(1990, 3, 14), "V", "Syrische", "0141", "Almelo", inschrijving);

        var vergelijking = await kr.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}/brp");
        Assert.Equal("gevonden", vergelijking.GetProperty("status").GetString());
        var velden = vergelijking.GetProperty("velden").EnumerateArray().ToDictionary(v => v.GetProperty("veld").GetString()!);
        Assert.Equal(inschrijving.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), velden["brpInschrijving"].GetProperty("brp").GetString());
        Assert.True(velden["brpInschrijving"].GetProperty("anders").GetBoolean());
        Assert.Equal("Syrische", velden["nationaliteit"].GetProperty("brp").GetString());
        Assert.Equal("Grotestraat 12, 7607 AA  ALMELO", velden["adres"].GetProperty("brp").GetString());
        Assert.False(velden["adres"].GetProperty("overneembaar").GetBoolean());

        // The request is the spec's: the query type, the BSN as an array, the fields it needs, and the API key.
        var (sleutel, body) = _brp.Verzoeken.Last();
        Assert.Equal(BrpTestServer.ApiSleutel, sleutel);
        Assert.Equal("RaadpleegMetBurgerservicenummer", body!["type"]!.GetValue<string>());
        Assert.Equal([bsn], body["burgerservicenummer"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Contains("datumInschrijvingInGemeente", body["fields"]!.AsArray().Select(n => n!.GetValue<string>()));

        var dossier = await kr.LeesAsync(id);
        Assert.Equal(JsonValueKind.Null, dossier.Json.GetProperty("pip").GetProperty("deadline").ValueKind);
        var overgenomen = await Antwoord.VanAsync(await Schrijf(kr.Client, $"/api/v1/dossiers/{id}/brp/overnemen", new { velden = new[] { "brpInschrijving", "nationaliteit" } }, dossier.ETag));
        overgenomen.Verwacht(HttpStatusCode.OK);
        Assert.Equal(inschrijving.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), overgenomen.Json.GetProperty("brpInschrijving").GetString());
        Assert.Equal("Syrische", overgenomen.Json.GetProperty("nationaliteit").GetString());
        Assert.NotEqual(JsonValueKind.Null, overgenomen.Json.GetProperty("pip").GetProperty("deadline").ValueKind);
        Assert.Equal(1L, await AppFixture.ScalarAsync<long>(app.Database.Admin,
            $"SELECT count(*) FROM dossiers.tijdlijn WHERE dossier_id = '{id}' AND soort = 'dossier.gewijzigd' AND gegevens->>'bron' = 'brp'"));

        // Every lookup, the one the takeover makes included, is a processing of this person in the log; the takeover is a write.
        Assert.Equal("lezen:2,schrijven:1", await AppFixture.ScalarAsync<string>(app.Database.Admin,
            $"SELECT string_agg(handeling || ':' || n, ',' ORDER BY handeling) FROM (SELECT handeling, count(*) n FROM auditing.logboek WHERE dossier_id = '{id}' AND onderdeel = 'brp' GROUP BY handeling) t"));
    }

    [Fact]
    public async Task A_person_without_a_bsn_is_found_by_name_and_birth_date_and_the_bsn_taken_over()
    {
        var kr = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var id = (await kr.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-40), achternaam: "Tesfamariam"))).Verwacht(HttpStatusCode.Created).Id;
        var bsn = DossierApi.UniekBsn();
        _brp.Persoon(bsn, "Yonas", "Tesfamariam", new DateOnly(1992, 5, 1), "M", "Eritrese", "0141", "Almelo", Vandaag.AddDays(-5));
        _brp.Persoon(DossierApi.UniekBsn(), "Yonas", "Tesfamariam", new DateOnly(1993, 5, 1), "M", "Eritrese", "0141", "Almelo", Vandaag.AddDays(-5));

        Assert.Equal("geen-bsn", (await kr.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}/brp")).GetProperty("status").GetString());
        var zoek = await (await kr.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/brp/zoek", new { geslachtsnaam = "tesfamariam", geboortedatum = "1992-05-01" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("gevonden", zoek.GetProperty("status").GetString());
        var gevonden = Assert.Single(zoek.GetProperty("personen").EnumerateArray());
        Assert.Equal(bsn, gevonden.GetProperty("bsn").GetString());
        Assert.Equal("ZoekMetGeslachtsnaamEnGeboortedatum", _brp.Verzoeken.Last().Body!["type"]!.GetValue<string>());

        var dossier = await kr.LeesAsync(id);
        var overgenomen = await Antwoord.VanAsync(await Schrijf(kr.Client, $"/api/v1/dossiers/{id}/brp/overnemen", new { velden = new[] { "bsn", "brpInschrijving" }, bsn }, dossier.ETag));
        Assert.Equal(bsn, overgenomen.Verwacht(HttpStatusCode.OK).Json.GetProperty("bsn").GetString());

        var fout = await Antwoord.VanAsync(await kr.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/brp/zoek", new { geslachtsnaam = "<script>", geboortedatum = (string?)null }));
        Assert.Equal(["geboortedatum", "geslachtsnaam"], fout.Verwacht(HttpStatusCode.BadRequest).Velden);
    }

    [Fact]
    public async Task A_bsn_under_investigation_is_shown_and_never_taken_over()
    {
        var kr = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var id = (await kr.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-40), achternaam: "Onderzocht"))).Verwacht(HttpStatusCode.Created).Id;
        var bsn = DossierApi.UniekBsn();
        _brp.Persoon(bsn, "Amal", "Onderzocht", new DateOnly(1990, 3, 14), "V", "Syrische", "0141", "Almelo", Vandaag.AddDays(-3), null, "burgerservicenummer", "datumInschrijvingInGemeente");

        var zoek = await (await kr.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/brp/zoek", new { geslachtsnaam = "Onderzocht", geboortedatum = "1990-03-14" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(Assert.Single(zoek.GetProperty("personen").EnumerateArray()).GetProperty("bsnInOnderzoek").GetBoolean());

        var dossier = await kr.LeesAsync(id);
        var geweigerd = await Antwoord.VanAsync(await Schrijf(kr.Client, $"/api/v1/dossiers/{id}/brp/overnemen", new { velden = new[] { "bsn" }, bsn }, dossier.ETag));
        Assert.Equal("Dossiers:BrpUnderInvestigation", geweigerd.Verwacht(HttpStatusCode.Conflict).Code);
        var na = await kr.LeesAsync(id);
        Assert.Equal(dossier.ETag, na.ETag);
        Assert.Equal(JsonValueKind.Null, na.Json.GetProperty("bsn").ValueKind);
    }

    [Fact]
    public async Task A_slow_or_unavailable_brp_gives_a_clear_status_never_a_server_error_and_the_dossier_keeps_working()
    {
        var kr = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var bsn = DossierApi.UniekBsn();
        var id = (await kr.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-40), bsn))).Verwacht(HttpStatusCode.Created).Id;
        _brp.Persoon(bsn, "Amal", "Haddad", new DateOnly(1990, 3, 14), "V", "Syrische", "0141", "Almelo", Vandaag.AddDays(-3));
        try
        {
            _brp.Vertraging = TimeSpan.FromSeconds(8);
            var traag = await Antwoord.VanAsync(await kr.Client.GetAsync($"/api/v1/dossiers/{id}/brp"));
            Assert.Equal("niet-beschikbaar", traag.Verwacht(HttpStatusCode.OK).Json.GetProperty("status").GetString());
            Assert.Contains("niet bereikbaar", traag.Json.GetProperty("melding").GetString(), StringComparison.Ordinal);

            _brp.Vertraging = TimeSpan.Zero;
            _brp.Onbeschikbaar = true;
            var plat = await Antwoord.VanAsync(await kr.Client.GetAsync($"/api/v1/dossiers/{id}/brp"));
            Assert.Equal("niet-beschikbaar", plat.Verwacht(HttpStatusCode.OK).Json.GetProperty("status").GetString());
            var dossier = await kr.LeesAsync(id);
            dossier.Verwacht(HttpStatusCode.OK);
            var overnemen = await Antwoord.VanAsync(await Schrijf(kr.Client, $"/api/v1/dossiers/{id}/brp/overnemen", new { velden = new[] { "brpInschrijving" } }, dossier.ETag));
            Assert.Equal("Dossiers:BrpUnavailable", overnemen.Verwacht(HttpStatusCode.ServiceUnavailable).Code);
            (await kr.SchrijfAsync(HttpMethod.Patch, $"/api/v1/dossiers/{id}", new { landVanHerkomst = "Syrië" }, (await kr.LeesAsync(id)).ETag)).Verwacht(HttpStatusCode.OK);
        }
        finally
        {
            (_brp.Vertraging, _brp.Onbeschikbaar) = (TimeSpan.Zero, false);
        }

        // Once the BRP answers again (after the breaker's pause) the lookup works again.
        string? status = null;
        await Peilen.TotAsync(async () =>
        {
            status = (await kr.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}/brp")).GetProperty("status").GetString();
            return status == "gevonden";
        }, keer: 60, tussenpozeMs: 500);
        Assert.Equal("gevonden", status);
    }

    [Fact]
    public async Task The_connection_keeps_its_secrets_encrypted_and_a_bad_one_is_refused_whole()
    {
        var fb = (await app.DossierApiAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder)).Client;
        var aansluiting = await fb.GetFromJsonAsync<JsonElement>("/api/v1/beheer/brp");
        Assert.True(aansluiting.GetProperty("apiSleutel").GetBoolean());
        Assert.DoesNotContain(BrpTestServer.ApiSleutel, aansluiting.GetRawText(), StringComparison.Ordinal);
        var opgeslagen = await AppFixture.ScalarAsync<string>(app.Database.Admin, $"SELECT api_sleutel_versleuteld FROM dossiers.brp_aansluitingen WHERE tenant_id = '{AppFixture.TenantA}'");
        Assert.DoesNotContain(BrpTestServer.ApiSleutel, opgeslagen, StringComparison.Ordinal);
        Assert.Equal(0L, await AppFixture.ScalarAsync<long>(app.Database.Admin, $"SELECT count(*) FROM auditing.beheerlog WHERE na::text LIKE '%{BrpTestServer.ApiSleutel}%'"));

        var fout = await Antwoord.VanAsync(await fb.PutAsJsonAsync("/api/v1/beheer/brp", new { endpoint = "http://brp.example.nl/haalcentraal", gemeenteCode = "141", certificaat = "geen-pfx" }));
        Assert.Equal(["certificaat", "endpoint", "gemeenteCode"], fout.Verwacht(HttpStatusCode.BadRequest).Velden);
        Assert.Equal(_brp.Adres.AbsoluteUri.TrimEnd('/'), (await fb.GetFromJsonAsync<JsonElement>("/api/v1/beheer/brp")).GetProperty("endpoint").GetString());

        var kr = (await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur)).Client;
        (await Antwoord.VanAsync(await kr.GetAsync("/api/v1/beheer/brp"))).Verwacht(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_import_with_the_brp_takes_over_each_persons_registration_date_and_says_per_row_what_it_did()
    {
        var kr = (await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur)).Client;
        var tvs = new TvsBestand(Vandaag);
        var (bsnA, bsnB) = (DossierApi.UniekBsn(), DossierApi.UniekBsn());
        var (a, b, c) = (DossierApi.NieuwVNummer(), DossierApi.NieuwVNummer(), DossierApi.NieuwVNummer());
        tvs.Rij(a, ("BSN", bsnA));
        tvs.Rij(b, ("BSN", bsnB));
        tvs.Rij(c);
        _brp.Persoon(bsnA, "Amal", "Haddad", new DateOnly(1990, 3, 12), "V", "Syrische", "0141", "Almelo", Vandaag.AddDays(-4));
        _brp.Persoon(bsnB, "Amal", "Haddad", new DateOnly(1990, 3, 12), "V", "Syrische", "0141", "Almelo", Vandaag.AddDays(-4), null, "datumInschrijvingInGemeente");

        var id = (await TvsBestand.UploadAsync(kr, tvs.Csv())).Verwacht(HttpStatusCode.Created).Json.GetProperty("id").GetGuid();
        (await Antwoord.VanAsync(await kr.PostAsync($"/api/v1/imports/koppelingen/{id}/start?brp=true", null))).Verwacht(HttpStatusCode.Accepted);
        Assert.Equal(3, (await TvsBestand.WachtAsync(kr, id)).GetProperty("nieuw").GetInt32());

        async Task<string> Inschrijving(string v) => await AppFixture.ScalarAsync<string>(app.Database.Admin,
            $"SELECT coalesce(brp_inschrijving::text, 'geen') FROM dossiers.dossiers WHERE v_nummer = '{v}'");
        Assert.Equal(Vandaag.AddDays(-4).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), await Inschrijving(a));
        Assert.Equal("geen", await Inschrijving(b));
        Assert.Equal("geen", await Inschrijving(c));
        var verslag = (await kr.GetStringAsync($"/api/v1/imports/koppelingen/{id}/verslag")).Split("\r\n");
        Assert.Contains($"2;{a};nieuw;;;overgenomen", verslag);
        Assert.Contains($"3;{b};nieuw;;;in-onderzoek", verslag);
        Assert.Contains($"4;{c};nieuw;;;geen-bsn", verslag);
        Assert.Equal(2L, await AppFixture.ScalarAsync<long>(app.Database.Admin,
            $"SELECT count(*) FROM auditing.logboek l JOIN dossiers.dossiers d ON d.id = l.dossier_id WHERE d.v_nummer IN ('{a}', '{b}') AND l.onderdeel = 'brp' AND l.handeling = 'lezen'"));
    }

    [Fact]
    public async Task The_local_server_answers_an_invalid_query_as_the_specification_does()
    {
        using var http = new HttpClient();
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, _brp.Adres.AbsoluteUri + "/personen")
        {
            Content = JsonContent.Create(new { type = "RaadpleegMetBurgerservicenummer", burgerservicenummer = new[] { "12345" }, fields = new[] { "naam", "schoenmaat" }, extra = 1 }),
        };
        verzoek.Headers.Add("X-API-KEY", BrpTestServer.ApiSleutel);
        using var antwoord = await http.SendAsync(verzoek);
        Assert.Equal(HttpStatusCode.BadRequest, antwoord.StatusCode);
        Assert.Equal("application/problem+json", antwoord.Content.Headers.ContentType?.MediaType);
        var probleem = await antwoord.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("paramsValidation", probleem!["code"]!.GetValue<string>());
        Assert.Equal(["fields[1]", "extra", "burgerservicenummer[0]"], probleem["invalidParams"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        using var zonderSleutel = await http.PostAsJsonAsync(_brp.Adres.AbsoluteUri + "/personen", new { type = "RaadpleegMetBurgerservicenummer" });
        Assert.Equal(HttpStatusCode.Unauthorized, zonderSleutel.StatusCode);
    }

    private static Task<HttpResponseMessage> Schrijf(HttpClient client, string pad, object body, string? etag)
    {
        var verzoek = new HttpRequestMessage(HttpMethod.Post, pad) { Content = JsonContent.Create(body) };
        verzoek.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(verzoek);
    }
}
