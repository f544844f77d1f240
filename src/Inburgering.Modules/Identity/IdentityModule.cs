using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Identity.Data;
using Inburgering.Modules.Identity.Features.Accounts;
using Inburgering.Modules.Identity.Features.Permissions;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Data;
using Inburgering.Platform.Modularity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Modules.Identity;

/// <summary>People, memberships, roles and permissions, login with two-factor authentication.</summary>
public sealed class IdentityModule : IModule
{
    public string Name => "Identity";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<IdentityDbContext>(IdentityDbContext.SchemaName);
        services.AddMemoryCache();
        services.AddHttpContextAccessor();
        services.Configure<AccountOptions>(configuration.GetSection("Identity"));

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
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
            }));
        services.ConfigureAll<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.Always;
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
            .AddPasswordValidator<CommonPasswordValidator>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, time) => o.TimeProvider = time);

        services.AddScoped<IAccountFlow, AccountService>();
        services.AddScoped<PermissionChecker>();
        services.AddScoped<IPermissionChecker>(sp => sp.GetRequiredService<PermissionChecker>());
        services.AddScoped<IPermissionEvaluator>(sp => sp.GetRequiredService<PermissionChecker>());
        services.AddSingleton<IDataSeeder, DemoUserSeeder>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
