using Inburgering.Platform.Authorization;

namespace Inburgering.Modules.Auditing.Contracts;

/// <summary>The permissions the Auditing module checks, with the roles that hold them by default.</summary>
public static class AuditingPermissies
{
    /// <summary>The gemeente's admin trail: who changed users, grants, policies, templates and settings.</summary>
    public const string BeheerlogLezen = "Auditing.Beheerlog.Lezen";

    /// <summary>The platform's own admin trail: organisations, COA locations, quotas, platform memberships.</summary>
    public const string PlatformlogLezen = "Auditing.Platformlog.Lezen";

    /// <summary>The gemeente's processing log, its chain check and the register of processing activities.</summary>
    public const string LogboekLezen = "Auditing.Logboek.Lezen";

    /// <summary>The module's code for refused input (every invalid field, 400).</summary>
    public const string Validatie = "Auditing:Validation";

    public static IReadOnlyList<Permissie> Alle { get; } =
    [
        new(BeheerlogLezen, [Roles.FunctioneelBeheerder, Roles.Privacyfunctionaris]),
        new(PlatformlogLezen, [Roles.PlatformBeheerder], AlleenPlatform: true),
        new(LogboekLezen, [Roles.Privacyfunctionaris]),
    ];
}
