using Inburgering.Platform.Tenancy;

namespace Inburgering.Platform.Authorization;

/// <summary>
/// The roles people hold through a membership; each belongs to one kind of organisation. The platform names them,
/// so that every module can say which roles hold its permissions by default without depending on Identity.
/// </summary>
public static class Roles
{
    public const string Klantregisseur = "klantregisseur";
    public const string Teamleider = "teamleider";
    public const string FunctioneelBeheerder = "functioneel-beheerder";

    /// <summary>The gemeente's privacy officer or auditor: reads the logs and makes inzage reports, never works in dossiers.</summary>
    public const string Privacyfunctionaris = "privacyfunctionaris";
    public const string CoaCasemanager = "coa-casemanager";
    public const string RegioCoordinator = "regio-coordinator";
    public const string PlatformBeheerder = "platform-beheerder";

    public static IReadOnlyDictionary<string, OrganisationKind> OrganisationKindOf { get; } = new Dictionary<string, OrganisationKind>
    {
        [Klantregisseur] = OrganisationKind.Gemeente,
        [Teamleider] = OrganisationKind.Gemeente,
        [FunctioneelBeheerder] = OrganisationKind.Gemeente,
        [Privacyfunctionaris] = OrganisationKind.Gemeente,
        [CoaCasemanager] = OrganisationKind.Coa,
        [RegioCoordinator] = OrganisationKind.Regio,
        [PlatformBeheerder] = OrganisationKind.Platform,
    };

    /// <summary>
    /// Roles that need two-factor authentication (BIO): those that read personal data, and the platform beheerder,
    /// who can hand out access to all of it. The regio-coördinator's figures are aggregates, but small ones of
    /// vulnerable people: that role needs it too.
    /// </summary>
    public static IReadOnlySet<string> RequireTwoFactor { get; } = new HashSet<string>
    {
        Klantregisseur, Teamleider, FunctioneelBeheerder, CoaCasemanager, PlatformBeheerder, RegioCoordinator, Privacyfunctionaris,
    };
}
