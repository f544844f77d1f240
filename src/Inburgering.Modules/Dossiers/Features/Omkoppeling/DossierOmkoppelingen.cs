using System.Security.Claims;
using System.Text.Json;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Data.Sql;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Inburgering.Modules.Dossiers.Features.Omkoppeling;

/// <summary>
/// Omkoppeling, behind the API, the dossier page's transfer dialog and the inbox page alike: the source offers, the
/// target accepts or declines with a reason, the source may withdraw while it is open. On accept the whole dossier and
/// its history move in one transaction, the termijn included; the source keeps only an audit entry.
/// </summary>
internal sealed class DossierOmkoppelingen(DossierLezer lezer, DossierWerkplaats werkplaats, IOrganisationDirectory organisaties, IPermissionEvaluator rechten)
    : IDossierOverdragen
{
    public async Task<IReadOnlyList<GemeenteKeuze>> DoelgemeentenAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var eigen = werkplaats.Gemeente;
        return [.. (await organisaties.ActiveTenantsAsync(ct)).Where(o => o.Id != eigen).OrderBy(o => o.Naam, StringComparer.Ordinal).Select(o => new GemeenteKeuze(o.Id, o.Naam))];
    }

    public async Task<OmkoppelingWeergave?> OpenAanbodAsync(ClaimsPrincipal user, Guid dossierId, CancellationToken ct)
    {
        var aanbod = await OpenVanDossier(dossierId).AsNoTracking().FirstOrDefaultAsync(ct);
        return aanbod is null ? null : await WeergaveAsync(aanbod, ct);
    }

    public async Task<OmkoppelingWeergave> BiedAanAsync(ClaimsPrincipal user, Guid dossierId, Aanbod invoer, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.Toewijzen, ct);
        var bron = werkplaats.Gemeente;
        var dossier = await lezer.LaadAsync(user, dossierId, ct);
        DossierWerkplaats.NietAfgesloten(dossier);
        var check = new Invoer(DossierFouten.Validatie);
        var doel = invoer.DoelGemeenteId is { } d ? await organisaties.FindAsync(d, ct) : null;
        if (doel is not { Soort: OrganisationKind.Gemeente, Actief: true } || doel.Id == bron)
        {
            check.Fout("doelGemeenteId", "Kies een andere gemeente die Inburgering gebruikt.");
        }

        var toelichting = check.Tekst(invoer.Toelichting, "toelichting", max: 1000);
        check.Klaar();
        if (await OpenVanDossier(dossierId).AnyAsync(ct))
        {
            throw new DomainException(DossierFouten.OmkoppelingAlAangeboden, "Dit dossier is al aangeboden aan een gemeente.", StatusCodes.Status409Conflict);
        }

        var actor = DossierWerkplaats.ActorVan(user);
        var aanbod = new Domain.Omkoppeling(dossier.Id, bron, doel!.Id, dossier.VNummer, $"{dossier.Voornamen} {dossier.Achternaam}", dossier.HuishoudenGrootte,
            toelichting, actor.Naam, werkplaats.Nu);
        werkplaats.VoegToe(aanbod);
        await werkplaats.BewaarAsync(dossier, Gebeurtenissen.OmkoppelingAangeboden, new { aanbod.Id, doel = doel.Naam, toelichting }, actor, ct, "omkoppeling");
        return await WeergaveAsync(aanbod, ct);
    }

    public async Task<IReadOnlyList<OmkoppelingWeergave>> LijstAsync(ClaimsPrincipal user, string? richting, string? status, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.Lezen, ct);
        var gemeente = werkplaats.Gemeente;
        var check = new Invoer(DossierFouten.Validatie);
        var query = werkplaats.Lees.Omkoppelingen.Where(o => o.BronGemeenteId == gemeente || o.DoelGemeenteId == gemeente);
        switch (richting)
        {
            case null or "":
                break;
            case "inkomend":
                query = query.Where(o => o.DoelGemeenteId == gemeente);
                break;
            case "uitgaand":
                query = query.Where(o => o.BronGemeenteId == gemeente);
                break;
            default:
                check.Fout("richting", "Kies inkomend of uitgaand.");
                break;
        }

        if (!string.IsNullOrEmpty(status))
        {
            if (Enum.TryParse<OmkoppelingStatus>(status, ignoreCase: true, out var s) && !int.TryParse(status, out _))
            {
                query = query.Where(o => o.Status == s);
            }
            else
            {
                check.Fout("status", "Kies aangeboden, geaccepteerd, geweigerd of ingetrokken.");
            }
        }

        check.Klaar();
        var rijen = await query.OrderByDescending(o => o.AangebodenOp).Take(200).ToListAsync(ct);
        var namen = await NamenAsync(rijen, ct);
        return [.. rijen.Select(o => Weergave(o, namen))];
    }

    public async Task<Guid> AccepteerAsync(ClaimsPrincipal user, Guid omkoppelingId, CancellationToken ct)
    {
        var (aanbod, actor) = await OpenAanbodAsync(user, omkoppelingId, alsDoel: true, ct);
        var afhandeling = Afhandeling(aanbod, actor, werkplaats.Nu);
        await AlsNogOpenAsync(() => werkplaats.InEenTransactieAsync(
            async (verbinding, transactie) =>
            {
                try
                {
                    await OmkoppelingSql.AccepteerAsync(verbinding, transactie, afhandeling, ct);
                }
                catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation)
                {
                    throw new DomainException(DossierFouten.VNummerBestaatAl, "Uw gemeente heeft al een dossier met dit V-nummer of BSN.", StatusCodes.Status409Conflict);
                }
            },
            async () =>
            {
                werkplaats.Noteer(aanbod.DossierId, Gebeurtenissen.OmkoppelingOvergenomen, new { aanbod.Id, van = aanbod.BronGemeenteId }, actor, "omkoppeling");
                (await werkplaats.DossiersVoorWijziging.SingleAsync(d => d.Id == aanbod.DossierId, ct)).NeemOver(werkplaats.Vandaag);
                await werkplaats.VerhuisCoaVerblijfAsync(aanbod.DossierId, aanbod.DoelGemeenteId, ct);
            },
            ct));
        return aanbod.DossierId;
    }

    public async Task<OmkoppelingWeergave> WeigerAsync(ClaimsPrincipal user, Guid omkoppelingId, Weigering invoer, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.Toewijzen, ct);
        var check = new Invoer(DossierFouten.Validatie);
        var reden = check.Tekst(invoer.Reden, "reden", verplicht: true, max: 1000);
        check.Klaar();
        var (aanbod, actor) = await OpenAanbodAsync(user, omkoppelingId, alsDoel: true, ct);
        var gegevens = JsonSerializer.Serialize(new { aanbod.Id, reden }, DossierWerkplaats.Json);
        await AlsNogOpenAsync(() => werkplaats.InEenTransactieAsync(
            (verbinding, transactie) => OmkoppelingSql.WeigerAsync(verbinding, transactie, Afhandeling(aanbod, actor, werkplaats.Nu), reden!,
                Gebeurtenissen.OmkoppelingGeweigerd, gegevens, ct),
            null,
            ct));

        return await WeergaveAsync(await werkplaats.Lees.Omkoppelingen.SingleAsync(o => o.Id == omkoppelingId, ct), ct);
    }

    public async Task<OmkoppelingWeergave> TrekInAsync(ClaimsPrincipal user, Guid omkoppelingId, CancellationToken ct)
    {
        var (aanbod, actor) = await OpenAanbodAsync(user, omkoppelingId, alsDoel: false, ct);
        aanbod.TrekIn(actor.Naam, werkplaats.Nu);
        werkplaats.Noteer(aanbod.DossierId, Gebeurtenissen.OmkoppelingIngetrokken, new { aanbod.Id }, actor, "omkoppeling");
        await AlsNogOpenAsync(() => werkplaats.SlaOpAsync(ct));
        return await WeergaveAsync(aanbod, ct);
    }

    public async Task<OmkoppelingWeergave> TrekAanbodVanDossierInAsync(ClaimsPrincipal user, Guid dossierId, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.Toewijzen, ct);
        var id = await OpenVanDossier(dossierId).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct)
                 ?? throw new DomainException(DossierFouten.OmkoppelingNietGevonden, "Dit dossier is niet aangeboden aan een andere gemeente.", StatusCodes.Status404NotFound);
        return await TrekInAsync(user, id, ct);
    }

    /// <summary>This gemeente's open offer of a dossier (at most one).</summary>
    private IQueryable<Domain.Omkoppeling> OpenVanDossier(Guid dossierId)
    {
        var bron = werkplaats.Gemeente;
        return werkplaats.OmkoppelingenVoorWijziging.Where(o => o.DossierId == dossierId && o.BronGemeenteId == bron && o.Status == OmkoppelingStatus.Aangeboden);
    }

    private async Task<(Domain.Omkoppeling Aanbod, Actor Actor)> OpenAanbodAsync(ClaimsPrincipal user, Guid id, bool alsDoel, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.Toewijzen, ct);
        var gemeente = werkplaats.Gemeente;
        var aanbod = await werkplaats.OmkoppelingenVoorWijziging.SingleOrDefaultAsync(o => o.Id == id && (alsDoel ? o.DoelGemeenteId == gemeente : o.BronGemeenteId == gemeente), ct)
                     ?? throw new DomainException(DossierFouten.OmkoppelingNietGevonden, "Deze omkoppeling bestaat niet voor uw gemeente.", StatusCodes.Status404NotFound);
        if (aanbod.Status != OmkoppelingStatus.Aangeboden)
        {
            throw new DomainException(DossierFouten.OmkoppelingAfgehandeld, "Deze omkoppeling is al afgehandeld.", StatusCodes.Status409Conflict);
        }

        return (aanbod, DossierWerkplaats.ActorVan(user));
    }

    /// <summary>
    /// The status change is conditional (the status is the concurrency token, and the database changes only an open
    /// offer): of an accept and a withdraw at the same moment, the second changes nothing and is told so.
    /// </summary>
    private static async Task AlsNogOpenAsync(Func<Task> afhandeling)
    {
        try
        {
            await afhandeling();
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException or DomainException { Code: PlatformErrors.PreconditionFailed }
                                       or Npgsql.PostgresException { SqlState: OmkoppelingSql.NietOpen })
        {
            throw new DomainException(DossierFouten.OmkoppelingAfgehandeld, "Deze omkoppeling is intussen al afgehandeld.", StatusCodes.Status409Conflict);
        }
        catch (Npgsql.PostgresException ex) when (ex.SqlState == OmkoppelingSql.DossierWeg)
        {
            throw new DomainException(DossierFouten.OmkoppelingNietGevonden, "Het aangeboden dossier bestaat niet meer.", StatusCodes.Status409Conflict);
        }
    }

    private static Afhandeling Afhandeling(Domain.Omkoppeling aanbod, Actor actor, DateTimeOffset nu) =>
        new(aanbod.Id, nu, actor.Id, actor.Naam, actor.OrganisatieId, Guid.CreateVersion7(nu));

    private async Task<OmkoppelingWeergave> WeergaveAsync(Domain.Omkoppeling o, CancellationToken ct) => Weergave(o, await NamenAsync([o], ct));

    /// <summary>The gemeente names of all offers in one lookup.</summary>
    private async Task<Dictionary<Guid, string>> NamenAsync(IReadOnlyCollection<Domain.Omkoppeling> rijen, CancellationToken ct) =>
        (await organisaties.FindManyAsync(rijen.SelectMany(o => new[] { o.BronGemeenteId, o.DoelGemeenteId }).Distinct(), ct)).ToDictionary(g => g.Id, g => g.Naam);

    private static OmkoppelingWeergave Weergave(Domain.Omkoppeling o, Dictionary<Guid, string> namen) =>
        new(o.Id, o.DossierId, o.BronGemeenteId, namen.GetValueOrDefault(o.BronGemeenteId, "?"), o.DoelGemeenteId,
            namen.GetValueOrDefault(o.DoelGemeenteId, "?"), o.VNummer, o.Naam, o.HuishoudenGrootte, o.Toelichting, o.Status.ToString().ToLowerInvariant(),
            o.AangebodenOp, o.AfgehandeldOp, o.Weigerreden);
}
