using System.Net;
using System.Net.Http.Json;
using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;

namespace Inburgering.IntegrationTests.Auditing;

/// <summary>
/// A dossier created by mistake is deleted only when a second person agrees, and then nothing of the person stays in
/// any table of the Dossiers module (nor their letters): only the request, as a record without personal data.
/// </summary>
public sealed class VerwijderingTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Deletion_by_mistake_needs_a_second_person_and_leaves_no_personal_data_in_any_table()
    {
        var vandaag = Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock);
        var kr = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var teamleider = await app.DossierApiAsync(AppFixture.TenantA, Roles.Teamleider);
        var tweede = await app.DossierApiAsync(AppFixture.TenantA, Roles.Teamleider);
        var vNummer = DossierApi.NieuwVNummer();
        const string naam = "Vergissingsnaam";
        var bsn = DossierApi.UniekBsn();
        var id = (await kr.MaakAanAsync(DossierApi.Nieuw(vNummer, vandaag.AddDays(-40), bsn: bsn, achternaam: naam))).Verwacht(HttpStatusCode.Created).Id;
        var gepland = Inburgering.Platform.Tijd.Kalender.Op(vandaag.AddDays(-30), new TimeOnly(10, 0));
        (await kr.ZetAsync(id, "kennismakingsgesprek", new { gepland, adres = "Haven Noordzijde 1, Almelo", gehouden = vandaag.AddDays(-30), locatie = "azc" })).Verwacht(HttpStatusCode.OK);
        (await Antwoord.VanAsync(await kr.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/documenten", new { sjabloon = "uitnodiging-kennismakingsgesprek" }))).Verwacht(HttpStatusCode.Created);
        Assert.Equal(1L, await AppFixture.ScalarAsync<long>(app.Database.Admin, $"SELECT count(*) FROM documenten.documenten WHERE dossier_id = '{id}'"));
        (await kr.ZetAsync(id, "brede-intake", new { startdatum = vandaag.AddDays(-10), gezondheid = "Vergissingsgezondheid" })).Verwacht(HttpStatusCode.OK);
        (await teamleider.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/omkoppelingen", new { doelGemeenteId = AppFixture.TenantB })).EnsureSuccessStatusCode();
        const string telling = "SELECT count(*) FROM dossiers.verwijderingen";

        // A request without a valid reason stores nothing.
        var fout = await Antwoord.VanAsync(await kr.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/verwijderverzoek", new { reden = "zomaar" }));
        Assert.Equal((HttpStatusCode.BadRequest, "Dossiers:Validation"), (fout.Status, fout.Code));
        Assert.Equal(["reden"], fout.Velden);
        Assert.Equal(0L, await AppFixture.ScalarAsync<long>(app.Database.Admin, telling));

        var verzoek = (await Antwoord.VanAsync(await teamleider.Client.PostAsJsonAsync($"/api/v1/dossiers/{id}/verwijderverzoek",
            new { reden = "dubbel", toelichting = "Tweede registratie van dezelfde koppeling" }))).Verwacht(HttpStatusCode.Created).Id;

        // Neither the klantregisseur nor the one who asked may decide; the dossier is untouched.
        Assert.Equal(HttpStatusCode.Forbidden, (await kr.Client.PostAsync($"/api/v1/verwijderverzoeken/{verzoek}/goedkeuren", null)).StatusCode);
        var zelf = await Antwoord.VanAsync(await teamleider.Client.PostAsync($"/api/v1/verwijderverzoeken/{verzoek}/goedkeuren", null));
        Assert.Equal((HttpStatusCode.Conflict, "Dossiers:FourEyes"), (zelf.Status, zelf.Code));
        (await kr.LeesAsync(id)).Verwacht(HttpStatusCode.OK);

        var open = (await tweede.Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/verwijderverzoeken")).EnumerateArray().ToList();
        Assert.Contains(open, o => o.GetProperty("id").GetGuid() == verzoek && o.GetProperty("vNummer").GetString() == vNummer);
        (await Antwoord.VanAsync(await tweede.Client.PostAsync($"/api/v1/verwijderverzoeken/{verzoek}/goedkeuren", null))).Verwacht(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NotFound, (await kr.LeesAsync(id)).Status);
        var doel = await app.DossierApiAsync(AppFixture.TenantB, Roles.Teamleider);
        Assert.DoesNotContain(vNummer, await doel.Client.GetStringAsync("/api/v1/omkoppelingen?richting=inkomend"), StringComparison.Ordinal);

        // Every table of the module, and the letters: no name, V-nummer, BSN, health text or dossier id, except the request's own record.
        var tabellen = (await AppFixture.ScalarAsync<string>(app.Database.Admin,
            "SELECT string_agg(format('%I.%I', table_schema, table_name), ',') FROM information_schema.tables WHERE table_schema IN ('dossiers', 'documenten') AND table_type = 'BASE TABLE'")).Split(',');
        Assert.Contains("dossiers.tijdlijn", tabellen);
        foreach (var tabel in tabellen)
        {
            foreach (var spoor in new[] { naam, vNummer, bsn, "Vergissingsgezondheid", "Tweede registratie" })
            {
                Assert.True(0L == await AppFixture.ScalarAsync<long>(app.Database.Admin, $"SELECT count(*) FROM {tabel} x WHERE to_jsonb(x)::text LIKE '%{spoor}%'"),
                    $"{tabel} still holds '{spoor}'");
            }

            if (tabel != "dossiers.verwijderingen")
            {
                Assert.True(0L == await AppFixture.ScalarAsync<long>(app.Database.Admin, $"SELECT count(*) FROM {tabel} x WHERE to_jsonb(x)::text LIKE '%{id}%'"),
                    $"{tabel} still holds the dossier");
            }
        }

        Assert.Equal("Uitgevoerd|dubbel|", await AppFixture.ScalarAsync<string>(app.Database.Admin,
            $"SELECT status || '|' || lower(reden) || '|' || coalesce(toelichting, '') FROM dossiers.verwijderingen WHERE id = '{verzoek}'"));
    }
}
