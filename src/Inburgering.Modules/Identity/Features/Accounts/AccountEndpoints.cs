using System.Security.Claims;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Identity.Features.Accounts;

internal sealed record AccountResponse(string Subject, string? Naam, AccountOrganisation? Organisatie, IReadOnlyList<string> Rollen, IReadOnlyList<string> Permissies);

internal sealed record AccountOrganisation(Guid Id, string Naam, string Soort);

/// <summary><c>GET /api/v1/account</c>: who the caller is, for which organisation, and what they may do there.</summary>
internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/account", GetAsync)
            .RequireAuthorization(Platform.Authorization.PermissionPolicy.EigenAccount)
            .WithTags("Account")
            .WithSummary("The signed-in person or integration, its active organisation, roles and effective permissions.");

    private static async Task<IResult> GetAsync(ClaimsPrincipal user, IPermissionChecker permissions, IOrganisationDirectory organisations, PermissieRegister register,
        CancellationToken cancellationToken)
    {
        AccountOrganisation? organisation = null;
        if (Guid.TryParse(user.FindFirstValue(PlatformClaims.OrganisationId), out var id)
            && await organisations.FindAsync(id, cancellationToken) is { } found)
        {
            organisation = new AccountOrganisation(found.Id, found.Naam, found.Soort.ToString());
        }

        var granted = new List<string>();
        foreach (var permission in register.All.Order(StringComparer.Ordinal))
        {
            if (await permissions.HasAsync(user, permission, cancellationToken))
            {
                granted.Add(permission);
            }
        }

        return Results.Ok(new AccountResponse(
            user.FindFirstValue(IdentityClaims.UserId) ?? string.Empty,
            user.FindFirstValue(OpenIddict.Abstractions.OpenIddictConstants.Claims.Name) ?? user.FindFirstValue(ClaimTypes.GivenName),
            organisation,
            [.. user.FindAll(IdentityClaims.Role).Select(c => c.Value).Order(StringComparer.Ordinal)],
            granted));
    }
}
