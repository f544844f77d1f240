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

/// <summary>Met when the principal holds any one of the permissions.</summary>
internal sealed class PermissionRequirement(string permissions) : IAuthorizationRequirement
{
    public IReadOnlyList<string> Permissions { get; } = permissions.Split(PermissionPolicy.AnyOf);
}

internal sealed class PermissionAuthorizationHandler(IPermissionEvaluator evaluator) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        foreach (var permission in requirement.Permissions)
        {
            if (await evaluator.HasAsync(context.User, permission, CancellationToken.None))
            {
                context.Succeed(requirement);
                return;
            }
        }
    }
}

/// <summary>Policies named <c>perm:&lt;permission&gt;</c> are built on demand, so endpoints name permissions, never roles.</summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public const string Prefix = PermissionPolicy.Prefix;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, AuthorizationPolicy> _built = new(StringComparer.Ordinal);

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName is PermissionPolicy.EigenAccount or PermissionPolicy.Ingelogd)
        {
            var standaard = await GetDefaultPolicyAsync();
            return _built.GetOrAdd(policyName, new AuthorizationPolicyBuilder(standaard.AuthenticationSchemes.ToArray()).RequireAuthenticatedUser().Build());
        }

        if (!policyName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return await base.GetPolicyAsync(policyName);
        }

        if (_built.TryGetValue(policyName, out var policy))
        {
            return policy;
        }

        var fallback = await GetDefaultPolicyAsync();
        return _built.GetOrAdd(policyName, new AuthorizationPolicyBuilder(fallback.AuthenticationSchemes.ToArray())
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(policyName[Prefix.Length..]))
            .Build());
    }
}

/// <summary>Policy names for pages: <c>[Authorize(Policy = PermissionPolicy.Prefix + Permissions.X)]</c>.</summary>
public static class PermissionPolicy
{
    public const string Prefix = "perm:";

    public const char AnyOf = '|';

    /// <summary>
    /// Signed in, for the caller's own account or session only (their e-mail preference, the organisation switcher): no
    /// permission can be named because everyone may manage their own. Saying so is explicit, never the default.
    /// </summary>
    public const string EigenAccount = "eigen-account";

    /// <summary>Signed in, whoever: for what describes the product and holds no one's data (the API's description).</summary>
    public const string Ingelogd = "ingelogd";
}

public static class PermissionEndpointExtensions
{
    /// <summary>Demands one of <paramref name="permissions"/> (usually one).</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, params string[] permissions)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(PermissionPolicyProvider.Prefix + string.Join(PermissionPolicy.AnyOf, permissions));
}

/// <summary>The check a use case makes itself, so no caller (endpoint, page, job) can forget it.</summary>
public static class Toestemming
{
    public static async Task VereisAsync(this IPermissionEvaluator evaluator, ClaimsPrincipal user, string permission, CancellationToken cancellationToken)
    {
        if (!await evaluator.HasAsync(user, permission, cancellationToken))
        {
            throw new Errors.DomainException(Errors.PlatformErrors.Forbidden, "U heeft geen recht op deze handeling.", Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden);
        }
    }
}
