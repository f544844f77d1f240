using System.Security.Claims;
using System.Text.Json;
using Inburgering.Modules.Dossiers.Features.Weergave;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Dossiers.Features.Tijdlijn;

internal static class TijdlijnEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/dossiers/{id:guid}/tijdlijn", LeesAsync).WithTags("Dossiers").RequirePermission(Permissions.DossiersLezen)
            .WithSummary("Every change, oldest first: who, for which organisation, when, what, and the section as it became.")
            .Produces<List<TijdlijnRegel>>();

    private static async Task<IResult> LeesAsync(Guid id, ClaimsPrincipal user, DossierLezer lezer, DossierWerkplaats werkplaats, CancellationToken ct)
    {
        var dossier = await lezer.LaadAsync(user, id, ct);
        var rijen = await werkplaats.Db.Tijdlijn.AsNoTracking().Where(t => t.DossierId == dossier.Id)
            .OrderBy(t => t.Tijdstip).ThenBy(t => t.Volgnummer).ToListAsync(ct);
        await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "tijdlijn", [dossier.Id], ct);
        return TypedResults.Ok(rijen.Select(t => new TijdlijnRegel(t.Id, t.Tijdstip, t.Soort, t.ActorId, t.ActorNaam, t.OrganisatieId,
            JsonSerializer.Deserialize<JsonElement>(t.Gegevens))).ToList());
    }
}
