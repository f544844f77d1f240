using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Identity.Domain;
using Inburgering.Modules.Tenancy.Data.ReferenceData;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.IntegrationTests.Identity;

/// <summary>
/// Every role against every endpoint that demands a permission, found in the app's own routing table: a role gets
/// through exactly where its default grants say so, and 403 everywhere else.
/// </summary>
public sealed partial class AccessMatrixTests(AppFixture app) : IClassFixture<AppFixture>
{
    public static TheoryData<string> AllRoles() => [.. Roles.OrganisationKindOf.Keys];

    [Fact]
    public void Every_endpoint_is_anonymous_on_purpose_or_demands_sign_in()
    {
        var unguarded = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Select(e => e.RoutePattern.RawText)
            .Where(p => p is not null && (p.StartsWith("/api/v1/", StringComparison.Ordinal) || p.StartsWith("/beheer", StringComparison.Ordinal) || p.StartsWith("api/v1/", StringComparison.Ordinal) || p.StartsWith("beheer", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(unguarded);
        Assert.True(Protected().Count >= 20, $"Only {Protected().Count} protected endpoints found.");
    }

    [Fact]
    public void Every_route_and_page_names_a_permission_or_is_anonymous_or_only_the_callers_own_account_on_purpose()
    {
        var unnamed = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is { } p
                && (p.StartsWith(PermissionPolicy.Prefix, StringComparison.Ordinal) || p is PermissionPolicy.EigenAccount or PermissionPolicy.Ingelogd)))
            .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])} {e.RoutePattern.RawText}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(unnamed.Count == 0, string.Join("\n", unnamed));
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task A_role_reaches_exactly_the_endpoints_its_permissions_allow(string role)
    {
        var client = await app.IntegrationAsync(OrganisationFor(role), role);
        var granted = Inburgering.Modules.ModuleCatalog.Permissies.ByRole[role];
        var wrong = new List<string>();

        foreach (var (method, path, permission) in Protected())
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT")
            {
                request.Content = JsonContent.Create(new { });
            }

            var status = (await client.SendAsync(request)).StatusCode;
            var allowed = permission is null || permission.Split('|').Any(granted.Contains);
            if (allowed ? status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden : status != HttpStatusCode.Forbidden)
            {
                wrong.Add($"{method} {path} ({permission ?? "signed in"}): {(int)status}, expected {(allowed ? "access" : "403")}");
            }
        }

        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Every_page_and_each_of_its_handlers_refuses_a_role_without_the_pages_permission_and_nothing_changes(string role)
    {
        var email = role == Roles.CoaCasemanager
            ? await app.CreateCasemanagerAsync(TenancySeeder.CoaLocatieId("azc Almelo"))
            : await app.CreateUserAsync((OrganisationFor(role), Roles.OrganisationKindOf[role], role));
        var browser = await app.SignedInBrowserAsync(email);
        var token = People.TokenUit(await browser.GetStringAsync("/"));
        var granted = Inburgering.Modules.ModuleCatalog.Permissies.ByRole[role];
        var voor = await RijenAsync();
        var wrong = new List<string>();
        var handlers = 0;

        foreach (var page in Endpoints().Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null))
        {
            var nodig = page.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy)
                .FirstOrDefault(p => p?.StartsWith(PermissionPolicy.Prefix, StringComparison.Ordinal) == true)?[PermissionPolicy.Prefix.Length..];
            // A page may name several permissions, any one of which opens it.
            if (nodig is null || nodig.Split('|').Any(granted.Contains))
            {
                continue;
            }

            var path = "/" + Regex.Replace(page.RoutePattern.RawText!.TrimStart('/'), "{[^}]+}", Guid.NewGuid().ToString());
            var pagina = await browser.GetAsync(path);
            if (!People.GeenToegang(pagina))
            {
                wrong.Add($"GET {path} ({nodig}): {(int)pagina.StatusCode}");
            }

            var descriptor = page.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>()!;
            var model = typeof(Inburgering.Web.Pages.DossierModel).Assembly.GetType("Inburgering.Web.Pages" + descriptor.ViewEnginePath.Replace('/', '.') + "Model");
            foreach (var handler in model?.GetMethods().Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)) ?? [])
            {
                handlers++;
                var naam = handler.Name["OnPost".Length..].Replace("Async", string.Empty, StringComparison.Ordinal);
                var antwoord = await browser.PostAsync(naam.Length == 0 ? path : $"{path}?handler={naam}", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["Naam"] = "x", ["Reden"] = "x", ["Waarde"] = "eigen", ["Sleutel"] = "dossiers.klantregisseur-ziet",
                }));
                if (!People.GeenToegang(antwoord))
                {
                    wrong.Add($"POST {path}?handler={naam} ({nodig}): {(int)antwoord.StatusCode}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(handlers >= (role == Roles.PlatformBeheerder ? 10 : 3), $"only {handlers} handlers tried");
        Assert.Equal(voor, await RijenAsync());
    }

    /// <summary>
    /// The number of rows of every table a page handler can write, as the superuser (no row-level security). Signals, their
    /// outbox and the sweeps' stand are the evaluation's own bookkeeping: a sweep of the shared host may run meanwhile.
    /// </summary>
    private async Task<string> RijenAsync()
    {
        await using var connection = await AppFixture.OpenAsync(app.Database.Admin);
        var tabellen = new List<string>();
        await using (var lijst = new Npgsql.NpgsqlCommand("""
            select table_schema || '.' || table_name from information_schema.tables
            where table_type = 'BASE TABLE' and table_schema in ('dossiers', 'documenten', 'identity', 'tenancy')
              and table_name not in ('signalen', 'signaal_wachtrij', 'signaal_evaluatie_stand', 'data_protection_keys') and table_name not like 'openiddict%'
            order by 1
            """, connection))
        await using (var r = await lijst.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                tabellen.Add(r.GetString(0));
            }
        }

        await using var tel = new Npgsql.NpgsqlCommand(string.Join(" || ' ' || ", tabellen.Select(t => $"'{t}:' || (select count(*) from {t})")).Insert(0, "select "), connection);
        return (string)(await tel.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task The_organisation_switcher_changes_exactly_which_people_a_beheerder_sees()
    {
        var email = await app.CreateUserAsync(
            (AppFixture.TenantA, OrganisationKind.Gemeente, Roles.FunctioneelBeheerder),
            (AppFixture.TenantB, OrganisationKind.Gemeente, Roles.FunctioneelBeheerder));
        await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur));
        await app.CreateUserAsync((AppFixture.TenantB, OrganisationKind.Gemeente, Roles.Teamleider));
        var single = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Teamleider)));
        var browser = await app.SignedInBrowserAsync(email);

        Assert.Contains("id=\"organisatie-wisselen\"", await browser.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"organisatie-wisselen\"", await single.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(await MembersAsync(AppFixture.TenantA), await VisibleAsync(browser));

        await browser.PostFormAsync("/account/organisatie", new() { ["OrganisationId"] = AppFixture.TenantB.ToString() });

        Assert.Equal(await MembersAsync(AppFixture.TenantB), await VisibleAsync(browser));
        Assert.NotEqual(await MembersAsync(AppFixture.TenantA), await MembersAsync(AppFixture.TenantB));
    }

    [Fact]
    public async Task Every_form_post_without_an_antiforgery_token_is_refused()
    {
        var gemeente = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.FunctioneelBeheerder)));
        var platform = await app.SignedInBrowserAsync(await app.CreateUserAsync((TenancySeeder.PlatformId, OrganisationKind.Platform, Roles.PlatformBeheerder)));
        var klantregisseur = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur)));
        var teamleider = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Teamleider)));
        var casemanager = await app.SignedInBrowserAsync(await app.CreateCasemanagerAsync(TenancySeeder.CoaLocatieId("azc Almelo")));
        var regio = await app.SignedInBrowserAsync(await app.CreateUserAsync((TenancySeeder.RegioId("Twente"), OrganisationKind.Regio, Roles.RegioCoordinator)));
        var privacy = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Privacyfunctionaris)));
        var pages = Endpoints().Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null).ToList();
        var accepted = new List<string>();

        foreach (var page in pages)
        {
            var permission = page.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).FirstOrDefault(p => p?.StartsWith(PermissionPolicy.Prefix, StringComparison.Ordinal) == true);
            var nodig = permission?[PermissionPolicy.Prefix.Length..];
            var eenVan = nodig?.Split('|') ?? [];
            bool Heeft(string rol) => eenVan.Any(Inburgering.Modules.ModuleCatalog.Permissies.ByRole[rol].Contains);
            var browser = nodig is null ? gemeente
                : eenVan.Any(Inburgering.Modules.ModuleCatalog.Permissies.Platform.Contains) ? platform
                : Heeft(Roles.FunctioneelBeheerder) ? gemeente
                : Heeft(Roles.Klantregisseur) ? klantregisseur
                : Heeft(Roles.CoaCasemanager) ? casemanager
                : Heeft(Roles.RegioCoordinator) ? regio
                : Heeft(Roles.Privacyfunctionaris) ? privacy
                : teamleider;
            // Route values filled in, so the page itself answers (a dossier id that exists nowhere).
            var path = "/" + System.Text.RegularExpressions.Regex.Replace(page.RoutePattern.RawText!.TrimStart('/'), "{[^}]+}", Guid.NewGuid().ToString());
            var response = await browser.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["Naam"] = "x" }));
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                accepted.Add($"{path}: {(int)response.StatusCode}");
            }
        }

        Assert.True(pages.Count >= 12, $"only {pages.Count} pages found");
        Assert.Empty(accepted);
    }

    [Fact]
    public async Task Permission_checks_are_answered_from_the_cache_without_a_query_until_the_grants_change()
    {
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
        [
            new(PlatformClaims.OrganisationId, AppFixture.TenantA.ToString()),
            new(PlatformClaims.OrganisationKind, nameof(OrganisationKind.Gemeente)),
            new(IdentityClaims.Role, Roles.Teamleider),
            new(IdentityClaims.Role, Roles.Klantregisseur),
        ], "test"));
        var expected = Inburgering.Modules.ModuleCatalog.Permissies.ByRole[Roles.Teamleider].Union(Inburgering.Modules.ModuleCatalog.Permissies.ByRole[Roles.Klantregisseur]).ToHashSet();
        var database = new Npgsql.NpgsqlConnectionStringBuilder(app.Database.App).Database!;
        var commands = 0;

        // Only this test's own queries count: the app's background work (queues, jobs) queries the same database at any moment.
        using var eigen = new System.Diagnostics.Activity(nameof(Permission_checks_are_answered_from_the_cache_without_a_query_until_the_grants_change)).Start();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == eigen.TraceId && activity.GetTagItem("db.namespace") as string == database)
                {
                    Interlocked.Increment(ref commands);
                }
            },
        };

        await using (var scope = app.TenantScope.Enter(AppFixture.TenantA))
        {
            var checker = scope.ServiceProvider.GetRequiredService<IPermissionChecker>();
            System.Diagnostics.ActivitySource.AddActivityListener(listener);
            Assert.True(await checker.HasAsync(principal, DossierPermissies.Toewijzen, CancellationToken.None));
            var warm = Volatile.Read(ref commands);
            Assert.True(warm > 0, "the first check reads the gemeente's grants");
            foreach (var permission in Enumerable.Repeat(Inburgering.Modules.ModuleCatalog.Permissies.All, 10).SelectMany(p => p))
            {
                Assert.Equal(expected.Contains(permission), await checker.HasAsync(principal, permission, CancellationToken.None));
            }

            Assert.Equal(warm, Volatile.Read(ref commands));
            await scope.ServiceProvider.GetRequiredService<IGrantAdministration>().SetAsync(Roles.Teamleider, [DossierPermissies.Lezen], CancellationToken.None);
        }

        var beforeRecheck = Volatile.Read(ref commands);
        await using (var scope = app.TenantScope.Enter(AppFixture.TenantA))
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<IPermissionChecker>().HasAsync(principal, DossierPermissies.Toewijzen, CancellationToken.None));
        }

        Assert.True(Volatile.Read(ref commands) > beforeRecheck, "a changed grant must be read again");
        await using (var scope = app.TenantScope.Enter(AppFixture.TenantA))
        {
            await scope.ServiceProvider.GetRequiredService<IGrantAdministration>().SetAsync(Roles.Teamleider, [.. Inburgering.Modules.ModuleCatalog.Permissies.ByRole[Roles.Teamleider]], CancellationToken.None);
        }
    }

    private static async Task<List<string>> VisibleAsync(HttpClient browser) =>
        [.. (await browser.GetFromJsonAsync<JsonElement>("/api/v1/beheer/gebruikers")).EnumerateArray().Select(u => u.GetProperty("email").GetString()!).Order(StringComparer.Ordinal)];

    private async Task<List<string>> MembersAsync(Guid organisation)
    {
        await using var connection = await AppFixture.OpenAsync(app.Database.Owner);
        await using var command = new Npgsql.NpgsqlCommand(
            $"select u.email from identity.memberships m join identity.users u on u.id = m.user_id where m.organisation_id = '{organisation}'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var emails = new List<string>();
        while (await reader.ReadAsync())
        {
            emails.Add(reader.GetString(0));
        }

        return [.. emails.Order(StringComparer.Ordinal)];
    }

    private static Guid OrganisationFor(string role) => Roles.OrganisationKindOf[role] switch
    {
        OrganisationKind.Gemeente => AppFixture.TenantA,
        OrganisationKind.Coa => TenancySeeder.CoaId,
        OrganisationKind.Regio => TenancySeeder.RegioId("Twente"),
        _ => TenancySeeder.PlatformId,
    };

    private IEnumerable<RouteEndpoint> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    /// <summary>(method, path with harmless values, permission or null for "signed in only").</summary>
    private List<(string Method, string Path, string? Permission)> Protected()
    {
        var result = new List<(string, string, string?)>();
        foreach (var endpoint in Endpoints())
        {
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            if (policies.Count == 0 || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                continue;
            }

            var permission = policies.Select(p => p.Policy).FirstOrDefault(p => p?.StartsWith(PermissionPolicy.Prefix, StringComparison.Ordinal) == true)?[PermissionPolicy.Prefix.Length..];
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var path = "/" + Parameter().Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), m => m.Groups[1].Value switch
            {
                "rol" or "clientId" => "bestaat-niet",
                _ => Guid.NewGuid().ToString(),
            });
            foreach (var method in methods.Where(m => m is "GET" or "POST" or "PUT" or "DELETE"))
            {
                // A page's POST handlers need its form; its GET proves the page's policy.
                if (method != "GET" && endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
                {
                    continue;
                }

                result.Add((method, path, permission));
            }
        }

        return result;
    }

    [GeneratedRegex(@"\{([A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex Parameter();
}
