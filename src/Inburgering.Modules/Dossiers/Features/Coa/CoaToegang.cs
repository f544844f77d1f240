using System.Security.Claims;
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

namespace Inburgering.Modules.Dossiers.Features.Coa;

/// <summary>
/// A COA casemanager works across gemeenten but sees a dossier only while the person lives at one of their
/// locations (and 14 days after the move). The routing table says which gemeente holds it; every read and write
/// then runs inside that gemeente's own tenant scope, with all its isolation layers, and is logged there.
/// </summary>
internal sealed class CoaToegang(DossiersDbContext hostDb, TenantScope scopes, TimeProvider time, IOrganisationDirectory organisaties)
{
    public async Task<IReadOnlyList<CoaDossierWeergave>> OverzichtAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var verblijven = await ZichtbaarAsync(user, null, ct);
        var namen = (await organisaties.FindManyAsync(verblijven.Select(v => v.GemeenteId).Distinct(), ct)).ToDictionary(o => o.Id, o => o.Naam);
        var result = new List<CoaDossierWeergave>();
        foreach (var perGemeente in verblijven.GroupBy(v => v.GemeenteId))
        {
            await using var scope = scopes.Enter(perGemeente.Key);
            var werkplaats = scope.ServiceProvider.GetRequiredService<DossierWerkplaats>();
            var ids = perGemeente.Select(v => v.DossierId).ToList();
            var dossiers = await werkplaats.Db.Dossiers.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(ct);
            result.AddRange(dossiers.Where(d => MagZien(user, d)).Select(d => CoaDossierWeergave.Van(d, namen.GetValueOrDefault(d.TenantId, "?"))));
            await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "coa-overzicht", [.. dossiers.Select(d => d.Id)], ct);
        }

        return [.. result.OrderBy(d => d.Koppelingsdatum).ThenBy(d => d.Achternaam, StringComparer.Ordinal)];
    }

    public async Task<IResult> LeesAsync(Guid id, HttpContext http, ClaimsPrincipal user, CancellationToken ct)
    {
        var verblijf = await VerblijfAsync(user, id, ct);
        await using var scope = scopes.Enter(verblijf.GemeenteId);
        var werkplaats = scope.ServiceProvider.GetRequiredService<DossierWerkplaats>();
        var dossier = await LaadAsync(werkplaats, user, id, ct);
        await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "coa-dossier", [id], ct);
        return await ResultaatAsync(dossier, http, ct);
    }

    /// <summary>The only thing COA writes: the overdracht.</summary>
    public async Task<IResult> SchrijfOverdrachtAsync(Guid id, OverdrachtInvoer invoer, HttpContext http, ClaimsPrincipal user, CancellationToken ct)
    {
        var verblijf = await VerblijfAsync(user, id, ct);
        await using var scope = scopes.Enter(verblijf.GemeenteId);
        var werkplaats = scope.ServiceProvider.GetRequiredService<DossierWerkplaats>();
        var dossier = await LaadAsync(werkplaats, user, id, ct);
        DossierWerkplaats.ControleerVersie(http, dossier);
        DossierWerkplaats.NietAfgesloten(dossier);
        var check = new Invoer();
        var actor = DossierWerkplaats.ActorVan(user);
        var overdracht = invoer.Lees(check, werkplaats.Nu, actor.Naam);
        check.Klaar();
        dossier.LegOverdrachtVast(overdracht);
        await werkplaats.BewaarAsync(dossier, Gebeurtenissen.Overdracht, overdracht, actor, ct, "coa-overdracht");
        return await ResultaatAsync(dossier, http, ct);
    }

    private async Task<IResult> ResultaatAsync(Dossier dossier, HttpContext http, CancellationToken ct)
    {
        var gemeente = await organisaties.FindAsync(dossier.TenantId, ct);
        http.Response.Headers.ETag = DossierWerkplaats.ETag(dossier);
        return TypedResults.Ok(CoaDossierWeergave.Van(dossier, gemeente?.Naam ?? "?"));
    }

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
        return await hostDb.CoaVerblijven.AsNoTracking()
            .Where(c => locaties.Contains(c.CoaLocatieId) && (c.Verhuisdatum == null || c.Verhuisdatum >= grens)
                        && (dossierId == null || c.DossierId == dossierId))
            .ToListAsync(ct);
    }

    private static List<Guid> Locaties(ClaimsPrincipal user) =>
        [.. user.FindAll(IdentityClaims.CoaLocatie).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)];

    private static DomainException NietGevonden() =>
        new(DossierFouten.NietGevonden, "Dit dossier hoort niet bij uw locaties.", StatusCodes.Status404NotFound);
}
