using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Auditing.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.IntegrationTests.Auditing;

/// <summary>
/// Retention over a seeded set of dossiers: the dry run lists exactly what the rules reach; the run anonymises or
/// destroys it with a destruction record, the figures for that period stay the same, a second run changes nothing, and
/// a dossier under a legal hold is untouched. Own fixture: the test moves the clock past an offer's retention period.
/// </summary>
public sealed class BewaartermijnTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_dry_run_lists_what_the_run_then_anonymises_or_destroys_once_and_a_legal_hold_is_untouched()
    {
        var vandaag = Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock);
        var kr = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur, Roles.Teamleider);

        async Task<(Guid Id, string VNummer)> DossierAsync(string naam, int koppeling, int pip, int? afsluiting)
        {
            var vNummer = DossierApi.NieuwVNummer();
            var id = (await kr.MaakAanAsync(DossierApi.Nieuw(vNummer, vandaag.AddDays(-koppeling), achternaam: naam))).Verwacht(HttpStatusCode.Created).Id;
            (await kr.ZetAsync(id, "brede-intake", new { startdatum = vandaag.AddDays(-pip - 30), gezondheid = "Gezondheid van " + naam })).Verwacht(HttpStatusCode.OK);
            (await kr.ZetAsync(id, "pip", new { dagtekening = vandaag.AddDays(-pip), leerroute = "B1", map = true }, HttpMethod.Post)).Verwacht(HttpStatusCode.Created);
            if (afsluiting is { } dagen)
            {
                (await kr.ZetAsync(id, "afsluiting", new { reden = "voldaan", datum = vandaag.AddDays(-dagen) }, HttpMethod.Post)).Verwacht(HttpStatusCode.OK);
            }

            return (id, vNummer);
        }

        var oud = await DossierAsync("Oudgesloten", 3000, 2900, 2200);
        var bewaard = await DossierAsync("Bewaarplichtig", 3000, 2900, 2200);
        var lopend = await DossierAsync("Lopendgezond", 1200, 1000, null);
        var recent = await DossierAsync("Recentgesloten", 900, 500, 400);

        // A declined offer, settled more than the 90 days ago once the clock has moved on.
        var aanbod = (await Antwoord.VanAsync(await kr.Client.PostAsJsonAsync($"/api/v1/dossiers/{lopend.Id}/omkoppelingen", new { doelGemeenteId = AppFixture.TenantB })))
            .Verwacht(HttpStatusCode.Created).Id;
        var doel = await app.DossierApiAsync(AppFixture.TenantB, Roles.Klantregisseur, Roles.Teamleider);
        (await doel.Client.PostAsJsonAsync($"/api/v1/omkoppelingen/{aanbod}/weigeren", new { reden = "Geen woning" })).EnsureSuccessStatusCode();

        var pf = new DossierApi(await app.IntegrationAsync(AppFixture.TenantA, Roles.Privacyfunctionaris));
        var versie = (await (await pf.Client.PostAsJsonAsync("/api/v1/privacy/inzage/zoek", new { vNummer = bewaard.VNummer })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("versie").GetInt32();
        (await pf.SchrijfAsync(HttpMethod.Post, $"/api/v1/dossiers/{bewaard.Id}/bewaarplicht", new { reden = "Bezwaarprocedure loopt" }, $"\"{versie}\"")).Verwacht(HttpStatusCode.OK);

        app.Clock.Advance(TimeSpan.FromDays(91));
        kr = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur, Roles.Teamleider);
        pf = new DossierApi(await app.IntegrationAsync(AppFixture.TenantA, Roles.Privacyfunctionaris));
        // Two morning mails a klantregisseur got: one sent 40 days ago, one 10 days ago (the outbox as the digest leaves it).
        var verstuurd = Guid.NewGuid();
        foreach (var (id, dagen) in new[] { (verstuurd, 40), (Guid.NewGuid(), 10) })
        {
            var op = app.Clock.GetUtcNow().AddDays(-dagen);
            await AppFixture.ScalarAsync<long>(app.Database.Admin, $"""
                INSERT INTO documenten.uitgaande_mail (id, tenant_id, sleutel, ontvanger_id, adres, onderwerp, html, aangemaakt_op, verzonden_op, pogingen)
                VALUES ('{id}', '{AppFixture.TenantA}', 'digest:{id}', '{Guid.NewGuid()}', 'kr@almelo.test', 'Uw signalen', '<p>Oudgesloten heeft een signaal</p>',
                        '{op:O}', '{op:O}', 1) RETURNING 1::bigint
                """);
        }

        var periode = $"van={vandaag.AddDays(-3100):yyyy-MM-dd}&tot={vandaag.AddDays(-800):yyyy-MM-dd}";
        var cijfersVoor = await kr.Client.GetStringAsync($"/api/v1/monitoring/ja-tenzij?{periode}");

        // The dry run: exactly these, each with its ground.
        var plan = (await pf.Client.GetFromJsonAsync<JsonElement>("/api/v1/privacy/bewaartermijnen")).EnumerateArray()
            .Select(p => $"{p.GetProperty("soort").GetString()} {p.GetProperty("objectId").GetGuid()}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[]
        {
            $"dossier-anonimiseren {oud.Id}", $"gezondheid-vernietigen {oud.Id}", $"gezondheid-vernietigen {lopend.Id}", $"omkoppeling-vernietigen {aanbod}",
            $"mailinhoud-wissen {verstuurd}",
        }.Order(StringComparer.Ordinal), plan);

        var bewaren = async () =>
        {
            await using var scope = app.TenantScope.Enter(AppFixture.TenantA);
            return await scope.ServiceProvider.GetRequiredService<IBewaartermijnen>().VoerUitAsync(CancellationToken.None);
        };
        Assert.Equal((5, 4), await bewaren());
        Assert.Equal("|<p>Oudgesloten heeft een signaal</p>", await AppFixture.ScalarAsync<string>(app.Database.Admin,
            $"SELECT string_agg(html, '|' ORDER BY verzonden_op) FROM documenten.uitgaande_mail WHERE tenant_id = '{AppFixture.TenantA}'"));

        // Anonymised: no name, V-nummer, health or tijdlijn left; the figures of that period are the same.
        var admin = app.Database.Admin;
        foreach (var spoor in new[] { "Oudgesloten", oud.VNummer, "Gezondheid van Oudgesloten", "Gezondheid van Lopendgezond" })
        {
            Assert.Equal(0L, await AppFixture.ScalarAsync<long>(admin,
                $"SELECT (SELECT count(*) FROM dossiers.dossiers x WHERE to_jsonb(x)::text LIKE '%{spoor}%') + (SELECT count(*) FROM dossiers.tijdlijn x WHERE to_jsonb(x)::text LIKE '%{spoor}%') + (SELECT count(*) FROM dossiers.gezondheid x WHERE to_jsonb(x)::text LIKE '%{spoor}%')"));
        }

        Assert.Equal(0L, await AppFixture.ScalarAsync<long>(admin, $"SELECT count(*) FROM dossiers.tijdlijn WHERE dossier_id = '{oud.Id}'"));
        Assert.Equal(0L, await AppFixture.ScalarAsync<long>(admin, $"SELECT count(*) FROM dossiers.omkoppelingen WHERE id = '{aanbod}'"));
        Assert.Equal(cijfersVoor, await kr.Client.GetStringAsync($"/api/v1/monitoring/ja-tenzij?{periode}"));

        // Untouched: the legal hold, and the recent dossier with its health.
        Assert.Equal("Bewaarplichtig", (await kr.LeesAsync(bewaard.Id)).Json.GetProperty("achternaam").GetString());
        Assert.Equal(1L, await AppFixture.ScalarAsync<long>(admin, $"SELECT count(*) FROM dossiers.gezondheid WHERE dossier_id IN ('{bewaard.Id}', '{recent.Id}') AND tekst LIKE 'Gezondheid van Recent%'"));
        Assert.Equal(1L, await AppFixture.ScalarAsync<long>(admin, $"SELECT count(*) FROM dossiers.gezondheid WHERE dossier_id = '{bewaard.Id}'"));

        // The destruction records: one per item carried out, no personal data; a second run changes nothing.
        var verklaringen = (await pf.Client.GetFromJsonAsync<JsonElement>("/api/v1/privacy/vernietigingen")).EnumerateArray().ToList();
        Assert.Equal(4, verklaringen.Count);
        Assert.DoesNotContain("Oudgesloten", JsonSerializer.Serialize(verklaringen), StringComparison.Ordinal);
        Assert.Empty((await pf.Client.GetFromJsonAsync<JsonElement>("/api/v1/privacy/bewaartermijnen")).EnumerateArray());
        var voorTweede = await AppFixture.ScalarAsync<string>(admin, $"SELECT md5(string_agg(to_jsonb(d)::text, '' ORDER BY id)) FROM dossiers.dossiers d WHERE tenant_id = '{AppFixture.TenantA}'");
        Assert.Equal((0, 0), await bewaren());
        Assert.Equal(voorTweede, await AppFixture.ScalarAsync<string>(admin, $"SELECT md5(string_agg(to_jsonb(d)::text, '' ORDER BY id)) FROM dossiers.dossiers d WHERE tenant_id = '{AppFixture.TenantA}'"));
        Assert.Equal(4, (await pf.Client.GetFromJsonAsync<JsonElement>("/api/v1/privacy/vernietigingen")).GetArrayLength());
    }
}
