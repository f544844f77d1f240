using System.Text.Json.Serialization;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Identity.Features.Permissions;

internal sealed record RechtenWijziging([property: JsonRequired] IReadOnlyList<string>? Permissies);

/// <summary><c>/beheer/rechten</c>: the gemeente's role × permission grid, per role replaceable as a whole.</summary>
internal static class RechtenEndpoints
{
    public static void MapRechtenEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/beheer/rechten").WithTags("Beheer: rechten").RequirePermission(IdentityPermissies.RechtenBeheren);
        group.MapGet("/", (IGrantAdministration grants, CancellationToken ct) => grants.ListAsync(ct))
            .WithSummary("Effective permissions of each gemeente role, beside the national defaults.");
        group.MapPut("/{rol}", (string rol, RechtenWijziging wijziging, IGrantAdministration grants, CancellationToken ct) =>
            grants.SetAsync(rol, wijziging.Permissies, ct))
            .WithSummary("Sets the role's permissions. Platform permissions are refused.");
    }
}
