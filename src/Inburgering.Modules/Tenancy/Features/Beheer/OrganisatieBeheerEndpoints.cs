using System.Text.Json.Serialization;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Tenancy.Features.Beheer;

/// <summary>A COA location replaced as a whole: <c>actief</c> left out would otherwise reactivate it.</summary>
internal sealed record CoaLocatieWijziging(
    [property: JsonRequired] string? Naam, [property: JsonRequired] string? Soort, [property: JsonRequired] string? Plaats,
    [property: JsonRequired] Guid? RegioId, [property: JsonRequired] bool Actief);

/// <summary>The platform beheerder's register endpoints.</summary>
internal static class OrganisatieBeheerEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var organisaties = api.MapGroup("/beheer/organisaties").WithTags("Beheer: organisaties").RequirePermission(TenancyPermissies.OrganisatiesBeheren);
        organisaties.MapGet("/", (string? soort, bool? actief, string? zoek, IOrganisationAdministration admin, CancellationToken ct) =>
            admin.ListAsync(soort, actief, zoek, ct)).WithSummary("All organisations; filter by soort (Gemeente, Coa, Regio, Platform), actief, zoek.");
        organisaties.MapPost("/{id:guid}/activeren", (Guid id, IOrganisationAdministration admin, CancellationToken ct) =>
            admin.SetActiveAsync(id, actief: true, ct)).WithSummary("Makes a gemeente from the register a tenant.");
        organisaties.MapPost("/{id:guid}/deactiveren", (Guid id, IOrganisationAdministration admin, CancellationToken ct) =>
            admin.SetActiveAsync(id, actief: false, ct));
        organisaties.MapPost("/regios", async (RegioAanmaak aanmaak, IOrganisationAdministration admin, CancellationToken ct) =>
        {
            var regio = await admin.CreateRegioAsync(aanmaak, ct);
            return TypedResults.Created($"/api/v1/beheer/organisaties/{regio.Id}", regio);
        });

        var locaties = api.MapGroup("/beheer/coa-locaties").WithTags("Beheer: COA-locaties").RequirePermission(TenancyPermissies.CoaLocatiesBeheren);
        locaties.MapGet("/", (IOrganisationAdministration admin, CancellationToken ct) => admin.CoaLocatiesAsync(ct));
        locaties.MapPost("/", async (CoaLocatieInvoer invoer, IOrganisationAdministration admin, CancellationToken ct) =>
        {
            var locatie = await admin.SaveCoaLocatieAsync(null, invoer, ct);
            return TypedResults.Created($"/api/v1/beheer/coa-locaties/{locatie.Id}", locatie);
        });
        locaties.MapPut("/{id:guid}", (Guid id, CoaLocatieWijziging wijziging, IOrganisationAdministration admin, CancellationToken ct) =>
            admin.SaveCoaLocatieAsync(id, new CoaLocatieInvoer(wijziging.Naam, wijziging.Soort, wijziging.Plaats, wijziging.RegioId, wijziging.Actief), ct));
    }
}
