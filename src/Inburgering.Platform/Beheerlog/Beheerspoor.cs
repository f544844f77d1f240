using System.Text.Json;
using System.Text.Json.Serialization;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Inburgering.Platform.Beheerlog;

/// <summary>
/// The admin-trail view of one save: which administered rows change, with their values before the save; the values
/// after and generated keys are read once the save has run, inside the same transaction.
/// </summary>
internal sealed class Beheerspoor
{
    /// <summary>Bookkeeping of sign-in and sessions: changes by the person's own use, not administration.</summary>
    private static readonly HashSet<string> Boekhouding = new(StringComparer.Ordinal)
    {
        "AccessFailedCount", "LockoutEnd", "SecurityStamp", "ConcurrencyStamp", "LaatsteTotpStap", "ActieveOrganisatieId",
        "NormalizedEmail", "NormalizedUserName",
    };

    /// <summary>When a row was last changed: shown beside a real change, never a change by itself.</summary>
    private static readonly HashSet<string> Tijdstempels = new(StringComparer.Ordinal) { "GewijzigdOp" };

    /// <summary>Secrets: the trail says that they changed, never what they are.</summary>
    private static readonly HashSet<string> Geheim = new(StringComparer.Ordinal) { "PasswordHash", "WachtwoordVersleuteld", "ClientSecret" };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DictionaryKeyPolicy = JsonNamingPolicy.CamelCase, Converters = { new JsonStringEnumConverter() } };

    private readonly List<(EntityEntry Entry, string Onderwerp, EntityState Staat, Guid? Gemeente, Dictionary<string, object?>? Voor)> _rijen = [];

    private readonly DbContext _context;

    private Beheerspoor(DbContext context) => _context = context;

    public bool Leeg => _rijen.Count == 0;

    public static Beheerspoor Volg(DbContext context, IReadOnlyDictionary<Type, string> beheerd, Func<EntityEntry, Guid?> gemeente)
    {
        var spoor = new Beheerspoor(context);
        if (beheerd.Count == 0)
        {
            return spoor;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !beheerd.TryGetValue(entry.Metadata.ClrType, out var onderwerp))
            {
                continue;
            }

            var gewijzigd = entry.State == EntityState.Modified ? Velden(entry).Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList() : [];
            if (entry.State == EntityState.Modified && gewijzigd.All(p => Tijdstempels.Contains(p.Metadata.Name)))
            {
                continue;
            }

            var voor = entry.State switch
            {
                EntityState.Modified => Waarden(gewijzigd, p => p.OriginalValue),
                EntityState.Deleted => Waarden(Velden(entry), p => p.OriginalValue),
                _ => null,
            };
            spoor._rijen.Add((entry, onderwerp, entry.State, gemeente(entry), voor));
        }

        return spoor;
    }

    public IReadOnlyList<Beheerwijziging> Wijzigingen(TimeProvider? tijd)
    {
        var nu = (tijd ?? TimeProvider.System).GetUtcNow();
        var gebruiker = _context.GetService<IHttpContextAccessor>()?.HttpContext?.User;
        var actor = gebruiker?.Identity?.IsAuthenticated == true ? HandelendePartij.Van(gebruiker) : null;
        return [.. _rijen.Select(r =>
        {
            var sleutel = string.Join('/', r.Entry.Metadata.FindPrimaryKey()!.Properties.Select(p => r.Entry.Property(p.Name).CurrentValue?.ToString()));
            var na = r.Staat switch
            {
                EntityState.Added => Waarden(Velden(r.Entry), p => p.CurrentValue),
                EntityState.Modified => Waarden(Velden(r.Entry).Where(p => r.Voor!.ContainsKey(p.Metadata.Name)), p => p.CurrentValue),
                _ => null,
            };
            return new Beheerwijziging(Guid.CreateVersion7(nu), r.Gemeente, nu, actor?.Id ?? "systeem", actor?.Naam ?? "Systeem",
                actor is null || actor.OrganisatieId == Guid.Empty ? null : actor.OrganisatieId, r.Onderwerp, sleutel,
                r.Staat switch { EntityState.Added => "toegevoegd", EntityState.Deleted => "verwijderd", _ => "gewijzigd" },
                r.Voor is null ? null : JsonSerializer.Serialize(r.Voor, Json), na is null ? null : JsonSerializer.Serialize(na, Json));
        })];
    }

    private static IEnumerable<PropertyEntry> Velden(EntityEntry entry) =>
        entry.Properties.Where(p => !Boekhouding.Contains(p.Metadata.Name) && !p.Metadata.IsShadowProperty());

    private static Dictionary<string, object?> Waarden(IEnumerable<PropertyEntry> velden, Func<PropertyEntry, object?> waarde) =>
        velden.ToDictionary(p => p.Metadata.Name, p => Geheim.Contains(p.Metadata.Name) || p.Metadata.Name.EndsWith("Versleuteld", StringComparison.Ordinal) ? (waarde(p) is null ? null : "(geheim)") : waarde(p), StringComparer.Ordinal);
}
