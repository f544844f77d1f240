using System.Security.Claims;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Monitoring.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Monitoring.Features.Cijfers;

internal static class MonitoringEndpoints
{
    private const string Definities = """
        Cohort: the dossiers with koppelingsdatum in [van, tot]. "In the azc": before the verhuisdatum, or while none is known (a KMG on the day of the move is not in the azc).
        gekoppeld: the cohort size. kennismakingsgesprekInAzc: KMG held in the azc, share of the cohort. scenarioGekozenBijKennismaking: of those, the first
        scenario decision on or before the KMG date. scenarioVerdeling: current scenario 1, 2, 3 or none; aandeelScenario1of2 over the cohort.
        bredeIntakeGestartInAzc: brede intake started in the azc, share of the cohort. tenzijRedenen: per reason code over scenario-3 dossiers.
        participatieInAzc: per kind, at least one activity started in the azc. dagen...: n, median and mean days (first PIP version).
        pipBinnenTermijn: first PIPs set by the gemeente's PIP deadline after the DUO notice or BRP registration (the later one); PIPs without that clock are not judged.
        huisvesting: dossiers with verhuisdatum in [van, tot]: days since koppeling, share within the housing norm; on the peildatum (tot, or today if earlier)
        the number still waiting and their waiting days. trechter: coupled, KMG held, scenario chosen, brede intake started, PIP set.
        """;

    public static void Map(IEndpointRouteBuilder api)
    {
        var groep = api.MapGroup("/monitoring").WithTags("Monitoring");
        var team = groep.MapGroup("/ja-tenzij").RequirePermission(MonitoringPermissies.DashboardLezen);
        team.MapGet("/", (DateOnly? van, DateOnly? tot, Guid? klantregisseurId, Guid? coaLocatieId, ClaimsPrincipal user, IMonitoring m, CancellationToken ct) =>
                m.JaTenzijAsync(user, van, tot, klantregisseurId, ct, coaLocatieId))
            .WithSummary("The pilot's measures for the cohort coupled in [van, tot] (default: the last twelve months), of the gemeente or of one klantregisseur; with coaLocatieId, the pilot's cohort: everyone who lived at that COA location during the period.")
            .WithDescription(Definities);
        team.MapGet("/per-maand", (DateOnly? van, DateOnly? tot, Guid? coaLocatieId, ClaimsPrincipal user, IMonitoring m, CancellationToken ct) => m.PerMaandAsync(user, van, tot, ct, coaLocatieId))
            .WithSummary("Ja-tenzij uptake per month of koppeling.");
        team.MapGet("/per-klantregisseur", (DateOnly? van, DateOnly? tot, Guid? coaLocatieId, ClaimsPrincipal user, IMonitoring m, CancellationToken ct) => m.PerKlantregisseurAsync(user, van, tot, ct, coaLocatieId))
            .WithSummary("The same measures per klantregisseur (null: not assigned).");
        team.MapGet("/dossiers", (DateOnly? van, DateOnly? tot, Guid? klantregisseurId, string? kengetal, Guid? coaLocatieId, ClaimsPrincipal user, IMonitoring m, CancellationToken ct) =>
                m.DossiersAsync(user, van, tot, klantregisseurId, kengetal, ct, coaLocatieId))
            .WithSummary("The dossiers behind one figure: kengetal = " + string.Join(", ", Kengetallen.Alle) + ". The read is logged.");
        groep.MapGet("/export", async (DateOnly? van, DateOnly? tot, string? tabel, string? formaat, Guid? coaLocatieId, ClaimsPrincipal user, IMonitoring m, CancellationToken ct) =>
            {
                if (formaat is not ("csv" or "xlsx"))
                {
                    throw Platform.Errors.Invoer.Afgewezen(MonitoringFouten.Validatie, "formaat", "Kies csv of xlsx.");
                }

                var t = await m.ExportAsync(user, van, tot, tabel, ct, coaLocatieId);
                return formaat == "csv"
                    ? TypedResults.File(t.Csv(), Platform.Export.Tabel.CsvType, t.Naam.Replace(' ', '-') + ".csv")
                    : TypedResults.File(t.Xlsx(), Platform.Export.Tabel.XlsxType, t.Naam.Replace(' ', '-') + ".xlsx");
            })
            .RequirePermission(MonitoringPermissies.DashboardLezen).RequireRateLimiting(Platform.Http.Verzoekbeleid.Zwaar)
            .WithSummary("A dashboard table as CSV or XLSX with Dutch headers: tabel=kengetallen|per-maand|per-klantregisseur, formaat=csv|xlsx. Logged with the dossiers it covers.");
        groep.MapGet("/taakstelling", (string? halfjaar, ClaimsPrincipal user, IMonitoring m, CancellationToken ct) => m.TaakstellingAsync(user, halfjaar, ct))
            .RequirePermission(MonitoringPermissies.DashboardLezen)
            .WithSummary("The half-year housing quota (halfjaar=2023-II) against the number housed with their verhuisdatum in that half-year.");
        groep.MapGet("/regio/{regioId:guid}/ja-tenzij", (Guid regioId, string? periode, string? halfjaar, HttpContext http, ClaimsPrincipal user, IMonitoring m, CancellationToken ct) =>
                // A window of one's own choosing is what made figures subtractable: refused by name, not ignored.
                http.Request.Query.ContainsKey("van") || http.Request.Query.ContainsKey("tot")
                    ? throw Platform.Errors.Invoer.Afgewezen(MonitoringFouten.Validatie, "periode", "Regionale cijfers zijn er per maand, kwartaal of halfjaar: gebruik periode, niet van en tot.")
                    : m.RegioAsync(user, regioId, periode, halfjaar, ct))
            .RequirePermission(MonitoringPermissies.RegioLezen)
            .WithSummary("For the regio-coördinator of this regio: the same measures per gemeente for a fixed periode (2025-03, 2025-K1 or 2025-H1; default the current quarter), counts below 5 suppressed (null, onderdrukt), the others rounded to a multiple of 5, a second cell suppressed where one could be derived; optional halfjaar adds taakstelling realisation. No personal data and no dossier ids. Logged and rate limited.");
    }
}
