using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Data;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Mijlpalen;
using Inburgering.Modules.Dossiers.Features.Weergave;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Normen = Inburgering.Modules.Dossiers.Domain.SignaalRegels.Normen;

namespace Inburgering.Modules.Dossiers.Features.Coa;

/// <summary>
/// A COA casemanager works across gemeenten but sees a dossier only while the person lives at one of their
/// locations (and 14 days after the move). The routing table says which gemeente holds it; every read and write
/// then runs inside that gemeente's own tenant scope, with all its isolation layers, and is logged there.
/// The API and the pages share every step; only the version check differs (If-Match there, the form's version here).
/// </summary>
internal sealed class CoaToegang(DossierWerkplaats host, TenantScope scopes, TimeProvider time, IOrganisationDirectory organisaties) : ICoaBewoners
{
    public async Task<IReadOnlyList<CoaDossierWeergave>> OverzichtAsync(ClaimsPrincipal user, CancellationToken ct) =>
        [.. (await BewonersAsync(user, ct)).Select(b => CoaDossierWeergave.Van(b.Dossier, b.Gemeente))
            .OrderBy(d => d.Koppelingsdatum).ThenBy(d => d.Achternaam, StringComparer.Ordinal)];

    public async Task<IResult> LeesAsync(Guid id, HttpContext http, ClaimsPrincipal user, CancellationToken ct)
    {
        var (dossier, gemeente, _) = await EenAsync(user, id, ct);
        return Resultaat(dossier, gemeente, http);
    }

    /// <summary>The only thing COA writes: the overdracht.</summary>
    public async Task<IResult> SchrijfOverdrachtAsync(Guid id, OverdrachtInvoer invoer, HttpContext http, ClaimsPrincipal user, CancellationToken ct)
    {
        var (dossier, gemeente) = await SchrijfAsync(user, id, IfMatch.Versie(http), invoer, ct);
        return Resultaat(dossier, gemeente, http);
    }

