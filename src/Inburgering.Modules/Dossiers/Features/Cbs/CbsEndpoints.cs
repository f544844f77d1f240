using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Dossiers.Features.Cbs;

/// <summary>Binds the CBS delivery routes to <see cref="CbsAanlevering"/>; every check lives there.</summary>
internal static class CbsEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var cbs = api.MapGroup("/cbs/kwartalen").WithTags("CBS Statistiek Wet Inburgering").RequirePermission(DossierPermissies.CbsLeveren);
        cbs.MapGet("/", (ClaimsPrincipal user, ICbsLevering levering, CancellationToken ct) => levering.KwartalenAsync(user, ct))
            .WithSummary("Every ended quarter since the gemeente's first koppeling (2022-K1 at the earliest), newest first, with its due date and the state of its delivery.");
        cbs.MapPost("/{kwartaal}/levering", (string kwartaal, ClaimsPrincipal user, ICbsLevering levering, CancellationToken ct) => levering.MaakAsync(user, kwartaal, ct))
            .WithSummary("Makes the quarter's delivery file from the dossiers as they stood at its last day; a new version each time.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        cbs.MapGet("/{kwartaal}/levering", async (string kwartaal, ClaimsPrincipal user, ICbsLevering levering, CancellationToken ct) =>
            {
                var (naam, inhoud) = await levering.DownloadAsync(user, kwartaal, ct);
                return TypedResults.File(inhoud, Platform.Export.Tabel.CsvType, naam);
            })
            .WithSummary("Downloads the quarter's latest made delivery (CSV, as made); the download is recorded and logged.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
