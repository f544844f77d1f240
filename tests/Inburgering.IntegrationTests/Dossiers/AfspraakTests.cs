using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tijd;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>
/// Appointments: a KMG planned with an interpreter gives an iCalendar file a maintained parser (Ical.Net) reads back
/// at the right Dutch time, and an invitation letter; the week's agenda shows it; a missed appointment stays to follow up.
/// </summary>
public sealed class AfspraakTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private DateOnly Vandaag => Kalender.Vandaag(app.Clock);

    [Fact]
    public async Task A_kmg_appointment_gives_an_icalendar_file_read_back_at_the_right_dutch_time_an_invitation_and_a_place_in_the_agenda()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var id = (await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-10)))).Verwacht(HttpStatusCode.Created).Id;
        var dag = Vandaag.AddDays(3);
        var begin = Kalender.Op(dag, new TimeOnly(10, 30));

        var fout = await api.ZetAsync(id, "afspraken", new { soort = "kennismakingsgesprek", begin, duurMinuten = 5, link = "http://example.org" }, HttpMethod.Post);
        Assert.Equal(["duurMinuten", "link"], fout.Velden);
        var afspraak = (await api.ZetAsync(id, "afspraken", new
        {
            soort = "kennismakingsgesprek", begin, duurMinuten = 45, locatie = "azc Almelo, spreekkamer 2", adres = "Bornsestraat 1, Almelo", tolkTaal = "Tigrinya",
        }, HttpMethod.Post)).Verwacht(HttpStatusCode.Created);
        var afspraakId = afspraak.Json.GetProperty("id").GetGuid();
        Assert.Equal(begin, (await api.LeesAsync(id)).Json.GetProperty("kennismakingsgesprek").GetProperty("gepland").GetDateTimeOffset());

        using var ics = await api.Client.GetAsync($"/api/v1/dossiers/{id}/afspraken/{afspraakId}/ics");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        var kalender = Ical.Net.Calendar.Load(await ics.Content.ReadAsStringAsync())!;
        var gebeurtenis = Assert.Single(kalender.Events);
        var lokaal = TimeZoneInfo.ConvertTimeFromUtc(gebeurtenis.DtStart!.AsUtc, Amsterdam);
        Assert.Equal(dag.ToDateTime(new TimeOnly(10, 30)), lokaal);
        Assert.Equal(dag.ToDateTime(new TimeOnly(11, 15)), TimeZoneInfo.ConvertTimeFromUtc(gebeurtenis.DtEnd!.AsUtc, Amsterdam));
        Assert.Contains("Kennismakingsgesprek", gebeurtenis.Summary, StringComparison.Ordinal);
        Assert.Contains("Tigrinya", gebeurtenis.Description, StringComparison.Ordinal);
        Assert.Equal("azc Almelo, spreekkamer 2, Bornsestraat 1, Almelo", gebeurtenis.Location);

        var brief = (await Antwoord.VanAsync(await api.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/documenten", new { sjabloon = "uitnodiging-afspraak", afspraakId })))
            .Verwacht(HttpStatusCode.Created);
        var html = brief.Json.GetProperty("html").GetString()!;
        Assert.Contains(dag.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")), html, StringComparison.Ordinal);
        Assert.Contains("10:30", html, StringComparison.Ordinal);
        Assert.Contains("Tigrinya", html, StringComparison.Ordinal);

        var agenda = await api.Client.GetFromJsonAsync<JsonElement>($"/api/v1/agenda?datum={dag:yyyy-MM-dd}");
        var inAgenda = Assert.Single(agenda.GetProperty("afspraken").EnumerateArray(), a => a.GetProperty("id").GetGuid() == afspraakId);
        Assert.Equal(dag.ToDateTime(new TimeOnly(10, 30)), inAgenda.GetProperty("lokaal").GetDateTime());

        // Not yet held: it cannot be recorded as held or missed before it starts.
        var teVroeg = await api.ZetAsync(id, $"afspraken/{afspraakId}/uitkomst", new { status = "gehouden" }, HttpMethod.Post);
        Assert.Equal(["status"], teVroeg.Velden);
    }

    [Fact]
    public async Task A_missed_appointment_stays_to_follow_up_until_a_new_one_is_planned()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var id = (await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-30)))).Verwacht(HttpStatusCode.Created).Id;
        var eerder = app.Clock.GetUtcNow().AddHours(-3);
        var gemist = (await api.ZetAsync(id, "afspraken", new { soort = "brede-intake", begin = eerder, adres = "Stadhuisplein 1" }, HttpMethod.Post)).Verwacht(HttpStatusCode.Created);
        var gemistId = gemist.Json.GetProperty("id").GetGuid();

        (await api.ZetAsync(id, $"afspraken/{gemistId}/uitkomst", new { status = "gemist", toelichting = "Niet verschenen, niet bereikbaar" }, HttpMethod.Post)).Verwacht(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await api.ZetAsync(id, $"afspraken/{gemistId}/uitkomst", new { status = "gehouden" }, HttpMethod.Post)).Status);
        Assert.Equal(JsonValueKind.Null, (await api.LeesAsync(id)).Json.GetProperty("bredeIntake").ValueKind);
        Assert.Contains((await api.Client.GetFromJsonAsync<JsonElement>("/api/v1/agenda")).GetProperty("teVolgen").EnumerateArray(), a => a.GetProperty("id").GetGuid() == gemistId);

        var nieuw = (await api.ZetAsync(id, "afspraken", new { soort = "brede-intake", begin = app.Clock.GetUtcNow().AddDays(7), adres = "Stadhuisplein 1", tolkTaal = "Arabisch" },
            HttpMethod.Post)).Verwacht(HttpStatusCode.Created);
        Assert.DoesNotContain((await api.Client.GetFromJsonAsync<JsonElement>("/api/v1/agenda")).GetProperty("teVolgen").EnumerateArray(),
            a => a.GetProperty("id").GetGuid() == gemistId);
        Assert.Equal("gepland", nieuw.Json.GetProperty("status").GetString());

        var elders = await app.DossierApiAsync(AppFixture.TenantB, Roles.Klantregisseur);
        Assert.Equal(HttpStatusCode.NotFound, (await elders.Client.GetAsync($"/api/v1/dossiers/{id}/afspraken/{gemistId}/ics")).StatusCode);
    }
}
