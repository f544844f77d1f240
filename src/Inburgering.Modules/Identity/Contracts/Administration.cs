using System.Text.Json.Serialization;
namespace Inburgering.Modules.Identity.Contracts;

/// <summary>A member as their organisation's beheerder sees them; <c>Uitgenodigd</c>: still to accept, shown as the inviter typed it.</summary>
public sealed record GebruikerView(
    Guid Id, string Naam, string Email, IReadOnlyList<string> Rollen, IReadOnlyList<Guid> CoaLocaties, bool Uitgeschakeld, bool Tweestapsverificatie,
    bool Uitgenodigd = false);

/// <summary>Invite a person to an organisation; an existing identity (same e-mail) gets an extra membership.</summary>
public sealed record Uitnodiging(string? Email, string? Naam, IReadOnlyList<string>? Rollen, IReadOnlyList<Guid>? CoaLocaties);

public sealed record RollenToewijzing([property: JsonRequired] IReadOnlyList<string>? Rollen, [property: JsonRequired] IReadOnlyList<Guid>? CoaLocaties);

/// <summary>Memberships of one organisation, managed by its functioneel beheerder or by the platform beheerder.</summary>
public interface IUserAdministration
{
    Task<IReadOnlyList<GebruikerView>> ListAsync(Guid organisation, CancellationToken cancellationToken);

    Task<GebruikerView> FindAsync(Guid organisation, Guid userId, CancellationToken cancellationToken);

    /// <summary>Sends the invitation (with a link to choose a password) to <paramref name="site"/>'s login pages.</summary>
    Task<GebruikerView> InviteAsync(Guid organisation, Uitnodiging invite, CancellationToken cancellationToken);

    Task<GebruikerView> AssignAsync(Guid organisation, Guid userId, RollenToewijzing change, CancellationToken cancellationToken);

    Task<GebruikerView> SetDisabledAsync(Guid organisation, Guid userId, bool disabled, CancellationToken cancellationToken);
}

public sealed record RolRechten(string Rol, IReadOnlyList<string> Permissies, IReadOnlyList<string> Standaard);

/// <summary>A gemeente's own grants for its roles. Platform permissions can never be granted.</summary>
public interface IGrantAdministration
{
    Task<IReadOnlyList<RolRechten>> ListAsync(CancellationToken cancellationToken);

    Task<RolRechten> SetAsync(string rol, IReadOnlyList<string>? permissies, CancellationToken cancellationToken);
}

/// <summary>A client; <c>GeheimVerlooptOp</c> is when a koppeling's secret stops working (rotate it before then).</summary>
public sealed record ClientView(
    string ClientId, string Naam, string Soort, Guid? OrganisatieId, IReadOnlyList<string> Rollen, IReadOnlyList<string> RedirectUris,
    DateTimeOffset? GeheimVerlooptOp = null);

/// <summary>
/// <c>interactief</c>: a public client (web or app) that signs people in with code + PKCE.
/// <c>koppeling</c>: a confidential integration with client credentials, acting for one organisation with given roles.
/// </summary>
public sealed record ClientRegistratie(
    string? ClientId, string? Naam, string? Soort, Guid? OrganisatieId, IReadOnlyList<string>? Rollen,
    IReadOnlyList<string>? RedirectUris, IReadOnlyList<string>? PostLogoutRedirectUris);

/// <summary>The secret is shown once, at registration; only its hash is stored.</summary>
public sealed record ClientAangemaakt(ClientView Client, string? Secret);

public interface IClientAdministration
{
    Task<IReadOnlyList<ClientView>> ListAsync(CancellationToken cancellationToken);

    Task<ClientAangemaakt> RegisterAsync(ClientRegistratie registratie, CancellationToken cancellationToken);

    Task RemoveAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>A new secret for a koppeling, with a new expiry; the old secret stops at once, tokens already issued run out.</summary>
    Task<ClientAangemaakt> RotateSecretAsync(string clientId, CancellationToken cancellationToken);
}

public static class IdentityErrors
{
    public const string Validation = "Identity:Validation";
    public const string PlatformPermission = "Identity:PlatformPermissionNotGrantable";
    public const string AlreadyMember = "Identity:AlreadyMember";
    public const string UserNotFound = "Identity:UserNotFound";
    public const string RoleNotFound = "Identity:RoleNotFound";
    public const string OrganisationNotFound = "Identity:OrganisationNotFound";
    public const string ClientNotFound = "Identity:ClientNotFound";
    public const string ClientExists = "Identity:ClientExists";
    public const string ClientHasNoSecret = "Identity:ClientHasNoSecret";
}
