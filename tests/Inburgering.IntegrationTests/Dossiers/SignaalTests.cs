using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Dossiers.Features.Signalen;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tijd;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>
/// Each of the thirteen signals against the app's clock: not raised the day before, raised on its day, never twice,
/// and resolved when its condition clears. Evaluation runs the same service the Hangfire job runs, inside the gemeente.
/// </summary>
public sealed class SignaalTests(AppFixture app) : IClassFixture<AppFixture>
{
    private DateOnly Vandaag => Kalender.Vandaag(app.Clock);

    public static TheoryData<string> Soorten { get; } = new()
    {
        "overdracht-ontbreekt", "kennismaking-ontbreekt", "scenario-ontbreekt", "tenzij-reden-ontbreekt", "brede-intake-niet-gestart",
        "pip-termijn", "huisvesting-te-laat", "gat-na-brede-intake", "leerroute-niet-gestart", "termijn-eindigt", "ontzorgen-eindigt",
        "voortgangsgesprek-nodig", "verblijfsdocument-ontbreekt",
    };

    [Theory]
    [MemberData(nameof(Soorten))]
    public async Task A_signal_is_raised_on_its_day_never_twice_and_resolves_when_its_condition_clears(string soort)
    {
        var (id, dag, ernst, cyclus) = await RichtInAsync(soort);
        Assert.True(dag > Vandaag, $"{soort}: the test needs a raise day after today");

        // The outbox relay evaluates the set-up writes on its own; an evaluation still running with yesterday's date
        // would undo today's, so the clock moves only once it is done.
        await DossierTabellen.WachtOpSignaalWachtrijAsync(app);

        // The day before: nothing yet.
        app.Clock.Advance(TimeSpan.FromDays(dag.DayNumber - Vandaag.DayNumber - 1));
        await EvalueerAsync();
        Assert.DoesNotContain(await SignalenAsync(id), s => Soort(s) == soort && Cyclus(s) == cyclus);

        // On the day: exactly one, with the expected severity; evaluating again changes nothing.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await EvalueerAsync();
        await EvalueerAsync();
        var open = (await SignalenAsync(id)).Where(s => Soort(s) == soort && Cyclus(s) == cyclus).ToList();
        var signaal = Assert.Single(open);
        Assert.Equal(ernst, signaal.GetProperty("ernst").GetString());
        Assert.Equal("open", signaal.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(signaal.GetProperty("tekst").GetString()));

        // The condition clears: resolved, and the history is kept.
        await HefOpAsync(soort, id);
        await DossierTabellen.WachtOpSignaalWachtrijAsync(app);
        await EvalueerAsync();
        Assert.DoesNotContain(await SignalenAsync(id), s => Soort(s) == soort && Cyclus(s) == cyclus);
        var alle = (await SignalenAsync(id, "alle")).Where(s => Soort(s) == soort && Cyclus(s) == cyclus).ToList();
        var opgelost = Assert.Single(alle);
        Assert.Equal("opgelost", opgelost.GetProperty("status").GetString());
        var detail = await JsonAsync(await (await Api()).Client.GetAsync($"/api/v1/signalen/{opgelost.GetProperty("id").GetGuid()}"));
        Assert.Equal(["verhoogd", "opgelost"], [.. detail.GetProperty("historie").EnumerateArray().Select(h => h.GetProperty("soort").GetString()!)]);
    }

