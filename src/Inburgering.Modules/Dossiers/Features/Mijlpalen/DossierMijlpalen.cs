using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Inburgering.Modules.Dossiers.Features.Mijlpalen;

internal sealed class DossierMijlpalen(DossierLezer lezer, DossierWerkplaats werkplaats) : IDossierMijlpalen
{
    public Task<int> KennismakingAsync(ClaimsPrincipal user, Guid id, int versie, DateTimeOffset? gepland, DateOnly? gehouden, string? locatie, bool driegesprek, IReadOnlyDictionary<string, string[]> onleesbaar, CancellationToken ct) =>
        SchrijfAsync(user, id, versie, (d, check) =>
        {
            var gesprek = new KennismakingInvoer(gepland, gehouden, check.Woord<KmgLocatie>(locatie, "locatie"), driegesprek).Lees(check);
            d.LegKennismakingVast(gesprek);
            return (Gebeurtenissen.Kennismaking, gesprek);
        }, onleesbaar, ct);

    public Task<int> ScenarioAsync(ClaimsPrincipal user, Guid id, int versie, int? scenario, DateOnly? besluitdatum, IReadOnlyList<string> tenzijRedenen, string? toelichting, IReadOnlyDictionary<string, string[]> onleesbaar, CancellationToken ct) =>
        SchrijfAsync(user, id, versie, (d, check) =>
        {
            var keuze = new ScenarioInvoer(scenario, besluitdatum, tenzijRedenen, toelichting).Lees(check);
            d.KiesScenario(keuze);
            return (Gebeurtenissen.Scenario, keuze);
        }, onleesbaar, ct);

    public Task<int> BredeIntakeAsync(ClaimsPrincipal user, Guid id, int versie, string? aanbieder, DateOnly? startdatum, DateOnly? einddatum, IReadOnlyDictionary<string, string[]> onleesbaar, CancellationToken ct) =>
        SchrijfAsync(user, id, versie, (d, check) =>
        {
            var bestaand = d.BredeIntake;
            var intake = new BredeIntakeInvoer(aanbieder, startdatum, einddatum, bestaand?.LeerbaarheidstoetsDatum, bestaand?.LeerbaarheidstoetsUitkomst,
                bestaand?.OpleidingEnWerk, bestaand?.PersoonlijkeOmstandigheden, null).Lees(check);
            d.LegBredeIntakeVast(intake);
            return (Gebeurtenissen.BredeIntake, new { bredeIntake = intake, gezondheidGewijzigd = false });
        }, onleesbaar, ct);

    public Task<int> PipAsync(ClaimsPrincipal user, Guid id, int versie, DateOnly? dagtekening, string? leerroute, bool knm, bool pvt, bool map, IReadOnlyDictionary<string, string[]> onleesbaar, CancellationToken ct) =>
        SchrijfAsync(user, id, versie, (d, check) =>
        {
            var datum = check.Verplicht(dagtekening, "dagtekening");
            var route = check.Verplicht(check.Woord<Leerroute>(leerroute, "leerroute"), "leerroute");
            check.Klaar();
            var pip = d.StelPipVast(datum, route, knm, pvt, map, null, null, null, werkplaats.Nu, DossierWerkplaats.ActorVan(user).Naam);
            return (Gebeurtenissen.Pip, new { pip.Nummer, dagtekening, leerroute, knm, pvt, map, d.TermijnStart, d.TermijnEinde });
        }, onleesbaar, ct);

    private async Task<int> SchrijfAsync(ClaimsPrincipal user, Guid id, int versie, Func<Dossier, Invoer, (string, object)> wijziging, IReadOnlyDictionary<string, string[]> onleesbaar, CancellationToken ct)
    {
        var dossier = await MijlpaalEndpoints.SchrijfAsync(id, user, lezer, werkplaats, d => DossierWerkplaats.ControleerVersie(versie, d), wijziging, ct, onleesbaar);
        return dossier.Versie;
    }
}
