namespace Inburgering.Platform.Authorization;

/// <summary>
/// A permission (<c>Module.Entity.Action</c>) as the module that checks it declares it in its Contracts, with the
/// roles that hold it before a gemeente changes anything. A platform permission is never grantable by a gemeente.
/// </summary>
public sealed record Permissie(string Naam, IReadOnlyList<string> Standaard, bool AlleenPlatform = false);

/// <summary>The platform's own permissions (the job dashboard).</summary>
public static class PlatformPermissies
{
    public const string TakenBekijken = "Platform.Taak.Bekijken";

    public static IReadOnlyList<Permissie> Alle { get; } = [new(TakenBekijken, [Roles.PlatformBeheerder], AlleenPlatform: true)];
}

/// <summary>Every permission of every module, collected once by the host from the module catalog.</summary>
public sealed class PermissieRegister
{
    public PermissieRegister(IEnumerable<Permissie> permissies)
    {
        var lijst = permissies.ToList();
        var dubbel = lijst.GroupBy(p => p.Naam, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (dubbel.Count > 0)
        {
            throw new InvalidOperationException($"Permissions declared twice: {string.Join(", ", dubbel)}.");
        }

        All = lijst.Select(p => p.Naam).ToHashSet(StringComparer.Ordinal);
        Platform = lijst.Where(p => p.AlleenPlatform).Select(p => p.Naam).ToHashSet(StringComparer.Ordinal);
        ByRole = Roles.OrganisationKindOf.Keys.ToDictionary(
            r => r, r => (IReadOnlySet<string>)lijst.Where(p => p.Standaard.Contains(r)).Select(p => p.Naam).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public IReadOnlySet<string> All { get; }

    /// <summary>Platform permissions: never grantable by a gemeente's functioneel beheerder.</summary>
    public IReadOnlySet<string> Platform { get; }

    /// <summary>The national defaults: which permissions a role holds before a gemeente changes anything.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> ByRole { get; }
}