    [Fact]
    public async Task The_pip_signal_turns_overdue_after_the_deadline_and_records_the_change()
    {
        var t = Vandaag;
        var id = await NieuwAsync(t.AddDays(-60));
        await PatchAsync(id, new { kennisgevingDuo = t.AddDays(-55), brpInschrijving = t.AddDays(-58) });
        app.Clock.Advance(TimeSpan.FromDays(1));
        await EvalueerAsync();
        var signaal = (await SignalenAsync(id)).Single(s => Soort(s) == "pip-termijn");
        Assert.Equal("warning", signaal.GetProperty("ernst").GetString());
        Assert.Equal(t.AddDays(15), Datum(signaal, "vervaldatum"));
        Assert.Contains("pip.na-kennisgeving: 70 dagen (landelijke norm", signaal.GetProperty("uitleg").GetString(), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(15));
        await EvalueerAsync();
        signaal = (await SignalenAsync(id)).Single(s => Soort(s) == "pip-termijn");
        Assert.Equal("overdue", signaal.GetProperty("ernst").GetString());
        var detail = await JsonAsync(await (await Api()).Client.GetAsync($"/api/v1/signalen/{signaal.GetProperty("id").GetGuid()}"));
        Assert.Equal(["verhoogd", "gewijzigd"], [.. detail.GetProperty("historie").EnumerateArray().Select(h => h.GetProperty("soort").GetString()!)]);
    }

    [Fact]
    public async Task A_change_to_a_dossier_re_evaluates_it_within_seconds_without_a_sweep()
    {
        var id = await NieuwAsync(Vandaag.AddDays(-20));
        Assert.True(await WachtOpAsync(id, s => s.Any(x => Soort(x) == "overdracht-ontbreekt")), "the outbox relay did not raise the signal");

        await ZetAsync(id, "overdracht", new { opleiding = "Mbo", talen = new[] { "Arabisch" } });
        Assert.True(await WachtOpAsync(id, s => s.All(x => Soort(x) != "overdracht-ontbreekt")), "the outbox relay did not resolve the signal");
    }

