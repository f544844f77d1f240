using System.Globalization;
using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Monitoring.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Tenancy;
using Inburgering.Platform.Tijd;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inburgering.Modules.Monitoring.Features.Cijfers;

/// <summary>The ja-tenzij figures for the API and the dashboard alike; each read checks its own permission first.</summary>
internal sealed class MonitoringLezer(Platform.Http.Verzoeklimieten limieten, IDossierFeiten dossiers, IBeleidsregels regels, IOrganisationDirectory organisaties, ICurrentTenant tenant,
    ITenantSettings settings,
    TenantScope scopes, TimeProvider time, IPeopleDirectory mensen, IPermissionEvaluator toestemming, ILogger<MonitoringLezer> logger) : IMonitoring
{
    public static IReadOnlyList<string> Tabellen { get; } = ["kengetallen", "per-maand", "per-klantregisseur"];

    public async Task<Platform.Export.Tabel> ExportAsync(ClaimsPrincipal user, DateOnly? van, DateOnly? tot, string? tabel, CancellationToken ct, Guid? coaLocatieId = null)
    {
        await toestemming.VereisAsync(user, MonitoringPermissies.DashboardLezen, ct);
        limieten.Vereis(Platform.Http.Verzoeksoort.Export, user);
        if (tabel is null || !Tabellen.Contains(tabel))
        {
            throw Invoer.Afgewezen(MonitoringFouten.Validatie, "tabel", [$"Kies een van: {string.Join(", ", Tabellen)}."]);
        }

        var (rekenaar, feiten) = await LeesAsync(van, tot, null, ct, metGezondheid: await MagGezondheidAsync(user, ct), coaLocatie: coaLocatieId);
        var naam = $"ja-tenzij {tabel} {rekenaar.Van:yyyy-MM-dd} {rekenaar.Tot:yyyy-MM-dd}";
        Platform.Export.Tabel resultaat;
        if (tabel == "kengetallen")
        {
            var c = rekenaar.Bereken(feiten, null);
            List<IReadOnlyList<object?>> rijen = [["Gekoppeld", c.Gekoppeld.Waarde, null, null, null, null]];
            foreach (var (maat, a) in new[] { ("Kennismakingsgesprek in het azc", c.KennismakingsgesprekInAzc), ("Scenario gekozen bij de kennismaking", c.ScenarioGekozenBijKennismaking),
                ("Scenario 1 of 2", c.AandeelScenario1of2), ("Brede intake gestart in het azc", c.BredeIntakeGestartInAzc), ("Participatie in het azc", c.ParticipatieInAzc.Participatie),
                ("Vrijwilligerswerk in het azc", c.ParticipatieInAzc.Vrijwilligerswerk), ("Betaald werk in het azc", c.ParticipatieInAzc.BetaaldWerk), ("PIP binnen de termijn", c.PipBinnenTermijn),
                ("Gehuisvest binnen de norm", c.Huisvesting.BinnenNorm), ("Participatie voor de verhuizing", c.ParticipatieVoorVerhuizing!),
                ("Scenario 1 of 2 bij het eerste besluit", c.AandeelEersteScenario1of2!) })
            {
                rijen.Add([maat, a.Teller, a.Noemer, a.Percentage, null, null]);
            }

            foreach (var (maat, s) in new[] { ("Scenario 1", c.ScenarioVerdeling.Scenario1), ("Scenario 2", c.ScenarioVerdeling.Scenario2), ("Scenario 3", c.ScenarioVerdeling.Scenario3),
                ("Geen scenario", c.ScenarioVerdeling.Geen), ("Gehuisvest in de periode", c.Huisvesting.Gehuisvest), ("Wacht op huisvesting", c.Huisvesting.Wachtend),
                ("Brede intakes gestart in het azc (op startdatum)", c.BredeIntakesInAzcGestart!) })
            {
                rijen.Add([maat, s.Waarde, null, null, null, null]);
            }

            rijen.AddRange(c.TenzijRedenen.Select(r => (IReadOnlyList<object?>)["Tenzij-reden " + r.Reden, r.Aantal.Waarde, null, null, null, null]));
            rijen.AddRange(c.TenzijRedenen.Select(r => (IReadOnlyList<object?>)["Tenzij-reden " + r.Reden + " (eerste besluit)", r.EersteBesluit?.Waarde, null, null, null, null]));
            foreach (var (maat, d) in new[] { ("Dagen koppeling tot kennismakingsgesprek", c.DagenKoppelingTotKennismaking), ("Dagen koppeling tot brede intake", c.DagenKoppelingTotBredeIntake),
                ("Dagen brede intake tot PIP", c.DagenBredeIntakeTotPip), ("Dagen koppeling tot verhuizing", c.Huisvesting.Dagen), ("Wachtdagen", c.Huisvesting.Wachtdagen),
                ("Huisvestingsdagen inclusief wachtenden", c.Huisvesting.DagenInclusiefWachtend!) })
            {
                rijen.Add([maat, d.N, null, null, d.Mediaan, d.Gemiddelde]);
            }

            resultaat = new(naam, ["Maat", "Aantal", "Van", "Percentage", "Mediaan (dagen)", "Gemiddelde (dagen)"], rijen);
        }
        else if (tabel == "per-maand")
        {
            var maanden = PerMaand(rekenaar, feiten);
            resultaat = new(naam, ["Maand", "Gekoppeld", "Kennismakingsgesprek in het azc", "Kennismakingsgesprek in het azc (%)", "Scenario 1 of 2 (%)", "Brede intake gestart in het azc (%)"],
                [.. maanden.Select(m => (IReadOnlyList<object?>)[m.Maand, m.Gekoppeld.Waarde, m.KennismakingsgesprekInAzc.Teller, m.KennismakingsgesprekInAzc.Percentage,
                    m.AandeelScenario1of2.Percentage, m.BredeIntakeGestartInAzc.Percentage])]);
        }
        else
        {
            var namen = (await mensen.MembersAsync(Gemeente, null, ct)).ToDictionary(m => m.Id, m => m.Naam);
            resultaat = new(naam, ["Klantregisseur", "Gekoppeld", "Kennismakingsgesprek in het azc (%)", "Scenario 1 of 2 (%)", "Brede intake gestart in het azc (%)", "PIP binnen de termijn (%)"],
                [.. PerKlantregisseur(rekenaar, feiten).Select(k => (IReadOnlyList<object?>)[
                    k.KlantregisseurId is { } id ? namen.GetValueOrDefault(id, id.ToString()) : "Niet toegewezen", k.Cijfers.Gekoppeld.Waarde,
                    k.Cijfers.KennismakingsgesprekInAzc.Percentage, k.Cijfers.AandeelScenario1of2.Percentage, k.Cijfers.BredeIntakeGestartInAzc.Percentage, k.Cijfers.PipBinnenTermijn.Percentage])]);
        }

        await dossiers.LogInzageAsync(user, "export:" + tabel, [.. feiten.Select(f => f.Id)], ct);
        return resultaat;
    }

    public async Task<JaTenzijCijfers> JaTenzijAsync(ClaimsPrincipal user, DateOnly? van, DateOnly? tot, Guid? klantregisseurId, CancellationToken ct, Guid? coaLocatieId = null)
    {
        await toestemming.VereisAsync(user, MonitoringPermissies.DashboardLezen, ct);
        var (rekenaar, feiten) = await LeesAsync(van, tot, klantregisseurId, ct, metGezondheid: await MagGezondheidAsync(user, ct), coaLocatie: coaLocatieId);
        return rekenaar.Bereken(feiten, klantregisseurId);
    }

    public async Task<IReadOnlyList<JaTenzijMaand>> PerMaandAsync(ClaimsPrincipal user, DateOnly? van, DateOnly? tot, CancellationToken ct, Guid? coaLocatieId = null)
    {
        await toestemming.VereisAsync(user, MonitoringPermissies.DashboardLezen, ct);
        var (rekenaar, feiten) = await LeesAsync(van, tot, null, ct, metGezondheid: await MagGezondheidAsync(user, ct), coaLocatie: coaLocatieId);
        return PerMaand(rekenaar, feiten);
    }

    public async Task<IReadOnlyList<JaTenzijKlantregisseur>> PerKlantregisseurAsync(ClaimsPrincipal user, DateOnly? van, DateOnly? tot, CancellationToken ct, Guid? coaLocatieId = null)
    {
        await toestemming.VereisAsync(user, MonitoringPermissies.DashboardLezen, ct);
        var (rekenaar, feiten) = await LeesAsync(van, tot, null, ct, metGezondheid: await MagGezondheidAsync(user, ct), coaLocatie: coaLocatieId);
        return PerKlantregisseur(rekenaar, feiten);
    }

    private List<JaTenzijMaand> PerMaand(JaTenzij rekenaar, IReadOnlyList<DossierFeit> feiten)
    {
        var maanden = new List<JaTenzijMaand>();
        for (var maand = new DateOnly(rekenaar.Van.Year, rekenaar.Van.Month, 1); maand <= rekenaar.Tot; maand = maand.AddMonths(1))
        {
            var begin = maand < rekenaar.Van ? rekenaar.Van : maand;
            var einde = maand.AddMonths(1).AddDays(-1) is var e && e > rekenaar.Tot ? rekenaar.Tot : e;
            var deMaand = rekenaar.Voor(begin, einde, Peil(einde));
            var c = deMaand.Bereken(feiten, null);
            maanden.Add(new JaTenzijMaand(maand.ToString("yyyy-MM", CultureInfo.InvariantCulture), c.Gekoppeld, c.KennismakingsgesprekInAzc,
                c.ScenarioGekozenBijKennismaking, c.AandeelScenario1of2, c.BredeIntakeGestartInAzc, c.BredeIntakesInAzcGestart, deMaand.Huisvestingsdagen(feiten)));
        }

        return maanden;
    }

    private static List<JaTenzijKlantregisseur> PerKlantregisseur(JaTenzij rekenaar, IReadOnlyList<DossierFeit> feiten) =>
        [.. feiten.Where(rekenaar.InCohort).Select(f => f.KlantregisseurId).Distinct()
            .Select(kr => new JaTenzijKlantregisseur(kr, rekenaar.Bereken([.. feiten.Where(f => f.KlantregisseurId == kr)], kr)))];

    public async Task<TaakstellingRealisatie> TaakstellingAsync(ClaimsPrincipal user, string? halfjaar, CancellationToken ct)
    {
        await toestemming.VereisAsync(user, MonitoringPermissies.DashboardLezen, ct);
        return await RealisatieAsync(Gemeente, Halfjaar(halfjaar), ct);
    }

    private Guid Gemeente => tenant.Vereis("Monitoring");

    private Task<bool> MagGezondheidAsync(ClaimsPrincipal user, CancellationToken ct) => toestemming.HasAsync(user, DossierPermissies.GezondheidLezen, ct);

    public async Task<IReadOnlyList<KengetalDossier>> DossiersAsync(ClaimsPrincipal user, DateOnly? van, DateOnly? tot, Guid? klantregisseurId, string? kengetal, CancellationToken ct, Guid? coaLocatieId = null)
    {
        await toestemming.VereisAsync(user, MonitoringPermissies.DashboardLezen, ct);
        if (kengetal is null || !Kengetallen.Alle.Contains(kengetal))
        {
            throw Invoer.Afgewezen(MonitoringFouten.Validatie, "kengetal", [$"Kies een van: {string.Join(", ", Kengetallen.Alle)}."]);
        }

        var (rekenaar, feiten) = await LeesAsync(van, tot, klantregisseurId, ct, metGezondheid: await MagGezondheidAsync(user, ct), coaLocatie: coaLocatieId);
        var lijst = feiten.Where(f => rekenaar.Voldoet(f, kengetal)).OrderBy(f => f.Koppeling).ThenBy(f => f.Naam, StringComparer.Ordinal)
            .Select(f => new KengetalDossier(f.Id, f.VNummer, f.Naam, f.Koppeling, f.KlantregisseurId)).ToList();
        await dossiers.LogInzageAsync(user, "monitoring", [.. lijst.Select(d => d.Id)], ct);
        return lijst;
    }

    public async Task<RegioCijfers> RegioAsync(ClaimsPrincipal user, Guid regioId, string? periode, string? halfjaar, CancellationToken ct)
    {
        await toestemming.VereisAsync(user, MonitoringPermissies.RegioLezen, ct);
        limieten.Vereis(Platform.Http.Verzoeksoort.Regio, user);
        // Only the coördinator of this very regio; any other id is "not found".
        if (user.FindFirstValue(PlatformClaims.OrganisationId) != regioId.ToString() || await organisaties.FindAsync(regioId, ct) is not { Soort: OrganisationKind.Regio } regio)
        {
            throw new DomainException(MonitoringFouten.NietGevonden, "Deze regio bestaat niet of is niet de uwe.", StatusCodes.Status404NotFound);
        }

        var vast = Rapportageperiode.Lees(periode, Kalender.Vandaag(time));
        var (periodeVan, periodeTot) = (vast.Van, vast.Tot);
        var half = halfjaar is null ? (TaakstellingPeriode?)null : Halfjaar(halfjaar);
        logger.LogInformation("Regional figures of {RegioId} for {Periode} read by {Actor}", regioId, vast.Naam, HandelendePartij.Van(user).Id);
        var gemeenten = new List<RegioGemeenteCijfers>();
        foreach (var gemeente in (await organisaties.RegioGemeentenAsync(regioId, ct)).Where(g => g.Actief))
        {
            await using var scope = scopes.Enter(gemeente.Id);
            var lezer = scope.ServiceProvider.GetRequiredService<MonitoringLezer>();
            var (rekenaar, feiten) = await lezer.LeesAsync(periodeVan, periodeTot, null, ct, onderdrukken: true);
            var cijfers = rekenaar.Bereken(feiten, null);
            gemeenten.Add(new RegioGemeenteCijfers(gemeente.Id, gemeente.Naam, cijfers, half is { } h ? await lezer.RealisatieAsync(gemeente.Id, h, ct, onderdrukken: true) : null));
        }

        return new RegioCijfers(regioId, regio.Naam, gemeenten, vast.Naam);
    }

    internal async Task<(JaTenzij Rekenaar, IReadOnlyList<DossierFeit> Feiten)> LeesAsync(DateOnly? van, DateOnly? tot, Guid? klantregisseurId, CancellationToken ct,
        bool onderdrukken = false, bool metGezondheid = false, Guid? coaLocatie = null)
    {
        var (periodeVan, periodeTot) = Periode(van, tot);
        _ = Gemeente;
        var beleid = await regels.VanGemeenteAsync(ct);
        var peil = Peil(periodeTot);
        if (coaLocatie is { } locatie && !(await organisaties.CoaLocatiesAsync(ct)).Any(l => l.Id == locatie))
        {
            throw Invoer.Afgewezen(MonitoringFouten.Validatie, "coaLocatieId", "Deze COA-locatie bestaat niet.");
        }

        var feiten = await dossiers.LeesAsync(periodeVan, periodeTot, peil, klantregisseurId, ct, coaLocatie);
        return (new JaTenzij(periodeVan, periodeTot, peil, beleid, onderdrukken, metGezondheid, coaLocatie), feiten);
    }

    private async Task<TaakstellingRealisatie> RealisatieAsync(Guid gemeente, TaakstellingPeriode half, CancellationToken ct, bool onderdrukken = false)
    {
        var quota = await organisaties.TaakstellingenAsync(gemeente, ct);
        var quotum = quota.FirstOrDefault(q => q.Halfjaar == half.Naam);
        var teldatum = await settings.GetAsync(Taakstelling.TeldatumSetting, ct) ?? Taakstelling.Huurcontract;
        var feiten = await dossiers.HuisvestingenAsync(ct);
        var (personen, amv, huishoudens) = Taakstelling.Tel(feiten, half.Van, half.Tot, teldatum);
        if (onderdrukken)
        {
            return personen < JaTenzij.Drempel
                ? new TaakstellingRealisatie(half.Naam, half.Van, half.Tot, quotum?.Aantal, null, null, true, quotum?.WaarvanAmv, Teldatum: teldatum)
                : new TaakstellingRealisatie(half.Naam, half.Van, half.Tot, quotum?.Aantal, JaTenzij.Rond(personen),
                    quotum is { Aantal: > 0 } r ? Math.Round(100.0 * JaTenzij.Rond(personen) / r.Aantal, 0) : null, false, quotum?.WaarvanAmv, Teldatum: teldatum);
        }

        var overloop = Taakstelling.Overloop(quota, feiten, half.Naam, teldatum);
        var opgave = quotum is null ? (int?)null : quotum.Aantal + overloop;
        return new TaakstellingRealisatie(half.Naam, half.Van, half.Tot, quotum?.Aantal, personen, opgave is > 0 ? Math.Round(100.0 * personen / opgave.Value, 1) : null, false,
            quotum?.WaarvanAmv, amv, huishoudens, overloop, opgave, teldatum);
    }

    private DateOnly Peil(DateOnly tot) => Kalender.Vandaag(time) is var vandaag && vandaag < tot ? vandaag : tot;

    /// <summary>Both dates or neither (then the last twelve months); van not after tot; at most ten years.</summary>
    private (DateOnly Van, DateOnly Tot) Periode(DateOnly? van, DateOnly? tot)
    {
        var vandaag = Kalender.Vandaag(time);
        var fouten = new Invoer(MonitoringFouten.Validatie);
        foreach (var (veld, datum) in new[] { ("van", van), ("tot", tot) })
        {
            if (datum is { } d && !Platform.Http.StrikteJson.BinnenBereik(d))
            {
                fouten.Fout(veld, $"Kies een datum van {Platform.Http.StrikteJson.EersteJaar} tot {Platform.Http.StrikteJson.LaatsteJaar}.");
            }
        }

        fouten.Klaar();
        var (v, t) = (van ?? tot?.AddYears(-1).AddDays(1) ?? vandaag.AddYears(-1).AddDays(1), tot ?? vandaag);
        if (v > t)
        {
            fouten.Fout("van", "Van ligt na tot.");
        }
        else if (t.DayNumber - v.DayNumber > 3660)
        {
            fouten.Fout("tot", "Kies een periode van hoogstens tien jaar.");
        }

        fouten.Klaar();
        return (v, t);
    }

    internal readonly record struct TaakstellingPeriode(string Naam, DateOnly Van, DateOnly Tot);

    /// <summary>"2023-II": July to December 2023; "2024-I": January to June. Empty: the current half-year.</summary>
    private TaakstellingPeriode Halfjaar(string? halfjaar)
    {
        var vandaag = Kalender.Vandaag(time);
        halfjaar ??= $"{vandaag.Year}-{(vandaag.Month <= 6 ? "I" : "II")}";
        var delen = halfjaar.Split('-');
        if (delen.Length != 2 || !int.TryParse(delen[0], NumberStyles.None, CultureInfo.InvariantCulture, out var jaar) || jaar is < 2000 or > 2100 || delen[1] is not ("I" or "II"))
        {
            throw Invoer.Afgewezen(MonitoringFouten.Validatie, "halfjaar", ["Schrijf het halfjaar als 2023-II of 2024-I."]);
        }

        var eerste = delen[1] == "I";
        return new TaakstellingPeriode(halfjaar, new DateOnly(jaar, eerste ? 1 : 7, 1), new DateOnly(jaar, eerste ? 6 : 12, eerste ? 30 : 31));
    }
}
