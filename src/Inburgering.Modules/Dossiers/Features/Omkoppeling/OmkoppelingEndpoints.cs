using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json;
using Inburgering.Modules.Dossiers.Data.Sql;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Inburgering.Modules.Dossiers.Features.Omkoppeling;

[Description("Offer the dossier to another gemeente (before housing, or when the person moves).")]
internal sealed record Aanbod(Guid? DoelGemeenteId, string? Toelichting);

internal sealed record Weigering(string? Reden);

internal sealed record OmkoppelingWeergave(
    Guid Id, Guid DossierId, Guid BronGemeenteId, string BronGemeente, Guid DoelGemeenteId, string DoelGemeente, string VNummer, string Naam,
    int HuishoudenGrootte, string? Toelichting, string Status, DateTimeOffset AangebodenOp, DateTimeOffset? AfgehandeldOp, string? Weigerreden);

/// <summary>
/// Omkoppeling: the source offers, the target accepts or declines. On accept the whole dossier and its history move in
/// one transaction, the termijn included; the source keeps only an audit entry.
/// </summary>
internal static class OmkoppelingEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/dossiers/{id:guid}/omkoppelingen", AanbiedenAsync).WithTags("Omkoppeling").RequirePermission(Permissions.DossiersToewijzen)
            .WithSummary("Offers the dossier to another gemeente; it shows the V-nummer, name and household size only.")
            .Produces<OmkoppelingWeergave>(StatusCodes.Status201Created);
        var groep = api.MapGroup("/omkoppelingen").WithTags("Omkoppeling");
        groep.MapGet("/", LijstAsync).RequirePermission(Permissions.DossiersLezen)
            .WithSummary("Offers to (richting=inkomend) or from (uitgaand) this gemeente; status=aangeboden|geaccepteerd|geweigerd|ingetrokken.")
            .Produces<List<OmkoppelingWeergave>>();
        groep.MapPost("/{id:guid}/accepteren", AccepterenAsync).RequirePermission(Permissions.DossiersToewijzen)
            .WithSummary("The target takes the dossier over, with its history and running termijn. Returns the dossier as it is now here.")
            .Produces<Weergave.DossierWeergave>();
        groep.MapPost("/{id:guid}/weigeren", WeigerenAsync).RequirePermission(Permissions.DossiersToewijzen);
        groep.MapPost("/{id:guid}/intrekken", IntrekkenAsync).RequirePermission(Permissions.DossiersToewijzen);
    }

    private static async Task<IResult> AanbiedenAsync(Guid id, Aanbod invoer, ClaimsPrincipal user, DossierLezer lezer, DossierWerkplaats werkplaats,
        IOrganisationDirectory organisaties, CancellationToken ct)
    {
        var aanbod = await BiedAanAsync(id, invoer, user, lezer, werkplaats, organisaties, ct);
        return TypedResults.Created($"/api/v1/omkoppelingen/{aanbod.Id}", await WeergaveAsync(aanbod, organisaties, ct));
    }

    /// <summary>The one way to offer a dossier, for the API and the dossier page's transfer dialog.</summary>
    internal static async Task<Domain.Omkoppeling> BiedAanAsync(Guid id, Aanbod invoer, ClaimsPrincipal user, DossierLezer lezer, DossierWerkplaats werkplaats,
        IOrganisationDirectory organisaties, CancellationToken ct)
    {
        var bron = werkplaats.Gemeente;
        var dossier = await lezer.LaadAsync(user, id, ct);
        DossierWerkplaats.NietAfgesloten(dossier);
        var check = new Invoer();
        var doel = invoer.DoelGemeenteId is { } d ? await organisaties.FindAsync(d, ct) : null;
        if (doel is not { Soort: OrganisationKind.Gemeente, Actief: true } || doel.Id == bron)
        {
            check.Fout("doelGemeenteId", "Kies een andere gemeente die Inburgering gebruikt.");
        }

        var toelichting = check.Tekst(invoer.Toelichting, "toelichting", max: 1000);
        check.Klaar();
        if (await werkplaats.Db.Omkoppelingen.AnyAsync(o => o.DossierId == id && o.BronGemeenteId == bron && o.Status == OmkoppelingStatus.Aangeboden, ct))
        {
            throw new DomainException(DossierFouten.OmkoppelingAlAangeboden, "Dit dossier is al aangeboden aan een gemeente.", StatusCodes.Status409Conflict);
        }

        var actor = DossierWerkplaats.ActorVan(user);
        var aanbod = new Domain.Omkoppeling(dossier.Id, bron, doel!.Id, dossier.VNummer, $"{dossier.Voornamen} {dossier.Achternaam}", dossier.HuishoudenGrootte,
            toelichting, actor.Naam, werkplaats.Nu);
        werkplaats.Db.Omkoppelingen.Add(aanbod);
        await werkplaats.BewaarAsync(dossier, Gebeurtenissen.OmkoppelingAangeboden, new { aanbod.Id, doel = doel.Naam, toelichting }, actor, ct, "omkoppeling");
        return aanbod;
    }

    private static async Task<IResult> LijstAsync(string? richting, string? status, DossierWerkplaats werkplaats, IOrganisationDirectory organisaties, CancellationToken ct)
    {
        var gemeente = werkplaats.Gemeente;
        var check = new Invoer();
        var query = werkplaats.Db.Omkoppelingen.AsNoTracking().Where(o => o.BronGemeenteId == gemeente || o.DoelGemeenteId == gemeente);
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
        var namen = await NamenAsync(rijen, organisaties, ct);
        return TypedResults.Ok(rijen.Select(o => Weergave(o, namen)).ToList());
    }

    private static async Task<IResult> AccepterenAsync(Guid id, ClaimsPrincipal user, HttpContext http, DossierWerkplaats werkplaats, DossierLezer lezer, CancellationToken ct)
    {
        var (aanbod, actor) = await OpenAanbodAsync(id, werkplaats, user, alsDoel: true, ct);
        var db = werkplaats.Db;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            aanbod.Accepteer(actor.Naam, werkplaats.Nu);
            await db.SaveChangesAsync(ct);
            var verhuizing = Verhuizing(aanbod, actor, werkplaats.Nu);
            try
            {
                if (!await DossierVerhuizing.VerhuisAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), verhuizing, ct))
                {
                    throw new DomainException(DossierFouten.OmkoppelingNietGevonden, "Het aangeboden dossier bestaat niet meer.", StatusCodes.Status409Conflict);
                }
            }
            catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation)
            {
                throw new DomainException(DossierFouten.VNummerBestaatAl, "Uw gemeente heeft al een dossier met dit V-nummer of BSN.", StatusCodes.Status409Conflict);
            }

            db.Tijdlijn.Add(new TijdlijnGebeurtenis(aanbod.DossierId, Gebeurtenissen.OmkoppelingOvergenomen, actor,
                JsonSerializer.Serialize(new { aanbod.Id, van = aanbod.BronGemeenteId }, DossierWerkplaats.Json), werkplaats.Nu));
            db.Inzages.Add(new Inzage(actor, "schrijven", "omkoppeling", [aanbod.DossierId], werkplaats.Nu));
            if (await db.CoaVerblijven.SingleOrDefaultAsync(c => c.DossierId == aanbod.DossierId, ct) is { } verblijf)
            {
                verblijf.Werkbij(aanbod.DoelGemeenteId, verblijf.CoaLocatieId, verblijf.Verhuisdatum);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        db.ChangeTracker.Clear();
        var dossier = await lezer.LaadAsync(user, aanbod.DossierId, ct);
        return DossierLezer.Resultaat(await lezer.WeergaveAsync(user, dossier, ct), http);
    }

    private static async Task<IResult> WeigerenAsync(Guid id, Weigering invoer, ClaimsPrincipal user, DossierWerkplaats werkplaats, IOrganisationDirectory organisaties, CancellationToken ct)
    {
        var check = new Invoer();
        var reden = check.Tekst(invoer.Reden, "reden", verplicht: true, max: 1000);
        check.Klaar();
        var (aanbod, actor) = await OpenAanbodAsync(id, werkplaats, user, alsDoel: true, ct);
        var db = werkplaats.Db;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            aanbod.Weiger(actor.Naam, reden!, werkplaats.Nu);
            await db.SaveChangesAsync(ct);
            await DossierVerhuizing.TijdlijnBijBronAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), Verhuizing(aanbod, actor, werkplaats.Nu),
                Gebeurtenissen.OmkoppelingGeweigerd, JsonSerializer.Serialize(new { aanbod.Id, reden }, DossierWerkplaats.Json), ct);
            await transaction.CommitAsync(ct);
        }

        return TypedResults.Ok(await WeergaveAsync(aanbod, organisaties, ct));
    }

    private static async Task<IResult> IntrekkenAsync(Guid id, ClaimsPrincipal user, DossierWerkplaats werkplaats, IOrganisationDirectory organisaties, CancellationToken ct)
    {
        var (aanbod, actor) = await OpenAanbodAsync(id, werkplaats, user, alsDoel: false, ct);
        aanbod.TrekIn(actor.Naam, werkplaats.Nu);
        werkplaats.Db.Tijdlijn.Add(new TijdlijnGebeurtenis(aanbod.DossierId, Gebeurtenissen.OmkoppelingIngetrokken, actor,
            JsonSerializer.Serialize(new { aanbod.Id }, DossierWerkplaats.Json), werkplaats.Nu));
        await werkplaats.SlaOpAsync(ct);
        return TypedResults.Ok(await WeergaveAsync(aanbod, organisaties, ct));
    }

    private static async Task<(Domain.Omkoppeling Aanbod, Actor Actor)> OpenAanbodAsync(Guid id, DossierWerkplaats werkplaats, ClaimsPrincipal user, bool alsDoel, CancellationToken ct)
    {
        var gemeente = werkplaats.Gemeente;
        var aanbod = await werkplaats.Db.Omkoppelingen.SingleOrDefaultAsync(o => o.Id == id && (alsDoel ? o.DoelGemeenteId == gemeente : o.BronGemeenteId == gemeente), ct)
                     ?? throw new DomainException(DossierFouten.OmkoppelingNietGevonden, "Deze omkoppeling bestaat niet voor uw gemeente.", StatusCodes.Status404NotFound);
        if (aanbod.Status != OmkoppelingStatus.Aangeboden)
        {
            throw new DomainException(DossierFouten.OmkoppelingAfgehandeld, "Deze omkoppeling is al afgehandeld.", StatusCodes.Status409Conflict);
        }

        return (aanbod, DossierWerkplaats.ActorVan(user));
    }

    private static Verhuizing Verhuizing(Domain.Omkoppeling aanbod, Actor actor, DateTimeOffset nu) =>
        new(aanbod.DossierId, aanbod.BronGemeenteId, aanbod.DoelGemeenteId, Guid.CreateVersion7(nu), nu, actor.Id, actor.Naam, actor.OrganisatieId);

    private static async Task<OmkoppelingWeergave> WeergaveAsync(Domain.Omkoppeling o, IOrganisationDirectory organisaties, CancellationToken ct) =>
        Weergave(o, await NamenAsync([o], organisaties, ct));

    /// <summary>The gemeente names of all offers in one lookup.</summary>
    private static async Task<Dictionary<Guid, string>> NamenAsync(IReadOnlyCollection<Domain.Omkoppeling> rijen, IOrganisationDirectory organisaties, CancellationToken ct) =>
        (await organisaties.FindManyAsync(rijen.SelectMany(o => new[] { o.BronGemeenteId, o.DoelGemeenteId }).Distinct(), ct)).ToDictionary(g => g.Id, g => g.Naam);

    private static OmkoppelingWeergave Weergave(Domain.Omkoppeling o, Dictionary<Guid, string> namen) =>
        new(o.Id, o.DossierId, o.BronGemeenteId, namen.GetValueOrDefault(o.BronGemeenteId, "?"), o.DoelGemeenteId,
            namen.GetValueOrDefault(o.DoelGemeenteId, "?"), o.VNummer, o.Naam, o.HuishoudenGrootte, o.Toelichting, o.Status.ToString().ToLowerInvariant(),
            o.AangebodenOp, o.AfgehandeldOp, o.Weigerreden);
}
