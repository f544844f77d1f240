using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Identity.Contracts;

/// <summary>The roles people hold through a membership; each belongs to one kind of organisation.</summary>
public static class Roles
{
    public const string Klantregisseur = "klantregisseur";
    public const string Teamleider = "teamleider";
    public const string FunctioneelBeheerder = "functioneel-beheerder";
    public const string CoaCasemanager = "coa-casemanager";
    public const string RegioCoordinator = "regio-coordinator";
    public const string PlatformBeheerder = "platform-beheerder";

    public static IReadOnlyDictionary<string, OrganisationKind> OrganisationKindOf { get; } = new Dictionary<string, OrganisationKind>
    {
        [Klantregisseur] = OrganisationKind.Gemeente,
        [Teamleider] = OrganisationKind.Gemeente,
        [FunctioneelBeheerder] = OrganisationKind.Gemeente,
        [CoaCasemanager] = OrganisationKind.Coa,
        [RegioCoordinator] = OrganisationKind.Regio,
        [PlatformBeheerder] = OrganisationKind.Platform,
    };

    /// <summary>
    /// Roles that need two-factor authentication (BIO): those that read personal data, and the platform beheerder,
    /// who can hand out access to all of it. The regio-coördinator sees aggregates only.
    /// </summary>
    public static IReadOnlySet<string> RequireTwoFactor { get; } = new HashSet<string>
    {
        Klantregisseur, Teamleider, FunctioneelBeheerder, CoaCasemanager, PlatformBeheerder,
    };
}

/// <summary>Named permissions (<c>Module.Entity.Action</c>). Endpoints demand these, never roles.</summary>
public static class Permissions
{
    public const string DossiersLezen = "Dossiers.Dossier.Lezen";
    public const string DossiersBewerken = "Dossiers.Dossier.Bewerken";
    public const string DossiersToewijzen = "Dossiers.Dossier.Toewijzen";
    public const string GezondheidLezen = "Dossiers.Gezondheid.Lezen";
    public const string OverdrachtBewerken = "Dossiers.Overdracht.Bewerken";
    public const string MonitoringLezen = "Monitoring.Dashboard.Lezen";
    public const string RegioAggregatenLezen = "Monitoring.Regio.Lezen";
    public const string GebruikersBeheren = "Identity.Gebruiker.Beheren";
    public const string RechtenBeheren = "Identity.Recht.Beheren";
    public const string InstellingenBeheren = "Tenancy.Instelling.Beheren";
    public const string SjablonenBeheren = "Documenten.Sjabloon.Beheren";
    public const string DocumentenMaken = "Documenten.Document.Maken";
    public const string DocumentenGoedkeuren = "Documenten.Document.Goedkeuren";
    public const string OrganisatiesBeheren = "Tenancy.Organisatie.Beheren";
    public const string CoaLocatiesBeheren = "Tenancy.CoaLocatie.Beheren";
    public const string ClientsBeheren = "Identity.Client.Beheren";
    public const string SignalenLezen = "Dossiers.Signaal.Lezen";
    public const string SignalenBehandelen = "Dossiers.Signaal.Behandelen";
    public const string SignalenEvalueren = "Dossiers.Signaal.Evalueren";
    public const string TakenBekijken = "Platform.Taak.Bekijken";

    /// <summary>Platform permissions: never grantable by a gemeente's functioneel beheerder.</summary>
    public static IReadOnlySet<string> Platform { get; } = new HashSet<string>
    {
        OrganisatiesBeheren, CoaLocatiesBeheren, ClientsBeheren, SignalenEvalueren, TakenBekijken,
    };

    public static IReadOnlySet<string> All { get; } = typeof(Permissions).GetFields()
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
}

public interface IPermissionChecker
{
    /// <summary>Whether the active membership of the principal holds the permission. Cached per tenant and role set.</summary>
    Task<bool> HasAsync(System.Security.Claims.ClaimsPrincipal user, string permission, CancellationToken cancellationToken);
}

/// <summary>Claims the Identity module puts on a signed-in principal, beside the platform's organisation claims.</summary>
public static class IdentityClaims
{
    public const string UserId = "sub";
    public const string Role = "role";
    public const string CoaLocatie = "coa_locatie";
    public const string MembershipCount = "memberships";
}
