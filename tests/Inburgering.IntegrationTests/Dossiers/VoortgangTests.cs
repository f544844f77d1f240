using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Dossiers.Features.Signalen;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tijd;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>
/// Progress as the law counts it: hours and completion of PVT and MAP, exam attempts, scaling down after 600 hours
/// by decision, and the signals of the last year of the termijn, a missing LBT, a route against the LBT and a missing DUO kennisgeving.
/// </summary>
public sealed class VoortgangTests(AppFixture app) : IClassFixture<AppFixture>
{
    private DateOnly Vandaag => Kalender.Vandaag(app.Clock);

    [Fact]
    public async Task Pvt_done_and_map_at_30_of_40_hours_with_eleven_months_left_raises_the_map_signal_and_lists_what_is_still_needed()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var dagtekening = Vandaag.AddMonths(11).AddYears(-3);
        var (id, _, _) = await Documenten.BriefTests.VolledigDossierAsync(api, "Haile", dagtekening.AddDays(60));
        var einde = (await api.LeesAsync(id)).Json.GetProperty("termijn").GetProperty("einde").Deserialize<DateOnly>();
        Assert.InRange(einde.DayNumber - Vandaag.DayNumber, 300, 340);

        (await api.ZetAsync(id, "voortgang/pvt", new { uren = 12m, start = dagtekening.AddDays(30), afgerond = dagtekening.AddDays(90) })).Verwacht(HttpStatusCode.OK);
        var dossier = (await api.ZetAsync(id, "voortgang/map", new { uren = 30m, start = dagtekening.AddDays(100) })).Verwacht(HttpStatusCode.OK);
        var nodig = Codes(dossier);
        Assert.Contains("map", nodig);
        Assert.DoesNotContain("pvt", nodig);
        Assert.Contains("examen-lezen", nodig);

        await EvalueerAsync(id);
        var signalen = await SignalenAsync(api, id);
        Assert.Contains(signalen, s => s.GetProperty("soort").GetString() == "onderdeel-niet-afgerond" && s.GetProperty("tekst").GetString()!.Contains("MAP", StringComparison.Ordinal));
        Assert.DoesNotContain(signalen, s => s.GetProperty("soort").GetString() == "onderdeel-niet-afgerond" && s.GetProperty("tekst").GetString()!.Contains("PVT", StringComparison.Ordinal));

