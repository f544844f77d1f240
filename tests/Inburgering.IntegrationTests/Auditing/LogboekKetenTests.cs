using System.Net;
using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Auditing.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.IntegrationTests.Auditing;

/// <summary>
/// The processing log in the shape of the Logboek dataverwerkingen: one entry per person, with the activity from the
/// register, the trace of the request, and a hash chain per gemeente that shows where someone with database rights
/// changed or removed an entry. Own fixture: the test tampers with its gemeente's chain.
/// </summary>
public sealed class LogboekKetenTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Entries_are_one_per_person_with_activity_and_trace_and_a_tampered_or_removed_entry_is_found()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantB, Roles.Klantregisseur);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock).AddDays(-10)))).Verwacht(HttpStatusCode.Created).Id);
        }

        // A caller's trace travels into the log as the foreign operation (W3C Trace Context).
        const string trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var verzoek = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/dossiers/{ids[0]}");
        verzoek.Headers.Add("traceparent", $"00-{trace}-00f067aa0ba902b7-01");
        (await api.Client.SendAsync(verzoek)).EnsureSuccessStatusCode();
        (await api.Client.GetAsync("/api/v1/dossiers?limit=50")).EnsureSuccessStatusCode();

        var admin = app.Database.Admin;
        Assert.Equal("00f067aa0ba902b7", await AppFixture.ScalarAsync<string>(admin,
            $"SELECT externe_span_id FROM auditing.logboek WHERE trace_id = '{trace}' AND dossier_id = '{ids[0]}' AND handeling = 'lezen'"));
        foreach (var id in ids)
        {
            // The caseload page read three people: three entries, one each, of the regie activity.
            Assert.Equal(1L, await AppFixture.ScalarAsync<long>(admin,
                $"SELECT count(*) FROM auditing.logboek WHERE dossier_id = '{id}' AND onderdeel = 'caseload' AND activiteit = '{Verwerkingsregister.Regie}' AND trace_id IS NOT NULL"));
        }

        var controleur = app.Services.GetRequiredService<ILogboekControleur>();
        var totaal = await AppFixture.ScalarAsync<long>(admin, $"SELECT count(*) FROM auditing.logboek WHERE tenant_id = '{AppFixture.TenantB}'");
        var intact = await controleur.ControleerAsync(AppFixture.TenantB, CancellationToken.None);
        Assert.True(intact.Intact);
        Assert.True(intact.Aantal >= totaal, $"{intact.Aantal} entries checked, {totaal} stored before");

        // Someone with database rights rewrites who read the first person's dossier on the caseload page: the chain
        // breaks exactly there. The page's later entries follow it, so it is not the chain's last.
        var gewijzigd = await AppFixture.ScalarAsync<long>(admin,
            $"UPDATE auditing.logboek SET actor_id = 'iemand anders' WHERE id = (SELECT id FROM auditing.logboek WHERE tenant_id = '{AppFixture.TenantB}' AND onderdeel = 'caseload' ORDER BY volgnummer LIMIT 1) RETURNING volgnummer");
        var na = await controleur.ControleerAsync(AppFixture.TenantB, CancellationToken.None);
        Assert.Equal((gewijzigd, "inhoud"), (na.BreukBijVolgnummer, na.Reden));
        Assert.Equal(gewijzigd - 1, na.Aantal);

        // Removing the entry instead leaves a gap that is found at the entry after it.
        await AppFixture.ScalarAsync<long>(admin, $"DELETE FROM auditing.logboek WHERE tenant_id = '{AppFixture.TenantB}' AND volgnummer = {gewijzigd} RETURNING volgnummer");
        var weg = await controleur.ControleerAsync(AppFixture.TenantB, CancellationToken.None);
        Assert.Equal((gewijzigd + 1, "ontbreekt"), (weg.BreukBijVolgnummer, weg.Reden));

        // Another gemeente's chain is untouched.
        Assert.True((await controleur.ControleerAsync(AppFixture.TenantA, CancellationToken.None)).Intact);

        // The operator's command says the same, one line per gemeente, and fails so a scheduled check can alert.
        await using var opdracht = Hosting.MeerdereInstantiesFixture.Start(Hosting.MeerdereInstantiesFixture.Omgeving(app.Database, app.Mail.Port), "--controleer-logboek");
        Assert.Equal(1, await opdracht.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        Assert.Contains($"enschede: BROKEN at entry {gewijzigd + 1}", opdracht.Output, StringComparison.Ordinal);
        Assert.Matches("almelo: \\d+ entries, chain intact", opdracht.Output);
    }
}
