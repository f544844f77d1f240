using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Dossiers.Features.Webhooks;

/// <summary>Binds the webhook routes to <see cref="WebhookBeheer"/>; every check lives there.</summary>
internal static class WebhookEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var groep = api.MapGroup("/webhooks").WithTags("Webhooks").RequirePermission(DossierPermissies.WebhooksBeheren);
        groep.MapGet("/", (ClaimsPrincipal user, IWebhooks webhooks, CancellationToken ct) => webhooks.LijstAsync(user, ct))
            .WithSummary("The gemeente's subscriptions.");
        groep.MapPost("/", async (WebhookInvoer invoer, ClaimsPrincipal user, IWebhooks webhooks, CancellationToken ct) =>
            {
                var gemaakt = await webhooks.MaakAsync(user, invoer, ct);
                return TypedResults.Created($"/api/v1/webhooks/{gemaakt.Webhook.Id}", gemaakt);
            })
            .WithSummary("Subscribes a receiver to event types; the answer holds the signing secret, shown this once.")
            .Produces<WebhookMetGeheim>(StatusCodes.Status201Created).ProducesValidationProblem();
        groep.MapPut("/{id:guid}", (Guid id, WebhookInvoer invoer, ClaimsPrincipal user, IWebhooks webhooks, CancellationToken ct) => webhooks.WijzigAsync(user, id, invoer, ct))
            .WithSummary("Changes name, address, event types or whether it is active.").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        groep.MapDelete("/{id:guid}", async (Guid id, ClaimsPrincipal user, IWebhooks webhooks, CancellationToken ct) =>
            {
                await webhooks.VerwijderAsync(user, id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Ends a subscription; its waiting deliveries are given up.").ProducesProblem(StatusCodes.Status404NotFound);
        groep.MapPost("/{id:guid}/geheim", (Guid id, ClaimsPrincipal user, IWebhooks webhooks, CancellationToken ct) => webhooks.NieuwGeheimAsync(user, id, ct))
            .WithSummary("Rotates the signing secret: the new one is shown once; the previous one signs beside it for a day.").ProducesProblem(StatusCodes.Status404NotFound);
        groep.MapGet("/afleveringen", (string? status, ClaimsPrincipal user, IWebhooks webhooks, CancellationToken ct) => webhooks.AfleveringenAsync(user, status, ct))
            .WithSummary("The 200 most recent deliveries, optionally only wachtend, afgeleverd or dood.").ProducesValidationProblem();
        groep.MapPost("/afleveringen/{id}/opnieuw", (long id, ClaimsPrincipal user, IWebhooks webhooks, CancellationToken ct) => webhooks.OpnieuwAsync(user, id, ct))
            .WithSummary("Puts a dead-lettered delivery back in line.").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
