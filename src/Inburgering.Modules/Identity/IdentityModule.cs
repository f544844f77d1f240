using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Identity.Data;
using Inburgering.Modules.Identity.Features.Accounts;
using Inburgering.Modules.Identity.Features.Gebruikers;
using Inburgering.Modules.Identity.Features.Oidc;
using Inburgering.Modules.Identity.Features.Permissions;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Data;
using Inburgering.Platform.Modularity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Validation.AspNetCore;

namespace Inburgering.Modules.Identity;

/// <summary>People, memberships, roles and permissions, login with two-factor authentication.</summary>
public sealed class IdentityModule : IModule
{
    /// <summary>The default scheme: a bearer token when the request carries one, else the login cookie.</summary>
    public const string CookieOrBearerScheme = "Inburgering";

    public string Name => "Identity";

    public IReadOnlyList<Platform.Authorization.Permissie> Permissies => Contracts.IdentityPermissies.Alle;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<IdentityDbContext>(IdentityDbContext.SchemaName);
        services.AddMemoryCache();
        services.AddHttpContextAccessor();
        services.Configure<AccountOptions>(configuration.GetSection("Identity"));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrBearerScheme;
                o.DefaultChallengeScheme = CookieOrBearerScheme;
                o.DefaultForbidScheme = CookieOrBearerScheme;
            })
            .AddPolicyScheme(CookieOrBearerScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme
                    : IdentityConstants.ApplicationScheme)
            .AddCookie(AccountService.PendingScheme, o =>
            {
                o.Cookie.Name = "__Host-inburgering-pending";
                o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
                o.SlidingExpiration = false;
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(o =>
            {
                o.Cookie.Name = "__Host-inburgering";
                o.LoginPath = "/account/inloggen";
                o.LogoutPath = "/account/uitloggen";
                o.AccessDeniedPath = "/account/geen-toegang";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = ValidateSecurityStampWhenDue;
            }));
        services.ConfigureAll<CookieAuthenticationOptions>(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        });

        services.AddIdentityCore<User>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Tokens.AuthenticatorTokenProvider = ReplayProtectedTotpProvider.Name;
            })
            .AddSignInManager<InburgeringSignInManager>()
            .AddUserStore<Microsoft.AspNetCore.Identity.EntityFrameworkCore.UserOnlyStore<User, IdentityDbContext, Guid>>()
            .AddTokenProvider<ReplayProtectedTotpProvider>(ReplayProtectedTotpProvider.Name)
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<MembershipClaimsFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<DutchIdentityErrors>();
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = TweedeFactor.BehoudMethode;
        });
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, RememberedSessionTickets.Setup>();
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, time) => o.TimeProvider = time);

        services.AddOidcServer(configuration);
        services.AddScoped<IAccountFlow, AccountService>();
        services.AddScoped<IUserAdministration, UserAdministration>();
        services.AddScoped<IPeopleDirectory, PeopleDirectory>();
        services.AddScoped<IGrantAdministration, GrantAdministration>();
        services.AddScoped<IClientAdministration, ClientAdministration>();
        services.AddScoped<Tenancy.Contracts.IBijDeactivering, KoppelingenBijDeactivering>();
        services.AddSingleton<Domain.DefaultGrants>();
        services.AddScoped<PermissionChecker>();
        services.AddScoped<IPermissionChecker>(sp => sp.GetRequiredService<PermissionChecker>());
        services.AddScoped<IPermissionEvaluator>(sp => sp.GetRequiredService<PermissionChecker>());
        services.AddSingleton<IDataSeeder, DemoUserSeeder>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAccountEndpoints();
        endpoints.MapGebruikerEndpoints();
        endpoints.MapRechtenEndpoints();
        endpoints.MapClientEndpoints();
    }

    public void MapProtocolEndpoints(IEndpointRouteBuilder root) => root.MapOidcEndpoints();

    /// <summary>
    /// The same rule as <see cref="SecurityStampValidator"/> (check again once the interval has passed since the cookie was
    /// issued), decided before the validator is resolved: resolving it builds the sign-in manager, user manager and a
    /// database context on every request, which is most of a cookie request's own cost.
    /// </summary>
    private static async Task ValidateSecurityStampWhenDue(CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (await Sessie.VerlopenAsync(context, now))
        {
            return;
        }

        if (context.Properties.IssuedUtc is not { } issued || now - issued > options.ValidationInterval)
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }
    }

    /// <summary>API callers get a status code; people in a browser get the login or no-access page.</summary>
    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
