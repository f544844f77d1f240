namespace Inburgering.Modules.Identity.Contracts;

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
