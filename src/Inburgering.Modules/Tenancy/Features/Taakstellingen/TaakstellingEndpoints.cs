using System.Security.Claims;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Tenancy.Features.Taakstellingen;

/// <summary>The platform beheerder's load of a half-year's quotas: preview first, then load.</summary>
internal static class TaakstellingEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var groep = api.MapGroup("/beheer/taakstellingen").WithTags("Beheer: taakstelling").RequirePermission(TenancyPermissies.TaakstellingenBeheren)
            .DisableAntiforgery();
        // The file is read only after the permission check: a caller without the right learns nothing from the upload.
        groep.MapPost("/voorbeeld", (string? halfjaar, HttpRequest request, ClaimsPrincipal user, ITaakstellingBeheer import, CancellationToken ct) =>
                import.BekijkAsync(user, halfjaar, () => BestandAsync(request, ct), ct))
            .WithSummary("Reads the ministry's table (CSV or XLSX as multipart 'bestand', with ?halfjaar=2024-I) and reports per row what loading it would do; stores nothing.")
            .ProducesValidationProblem();
        groep.MapPost("/", (string? halfjaar, HttpRequest request, ClaimsPrincipal user, ITaakstellingBeheer import, CancellationToken ct) =>
                import.LaadAsync(user, halfjaar, () => BestandAsync(request, ct), ct))
            .WithSummary("Loads the table: every row valid or nothing at all; the same table twice changes nothing (ongewijzigd).")
            .ProducesValidationProblem();
    }

    private static async Task<TaakstellingBestand?> BestandAsync(HttpRequest request, CancellationToken ct) =>
        request.HasFormContentType ? await TaakstellingBestand.LeesAsync((await request.ReadFormAsync(ct)).Files.GetFile("bestand"), ct) : null;
}
