using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Dossiers.Features.Monitoring;

internal static class MonitoringEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var groep = api.MapGroup("/monitoring").WithTags("Monitoring");
        var team = groep.MapGroup("/ja-tenzij").RequirePermission(Permissions.MonitoringLezen);
        team.MapGet("/", (DateOnly? van, DateOnly? tot, Guid? klantregisseurId, ClaimsPrincipal user, IMonitoring m, CancellationToken ct) => m.JaTenzijAsync(user, van, tot, klantregisseurId, ct))
            .WithSummary("The pilot's measures for the cohort coupled in [van, tot] (default: the last twelve months), of the gemeente or of one klantregisseur. Definitions: README, Monitoring.");
        team.MapGet("/per-maand", (DateOnly? van, DateOnly? tot, ClaimsPrincipal user, IMonitoring m, CancellationToken ct) => m.PerMaandAsync(user, van, tot, ct))
            .WithSummary("Ja-tenzij uptake per month of koppeling.");
        team.MapGet("/per-klantregisseur", (DateOnly? van, DateOnly? tot, ClaimsPrincipal user, IMonitoring m, CancellationToken ct) => m.PerKlantregisseurAsync(user, van, tot, ct))
            .WithSummary("The same measures per klantregisseur (null: not assigned).");
        team.MapGet("/dossiers", (DateOnly? van, DateOnly? tot, Guid? klantregisseurId, string? kengetal, ClaimsPrincipal user, IMonitoring m, CancellationToken ct) =>
                m.DossiersAsync(user, van, tot, klantregisseurId, kengetal, ct))
            .WithSummary("The dossiers behind one figure: kengetal = " + string.Join(", ", Kengetallen.Alle) + ". The read is logged.");
        groep.MapGet("/export", async (DateOnly? van, DateOnly? tot, string? tabel, string? formaat, ClaimsPrincipal user, IMonitoring m, CancellationToken ct) =>
            {
                if (formaat is not ("csv" or "xlsx"))
                {
                    throw new Platform.Errors.ValidationFailedException("Dossiers:Validation", new Dictionary<string, string[]> { ["formaat"] = ["Kies csv of xlsx."] });
                }

                var t = await m.ExportAsync(user, van, tot, tabel, ct);
                return formaat == "csv"
                    ? TypedResults.File(t.Csv(), Platform.Export.Tabel.CsvType, t.Naam.Replace(' ', '-') + ".csv")
                    : TypedResults.File(t.Xlsx(), Platform.Export.Tabel.XlsxType, t.Naam.Replace(' ', '-') + ".xlsx");
            })
            .RequirePermission(Permissions.MonitoringLezen)
            .WithSummary("A dashboard table as CSV or XLSX with Dutch headers: tabel=kengetallen|per-maand|per-klantregisseur, formaat=csv|xlsx. Logged with the dossiers it covers.");
        groep.MapGet("/taakstelling", (string? halfjaar, ClaimsPrincipal user, IMonitoring m, CancellationToken ct) => m.TaakstellingAsync(user, halfjaar, ct))
            .RequirePermission(Permissions.MonitoringLezen)
            .WithSummary("The half-year housing quota (halfjaar=2023-II) against the number housed with their verhuisdatum in that half-year.");
        groep.MapGet("/regio/{regioId:guid}/ja-tenzij", (Guid regioId, DateOnly? van, DateOnly? tot, string? halfjaar, ClaimsPrincipal user, IMonitoring m, CancellationToken ct) =>
                m.RegioAsync(user, regioId, van, tot, halfjaar, ct))
            .RequirePermission(Permissions.RegioAggregatenLezen)
            .WithSummary("For the regio-coördinator of this regio: the same measures per gemeente, counts below 5 suppressed (null, onderdrukt); optional halfjaar adds taakstelling realisation. No personal data and no dossier ids.");
    }
}
