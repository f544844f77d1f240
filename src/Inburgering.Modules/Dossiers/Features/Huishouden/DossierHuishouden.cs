using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Weergave;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Dossiers.Features.Huishouden;

/// <summary>
/// The household of a dossier, behind the API and the dossier page alike: members with a dossier are linked by the
/// household id; members without one (minors) are recorded here, each change in the dossier's tijdlijn.
/// </summary>
internal sealed class DossierHuishouden(DossierLezer lezer, DossierWerkplaats werkplaats)
{
    public async Task<HuishoudenWeergave> LeesAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var dossier = await lezer.LaadAsync(user, id, ct, alleenLezen: true, metOnderdelen: false);
        await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "huishouden", [dossier.Id], ct);
        return await lezer.HuishoudenAsync(dossier, ct);
    }

    public async Task<Dossier> VoegLidToeAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, LidInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct)
    {
        var dossier = await lezer.LaadVoorWijzigingAsync(user, id, versie, ct);
        var check = new Invoer(DossierFouten.Validatie, onleesbaar?.Velden);
        var voornamen = check.Tekst(invoer.Voornamen, "voornamen", verplicht: true, max: 200);
        var geboortedatum = check.Verplicht(invoer.Geboortedatum, "geboortedatum");
        var relatie = check.Verplicht(check.Woord<HuishoudenRelatie>(invoer.Relatie, "relatie"), "relatie");
        var vandaag = werkplaats.Vandaag;
        if (relatie == HuishoudenRelatie.Referent)
        {
            check.Fout("relatie", "De referent heeft een eigen dossier: kies partner, kind of overig.");
        }

        if (invoer.Geboortedatum > vandaag)
        {
            check.Fout("geboortedatum", "De geboortedatum ligt in de toekomst.");
        }

        if (invoer.Aankomst is { } aankomst && (aankomst > vandaag || aankomst < dossier.Koppelingsdatum))
        {
            check.Fout("aankomst", "De aankomst van een nareiziger ligt tussen de koppeling van het huishouden en vandaag.");
        }

        check.Klaar();
        var lid = new LidZonderDossier(dossier.HuishoudenId, voornamen!, geboortedatum, relatie, invoer.Aankomst, werkplaats.Nu);
        werkplaats.VoegToe(lid);
        await werkplaats.BewaarAsync(dossier, Gebeurtenissen.LidToegevoegd,
            new { lid.Id, relatie = Woorden.Naam(relatie), minderjarig = lid.Minderjarig(vandaag), nareiziger = invoer.Aankomst is not null, invoer.Aankomst },
            DossierWerkplaats.ActorVan(user), ct);
        return dossier;
    }

    public async Task<Dossier> VerwijderLidAsync(ClaimsPrincipal user, Guid id, Guid lidId, Versievoorwaarde versie, CancellationToken ct)
    {
        var dossier = await lezer.LaadVoorWijzigingAsync(user, id, versie, ct);
        var lid = await werkplaats.LedenZonderDossierVoorWijziging.SingleOrDefaultAsync(l => l.Id == lidId && l.HuishoudenId == dossier.HuishoudenId, ct)
            ?? throw new DomainException(DossierFouten.NietGevonden, "Dit lid hoort niet bij dit huishouden.", StatusCodes.Status404NotFound);
        werkplaats.Verwijder(lid);
        await werkplaats.BewaarAsync(dossier, Gebeurtenissen.LidVerwijderd, new { lid.Id, relatie = Woorden.Naam(lid.Relatie) }, DossierWerkplaats.ActorVan(user), ct);
        return dossier;
    }

}
