using System.Security.Claims;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Modules.Tenancy.Data;
using Inburgering.Modules.Tenancy.Domain;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Tenancy;
using Inburgering.Platform.Tijd;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Inburgering.Modules.Tenancy.Features.Beleid;

/// <summary>
/// The functioneel beheerder sets the gemeente's own norms, each from a date on. Versions that are already in effect
/// stay as they are, so every deadline computed earlier can still be explained.
/// </summary>
internal sealed class Beleidsbeheer(IEnumerable<BeleidsparameterDefinitie> definities, IBeleidsregels regels, TenancyDbContext db, ICurrentTenant tenant,
    TimeProvider time, IMemoryCache cache, IPermissionEvaluator toestemming) : IBeleidsbeheer
{
    public async Task<IReadOnlyList<BeleidsparameterOverzicht>> LijstAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        await toestemming.VereisAsync(user, TenancyPermissies.InstellingenBeheren, ct);
        Gemeente();
        var beleid = await regels.VanGemeenteAsync(ct);
        var versies = await db.Beleidsversies.AsNoTracking().OrderBy(v => v.GeldigVanaf).ToListAsync(ct);
        var vandaag = Kalender.Vandaag(time);
        return [.. definities.OrderBy(d => d.Sleutel, StringComparer.Ordinal).Select(d =>
        {
            var huidig = beleid.Herkomst(d.Sleutel, vandaag);
            return new BeleidsparameterOverzicht(d.Sleutel, d.Omschrijving, Eenheid(d.Eenheid), d.Minimum, d.Maximum, d.Bron, huidig.Waarde, huidig.VanGemeente,
                d.Landelijk, [.. versies.Where(v => v.Sleutel == d.Sleutel).Select(Versie)]);
        })];
    }

    public async Task<GemeenteVersie> VoegToeAsync(ClaimsPrincipal user, string sleutel, int? waarde, DateOnly? geldigVanaf, string? toelichting, CancellationToken ct)
    {
        await toestemming.VereisAsync(user, TenancyPermissies.InstellingenBeheren, ct);
        var gemeente = Gemeente();
        var definitie = Definitie(sleutel);
        var vandaag = Kalender.Vandaag(time);
        var fouten = new Invoer(TenancyErrors.Validation);
        if (geldigVanaf is not { } vanaf)
        {
            fouten.Fout("geldigVanaf", "Vul de datum in vanaf wanneer deze waarde geldt.");
        }
        else if (vanaf < vandaag)
        {
            fouten.Fout("geldigVanaf", "Een norm geldt vanaf vandaag of later; wat al gold blijft zoals het was.");
        }

        if (waarde is { } w && (w < definitie.Minimum || w > definitie.Maximum))
        {
            fouten.Fout("waarde", $"Kies {definitie.Minimum} tot en met {definitie.Maximum} {Eenheid(definitie.Eenheid)}, of leeg voor de landelijke norm.");
        }

        var reden = toelichting?.Trim();
        if (string.IsNullOrEmpty(reden))
        {
            fouten.Fout("toelichting", "Leg uit waarom de norm verandert; dat blijft bij de geschiedenis.");
        }
        else if (reden.Length > 500)
        {
            fouten.Fout("toelichting", "Gebruik hoogstens 500 tekens.");
        }

        fouten.Klaar();

        if (await db.Beleidsversies.AnyAsync(v => v.Sleutel == sleutel && v.GeldigVanaf == geldigVanaf, ct))
        {
            throw new DomainException(TenancyErrors.PolicyVersionExists, "Voor deze datum is al een versie vastgelegd. Verwijder die eerst als hij nog niet geldt.", StatusCodes.Status409Conflict);
        }

        var versie = new Beleidsversie(sleutel, waarde, geldigVanaf!.Value, reden!,
            HandelendePartij.Van(user).Naam, time.GetUtcNow());
        db.Beleidsversies.Add(versie);
        await db.SaveChangesAsync(ct);
        cache.Remove(Beleidsregels.CacheKey(gemeente));
        return Versie(versie);
    }

    public async Task VerwijderAsync(ClaimsPrincipal user, string sleutel, Guid id, CancellationToken ct)
    {
        await toestemming.VereisAsync(user, TenancyPermissies.InstellingenBeheren, ct);
        var gemeente = Gemeente();
        Definitie(sleutel);
        var versie = await db.Beleidsversies.SingleOrDefaultAsync(v => v.Id == id && v.Sleutel == sleutel, ct)
            ?? throw new DomainException(TenancyErrors.PolicyParameterNotFound, "Deze versie bestaat niet in uw gemeente.", StatusCodes.Status404NotFound);
        if (versie.GeldigVanaf <= Kalender.Vandaag(time))
        {
            throw new DomainException(TenancyErrors.PolicyVersionInEffect, "Deze versie geldt al en blijft bewaard. Leg een nieuwe versie vast vanaf een latere datum.", StatusCodes.Status409Conflict);
        }

        db.Beleidsversies.Remove(versie);
        await db.SaveChangesAsync(ct);
        cache.Remove(Beleidsregels.CacheKey(gemeente));
    }

    private static GemeenteVersie Versie(Beleidsversie v) => new(v.Id, v.Waarde, v.GeldigVanaf, v.Toelichting, v.VastgelegdDoor, v.VastgelegdOp);

    private static string Eenheid(BeleidsEenheid eenheid) => eenheid switch
    {
        BeleidsEenheid.Maanden => "maanden",
        BeleidsEenheid.AanUit => "(1 = aan, 0 = uit)",
        _ => "dagen",
    };

    private BeleidsparameterDefinitie Definitie(string sleutel) =>
        definities.SingleOrDefault(d => d.Sleutel == sleutel)
        ?? throw new DomainException(TenancyErrors.PolicyParameterNotFound, $"Er is geen norm '{sleutel}'.", StatusCodes.Status404NotFound);

    private Guid Gemeente() => tenant.Vereis("Normen");
}
