using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Identity.Data;
using Inburgering.Modules.Identity.Domain;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Data;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Modules.Identity.Features.Accounts;

/// <summary>Demo logins for Development (Identity:SeedDemoUsers); listed in the README. Idempotent.</summary>
internal sealed class DemoUserSeeder(IConfiguration configuration, TimeProvider time) : IDataSeeder
{
    public const string Domain = "demo.inburgering.nl";
    public const string Password = "Demo-wachtwoord-2026";

    /// <summary>A demo integration for Almelo, so the README's curl walkthrough runs against a fresh Development start.</summary>
    public const string DemoClientId = "demo-almelo";
    public const string DemoClientSecret = "demo-geheim-almelo-2026";

    private static readonly string[] DemoGemeenten = ["almelo", "enschede", "tilburg", "oisterwijk"];

    public int Order => 10;

    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Identity:SeedDemoUsers"))
        {
            return;
        }

        var directory = services.GetRequiredService<IOrganisationDirectory>();
        var locaties = (await directory.CoaLocatiesAsync(cancellationToken)).ToDictionary(l => l.Naam, l => l.Id);
        async Task<OrganisationSummary> Org(string slug) =>
            await directory.FindBySlugAsync(slug, cancellationToken) ?? throw new InvalidOperationException($"Organisation {slug} is not in the register.");

        foreach (var slug in DemoGemeenten)
        {
            var gemeente = await Org(slug);
            await EnsureAsync(services, $"kr.{slug}", $"Klantregisseur {gemeente.Naam}", [(gemeente, [Roles.Klantregisseur], null)]);
            await EnsureAsync(services, $"tl.{slug}", $"Teamleider {gemeente.Naam}", [(gemeente, [Roles.Teamleider], null)]);
            await EnsureAsync(services, $"fb.{slug}", $"Functioneel beheerder {gemeente.Naam}", [(gemeente, [Roles.FunctioneelBeheerder], null)]);
            await EnsureAsync(services, $"pf.{slug}", $"Privacyfunctionaris {gemeente.Naam}", [(gemeente, [Roles.Privacyfunctionaris], null)]);
        }

        await EnsureAsync(services, "kr.regio", "Klantregisseur regionale dienst",
            [(await Org("tilburg"), [Roles.Klantregisseur], null), (await Org("oisterwijk"), [Roles.Klantregisseur], null)]);
        var coa = await Org("coa");
        await EnsureAsync(services, "cm.oisterwijk", "COA casemanager azc Oisterwijk", [(coa, [Roles.CoaCasemanager], [locaties["azc Oisterwijk"]])]);
        await EnsureAsync(services, "cm.twente", "COA casemanager Twente", [(coa, [Roles.CoaCasemanager], [locaties["azc Almelo"], locaties["azc Enschede"]])]);
        await EnsureAsync(services, "rc.hartvanbrabant", "Regio-coördinator Hart van Brabant", [(await Org("regio-hart-van-brabant"), [Roles.RegioCoordinator], null)]);
        await EnsureAsync(services, "beheer", "Platformbeheerder", [(await Org("platform"), [Roles.PlatformBeheerder], null)]);

        var clients = services.GetRequiredService<OpenIddict.Abstractions.IOpenIddictApplicationManager>();
        if (await clients.FindByClientIdAsync(DemoClientId, cancellationToken) is null)
        {
            var almelo = await Org("almelo");
            var descriptor = new OpenIddict.Abstractions.OpenIddictApplicationDescriptor
            {
                ClientId = DemoClientId,
                ClientSecret = DemoClientSecret,
                ClientType = OpenIddict.Abstractions.OpenIddictConstants.ClientTypes.Confidential,
                DisplayName = "Demo-koppeling Almelo",
                Permissions =
                {
                    OpenIddict.Abstractions.OpenIddictConstants.Permissions.Endpoints.Token,
                    OpenIddict.Abstractions.OpenIddictConstants.Permissions.GrantTypes.ClientCredentials,
                    OpenIddict.Abstractions.OpenIddictConstants.Permissions.Prefixes.Scope + Oidc.OidcServer.ApiScope,
                },
            };
            foreach (var (name, value) in Oidc.TokenPrincipals.ClientProperties(almelo.Id, almelo.Soort, [Roles.Klantregisseur, Roles.Teamleider]))
            {
                descriptor.Properties[name] = value;
            }

            await clients.CreateAsync(descriptor, cancellationToken);
        }
    }

    private async Task EnsureAsync(IServiceProvider services, string local, string naam, (OrganisationSummary Org, string[] Rollen, Guid[]? Locaties)[] memberships)
    {
        var users = services.GetRequiredService<UserManager<User>>();
        var db = services.GetRequiredService<IdentityDbContext>();
        var email = $"{local}@{Domain}";
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new User { UserName = email, Email = email, EmailConfirmed = true, Naam = naam };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Demo user not created: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            }
        }

        foreach (var (org, rollen, locaties) in memberships)
        {
            if (!await db.Memberships.AnyAsync(m => m.UserId == user.Id && m.OrganisationId == org.Id))
            {
                db.Memberships.Add(new Membership(user.Id, org.Id, org.Soort, rollen, locaties, time.GetUtcNow()));
            }
        }

        await db.SaveChangesAsync();
    }
}
