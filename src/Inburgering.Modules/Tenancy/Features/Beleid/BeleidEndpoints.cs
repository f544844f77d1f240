using System.ComponentModel;
using System.Security.Claims;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Modules.Tenancy.Data;
using Inburgering.Modules.Tenancy.Domain;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Tenancy;
using Inburgering.Platform.Tijd;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Inburgering.Modules.Tenancy.Features.Beleid;

[Description("A gemeente's version of a norm: its value from a date on (today or later), or null to return to the national norm, with the reason.")]
internal sealed record NieuweBeleidsversie(int? Waarde, DateOnly? GeldigVanaf, string? Toelichting);

internal sealed record GemeenteVersieWeergave(Guid Id, int? Waarde, DateOnly GeldigVanaf, string Toelichting, string VastgelegdDoor, DateTimeOffset VastgelegdOp);

internal sealed record BeleidsparameterWeergave(
    string Sleutel, string Omschrijving, string Eenheid, int Minimum, int Maximum, string Bron,
    int HuidigeWaarde, bool HuidigVanGemeente, IReadOnlyList<BeleidsVersie> Landelijk, IReadOnlyList<GemeenteVersieWeergave> Gemeente);

/// <summary>
/// <c>/beheer/beleid</c>: the functioneel beheerder sets the gemeente's own norms, each from a date on. Versions that
/// are already in effect stay as they are, so every deadline computed earlier can still be explained.
/// </summary>
internal static class BeleidEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/beheer/beleid").WithTags("Beheer: beleid").RequirePermission(Permissions.InstellingenBeheren);
        group.MapGet("/", async (IEnumerable<BeleidsparameterDefinitie> definities, IBeleidsregels regels, TenancyDbContext db, ICurrentTenant tenant, TimeProvider time, CancellationToken ct) =>
        {
            Gemeente(tenant);
            var beleid = await regels.VanGemeenteAsync(ct);
            var versies = await db.Beleidsversies.AsNoTracking().OrderBy(v => v.GeldigVanaf).ToListAsync(ct);
            var vandaag = Kalender.Vandaag(time);
            return TypedResults.Ok(definities.OrderBy(d => d.Sleutel, StringComparer.Ordinal)
                .Select(d => Weergave(d, beleid, versies.Where(v => v.Sleutel == d.Sleutel), vandaag)).ToList());
        }).WithSummary("Every norm with its national versions, the gemeente's versions and the value that applies today.");

        group.MapPost("/{sleutel}/versies", async (string sleutel, NieuweBeleidsversie invoer, IEnumerable<BeleidsparameterDefinitie> definities, TenancyDbContext db,
            ICurrentTenant tenant, TimeProvider time, IMemoryCache cache, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var gemeente = Gemeente(tenant);
            var definitie = Definitie(definities, sleutel);
            var vandaag = Kalender.Vandaag(time);
            var fouten = new Dictionary<string, string[]>();
            if (invoer.GeldigVanaf is not { } vanaf)
            {
                fouten["geldigVanaf"] = ["Vul de datum in vanaf wanneer deze waarde geldt."];
            }
            else if (vanaf < vandaag)
            {
                fouten["geldigVanaf"] = ["Een norm geldt vanaf vandaag of later; wat al gold blijft zoals het was."];
            }

            if (invoer.Waarde is { } waarde && (waarde < definitie.Minimum || waarde > definitie.Maximum))
            {
                fouten["waarde"] = [$"Kies {definitie.Minimum} tot en met {definitie.Maximum} {Eenheid(definitie.Eenheid)}, of leeg voor de landelijke norm."];
            }

            var toelichting = invoer.Toelichting?.Trim();
            if (string.IsNullOrEmpty(toelichting))
            {
                fouten["toelichting"] = ["Leg uit waarom de norm verandert; dat blijft bij de geschiedenis."];
            }
            else if (toelichting.Length > 500)
            {
                fouten["toelichting"] = ["Gebruik hoogstens 500 tekens."];
            }

            if (fouten.Count > 0)
            {
                throw new ValidationFailedException(TenancyErrors.Validation, fouten);
            }

            if (await db.Beleidsversies.AnyAsync(v => v.Sleutel == sleutel && v.GeldigVanaf == invoer.GeldigVanaf, ct))
            {
                throw new DomainException(TenancyErrors.PolicyVersionExists, "Voor deze datum is al een versie vastgelegd. Verwijder die eerst als hij nog niet geldt.", StatusCodes.Status409Conflict);
            }

            var versie = new Beleidsversie(sleutel, invoer.Waarde, invoer.GeldigVanaf!.Value, toelichting!, user.FindFirstValue(ClaimTypes.GivenName) ?? user.FindFirstValue(IdentityClaims.UserId) ?? "onbekend", time.GetUtcNow());
            db.Beleidsversies.Add(versie);
            await db.SaveChangesAsync(ct);
            cache.Remove(Beleidsregels.CacheKey(gemeente));
            return TypedResults.Created($"/api/v1/beheer/beleid/{sleutel}/versies/{versie.Id}", Versie(versie));
        }).WithSummary("Adds the gemeente's own version of a norm from a date on (today or later).").ProducesValidationProblem();

        group.MapDelete("/{sleutel}/versies/{id:guid}", async (string sleutel, Guid id, IEnumerable<BeleidsparameterDefinitie> definities, TenancyDbContext db,
            ICurrentTenant tenant, TimeProvider time, IMemoryCache cache, CancellationToken ct) =>
        {
            var gemeente = Gemeente(tenant);
            Definitie(definities, sleutel);
            var versie = await db.Beleidsversies.SingleOrDefaultAsync(v => v.Id == id && v.Sleutel == sleutel, ct)
                ?? throw new DomainException(TenancyErrors.PolicyParameterNotFound, "Deze versie bestaat niet in uw gemeente.", StatusCodes.Status404NotFound);
            if (versie.GeldigVanaf <= Kalender.Vandaag(time))
            {
                throw new DomainException(TenancyErrors.PolicyVersionInEffect, "Deze versie geldt al en blijft bewaard. Leg een nieuwe versie vast vanaf een latere datum.", StatusCodes.Status409Conflict);
            }

            db.Beleidsversies.Remove(versie);
            await db.SaveChangesAsync(ct);
            cache.Remove(Beleidsregels.CacheKey(gemeente));
            return TypedResults.NoContent();
        }).WithSummary("Removes a version that has not taken effect yet.");
    }

    private static BeleidsparameterWeergave Weergave(BeleidsparameterDefinitie d, Contracts.Beleid beleid, IEnumerable<Beleidsversie> eigen, DateOnly vandaag)
    {
        var huidig = beleid.Herkomst(d.Sleutel, vandaag);
        return new BeleidsparameterWeergave(d.Sleutel, d.Omschrijving, Eenheid(d.Eenheid), d.Minimum, d.Maximum, d.Bron, huidig.Waarde, huidig.VanGemeente,
            d.Landelijk, [.. eigen.Select(Versie)]);
    }

    private static GemeenteVersieWeergave Versie(Beleidsversie v) => new(v.Id, v.Waarde, v.GeldigVanaf, v.Toelichting, v.VastgelegdDoor, v.VastgelegdOp);

    private static string Eenheid(BeleidsEenheid eenheid) => eenheid == BeleidsEenheid.Maanden ? "maanden" : "dagen";

    private static BeleidsparameterDefinitie Definitie(IEnumerable<BeleidsparameterDefinitie> definities, string sleutel) =>
        definities.SingleOrDefault(d => d.Sleutel == sleutel)
        ?? throw new DomainException(TenancyErrors.PolicyParameterNotFound, $"Er is geen norm '{sleutel}'.", StatusCodes.Status404NotFound);

    private static Guid Gemeente(ICurrentTenant tenant) =>
        tenant.Id ?? throw new DomainException(TenancyErrors.NotAGemeente, "Normen horen bij een gemeente; u werkt nu niet voor een gemeente.", StatusCodes.Status403Forbidden);
}
