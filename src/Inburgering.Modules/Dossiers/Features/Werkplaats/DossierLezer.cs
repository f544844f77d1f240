using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Weergave;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Data;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Tijd;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Dossiers.Features.Werkplaats;

/// <summary>
/// What the caller may see of a dossier and how it is shown: the gemeente may limit klantregisseurs to their own
/// caseload (tenant setting), and health is shown only with its own permission. Every read is logged.
/// </summary>
internal sealed class DossierLezer(
    DossierWerkplaats werkplaats, IPermissionEvaluator permissions, ITenantSettings settings, IBeleidsregels regels, DatabaseConnections connections)
{
    /// <summary>Tenant setting: <c>alle</c> (default) or <c>eigen</c> (a klantregisseur sees only their own dossiers).</summary>
    public const string ZichtbaarheidSetting = "dossiers.klantregisseur-ziet";

    /// <summary>Null when the caller may see every dossier of the gemeente; else the only klantregisseur whose dossiers they see.</summary>
    public async Task<Guid?> AlleenVanAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await permissions.HasAsync(user, DossierPermissies.Toewijzen, cancellationToken)
            || await settings.GetAsync(ZichtbaarheidSetting, cancellationToken) != "eigen")
        {
            return null;
        }

        return Guid.TryParse(user.FindFirstValue(IdentityClaims.UserId), out var me) ? me : Guid.Empty;
    }

    public Task VereisLezenAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        _ = werkplaats.Gemeente;
        return permissions.VereisAsync(user, DossierPermissies.Lezen, cancellationToken);
    }

    public async Task<Dossier> LaadAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken, bool alleenLezen = false, bool metOnderdelen = true)
    {
        await permissions.VereisAsync(user, DossierPermissies.Lezen, cancellationToken);
        var dossier = await werkplaats.LaadAsync(id, cancellationToken, metOnderdelen, alleenLezen);
        if (await AlleenVanAsync(user, cancellationToken) is { } alleen && dossier.KlantregisseurId != alleen)
        {
            throw new DomainException(DossierFouten.NietGevonden, "Dit dossier bestaat niet in uw gemeente.", StatusCodes.Status404NotFound);
        }

        return dossier;
    }

    /// <summary>
    /// The dossier for a write: the right to edit, the dossier as the caller may see it, the version the write is
    /// based on (412), and open (a closed dossier is read-only).
    /// </summary>
    public async Task<Dossier> LaadVoorWijzigingAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, CancellationToken cancellationToken)
    {
        await permissions.VereisAsync(user, DossierPermissies.Bewerken, cancellationToken);
        var dossier = await LaadAsync(user, id, cancellationToken);
        DossierWerkplaats.ControleerVersie(versie, dossier);
        DossierWerkplaats.NietAfgesloten(dossier);
        return dossier;
    }

    /// <summary>The full view, logged as a read; health only with permission, and logged apart.</summary>
    public Task<DossierWeergave> WeergaveAsync(ClaimsPrincipal user, Dossier dossier, CancellationToken cancellationToken, bool logLezen = true) =>
        logLezen
            ? LeesWeergaveAsync(user, dossier, logLezen, cancellationToken)
            : DatabaseStoring.HerhaalLezenAsync(() => LeesWeergaveAsync(user, dossier, logLezen, cancellationToken), connections, cancellationToken);

    private async Task<DossierWeergave> LeesWeergaveAsync(ClaimsPrincipal user, Dossier dossier, bool logLezen, CancellationToken cancellationToken)
    {
        var huishouden = await HuishoudenAsync(dossier, cancellationToken);
        var (magGezondheid, gezondheid) = await GezondheidAsync(user, dossier, logLezen, cancellationToken);
        if (logLezen)
        {
            await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "dossier", [dossier.Id], cancellationToken);
        }

        var signalen = (await werkplaats.Lees.Signalen.Where(s => s.DossierId == dossier.Id && s.OpgelostOp == null).OrderBy(s => s.Vervaldatum).ToListAsync(cancellationToken))
            .Select(s => new OpenSignaalWeergave(s.Id, s.Soort, s.Ernst, s.Vervaldatum, s.Tekst, s.GesnoozedTot)).ToList();
        return DossierWeergave.Van(dossier, huishouden, magGezondheid, gezondheid, PipDeadline(dossier, await regels.VanGemeenteAsync(cancellationToken)), signalen,
            werkplaats.Vandaag);
    }

    /// <summary>The other members of the dossier's household who have a dossier of their own, eldest first.</summary>
    public async Task<List<Huisgenoot>> HuisgenotenAsync(Dossier dossier, CancellationToken cancellationToken) =>
        await werkplaats.Lees.Dossiers
            .Where(d => d.HuishoudenId == dossier.HuishoudenId && d.Id != dossier.Id)
            .OrderBy(d => d.Geboortedatum)
            .Select(d => new Huisgenoot(d.Id, d.VNummer, d.Voornamen + " " + d.Achternaam, d.Geboortedatum, d.Fase, d.HuishoudenRelatie, d.Instroom))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The whole household: members with a dossier, members without one (minors), and who they are together today. A
    /// nareiziger is part of it from arrival; the taakstelling counts them on that day.
    /// </summary>
    public async Task<HuishoudenWeergave> HuishoudenAsync(Dossier dossier, CancellationToken cancellationToken)
    {
        var vandaag = werkplaats.Vandaag;
        var genoten = await HuisgenotenAsync(dossier, cancellationToken);
        var zonder = await werkplaats.Lees.LedenZonderDossier.Where(l => l.HuishoudenId == dossier.HuishoudenId).OrderBy(l => l.Geboortedatum).ToListAsync(cancellationToken);
        var geboortedata = genoten.Select(g => g.Geboortedatum).Append(dossier.Geboortedatum).Concat(zonder.Select(l => l.Geboortedatum)).ToList();
        var minderjarig = geboortedata.Count(g => Toepasselijkheid.Leeftijd(g, vandaag) < 18);
        var nareizigers = genoten.Count(g => g.Instroom == Instroom.Nareiziger) + (dossier.Instroom == Instroom.Nareiziger ? 1 : 0) + zonder.Count(l => l.Aankomst is not null);
        var samenstelling = new SamenstellingWeergave(geboortedata.Count - minderjarig, minderjarig, nareizigers, geboortedata.Count);
        return new HuishoudenWeergave(dossier.HuishoudenId, Math.Max(dossier.HuishoudenGrootte, samenstelling.Totaal),
            [.. genoten.Select(h => new HuishoudenLid(h.Id, h.VNummer, h.Naam, h.Relatie, h.Instroom == Instroom.Nareiziger, h.Geboortedatum))], dossier.HuishoudenRelatie,
            [.. zonder.Select(l => new LidZonderDossierWeergave(l.Id, l.Voornamen, l.Geboortedatum, l.Relatie, l.Minderjarig(vandaag), l.Aankomst))], samenstelling);
    }

    public Task<bool> MagGezondheidAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        permissions.HasAsync(user, DossierPermissies.GezondheidLezen, cancellationToken);

    /// <summary>Whether the caller may see health, and the text if there is one; a read of it is logged apart.</summary>
    public async Task<(bool Mag, string? Tekst)> GezondheidAsync(ClaimsPrincipal user, Dossier dossier, bool logLezen, CancellationToken cancellationToken)
    {
        if (!await MagGezondheidAsync(user, cancellationToken))
        {
            return (false, null);
        }

        if (dossier.BredeIntake is null)
        {
            return (true, null);
        }

        var tekst = await werkplaats.Lees.Gezondheid.Where(g => g.DossierId == dossier.Id).Select(g => g.Tekst).SingleOrDefaultAsync(cancellationToken);
        if (tekst is not null && logLezen)
        {
            await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "gezondheid", [dossier.Id], cancellationToken);
        }

        return (true, tekst);
    }

    /// <summary>10 weeks (the gemeente's norm) after the later of DUO's kennisgeving and the BRP registration; none while either is unknown.</summary>
    public static DateOnly? PipDeadline(Dossier dossier, Beleid beleid) =>
        DossierNormen.PipDeadline(beleid, dossier.PipKlokStart(), dossier.PipInformatieGevraagd, dossier.PipInformatieOntvangen);

    public static IResult Resultaat(DossierWeergave weergave, HttpContext http, int status = StatusCodes.Status200OK)
    {
        http.Response.Headers.ETag = $"\"{weergave.Versie}\"";
        return status == StatusCodes.Status201Created
            ? TypedResults.Created($"/api/v1/dossiers/{weergave.Id}", weergave)
            : TypedResults.Ok(weergave);
    }
}

internal sealed record Huisgenoot(Guid Id, string VNummer, string Naam, DateOnly Geboortedatum, Fase Fase, HuishoudenRelatie? Relatie, Instroom Instroom = Instroom.Koppeling);
