using System.ComponentModel;
using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Data.Sql;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Inburgering.Modules.Dossiers.Features.Rechten;

[Description("Why the dossier should not exist: dubbel (the person already had one), verkeerde-persoon, verkeerde-gemeente or oefening; with a note without personal data.")]
internal sealed record VerwijderAanvraag(string? Reden, string? Toelichting);

internal sealed record VerwijderVerzoekWeergave(Guid Id, Guid DossierId, string? Naam, string? VNummer, string Reden, string? Toelichting, string Status,
    string AangevraagdDoor, DateTimeOffset AangevraagdOp, string? AfgehandeldDoor, DateTimeOffset? AfgehandeldOp);

/// <summary>
/// Deleting a dossier created by mistake, with four eyes: one person asks with a reason, another decides. Carried
/// out, nothing of the person stays behind; the request stays as a minimal record without personal data.
/// </summary>
internal sealed class Verwijderen(DossierWerkplaats werkplaats, DossierLezer lezer, IPermissionEvaluator rechten, Bestanden.IBestandsopslag bestanden)
{
    public async Task<VerwijderVerzoekWeergave> VraagAanAsync(ClaimsPrincipal user, Guid id, VerwijderAanvraag invoer, CancellationToken ct)
    {
        var check = new Invoer(DossierFouten.Validatie);
        var reden = check.Woord<VerwijderReden>(invoer.Reden, "reden");
        if (invoer.Reden is null)
        {
            check.Fout("reden", "Kies dubbel, verkeerde-persoon, verkeerde-gemeente of oefening.");
        }

        var toelichting = check.Tekst(invoer.Toelichting, "toelichting", max: 500);
        check.Klaar();
        await rechten.VereisAsync(user, DossierPermissies.VerwijderingAanvragen, ct);
        var dossier = await lezer.LaadAsync(user, id, ct, metOnderdelen: false);
        if (await werkplaats.Lees.Verwijderingen.AnyAsync(v => v.DossierId == id && v.Status == VerwijderStatus.Aangevraagd, ct))
        {
            throw new DomainException(DossierFouten.VerwijderingLoopt, "Voor dit dossier loopt al een verzoek tot verwijdering.", StatusCodes.Status409Conflict);
        }

        var actor = DossierWerkplaats.ActorVan(user);
        var verzoek = new Verwijdering(dossier.Id, reden!.Value, toelichting, actor, dossier.AangemaaktOp, werkplaats.Nu);
        werkplaats.VoegToe(verzoek);
        werkplaats.Noteer(dossier.Id, Gebeurtenissen.VerwijderingAangevraagd, new { reden = ApiWoorden.Naam(verzoek.Reden), toelichting }, actor, "verwijdering");
        await werkplaats.SlaOpAsync(ct);
        return Weergave(verzoek, dossier.Voornamen + " " + dossier.Achternaam, dossier.VNummer);
    }

