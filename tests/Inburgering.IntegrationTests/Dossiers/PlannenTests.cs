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
/// A date in the future is a plan: a planned move, contract, brede intake or taalles resolves no signal and counts in no
/// figure, shows as "te bevestigen" once its day has come, and only the recorded fact changes anything. This class
/// moves the clock, so it owns everything in its app.
/// </summary>
public sealed class PlannenTests(AppFixture app) : IClassFixture<AppFixture>
{
    private DateOnly Vandaag => Kalender.Vandaag(app.Clock);

    [Fact]
    public async Task A_planned_move_and_brede_intake_resolve_nothing_count_nowhere_and_ask_to_be_confirmed_when_their_day_comes()
    {
        var k = Vandaag.AddDays(-120);
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur, Roles.Teamleider);
        var id = (await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), k))).Verwacht(HttpStatusCode.Created).Id;
        (await api.ZetAsync(id, "kennismakingsgesprek", new { gehouden = k.AddDays(5), locatie = "azc" })).Verwacht(HttpStatusCode.OK);
        (await api.ZetAsync(id, "scenario", new { scenario = 1, besluitdatum = k.AddDays(5) })).Verwacht(HttpStatusCode.OK);
        (await api.ZetAsync(id, "brede-intake", new { geplandeStartdatum = Vandaag.AddDays(3) })).Verwacht(HttpStatusCode.OK);
        var toekomst = await api.ZetAsync(id, "huisvesting", new { woningToegewezen = k.AddDays(60), verhuisdatum = Vandaag.AddDays(3) });
        Assert.Contains("Dossiers:InDeToekomst", toekomst.Regels);
        (await api.ZetAsync(id, "huisvesting", new { woningToegewezen = k.AddDays(60), geplandeVerhuisdatum = Vandaag.AddDays(3), geplandeHuurcontractIngang = Vandaag.AddDays(1) }))
            .Verwacht(HttpStatusCode.OK);

        await EvalueerAsync();
        Assert.True(await OpenAsync(id, "HuisvestingTeLaat"));
        Assert.True(await OpenAsync(id, "BredeIntakeNietGestart"));
        var periode = $"van={k:yyyy-MM-dd}&tot={Vandaag.AddDays(10):yyyy-MM-dd}";
        var cijfers = await api.Client.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/ja-tenzij?{periode}");
        Assert.Equal(0, cijfers.GetProperty("huisvesting").GetProperty("gehuisvest").GetProperty("waarde").GetInt32());
        Assert.Equal(0, cijfers.GetProperty("bredeIntakeGestartInAzc").GetProperty("teller").GetInt32());

        // The planned day passes without anybody recording the move.
        app.Clock.Advance(TimeSpan.FromDays(4));
        api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur, Roles.Teamleider);
        var dossier = (await api.LeesAsync(id)).Json;
        Assert.True(dossier.GetProperty("huisvesting").GetProperty("verhuizingTeBevestigen").GetBoolean());
        Assert.True(dossier.GetProperty("huisvesting").GetProperty("huurcontractTeBevestigen").GetBoolean());
        Assert.True(dossier.GetProperty("bredeIntake").GetProperty("teBevestigen").GetBoolean());
        await EvalueerAsync();
        Assert.True(await OpenAsync(id, "HuisvestingTeLaat"));
        Assert.True(await OpenAsync(id, "BredeIntakeNietGestart"));
        var taak = await api.Client.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/taakstelling?halfjaar={Halfjaar(Vandaag)}");
        Assert.Equal(0, taak.GetProperty("gehuisvest").GetInt32());

        // The facts are recorded: now the signals go and the figures count.
        (await api.ZetAsync(id, "brede-intake", new { startdatum = Vandaag.AddDays(-2) })).Verwacht(HttpStatusCode.OK);
        (await api.ZetAsync(id, "huisvesting", new { woningToegewezen = k.AddDays(60), verhuisdatum = Vandaag.AddDays(-1), huurcontractIngang = Vandaag.AddDays(-1) }))
            .Verwacht(HttpStatusCode.OK);
        await EvalueerAsync();
        Assert.False(await OpenAsync(id, "HuisvestingTeLaat"));
        Assert.False(await OpenAsync(id, "BredeIntakeNietGestart"));
        dossier = (await api.LeesAsync(id)).Json;
        Assert.False(dossier.GetProperty("huisvesting").GetProperty("verhuizingTeBevestigen").GetBoolean());
        cijfers = await api.Client.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/ja-tenzij?{periode}");
        Assert.Equal(1, cijfers.GetProperty("huisvesting").GetProperty("gehuisvest").GetProperty("waarde").GetInt32());
        Assert.Equal(1, cijfers.GetProperty("bredeIntakeGestartInAzc").GetProperty("teller").GetInt32());
    }

    [Fact]
    public async Task A_planned_taalles_leaves_signal_9_open_a_verlengingsverklaring_answers_it_until_the_expected_start_and_a_started_course_resolves_it()
    {
        var k = Vandaag.AddDays(-220);
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var id = (await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), k))).Verwacht(HttpStatusCode.Created).Id;
        (await api.ZetAsync(id, "brede-intake", new { startdatum = k.AddDays(30) })).Verwacht(HttpStatusCode.OK);
        (await api.ZetAsync(id, "pip", new { dagtekening = k.AddDays(40), leerroute = "B1" }, HttpMethod.Post)).Verwacht(HttpStatusCode.Created);

        // Both dates or neither: refused by name, nothing stored.
        var voor = await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id);
        var beide = await api.ZetAsync(id, "activiteiten", new { soort = "taalles", startdatum = Vandaag, geplandeStartdatum = Vandaag.AddDays(3) }, HttpMethod.Post);
        Assert.Equal(HttpStatusCode.BadRequest, beide.Status);
        Assert.Equal(["startdatum"], beide.Velden);
        Assert.Equal(voor, await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id));

        var gepland = await api.ZetAsync(id, "activiteiten", new { soort = "taalles", geplandeStartdatum = Vandaag.AddDays(3) }, HttpMethod.Post);
        var taalles = gepland.Verwacht(HttpStatusCode.Created).Json.GetProperty("activiteiten").EnumerateArray().Single().GetProperty("id").GetGuid();
        await EvalueerAsync();
        Assert.True(await OpenAsync(id, "LeerrouteNietGestart"));

        var verklaring = await api.ZetAsync(id, "verlengingsverklaringen", new { afgegeven = Vandaag, verwachteStart = Vandaag.AddDays(10), reden = "Geen plek bij de taalschool tot de volgende instroom" }, HttpMethod.Post);
        verklaring.Verwacht(HttpStatusCode.Created);
        await EvalueerAsync();
        Assert.False(await OpenAsync(id, "LeerrouteNietGestart"));

        // The expected start passes, the course has not started: the signal is back.
        app.Clock.Advance(TimeSpan.FromDays(11));
        api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        await EvalueerAsync();
        Assert.True(await OpenAsync(id, "LeerrouteNietGestart"));
        Assert.True((await api.LeesAsync(id)).Json.GetProperty("activiteiten").EnumerateArray().Single().GetProperty("teBevestigen").GetBoolean());

        var toekomst = await api.ZetAsync(id, $"activiteiten/{taalles}/start", new { startdatum = Vandaag.AddDays(1) }, HttpMethod.Post);
        Assert.Contains("Dossiers:InDeToekomst", toekomst.Regels);
        (await api.ZetAsync(id, $"activiteiten/{taalles}/start", new { startdatum = Vandaag.AddDays(-1) }, HttpMethod.Post)).Verwacht(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await api.ZetAsync(id, $"activiteiten/{taalles}/start", new { startdatum = Vandaag }, HttpMethod.Post)).Status);
        await EvalueerAsync();
        Assert.False(await OpenAsync(id, "LeerrouteNietGestart"));
        var tijdlijn = await api.Client.GetStringAsync($"/api/v1/dossiers/{id}/tijdlijn");
        Assert.Contains("leerroute.verlengingsverklaring", tijdlijn, StringComparison.Ordinal);
        Assert.Contains("activiteit.gestart", tijdlijn, StringComparison.Ordinal);
    }

    private static string Halfjaar(DateOnly datum) => $"{datum.Year}-{(datum.Month <= 6 ? "I" : "II")}";

    private Task<EvaluatieResultaat> EvalueerAsync() =>
        app.TenantScope.RunAsync(AppFixture.TenantA, scope => scope.GetRequiredService<SignaalEvaluatie>().EvalueerAsync(null, CancellationToken.None));

    private async Task<bool> OpenAsync(Guid dossier, string soort) =>
        await DossierTabellen.AantalAsync(app, AppFixture.TenantA, $"dossiers.signalen where dossier_id = '{dossier}' and soort = '{soort}' and opgelost_op is null") > 0;
}
