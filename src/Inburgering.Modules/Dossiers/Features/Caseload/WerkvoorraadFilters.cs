using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Dossiers.Features.Caseload;

/// <summary>Saved werkvoorraad views, tenant-owned like everything else: a shared view never leaves its gemeente.</summary>
internal sealed class WerkvoorraadFilters(DossierWerkplaats werkplaats) : IWerkvoorraadFilters
{
    public async Task<IReadOnlyList<OpgeslagenFilter>> LijstAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        // A koppeling (no person) has no views of its own, only the team's shared ones.
        var ik = Guid.TryParse(user.FindFirstValue(IdentityClaims.UserId), out var id) ? id : Guid.Empty;
        var filters = await werkplaats.Lees.WerkvoorraadFilters.Where(f => f.EigenaarId == ik || f.Gedeeld).ToListAsync(ct);
        return [.. filters.OrderBy(f => f.EigenaarId != ik).ThenBy(f => f.Naam, StringComparer.CurrentCultureIgnoreCase).Select(f => Weergave(f, ik))];
    }

    public async Task<OpgeslagenFilter> BewaarAsync(ClaimsPrincipal user, string? naam, WerkvoorraadFilterInstelling filter, bool gedeeld, CancellationToken ct)
    {
        var ik = Ik(user);
        var check = new Invoer(DossierFouten.Validatie);
        var gekozenNaam = check.Tekst(naam, "naam", verplicht: true, max: 80);
        if (filter.Wie is not ("mij" or "team"))
        {
            check.Fout("wie", "Kies mij of team.");
        }

        CaseloadLezer.LeesFilters(check, filter.Fase, filter.Sort, filter.Signaal);
        var zoek = check.Tekst(filter.Q, "q", max: 100);
        if (gekozenNaam is not null && await werkplaats.Lees.WerkvoorraadFilters.AnyAsync(f => f.EigenaarId == ik && f.Naam == gekozenNaam, ct))
        {
            check.Fout("naam", "U heeft al een weergave met deze naam.");
        }

        check.Klaar();
        var nieuw = new WerkvoorraadFilter(ik, DossierWerkplaats.ActorVan(user).Naam, gekozenNaam!, filter.Wie, Leeg(filter.Fase), zoek, Leeg(filter.Signaal), Leeg(filter.Sort),
            gedeeld, werkplaats.Nu);
        werkplaats.VoegToe(nieuw);
        await werkplaats.SlaOpAsync(ct);
        return Weergave(nieuw, ik);
    }

    public async Task VerwijderAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var ik = Guid.TryParse(user.FindFirstValue(IdentityClaims.UserId), out var persoon) ? persoon : Guid.Empty;
        var filter = await werkplaats.FiltersVoorWijziging.SingleOrDefaultAsync(f => f.Id == id && f.EigenaarId == ik, ct)
            ?? throw new DomainException(DossierFouten.NietGevonden, "Deze weergave bestaat niet of is niet van u.", StatusCodes.Status404NotFound);
        werkplaats.Verwijder(filter);
        await werkplaats.SlaOpAsync(ct);
    }

    private static OpgeslagenFilter Weergave(WerkvoorraadFilter f, Guid ik) =>
        new(f.Id, f.Naam, new WerkvoorraadFilterInstelling(f.Wie, f.Fase, f.Q, f.Signaal, f.Sort), f.Gedeeld, f.EigenaarNaam, f.EigenaarId == ik);

    private static string? Leeg(string? waarde) => string.IsNullOrWhiteSpace(waarde) ? null : waarde.Trim();

    private static Guid Ik(ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(IdentityClaims.UserId), out var id)
        ? id
        : throw new DomainException(DossierFouten.AlleenVoorMensen, "Weergaven horen bij mensen; een koppeling bewaart er geen.", StatusCodes.Status409Conflict);
}

internal sealed record FilterAanmaak(string? Naam, string? Wie, string? Fase, string? Q, string? Signaal, string? Sort, bool Gedeeld);

internal static class WerkvoorraadFilterEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var groep = api.MapGroup("/werkvoorraad/filters").WithTags("Dossiers").RequirePermission(DossierPermissies.Lezen);
        groep.MapGet("/", (ClaimsPrincipal user, IWerkvoorraadFilters filters, CancellationToken ct) => filters.LijstAsync(user, ct))
            .WithSummary("The caller's saved werkvoorraad views and those shared with the team. Apply one as the query of GET /dossiers (wie=mij is klantregisseur=me).");
        groep.MapPost("/", async (FilterAanmaak invoer, ClaimsPrincipal user, IWerkvoorraadFilters filters, CancellationToken ct) =>
            {
                var filter = await filters.BewaarAsync(user, invoer.Naam, new WerkvoorraadFilterInstelling(invoer.Wie ?? "mij", invoer.Fase, invoer.Q, invoer.Signaal, invoer.Sort), invoer.Gedeeld, ct);
                return TypedResults.Created($"/api/v1/werkvoorraad/filters/{filter.Id}", filter);
            })
            .WithSummary("Saves a view; gedeeld=true shows it to the whole team of the gemeente.");
        groep.MapDelete("/{id:guid}", async (Guid id, ClaimsPrincipal user, IWerkvoorraadFilters filters, CancellationToken ct) =>
            {
                await filters.VerwijderAsync(user, id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Removes one's own view.");
    }
}
