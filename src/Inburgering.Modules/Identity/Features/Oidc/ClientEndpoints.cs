using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Identity.Features.Oidc;

/// <summary><c>/beheer/clients</c>: the platform beheerder registers applications and integrations.</summary>
internal static class ClientEndpoints
{
    public static void MapClientEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/beheer/clients").WithTags("Beheer: OIDC-clients").RequirePermission(IdentityPermissies.ClientsBeheren);
        group.MapGet("/", (IClientAdministration clients, CancellationToken ct) => clients.ListAsync(ct));
        group.MapPost("/", async (ClientRegistratie registratie, IClientAdministration clients, CancellationToken ct) =>
        {
            var created = await clients.RegisterAsync(registratie, ct);
            return TypedResults.Created($"/api/v1/beheer/clients/{created.Client.ClientId}", created);
        }).WithSummary("Registers a client. A koppeling's secret is in this response only.");
        group.MapDelete("/{clientId}", async (string clientId, IClientAdministration clients, CancellationToken ct) =>
        {
            await clients.RemoveAsync(clientId, ct);
            return TypedResults.NoContent();
        }).WithSummary("Removes the client with its tokens: its access ends at once.");
        group.MapPost("/{clientId}/geheim", (string clientId, IClientAdministration clients, CancellationToken ct) => clients.RotateSecretAsync(clientId, ct))
            .WithSummary("Rotates a koppeling's secret: the new one is in this response only, the old one stops at once.");
    }
}
