using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Dossiers.Features.Contactmomenten;

/// <summary>
/// Notes and contact moments, behind the API and the dossier page alike. A note adds to the dossier without changing
/// it (no new version); its tijdlijn entry names the kind and day, never the text. Health notes exist only for those
/// with the health permission, and each read of one is logged as a read of health.
/// </summary>
internal sealed class DossierContactmomenten(DossierLezer lezer, DossierWerkplaats werkplaats, IPermissionEvaluator rechten)
{
    public async Task<ContactmomentRegel> LegVastAsync(ClaimsPrincipal user, Guid id, ContactmomentInvoer invoer, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.Bewerken, ct);
        if (invoer.Gezondheid == true && !await lezer.MagGezondheidAsync(user, ct))
        {
            throw new DomainException(DossierFouten.GeenToegang, "U mag gezondheidsinformatie niet vastleggen.", StatusCodes.Status403Forbidden);
        }

        var dossier = await lezer.LaadAsync(user, id, ct, alleenLezen: true, metOnderdelen: false);
        DossierWerkplaats.NietAfgesloten(dossier);
        var check = new Invoer(DossierFouten.Validatie);
        var soort = check.Verplicht(check.Woord<ContactSoort>(invoer.Soort, "soort"), "soort");
        var datum = check.Verplicht(invoer.Datum, "datum");
        if (invoer.Datum > werkplaats.Vandaag)
        {
            check.Fout("datum", "Een contactmoment ligt niet in de toekomst: plan een afspraak.");
        }
        else if (invoer.Datum < dossier.Vergunningdatum)
        {
            check.Fout("datum", "Dit contactmoment ligt vóór de vergunning.");
        }

        var deelnemers = check.Tekst(invoer.Deelnemers, "deelnemers", max: 500);
        var tolk = check.Tekst(invoer.TolkTaal, "tolkTaal", max: 50);
        var tekst = check.Tekst(invoer.Tekst, "tekst", verplicht: true, max: 8000);
        check.Klaar();
        var actor = DossierWerkplaats.ActorVan(user);
        var moment = new Contactmoment(dossier.Id, soort, datum, deelnemers, tolk, tekst!, invoer.Gezondheid == true, actor.Naam, werkplaats.Nu);
        werkplaats.VoegToe(moment);
        werkplaats.Noteer(dossier.Id, Gebeurtenissen.Contactmoment, new { moment.Id, soort = Woorden.Naam(soort), datum, tolkTaal = tolk, gezondheid = moment.Gezondheid }, actor,
            moment.Gezondheid ? "gezondheid" : "contactmoment");
        await werkplaats.SlaOpAsync(ct);
        return Regel(moment);
    }

    public async Task<IReadOnlyList<ContactmomentRegel>> LijstAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        await LijstAsync(user, await lezer.LaadAsync(user, id, ct, alleenLezen: true, metOnderdelen: false), ct);

    /// <summary>The notes of a dossier the caller has already been allowed to read.</summary>
    public async Task<IReadOnlyList<ContactmomentRegel>> LijstAsync(ClaimsPrincipal user, Dossier dossier, CancellationToken ct)
    {
        var magGezondheid = await lezer.MagGezondheidAsync(user, ct);
        var momenten = await werkplaats.Lees.Contactmomenten.Where(c => c.DossierId == dossier.Id && (magGezondheid || !c.Gezondheid))
            .OrderByDescending(c => c.Datum).ThenByDescending(c => c.VastgelegdOp).ToListAsync(ct);
        var actor = DossierWerkplaats.ActorVan(user);
        await werkplaats.LogInzageAsync(actor, "contactmoment", [dossier.Id], ct);
        if (momenten.Any(m => m.Gezondheid))
        {
            await werkplaats.LogInzageAsync(actor, "gezondheid", [dossier.Id], ct);
        }

        return [.. momenten.Select(Regel)];
    }

    /// <summary>Notes matching the words within the caller's caseload (full text, Dutch), newest first; health notes only with the permission.</summary>
    public async Task<IReadOnlyList<ContactmomentZoekRegel>> ZoekAsync(ClaimsPrincipal user, string? q, CancellationToken ct)
    {
        await lezer.VereisLezenAsync(user, ct);
        var check = new Invoer(DossierFouten.Validatie);
        var woorden = check.Tekst(q, "q", verplicht: true, max: 100);
        check.Klaar();
        var alleenVan = await lezer.AlleenVanAsync(user, ct);
        var magGezondheid = await lezer.MagGezondheidAsync(user, ct);
        var lees = werkplaats.Lees;
        var rijen = await (
                from c in lees.Contactmomenten
                join d in lees.InLijsten on c.DossierId equals d.Id
                where (magGezondheid || !c.Gezondheid) && (alleenVan == null || d.KlantregisseurId == alleenVan)
                      && EF.Functions.ToTsVector("dutch", c.Tekst).Matches(EF.Functions.PlainToTsQuery("dutch", woorden!))
                orderby c.Datum descending
                select new { c, d.VNummer, Naam = d.Voornamen + " " + d.Achternaam })
            .Take(100).ToListAsync(ct);
        var actor = DossierWerkplaats.ActorVan(user);
        await werkplaats.LogInzageAsync(actor, "contactmoment", rijen.Select(r => r.c.DossierId).Distinct().ToList(), ct);
        if (rijen.Any(r => r.c.Gezondheid))
        {
            await werkplaats.LogInzageAsync(actor, "gezondheid", rijen.Where(r => r.c.Gezondheid).Select(r => r.c.DossierId).Distinct().ToList(), ct);
        }

        return [.. rijen.Select(r => new ContactmomentZoekRegel(r.c.DossierId, r.VNummer, r.Naam, Regel(r.c)))];
    }

    private static ContactmomentRegel Regel(Contactmoment c) =>
        new(c.Id, c.Soort, c.Datum, c.Deelnemers, c.TolkTaal, c.Tekst, c.Gezondheid, c.VastgelegdDoor, c.VastgelegdOp);
}

internal sealed record ContactmomentRegel(Guid Id, ContactSoort Soort, DateOnly Datum, string? Deelnemers, string? TolkTaal, string Tekst, bool Gezondheid,
    string VastgelegdDoor, DateTimeOffset VastgelegdOp);

internal sealed record ContactmomentZoekRegel(Guid DossierId, string VNummer, string Naam, ContactmomentRegel Contactmoment);
