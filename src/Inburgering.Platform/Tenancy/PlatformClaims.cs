namespace Inburgering.Platform.Tenancy;

/// <summary>Claims that carry the active organisation in cookies and access tokens.</summary>
public static class PlatformClaims
{
    public const string OrganisationId = "org_id";
    public const string OrganisationKind = "org_kind";
    public const string TenantHintHeader = "X-Inburgering-Tenant";
}

public enum OrganisationKind
{
    Gemeente = 1,
    Coa = 2,
    Regio = 3,
    Platform = 4,
}