    [Fact]
    public async Task Evaluating_one_gemeente_never_touches_another()
    {
        var b = await app.DossierApiAsync(AppFixture.TenantB, Roles.Klantregisseur);
        var inB = (await b.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-30)))).Verwacht(HttpStatusCode.Created).Id;
        await DossierTabellen.WachtOpSignaalWachtrijAsync(app);
        await DossierTabellen.VoerUitAlsGemeenteAsync(app, AppFixture.TenantB, $"delete from dossiers.signalen where dossier_id = '{inB}'");

        var resultaat = await EvalueerAsync(AppFixture.TenantA, [inB]);
        Assert.Equal(0, resultaat.Dossiers);
        await EvalueerAsync(AppFixture.TenantA);
        Assert.Equal(0L, await DossierTabellen.AantalAsync(app, AppFixture.TenantB, $"dossiers.signalen where dossier_id = '{inB}'"));
        Assert.Equal(0L, await DossierTabellen.AantalAsync(app, AppFixture.TenantA, $"dossiers.signalen where tenant_id <> '{AppFixture.TenantA}'"));

        await EvalueerAsync(AppFixture.TenantB);
        Assert.Contains(await SignalenAsync(inB, api: b), s => Soort(s) == "overdracht-ontbreekt");
    }

    [Fact]
    public async Task Acknowledge_and_snooze_show_in_the_lists_and_a_bad_snooze_changes_nothing()
    {
        var api = await Api();
        var id = await NieuwAsync(Vandaag.AddDays(-20));
        await EvalueerAsync();
        var signaal = (await SignalenAsync(id)).Single(s => Soort(s) == "overdracht-ontbreekt");
        var signaalId = signaal.GetProperty("id").GetGuid();

        var fout = await Antwoord.VanAsync(await api.Client.PostAsJsonAsync($"/api/v1/signalen/{signaalId}/snoozen", new { tot = Vandaag.AddDays(-1) }));
        fout.Verwacht(HttpStatusCode.BadRequest);
        Assert.Equal(["reden", "tot"], fout.Velden);
        var ongewijzigd = await JsonAsync(await api.Client.GetAsync($"/api/v1/signalen/{signaalId}"));
        Assert.Equal("open", ongewijzigd.GetProperty("signaal").GetProperty("status").GetString());
        Assert.Single(ongewijzigd.GetProperty("historie").EnumerateArray());

        (await Antwoord.VanAsync(await api.Client.PostAsync($"/api/v1/signalen/{signaalId}/erkennen", null))).Verwacht(HttpStatusCode.OK);
        var erkend = await JsonAsync(await api.Client.GetAsync($"/api/v1/signalen?status=erkend&dossierId={id}"));
        Assert.Single(erkend.GetProperty("signalen").EnumerateArray());

        var snooze = (await Antwoord.VanAsync(await api.Client.PostAsJsonAsync($"/api/v1/signalen/{signaalId}/snoozen", new { tot = Vandaag.AddDays(7), reden = "COA belt na de vakantie terug" })))
            .Verwacht(HttpStatusCode.OK);
        Assert.Equal("gesnoozed", snooze.Json.GetProperty("status").GetString());
        var lijst = await JsonAsync(await api.Client.GetAsync($"/api/v1/signalen?dossierId={id}"));
        Assert.DoesNotContain(lijst.GetProperty("signalen").EnumerateArray(), s => s.GetProperty("id").GetGuid() == signaalId);
        var gesnoozed = await JsonAsync(await api.Client.GetAsync($"/api/v1/signalen?status=gesnoozed&dossierId={id}"));
        Assert.Single(gesnoozed.GetProperty("signalen").EnumerateArray());
        var historie = await JsonAsync(await api.Client.GetAsync($"/api/v1/signalen/{signaalId}"));
        Assert.Equal(["verhoogd", "erkend", "gesnoozed"], [.. historie.GetProperty("historie").EnumerateArray().Select(h => h.GetProperty("soort").GetString()!)]);

        // After the date it is back in the list, and re-evaluation does not raise a second one.
        app.Clock.Advance(TimeSpan.FromDays(7));
        await EvalueerAsync();
        var terug = await JsonAsync(await (await Api()).Client.GetAsync($"/api/v1/signalen?dossierId={id}&soort=overdracht-ontbreekt"));
        Assert.Equal(signaalId, Assert.Single(terug.GetProperty("signalen").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task The_caseload_shows_badges_and_filters_on_signals_and_counts_per_klantregisseur()
    {
        var api = await Api();
        var metSignaal = await NieuwAsync(Vandaag.AddDays(-20), "Signaaltest");
        var zonder = await NieuwAsync(Vandaag, "Signaaltest");
        await EvalueerAsync();

        var caseload = await JsonAsync(await api.Client.GetAsync("/api/v1/dossiers?q=Signaaltest&signaal=overdue&limit=100"));
        var regels = caseload.GetProperty("dossiers").EnumerateArray().ToList();
        Assert.Contains(regels, r => r.GetProperty("id").GetGuid() == metSignaal);
        Assert.DoesNotContain(regels, r => r.GetProperty("id").GetGuid() == zonder);
        var badges = regels.Single(r => r.GetProperty("id").GetGuid() == metSignaal).GetProperty("signalen").EnumerateArray().ToList();
        Assert.Contains(badges, b => b.GetProperty("soort").GetString() == "overdracht-ontbreekt" && b.GetProperty("ernst").GetString() == "overdue");

        var perSoort = await JsonAsync(await api.Client.GetAsync("/api/v1/dossiers?q=Signaaltest&signaal=pip-termijn"));
        Assert.Empty(perSoort.GetProperty("dossiers").EnumerateArray());
        var fout = await Antwoord.VanAsync(await api.Client.GetAsync("/api/v1/dossiers?signaal=bestaat-niet"));
        fout.Verwacht(HttpStatusCode.BadRequest);
        Assert.Equal(["signaal"], fout.Velden);

        var tellingen = await JsonAsync(await api.Client.GetAsync("/api/v1/signalen/tellingen"));
        var zonderRegisseur = tellingen.EnumerateArray().Single(t => t.GetProperty("klantregisseurId").ValueKind == JsonValueKind.Null);
        Assert.True(zonderRegisseur.GetProperty("overdue").GetInt32() >= 1);
        Assert.Equal(zonderRegisseur.GetProperty("totaal").GetInt32(),
            zonderRegisseur.GetProperty("info").GetInt32() + zonderRegisseur.GetProperty("warning").GetInt32() + zonderRegisseur.GetProperty("overdue").GetInt32());
    }

    [Fact]
    public async Task Wrong_filters_are_named_all_at_once_and_other_gemeenten_do_not_see_the_signal()
    {
        var api = await Api();
        var fout = await Antwoord.VanAsync(await api.Client.GetAsync("/api/v1/signalen?wie=iedereen&soort=onbekend&ernst=rood&status=weg&limit=0&cursor=xyz"));
        fout.Verwacht(HttpStatusCode.BadRequest);
        Assert.Equal(["cursor", "ernst", "limit", "soort", "status", "wie"], fout.Velden);

        var id = await NieuwAsync(Vandaag.AddDays(-20));
        await EvalueerAsync();
        var signaalId = (await SignalenAsync(id)).First().GetProperty("id").GetGuid();
        var b = await app.DossierApiAsync(AppFixture.TenantB, Roles.Klantregisseur, Roles.Teamleider);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Client.GetAsync($"/api/v1/signalen/{signaalId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Client.PostAsync($"/api/v1/signalen/{signaalId}/erkennen", null)).StatusCode);
        var lijstB = await JsonAsync(await b.Client.GetAsync($"/api/v1/signalen?dossierId={id}&status=alle"));
        Assert.Empty(lijstB.GetProperty("signalen").EnumerateArray());
        var beheerder = await app.IntegrationAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder);
        Assert.Equal(HttpStatusCode.Forbidden, (await beheerder.GetAsync("/api/v1/signalen")).StatusCode);
    }

    private async Task<(Guid Id, DateOnly Dag, string Ernst, string Cyclus)> RichtInAsync(string soort)
    {
        var t = Vandaag;
        switch (soort)
        {
            case "overdracht-ontbreekt":
                return (await NieuwAsync(t.AddDays(-14)), t.AddDays(1), "overdue", "1");
            case "kennismaking-ontbreekt":
                return (await NieuwAsync(t.AddDays(-14)), t.AddDays(1), "overdue", "1");
            case "scenario-ontbreekt":
            {
                var id = await NieuwAsync(t.AddDays(-5));
                await ZetAsync(id, "kennismakingsgesprek", new { gehouden = t, locatie = "azc" });
                return (id, t.AddDays(1), "overdue", "1");
            }

            case "tenzij-reden-ontbreekt":
            {
                // Only imported data can break the rule the API enforces: the signal finds it.
                var id = await NieuwAsync(t.AddDays(-5));
                await ZetAsync(id, "kennismakingsgesprek", new { gehouden = t.AddDays(-1), locatie = "azc" });
                await ZetAsync(id, "scenario", new { scenario = 3, besluitdatum = t.AddDays(-1), tenzijRedenen = new[] { "reistijd" } });
                await DossierTabellen.VoerUitAlsGemeenteAsync(app, AppFixture.TenantA,
                    $"update dossiers.dossiers set scenario = jsonb_set(jsonb_set(scenario, '{{TenzijRedenen}}', '[]'), '{{Besluitdatum}}', to_jsonb('{Iso(t.AddDays(1))}'::text)) where id = '{id}'");
                return (id, t.AddDays(1), "overdue", "1");
            }

            case "brede-intake-niet-gestart":
            {
                var id = await NieuwAsync(t.AddDays(-30));
                await ZetAsync(id, "kennismakingsgesprek", new { gehouden = t.AddDays(-28), locatie = "azc" });
                await ZetAsync(id, "scenario", new { scenario = 1, besluitdatum = t.AddDays(-28) });
                return (id, t.AddDays(1), "overdue", "1");
            }

            case "pip-termijn":
            {
                var id = await NieuwAsync(t.AddDays(-60));
                await PatchAsync(id, new { kennisgevingDuo = t.AddDays(-55), brpInschrijving = t.AddDays(-58) });
                return (id, t.AddDays(1), "warning", "1");
            }

            case "huisvesting-te-laat":
                return (await NieuwAsync(t.AddDays(-84)), t.AddDays(1), "overdue", "1");
            case "gat-na-brede-intake":
            {
                var id = await NieuwAsync(t.AddDays(-90));
                await TotBredeIntakeAsync(id, t.AddDays(-85), t.AddDays(-60), t.AddDays(-14));
                return (id, t.AddDays(1), "overdue", "1");
            }

            case "leerroute-niet-gestart":
            {
                var pip = t.AddMonths(-3);
                var id = await MetPipAsync(pip, new { dagtekening = pip, leerroute = "B1", knm = true, pvt = true, map = false });
                return (id, pip.AddMonths(3).AddDays(1), "overdue", "1");
            }

            case "termijn-eindigt":
            {
                var pip = t.AddYears(-2).AddDays(5);
                var id = await MetPipAsync(pip, new { dagtekening = pip, leerroute = "B1", knm = true, pvt = true, map = false });
                var einde = pip.AddDays(1).AddYears(3).AddDays(-1);
                return (id, einde.AddMonths(-12), "info", "12-maanden");
            }

            case "ontzorgen-eindigt":
            {
                var pip = t.AddDays(-10);
                var einde = t.AddMonths(1).AddDays(5);
                var id = await MetPipAsync(pip, new { dagtekening = pip, leerroute = "B1", knm = true, pvt = true, map = false, ontzorgenStart = pip, ontzorgenEinde = einde });
                return (id, einde.AddMonths(-1), "warning", Iso(einde));
            }

            case "voortgangsgesprek-nodig":
            {
                var pip = t.AddMonths(-3).AddDays(5);
                var id = await MetPipAsync(pip, new { dagtekening = pip, leerroute = "B1", knm = true, pvt = true, map = false });
                var volgende = pip.AddDays(1).AddMonths(3);
                return (id, volgende, "warning", Iso(volgende));
            }

            case "verblijfsdocument-ontbreekt":
            {
                // A house offered from tomorrow (as an import records it): the gap starts on that day.
                var id = await NieuwAsync(t.AddDays(-30));
                await DossierTabellen.VoerUitAlsGemeenteAsync(app, AppFixture.TenantA, $"update dossiers.dossiers set woning_toegewezen = '{Iso(t.AddDays(1))}' where id = '{id}'");
                return (id, t.AddDays(1), "warning", "1");
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(soort), soort, null);
        }
    }

    private async Task HefOpAsync(string soort, Guid id)
    {
        var t = Vandaag;
        switch (soort)
        {
            case "overdracht-ontbreekt":
                await ZetAsync(id, "overdracht", new { opleiding = "Mbo", talen = new[] { "Arabisch" } });
                break;
            case "kennismaking-ontbreekt":
                await ZetAsync(id, "kennismakingsgesprek", new { gehouden = t, locatie = "gemeente" });
                break;
            case "scenario-ontbreekt":
                await ZetAsync(id, "scenario", new { scenario = 1, besluitdatum = t });
                break;
            case "tenzij-reden-ontbreekt":
                await ZetAsync(id, "scenario", new { scenario = 3, besluitdatum = t, tenzijRedenen = new[] { "reistijd" } });
                break;
            case "brede-intake-niet-gestart":
                await ZetAsync(id, "brede-intake", new { aanbieder = "Refugee Team", startdatum = t });
                break;
            case "pip-termijn":
                await TotBredeIntakeAsync(id, t.AddDays(-1), t.AddDays(-1), null);
                await ZetAsync(id, "pip", new { dagtekening = t, leerroute = "B1", knm = true, pvt = true, map = false }, HttpMethod.Post);
                break;
            case "huisvesting-te-laat":
                await ZetAsync(id, "huisvesting", new { woningToegewezen = t.AddDays(-3), huurcontractIngang = t.AddDays(-1), verhuisdatum = t, verblijfsdocumentOntvangen = t.AddDays(-5) });
                break;
            case "gat-na-brede-intake":
                await ZetAsync(id, "activiteiten", new { soort = "participatie", startdatum = t, omschrijving = "Taalcafé" }, HttpMethod.Post);
                break;
            case "leerroute-niet-gestart":
                await ZetAsync(id, "activiteiten", new { soort = "taalles", startdatum = t, omschrijving = "B1-traject" }, HttpMethod.Post);
                break;
            case "termijn-eindigt":
                await ZetAsync(id, "termijnverlengingen", new { maanden = 6, reden = "Ziekte", besluitdatum = t }, HttpMethod.Post);
                break;
            case "ontzorgen-eindigt":
                await ZetAsync(id, "pip", new { dagtekening = t, leerroute = "B1", knm = true, pvt = true, map = false, ontzorgenStart = t.AddMonths(-1), ontzorgenEinde = t.AddMonths(4) }, HttpMethod.Post);
                break;
            case "voortgangsgesprek-nodig":
                await ZetAsync(id, "voortgangsgesprekken", new { datum = t, verslag = "Gaat goed" }, HttpMethod.Post);
                break;
            case "verblijfsdocument-ontbreekt":
                await ZetAsync(id, "huisvesting", new { woningToegewezen = t, verblijfsdocumentOntvangen = t });
                break;
        }
    }

    private async Task TotBredeIntakeAsync(Guid id, DateOnly kennismaking, DateOnly start, DateOnly? einde)
    {
        await ZetAsync(id, "kennismakingsgesprek", new { gehouden = kennismaking, locatie = "azc" });
        await ZetAsync(id, "scenario", new { scenario = 1, besluitdatum = kennismaking });
        await ZetAsync(id, "brede-intake", new { aanbieder = "Refugee Team", startdatum = start, einddatum = einde });
    }

    private async Task<Guid> MetPipAsync(DateOnly dagtekening, object pip)
    {
        var id = await NieuwAsync(dagtekening.AddDays(-60));
        await TotBredeIntakeAsync(id, dagtekening.AddDays(-55), dagtekening.AddDays(-50), dagtekening.AddDays(-5));
        await ZetAsync(id, "pip", pip, HttpMethod.Post);
        return id;
    }

    private async Task<Guid> NieuwAsync(DateOnly koppeling, string achternaam = "Haddad") =>
        (await (await Api()).MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), koppeling, achternaam: achternaam))).Verwacht(HttpStatusCode.Created).Id;

    private async Task ZetAsync(Guid id, string onderdeel, object body, HttpMethod? methode = null)
    {
        var antwoord = await (await Api()).ZetAsync(id, onderdeel, body, methode);
        Assert.True(antwoord.Status is HttpStatusCode.OK or HttpStatusCode.Created, $"{onderdeel}: {(int)antwoord.Status} {antwoord.Json}");
    }

    private Task PatchAsync(Guid id, object body) => ZetAsync(id, "", body, HttpMethod.Patch);

    /// <summary>A fresh token each time: the tests move the clock by months.</summary>
    private Task<DossierApi> Api() => app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur, Roles.Teamleider);

    private Task<EvaluatieResultaat> EvalueerAsync(Guid? gemeente = null, IReadOnlyCollection<Guid>? dossiers = null) =>
        app.TenantScope.RunAsync(gemeente ?? AppFixture.TenantA, scope => scope.GetRequiredService<SignaalEvaluatie>().EvalueerAsync(dossiers, CancellationToken.None));

    private async Task<List<JsonElement>> SignalenAsync(Guid dossier, string? status = null, DossierApi? api = null)
    {
        var client = (api ?? await Api()).Client;
        var json = await JsonAsync(await client.GetAsync($"/api/v1/dossiers/{dossier}/signalen" + (status is null ? "" : "?status=" + status)));
        return [.. json.EnumerateArray()];
    }

    private async Task<bool> WachtOpAsync(Guid dossier, Func<List<JsonElement>, bool> voorwaarde)
    {
        for (var poging = 0; poging < 100; poging++)
        {
            if (voorwaarde(await SignalenAsync(dossier)))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }


    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }

    private static string Soort(JsonElement signaal) => signaal.GetProperty("soort").GetString()!;

    private static string Cyclus(JsonElement signaal) => signaal.GetProperty("cyclus").GetString()!;

    private static DateOnly Datum(JsonElement element, string naam) => DateOnly.Parse(element.GetProperty(naam).GetString()!, CultureInfo.InvariantCulture);

    private static string Iso(DateOnly datum) => datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