    async Task<IReadOnlyList<CoaBewoner>> ICoaBewoners.MijnBewonersAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var locaties = (await organisaties.CoaLocatiesAsync(ct)).ToDictionary(l => l.Id, l => l.Naam);
        var vandaag = DossierWerkplaats.VandaagVolgens(time);
        return [.. (await BewonersAsync(user, ct)).Select(b => Bewoner(b.Dossier, b.Gemeente, b.Beleid, locaties, vandaag))
            .OrderBy(b => b.Overdrachtstatus switch { "te-laat" => 0, "open" => 1, _ => 2 })
            .ThenBy(b => b.Koppelingsdatum).ThenBy(b => b.Naam, StringComparer.Ordinal)];
    }

    async Task<CoaBewoner> ICoaBewoners.LeesAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var (dossier, gemeente, beleid) = await EenAsync(user, id, ct);
        var locaties = (await organisaties.CoaLocatiesAsync(ct)).ToDictionary(l => l.Id, l => l.Naam);
        return Bewoner(dossier, gemeente, beleid, locaties, DossierWerkplaats.VandaagVolgens(time));
    }

    async Task<int> ICoaBewoners.LegOverdrachtVastAsync(ClaimsPrincipal user, Guid id, int versie, CoaOverdrachtGegevens o, IReadOnlyDictionary<string, string[]> onleesbaar, CancellationToken ct)
    {
        var invoer = new OverdrachtInvoer(o.Opleiding, o.Werkervaring, o.Talen, o.ZichtbareBeperkingen, o.VoorinburgeringDeelname, o.VoorinburgeringVoortgang,
            o.Telefoon, o.Email, o.Beschikbaarheid, o.DriegesprekGewenst, o.PersoonlijkeOverdrachtOp);
        var (dossier, _) = await SchrijfAsync(user, id, Versievoorwaarde.Precies(versie), invoer, ct, onleesbaar);
        return dossier.Versie;
    }

    private async Task<(Dossier Dossier, string Gemeente)> SchrijfAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, OverdrachtInvoer invoer, CancellationToken ct,
        IReadOnlyDictionary<string, string[]>? onleesbaar = null)
    {
        var verblijf = await VerblijfAsync(user, id, ct);
        await using var scope = scopes.Enter(verblijf.GemeenteId);
        var werkplaats = scope.ServiceProvider.GetRequiredService<DossierWerkplaats>();
        var dossier = await LaadAsync(werkplaats, user, id, ct);
        DossierWerkplaats.ControleerVersie(versie, dossier);
        DossierWerkplaats.NietAfgesloten(dossier);
        var check = new Invoer(DossierFouten.Validatie, onleesbaar);
        var actor = DossierWerkplaats.ActorVan(user);
        var overdracht = invoer.Lees(check, werkplaats.Nu, actor.Naam);
        check.Klaar();
        dossier.LegOverdrachtVast(overdracht);
        await werkplaats.BewaarAsync(dossier, Gebeurtenissen.Overdracht, overdracht, actor, ct, "coa-overdracht");
        return (dossier, await GemeenteNaamAsync(dossier.TenantId, ct));
    }

    private async Task<List<(Dossier Dossier, string Gemeente, Beleid Beleid)>> BewonersAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var verblijven = await ZichtbaarAsync(user, null, ct);
        var namen = (await organisaties.FindManyAsync(verblijven.Select(v => v.GemeenteId).Distinct(), ct)).ToDictionary(o => o.Id, o => o.Naam);
        var result = new List<(Dossier, string, Beleid)>();
        foreach (var perGemeente in verblijven.GroupBy(v => v.GemeenteId))
        {
            await using var scope = scopes.Enter(perGemeente.Key);
            var werkplaats = scope.ServiceProvider.GetRequiredService<DossierWerkplaats>();
            var beleid = await scope.ServiceProvider.GetRequiredService<IBeleidsregels>().VanGemeenteAsync(ct);
            var ids = perGemeente.Select(v => v.DossierId).ToList();
            var dossiers = await werkplaats.Lees.Dossiers.Where(d => ids.Contains(d.Id)).ToListAsync(ct);
            result.AddRange(dossiers.Where(d => MagZien(user, d)).Select(d => (d, namen.GetValueOrDefault(d.TenantId, "?"), beleid)));
            await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "coa-overzicht", [.. dossiers.Select(d => d.Id)], ct);
        }

        return result;
    }

    private async Task<(Dossier Dossier, string Gemeente, Beleid Beleid)> EenAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var verblijf = await VerblijfAsync(user, id, ct);
        await using var scope = scopes.Enter(verblijf.GemeenteId);
        var werkplaats = scope.ServiceProvider.GetRequiredService<DossierWerkplaats>();
        var dossier = await LaadAsync(werkplaats, user, id, ct);
        var beleid = await scope.ServiceProvider.GetRequiredService<IBeleidsregels>().VanGemeenteAsync(ct);
        await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "coa-dossier", [id], ct);
        return (dossier, await GemeenteNaamAsync(dossier.TenantId, ct), beleid);
    }

    private static CoaBewoner Bewoner(Dossier d, string gemeente, Beleid beleid, Dictionary<Guid, string> locaties, DateOnly vandaag)
    {
        var uiterlijk = beleid.Na(Normen.OverdrachtNaKoppeling, d.Koppelingsdatum, d.Koppelingsdatum);
        var o = d.Overdracht;
        return new CoaBewoner(d.Id, d.Versie, gemeente, locaties.GetValueOrDefault(d.CoaLocatieId!.Value, "?"), d.VNummer, d.Voornamen + " " + d.Achternaam,
            d.Geboortedatum, d.Koppelingsdatum, d.Verhuisdatum, o is not null ? "vastgelegd" : vandaag > uiterlijk ? "te-laat" : "open", uiterlijk,
            o?.VastgelegdOp, o?.VastgelegdDoor,
            OverdrachtWeergave.Gegevens(o),
            d.Kennismakingsgesprek?.Gepland, d.Kennismakingsgesprek?.Gehouden, d.Scenario?.Scenario, d.Scenario?.Besluitdatum, d.BredeIntake?.Startdatum);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<CoaDossierWeergave> Resultaat(Dossier dossier, string gemeente, HttpContext http)
    {
        http.Response.Headers.ETag = DossierWerkplaats.ETag(dossier);
        return TypedResults.Ok(CoaDossierWeergave.Van(dossier, gemeente));
    }

    private async Task<string> GemeenteNaamAsync(Guid gemeente, CancellationToken ct) => (await organisaties.FindAsync(gemeente, ct))?.Naam ?? "?";

    private static async Task<Dossier> LaadAsync(DossierWerkplaats werkplaats, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var dossier = await werkplaats.LaadAsync(id, ct, metOnderdelen: false);
        return MagZien(user, dossier) ? dossier : throw NietGevonden();
    }

    /// <summary>Checked again inside the gemeente: the routing row and the dossier itself must agree.</summary>
    private static bool MagZien(ClaimsPrincipal user, Dossier dossier) =>
        dossier.CoaLocatieId is { } locatie && Locaties(user).Contains(locatie);

    private async Task<CoaVerblijf> VerblijfAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        (await ZichtbaarAsync(user, id, ct)).SingleOrDefault() ?? throw NietGevonden();

    private async Task<List<CoaVerblijf>> ZichtbaarAsync(ClaimsPrincipal user, Guid? dossierId, CancellationToken ct)
    {
        if (user.FindFirstValue(PlatformClaims.OrganisationKind) != nameof(OrganisationKind.Coa))
        {
            throw new DomainException(DossierFouten.GeenToegang, "Dit overzicht is voor COA-casemanagers.", StatusCodes.Status403Forbidden);
        }

        var locaties = Locaties(user);
        var grens = DossierWerkplaats.VandaagVolgens(time).AddDays(-CoaVerblijf.GraceDagen);
        return await host.Lees.CoaVerblijven
            .Where(c => locaties.Contains(c.CoaLocatieId) && (c.Verhuisdatum == null || c.Verhuisdatum >= grens)
                        && (dossierId == null || c.DossierId == dossierId))
            .ToListAsync(ct);
    }

    private static List<Guid> Locaties(ClaimsPrincipal user) =>
        [.. user.FindAll(IdentityClaims.CoaLocatie).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)];

    private static DomainException NietGevonden() =>
        new(DossierFouten.NietGevonden, "Dit dossier hoort niet bij uw locaties.", StatusCodes.Status404NotFound);
}
