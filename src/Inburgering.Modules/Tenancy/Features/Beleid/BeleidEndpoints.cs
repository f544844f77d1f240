using System.ComponentModel;
using System.Security.Claims;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Tenancy.Features.Beleid;

[Description("A gemeente's version of a norm: its value from a date on (today or later), or null to return to the national norm, with the reason.")]
internal sealed record NieuweBeleidsversie(int? Waarde, DateOnly? GeldigVanaf, string? Toelichting);

/// <summary>
/// <c>/beheer/beleid</c>: the functioneel beheerder sets the gemeente's own norms, each from a date on. Versions that
/// are already in effect stay as they are, so every deadline computed earlier can still be explained.
/// </summary>
internal static class BeleidEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/beheer/beleid").WithTags("Beheer: beleid").RequirePermission(TenancyPermissies.InstellingenBeheren);
        group.MapGet("/", async (IBeleidsbeheer beheer, ClaimsPrincipal user, CancellationToken ct) => TypedResults.Ok(await beheer.LijstAsync(user, ct)))
            .WithSummary("Every norm with its national versions, the gemeente's versions and the value that applies today.");
        group.MapPost("/{sleutel}/versies", async (string sleutel, NieuweBeleidsversie invoer, IBeleidsbeheer beheer, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var versie = await beheer.VoegToeAsync(user, sleutel, invoer.Waarde, invoer.GeldigVanaf, invoer.Toelichting, ct);
                return TypedResults.Created($"/api/v1/beheer/beleid/{sleutel}/versies/{versie.Id}", versie);
            })
            .WithSummary("Adds the gemeente's own version of a norm from a date on (today or later).").ProducesValidationProblem();
        group.MapDelete("/{sleutel}/versies/{id:guid}", async (string sleutel, Guid id, IBeleidsbeheer beheer, ClaimsPrincipal user, CancellationToken ct) =>
            {
                await beheer.VerwijderAsync(user, sleutel, id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Removes a version that has not taken effect yet.");
    }
}
