using Inburgering.Platform.Authorization;

namespace Inburgering.Modules.Documenten.Contracts;

/// <summary>The permissions the Documenten module checks, with the roles that hold them by default.</summary>
public static class DocumentPermissies
{
    public const string SjablonenBeheren = "Documenten.Sjabloon.Beheren";
    public const string Maken = "Documenten.Document.Maken";
    public const string Goedkeuren = "Documenten.Document.Goedkeuren";

    public static IReadOnlyList<Permissie> Alle { get; } =
    [
        new(SjablonenBeheren, [Roles.FunctioneelBeheerder]),
        new(Maken, [Roles.Klantregisseur, Roles.Teamleider]),
        new(Goedkeuren, [Roles.Klantregisseur, Roles.Teamleider]),
    ];
}
