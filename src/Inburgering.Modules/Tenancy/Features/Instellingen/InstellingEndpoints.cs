using System.Security.Claims;
using System.Text.Json.Serialization;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Tenancy.Features.Instellingen;

internal sealed record InstellingWijziging([property: JsonRequired] string? Waarde);

/// <summary><c>/beheer/instellingen</c>: the functioneel beheerder changes the gemeente's settings, only the declared ones and only to allowed values.</summary>
internal static class InstellingEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/beheer/instellingen").WithTags("Beheer: instellingen").RequirePermission(TenancyPermissies.InstellingenBeheren);
        group.MapGet("/", (IGemeenteInstellingen instellingen, ClaimsPrincipal user, CancellationToken ct) => instellingen.LijstAsync(user, ct))
            .WithSummary("Every setting of the gemeente with its value, default and allowed values.");
        group.MapPut("/{sleutel}", (string sleutel, InstellingWijziging wijziging, IGemeenteInstellingen instellingen, ClaimsPrincipal user, CancellationToken ct) =>
                instellingen.ZetAsync(user, sleutel, wijziging.Waarde, ct))
            .WithSummary("Sets one setting to one of its allowed values.").ProducesValidationProblem();
    }
}
