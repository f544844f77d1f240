using Inburgering.Platform.Authorization;

namespace Inburgering.Modules.Tenancy.Contracts;

/// <summary>The permissions the Tenancy module checks, with the roles that hold them by default.</summary>
public static class TenancyPermissies
{
    public const string InstellingenBeheren = "Tenancy.Instelling.Beheren";
    public const string OrganisatiesBeheren = "Tenancy.Organisatie.Beheren";
    public const string CoaLocatiesBeheren = "Tenancy.CoaLocatie.Beheren";
    public const string TaakstellingenBeheren = "Tenancy.Taakstelling.Beheren";

    public static IReadOnlyList<Permissie> Alle { get; } =
    [
        new(InstellingenBeheren, [Roles.FunctioneelBeheerder]),
        new(OrganisatiesBeheren, [Roles.PlatformBeheerder], AlleenPlatform: true),
        new(CoaLocatiesBeheren, [Roles.PlatformBeheerder], AlleenPlatform: true),
        new(TaakstellingenBeheren, [Roles.PlatformBeheerder], AlleenPlatform: true),
    ];
}
