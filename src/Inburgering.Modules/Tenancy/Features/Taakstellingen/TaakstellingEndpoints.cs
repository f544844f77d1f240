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

    private static async Task<TaakstellingBestand?> BestandAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType || (await request.ReadFormAsync(ct)).Files.GetFile("bestand") is not { } bestand)
        {
            return null;
        }

        // One byte over the limit is enough to refuse it.
        var inhoud = new MemoryStream();
        await using var stroom = bestand.OpenReadStream();
        await CopyAtMostAsync(stroom, inhoud, TaakstellingBestand.MaxBytes + 1, ct);
        return new TaakstellingBestand(bestand.FileName, inhoud.ToArray());
    }

    private static async Task CopyAtMostAsync(Stream bron, Stream doel, int max, CancellationToken ct)
    {
        var buffer = new byte[81920];
        int gelezen;
        while (doel.Length < max && (gelezen = await bron.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, max - doel.Length)), ct)) > 0)
        {
            await doel.WriteAsync(buffer.AsMemory(0, gelezen), ct);
        }
    }
}