    public async Task<IReadOnlyList<VerwijderVerzoekWeergave>> OpenAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.VerwijderingBesluiten, ct);
        var open = await werkplaats.Lees.Verwijderingen.Where(v => v.Status == VerwijderStatus.Aangevraagd).OrderBy(v => v.AangevraagdOp)
            .Join(werkplaats.Lees.Dossiers, v => v.DossierId, d => d.Id, (v, d) => new { v, Naam = d.Voornamen + " " + d.Achternaam, d.VNummer })
            .ToListAsync(ct);
        await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "verwijdering", [.. open.Select(o => o.v.DossierId)], ct);
        return [.. open.Select(o => Weergave(o.v, o.Naam, o.VNummer))];
    }

    /// <summary>The second person's yes: everything of the person goes in one transaction, with its log entry.</summary>
    public async Task<VerwijderVerzoekWeergave> KeurGoedAsync(ClaimsPrincipal user, Guid verzoekId, CancellationToken ct)
    {
        var (verzoek, actor) = await BesluitAsync(user, verzoekId, ct);
        werkplaats.LogSchrijven(actor, "verwijdering", [verzoek.DossierId]);
        await bestanden.VergeetVanDossierAsync(verzoek.DossierId, ct);
        try
        {
            await werkplaats.InEenTransactieAsync((verbinding, transactie) =>
                VerwijderingSql.VoerUitAsync(verbinding, transactie, verzoek.Id, actor.Id, actor.Naam, werkplaats.Nu, ct), null, ct);
        }
        catch (PostgresException ex) when (ex.SqlState == VerwijderingSql.NietOpen)
        {
            throw new DomainException(DossierFouten.VerwijderingNietGevonden, "Dit verzoek is al afgehandeld.", StatusCodes.Status409Conflict);
        }

        var uitgevoerd = await werkplaats.Lees.Verwijderingen.SingleAsync(v => v.Id == verzoekId, ct);
        return Weergave(uitgevoerd, null, null);
    }

    public async Task<VerwijderVerzoekWeergave> WijsAfAsync(ClaimsPrincipal user, Guid verzoekId, CancellationToken ct)
    {
        var (verzoek, actor) = await BesluitAsync(user, verzoekId, ct);
        verzoek.WijsAf(actor, werkplaats.Nu);
        werkplaats.Noteer(verzoek.DossierId, Gebeurtenissen.VerwijderingAfgewezen, new { verzoek = verzoek.Id }, actor, "verwijdering");
        await werkplaats.SlaOpAsync(ct);
        return Weergave(verzoek, null, null);
    }

    private async Task<(Verwijdering Verzoek, Actor Actor)> BesluitAsync(ClaimsPrincipal user, Guid verzoekId, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.VerwijderingBesluiten, ct);
        var verzoek = await werkplaats.VerwijderingenVoorWijziging.SingleOrDefaultAsync(v => v.Id == verzoekId, ct)
            ?? throw new DomainException(DossierFouten.VerwijderingNietGevonden, "Dit verzoek bestaat niet in uw gemeente.", StatusCodes.Status404NotFound);
        if (verzoek.Status != VerwijderStatus.Aangevraagd)
        {
            throw new DomainException(DossierFouten.VerwijderingNietGevonden, "Dit verzoek is al afgehandeld.", StatusCodes.Status409Conflict);
        }

        var actor = DossierWerkplaats.ActorVan(user);
        if (actor.Id == verzoek.AangevraagdDoorId)
        {
            throw new DomainException(DossierFouten.VierOgen, "Een tweede persoon besluit over de verwijdering, niet degene die haar vroeg.", StatusCodes.Status409Conflict);
        }

        return (verzoek, actor);
    }

    private static VerwijderVerzoekWeergave Weergave(Verwijdering v, string? naam, string? vNummer) => new(v.Id, v.DossierId, naam, vNummer, ApiWoorden.Naam(v.Reden),
        v.Toelichting, ApiWoorden.Naam(v.Status), v.AangevraagdDoorNaam, v.AangevraagdOp, v.AfgehandeldDoorNaam, v.AfgehandeldOp);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/dossiers/{id:guid}/verwijderverzoek", async (Guid id, VerwijderAanvraag invoer, ClaimsPrincipal user, Verwijderen verwijderen, CancellationToken ct) =>
            {
                var verzoek = await verwijderen.VraagAanAsync(user, id, invoer, ct);
                return TypedResults.Created($"/api/v1/verwijderverzoeken/{verzoek.Id}", verzoek);
            })
            .WithTags("Dossiers").RequirePermission(DossierPermissies.VerwijderingAanvragen)
            .WithSummary("Asks for a dossier created by mistake to be deleted, with a reason; a second person decides.").ProducesValidationProblem();
        var groep = api.MapGroup("/verwijderverzoeken").WithTags("Dossiers").RequirePermission(DossierPermissies.VerwijderingBesluiten);
        groep.MapGet("/", async (ClaimsPrincipal user, Verwijderen verwijderen, CancellationToken ct) => TypedResults.Ok(await verwijderen.OpenAsync(user, ct)))
            .WithSummary("Open deletion requests of the gemeente, oldest first.");
        groep.MapPost("/{verzoekId:guid}/goedkeuren", async (Guid verzoekId, ClaimsPrincipal user, Verwijderen verwijderen, CancellationToken ct) =>
                TypedResults.Ok(await verwijderen.KeurGoedAsync(user, verzoekId, ct)))
            .WithSummary("A second person approves: the dossier, its tijdlijn and its letters are deleted; the request stays as a record without personal data.");
        groep.MapPost("/{verzoekId:guid}/afwijzen", async (Guid verzoekId, ClaimsPrincipal user, Verwijderen verwijderen, CancellationToken ct) =>
                TypedResults.Ok(await verwijderen.WijsAfAsync(user, verzoekId, ct)))
            .WithSummary("A second person declines: the dossier stays.");
    }
}
