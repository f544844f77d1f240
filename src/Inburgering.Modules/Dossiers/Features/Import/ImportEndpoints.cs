using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Dossiers.Features.Import;

/// <summary>Binds the import routes to <see cref="KoppelingImporteur"/>; every check lives there.</summary>
internal static class ImportEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var groep = api.MapGroup("/imports").WithTags("Import van koppelingen");
        groep.MapGet("/kolommen", (ClaimsPrincipal user, IKoppelingImport import, CancellationToken ct) => import.KolommenAsync(user, ct))
            .RequirePermission(DossierPermissies.Importeren + PermissionPolicy.AnyOf + DossierPermissies.ImportKolommenBeheren)
            .WithSummary("The column heading each field is read from in this gemeente's TVS export.");
        groep.MapPut("/kolommen", (KolommenInvoer invoer, ClaimsPrincipal user, IKoppelingImport import, CancellationToken ct) => import.BewaarKolommenAsync(user, invoer, ct))
            .RequirePermission(DossierPermissies.ImportKolommenBeheren)
            .WithSummary("Names the columns of the gemeente's TVS export; a field left out keeps its default heading.")
            .ProducesValidationProblem();

        var koppelingen = groep.MapGroup("/koppelingen").RequirePermission(DossierPermissies.Importeren);
        // The file is read only after the permission check: a caller without the right learns nothing from the upload.
        koppelingen.MapPost("/", async (HttpRequest request, ClaimsPrincipal user, IKoppelingImport import, CancellationToken ct) =>
            {
                var bestand = await BestandAsync(request, ct);
                await using var inhoud = bestand?.OpenReadStream() ?? Stream.Null;
                var voorbeeld = await import.BekijkAsync(user, bestand is null ? null : new ImportBestand(bestand.FileName, inhoud, bestand.Length), ct);
                return TypedResults.Created($"/api/v1/imports/koppelingen/{voorbeeld.Id}", voorbeeld);
            })
            .DisableAntiforgery()
            .WithSummary("Uploads a TVS export (CSV or XLSX as multipart 'bestand', at most 20 MB) and reports per row what importing it would do. Stores the file, changes no dossier.")
            .Produces<ImportVoorbeeld>(StatusCodes.Status201Created).ProducesValidationProblem();
        koppelingen.MapGet("/", (ClaimsPrincipal user, IKoppelingImport import, CancellationToken ct) => import.RecentAsync(user, ct))
            .WithSummary("The gemeente's 20 most recent imports.");
        koppelingen.MapGet("/{id:guid}", (Guid id, ClaimsPrincipal user, IKoppelingImport import, CancellationToken ct) => import.StandAsync(user, id, ct))
            .WithSummary("Where an import stands: rows done of all rows, and the count per outcome.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        koppelingen.MapPost("/{id:guid}/start", async (Guid id, bool? brp, ClaimsPrincipal user, IKoppelingImport import, CancellationToken ct) =>
                TypedResults.Accepted($"/api/v1/imports/koppelingen/{id}", await import.StartAsync(user, id, brp ?? false, ct)))
            .WithSummary("Starts the import of a previewed file as a background job. 202; follow it at the Location. brp=true: after each row the person is looked up in the BRP and the registration date taken over.")
            .Produces<ImportStand>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        koppelingen.MapGet("/{id:guid}/verslag", async (Guid id, ClaimsPrincipal user, IKoppelingImport import, CancellationToken ct) =>
                TypedResults.File(await import.VerslagAsync(user, id, ct), Platform.Export.Tabel.CsvType, $"importverslag-{id}.csv"))
            .WithSummary("The report per row (CSV): before the start what the import would do, after it what it did.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>A body that is no readable form is no file: the service refuses it like a missing one.</summary>
    private static async Task<IFormFile?> BestandAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile("bestand") : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
