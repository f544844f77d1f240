using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace Inburgering.Platform.Authorization;

/// <summary>Decides whether the principal's active membership holds a named permission (implemented by the Identity module).</summary>
public interface IPermissionEvaluator
{
    Task<bool> HasAsync(ClaimsPrincipal user, string permission, CancellationToken cancellationToken);
}

internal sealed class PermissionRequirement(string permission) : IAuthorizationRequirement
{
    public string Permission { get; } = permission;
}

internal sealed class PermissionAuthorizationHandler(IPermissionEvaluator evaluator) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && await evaluator.HasAsync(context.User, requirement.Permission, CancellationToken.None))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>Policies named <c>perm:&lt;permission&gt;</c> are built on demand, so endpoints name permissions, never roles.</summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public const string Prefix = PermissionPolicy.Prefix;

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (!policyName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return await base.GetPolicyAsync(policyName);
        }

        var fallback = await GetDefaultPolicyAsync();
        return new AuthorizationPolicyBuilder(fallback.AuthenticationSchemes.ToArray())
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(policyName[Prefix.Length..]))
            .Build();
    }
}

/// <summary>Policy names for pages: <c>[Authorize(Policy = PermissionPolicy.Prefix + Permissions.X)]</c>.</summary>
public static class PermissionPolicy
{
    public const string Prefix = "perm:";
}

public static class PermissionEndpointExtensions
{
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(PermissionPolicyProvider.Prefix + permission);
}
