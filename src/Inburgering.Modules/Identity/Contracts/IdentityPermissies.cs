using Inburgering.Platform.Authorization;

namespace Inburgering.Modules.Identity.Contracts;

/// <summary>The permissions the Identity module checks, with the roles that hold them by default.</summary>
public static class IdentityPermissies
{
    public const string GebruikersBeheren = "Identity.Gebruiker.Beheren";
    public const string RechtenBeheren = "Identity.Recht.Beheren";
    public const string ClientsBeheren = "Identity.Client.Beheren";

    public static IReadOnlyList<Permissie> Alle { get; } =
    [
        new(GebruikersBeheren, [Roles.FunctioneelBeheerder]),
        new(RechtenBeheren, [Roles.FunctioneelBeheerder]),
        new(ClientsBeheren, [Roles.PlatformBeheerder], AlleenPlatform: true),
    ];
}
