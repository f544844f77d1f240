using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Modules.Identity.Features.Gebruikers;

/// <summary>
/// <c>/beheer/gebruikers</c>: the functioneel beheerder's own gemeente. <c>/beheer/organisaties/{id}/gebruikers</c>:
/// the platform beheerder, for any organisation (a new gemeente's first beheerder, COA, a regio).
/// </summary>
internal static class GebruikerEndpoints
{
    public static void MapGebruikerEndpoints(this IEndpointRouteBuilder api)
    {
        var eigen = api.MapGroup("/beheer/gebruikers").WithTags("Beheer: gebruikers").RequirePermission(IdentityPermissies.GebruikersBeheren);
        Map(eigen, http => http.RequestServices.GetRequiredService<ICurrentTenant>().Vereis("Gebruikersbeheer"));

        var platform = api.MapGroup("/beheer/organisaties/{organisatieId:guid}/gebruikers").WithTags("Beheer: organisaties")
            .RequirePermission(TenancyPermissies.OrganisatiesBeheren);
        Map(platform, http => Guid.Parse((string)http.GetRouteValue("organisatieId")!));
    }

    private static void Map(RouteGroupBuilder group, Func<HttpContext, Guid> organisationOf)
    {
        group.MapGet("/", (HttpContext http, IUserAdministration admin, CancellationToken ct) =>
            admin.ListAsync(organisationOf(http), ct)).WithSummary("Members of the organisation, with roles and status.");
        group.MapGet("/{id:guid}", (Guid id, HttpContext http, IUserAdministration admin, CancellationToken ct) =>
            admin.FindAsync(organisationOf(http), id, ct));
        group.MapPost("/", async (Uitnodiging invite, HttpContext http, IUserAdministration admin, CancellationToken ct) =>
        {
            var created = await admin.InviteAsync(organisationOf(http), invite, ct);
            return TypedResults.Created($"{http.Request.Path.Value!.TrimEnd('/')}/{created.Id}", created);
        }).WithSummary("Invites a person by e-mail; an existing identity gets an extra membership.");
        group.MapPut("/{id:guid}/rollen", (Guid id, RollenToewijzing change, HttpContext http, IUserAdministration admin, CancellationToken ct) =>
            admin.AssignAsync(organisationOf(http), id, change, ct));
        group.MapPost("/{id:guid}/uitschakelen", (Guid id, HttpContext http, IUserAdministration admin, CancellationToken ct) =>
            admin.SetDisabledAsync(organisationOf(http), id, disabled: true, ct)).WithSummary("Access ends within a minute; tokens at once.");
        group.MapPost("/{id:guid}/inschakelen", (Guid id, HttpContext http, IUserAdministration admin, CancellationToken ct) =>
            admin.SetDisabledAsync(organisationOf(http), id, disabled: false, ct));
    }
}
