using System.Security.Claims;
using System.Text.Json;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Weergave;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Dossiers.Features.Inzage;

/// <summary>
/// What the Dossiers module holds about one person, for the privacy officer's inzage report: read with its own
/// permission (no caseload, no edits), health only with the health permission, and logged as the processing of a
/// data subject's request.
/// </summary>
internal sealed class DossierInzage(DossierWerkplaats werkplaats, DossierLezer lezer, IPermissionEvaluator toestemming, IOrganisationDirectory organisaties)
    : IDossierInzage
{
    public async Task<InzageBetrokkene?> ZoekAsync(ClaimsPrincipal user, string? vNummer, string? bsn, CancellationToken ct)
    {
        var invoer = new Invoer(DossierFouten.Validatie);
        var v = invoer.Tekst(vNummer, "vNummer", max: 10);
        var b = invoer.Tekst(bsn, "bsn", max: 9);
        if (v is null && b is null)
        {
            invoer.Fout("vNummer", "Geef het V-nummer of het BSN van de betrokkene.");
        }

        invoer.Klaar();
        _ = werkplaats.Gemeente;
        await toestemming.VereisAsync(user, DossierPermissies.InzageMaken, ct);
        var gevonden = await werkplaats.Lees.Dossiers.Where(d => (v != null && d.VNummer == v) || (b != null && d.Bsn == b))
            .Select(d => new InzageBetrokkene(d.Id, d.Voornamen + " " + d.Achternaam, d.VNummer, d.Versie, d.BeperktSinds)).FirstOrDefaultAsync(ct);
        if (gevonden is not null)
        {
            await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "inzage", [gevonden.DossierId], ct);
        }

        return gevonden;
    }

    public async Task<DossierInzageGegevens> GegevensAsync(ClaimsPrincipal user, Guid dossierId, CancellationToken ct)
    {
        var gemeente = werkplaats.Gemeente;
        await toestemming.VereisAsync(user, DossierPermissies.InzageMaken, ct);
        var dossier = await werkplaats.LaadAsync(dossierId, ct, metOnderdelen: true, alleenLezen: true);
        var weergave = await lezer.WeergaveAsync(user, dossier, ct, logLezen: false);
        var magGezondheid = await lezer.MagGezondheidAsync(user, ct);

        var rijen = await werkplaats.Lees.Tijdlijn.Where(t => t.DossierId == dossier.Id).OrderBy(t => t.Tijdstip).ThenBy(t => t.Volgnummer).ToListAsync(ct);
        var omkoppelingen = await werkplaats.Lees.Omkoppelingen.Where(o => o.DossierId == dossier.Id && o.BronGemeenteId == gemeente).OrderBy(o => o.AangebodenOp).ToListAsync(ct);
        var namen = (await organisaties.FindManyAsync(rijen.Select(r => r.OrganisatieId).Concat(omkoppelingen.Select(o => o.DoelGemeenteId)).Distinct(), ct))
            .ToDictionary(o => o.Id, o => o.Naam);

        var ontvangers = new List<InzageOntvanger>();
        if (dossier.CoaLocatieId is not null)
        {
            ontvangers.Add(new InzageOntvanger("Centraal Orgaan opvang asielzoekers (COA)", "Warme overdracht vanuit de opvanglocatie", Platform.Tijd.Kalender.BeginVan(dossier.Koppelingsdatum), null));
        }

        ontvangers.AddRange(omkoppelingen.Select(o => new InzageOntvanger(namen.GetValueOrDefault(o.DoelGemeenteId, "?"), "Omkoppeling naar deze gemeente", o.AangebodenOp,
            o.Status switch
            {
                OmkoppelingStatus.Geaccepteerd => "overgenomen",
                OmkoppelingStatus.Geweigerd => "geweigerd",
                OmkoppelingStatus.Ingetrokken => "ingetrokken",
                _ => "aangeboden",
            })));

        // Notes and documents are part of what is held about the person: in the report, health notes only with the health permission.
        var gegevens = JsonSerializer.SerializeToNode(weergave, DossierWerkplaats.Json)!.AsObject();
        var notities = await werkplaats.Lees.Contactmomenten.Where(c => c.DossierId == dossier.Id && (magGezondheid || !c.Gezondheid)).OrderBy(c => c.Datum).ToListAsync(ct);
        gegevens["contactmomenten"] = JsonSerializer.SerializeToNode(notities.Select(c => new { soort = Woorden.Naam(c.Soort), c.Datum, c.Deelnemers, c.TolkTaal, c.Tekst, c.Gezondheid }),
            DossierWerkplaats.Json);
        var documenten = await werkplaats.Lees.Bestanden.Where(b => b.DossierId == dossier.Id).OrderBy(b => b.Datum).ToListAsync(ct);
        gegevens["documenten"] = JsonSerializer.SerializeToNode(documenten.Select(b => new { soort = Woorden.Naam(b.Soort), b.Datum, b.Naam, b.ContentType, b.Grootte }),
            DossierWerkplaats.Json);
        await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "inzage", [dossier.Id], ct);
        return new DossierInzageGegevens(
            new InzageBetrokkene(dossier.Id, dossier.Voornamen + " " + dossier.Achternaam, dossier.VNummer, dossier.Versie, dossier.BeperktSinds),
            JsonSerializer.SerializeToElement(gegevens, DossierWerkplaats.Json),
            [.. rijen.Select(t => new InzageGebeurtenis(t.Tijdstip, t.Soort, Gebeurtenissen.Omschrijving(t.Soort), t.ActorNaam, namen.GetValueOrDefault(t.OrganisatieId, "?"),
                DossierOverzichten.Gegevens(t, magGezondheid)))],
            ontvangers,
            magGezondheid);
    }
}