        // A signature after fewer than 12 hours, or a final talk before 40, is refused and changes nothing.
        var voor = await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id);
        var pvt = await api.ZetAsync(id, "voortgang/pvt", new { uren = 10m, afgerond = Vandaag });
        Assert.Equal(["Dossiers:PvtMinimumUren"], pvt.Regels);
        var map = await api.ZetAsync(id, "voortgang/map", new { uren = 30m, eindgesprek = Vandaag });
        Assert.Equal(["Dossiers:MapMinimumUren"], map.Regels);
        var onbekend = await api.ZetAsync(id, "voortgang/yoga", new { uren = 3m });
        Assert.Equal(HttpStatusCode.NotFound, onbekend.Status);
        Assert.Equal(voor, await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id));

        // Ten hours and the final talk later, the signal resolves.
        (await api.ZetAsync(id, "voortgang/map", new { uren = 40m, start = dagtekening.AddDays(100), eindgesprek = Vandaag })).Verwacht(HttpStatusCode.OK);
        await EvalueerAsync(id);
        Assert.DoesNotContain(await SignalenAsync(api, id), s => s.GetProperty("soort").GetString() == "onderdeel-niet-afgerond");
    }

    [Fact]
    public async Task Scaling_down_is_refused_at_599_hours_and_decided_at_600_after_which_the_exams_count_at_a2()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var (id2, pip, _) = await Documenten.BriefTests.VolledigDossierAsync(api, "Girmay", Vandaag);
        (await api.ZetAsync(id2, "voortgang/taal", new { uren = 599m, start = pip.AddDays(20) })).Verwacht(HttpStatusCode.OK);
        var voor = await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id2);

        var te = await api.ZetAsync(id2, "afschaling", new { besluitdatum = Vandaag, motivering = "Aantoonbare inspanning, 3 keer gezakt voor schrijven" }, HttpMethod.Post);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, te.Status);
        Assert.Equal(["Dossiers:AfschalenNa600Uren"], te.Regels);
        var zonder = await api.ZetAsync(id2, "afschaling", new { besluitdatum = Vandaag }, HttpMethod.Post);
        Assert.Equal(["motivering"], zonder.Velden);
        Assert.Equal(voor, await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id2));

        (await api.ZetAsync(id2, "voortgang/taal", new { uren = 600m, start = pip.AddDays(20) })).Verwacht(HttpStatusCode.OK);
        var besluit = (await api.ZetAsync(id2, "afschaling", new { besluitdatum = Vandaag, motivering = "Aantoonbare inspanning" }, HttpMethod.Post))
            .Verwacht(HttpStatusCode.Created);
        var voortgang = besluit.Json.GetProperty("voortgang");
        Assert.Equal("A2", voortgang.GetProperty("doelniveau").GetString());
        Assert.Equal(600m, voortgang.GetProperty("afschaling").GetProperty("urenBijBesluit").GetDecimal());

        (await api.ZetAsync(id2, "examens", new { onderdeel = "lezen", datum = Vandaag.AddDays(-20), niveau = "A2", uitslag = "gezakt" }, HttpMethod.Post)).Verwacht(HttpStatusCode.Created);
        var tweede = (await api.ZetAsync(id2, "examens", new { onderdeel = "lezen", datum = Vandaag.AddDays(-2), niveau = "A2", uitslag = "geslaagd" }, HttpMethod.Post))
            .Verwacht(HttpStatusCode.Created);
        Assert.Equal([1, 2], tweede.Json.GetProperty("voortgang").GetProperty("examens").EnumerateArray().Select(e => e.GetProperty("poging").GetInt32()));
        Assert.DoesNotContain("examen-lezen", Codes(tweede));
        Assert.Contains("examen-schrijven", Codes(tweede));

        var fout = await api.ZetAsync(id2, "examens", new { onderdeel = "zwemmen", datum = Vandaag.AddDays(2), niveau = "C9" }, HttpMethod.Post);
        Assert.Equal(["niveau", "onderdeel", "uitslag"], fout.Velden);
    }

    [Fact]
    public async Task A_route_against_the_lbt_and_a_missing_duo_kennisgeving_raise_their_signals()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var (id, pip, _) = await Documenten.BriefTests.VolledigDossierAsync(api, "Fsaha", Vandaag);
        (await api.ZetAsync(id, "brede-intake", new { aanbieder = "Refugee Team", startdatum = pip.AddDays(-40), leerbaarheidstoetsDatum = pip.AddDays(-30),
            leerbaarheidstoetsUitkomst = "b1-haalbaar" })).Verwacht(HttpStatusCode.OK);
        (await api.ZetAsync(id, "routewissels", new { naar = "Z", besluitdatum = Vandaag, motivering = "Traag leertempo" }, HttpMethod.Post)).Verwacht(HttpStatusCode.Created);

        var zonderKennisgeving = (await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-60)))).Verwacht(HttpStatusCode.Created).Id;
        var nieuw = (await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-20)))).Verwacht(HttpStatusCode.Created).Id;
        await EvalueerAsync(id, zonderKennisgeving, nieuw);

        Assert.Contains(await SignalenAsync(api, id), s => s.GetProperty("soort").GetString() == "route-strijdig-met-lbt");
        Assert.Contains(await SignalenAsync(api, zonderKennisgeving), s => s.GetProperty("soort").GetString() == "kennisgeving-duo-ontbreekt");
        Assert.DoesNotContain(await SignalenAsync(api, nieuw), s => s.GetProperty("soort").GetString() == "kennisgeving-duo-ontbreekt");
    }

    private static List<string> Codes(Antwoord dossier) =>
        [.. dossier.Json.GetProperty("voortgang").GetProperty("nogNodig").EnumerateArray().Select(n => n.GetProperty("code").GetString()!)];

    private Task<EvaluatieResultaat> EvalueerAsync(params Guid[] ids) =>
        app.TenantScope.RunAsync(AppFixture.TenantA, scope => scope.GetRequiredService<SignaalEvaluatie>().EvalueerAsync(ids, CancellationToken.None));

    private static async Task<JsonElement[]> SignalenAsync(DossierApi api, Guid id) =>
        (await api.Client.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{id}/signalen"))!;
}
