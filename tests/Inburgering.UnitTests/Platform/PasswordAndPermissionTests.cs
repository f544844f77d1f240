using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Identity.Domain;
using Inburgering.Modules.Identity.Features.Accounts;
using Inburgering.Modules.Monitoring.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;

namespace Inburgering.UnitTests.Platform;

public sealed class PasswordAndPermissionTests
{
    [Theory]
    [InlineData("qwertyuiop12", true)]
    [InlineData("WACHTWOORD123", true)]
    [InlineData("fiets-boom-lantaarn-regen", false)]
    public void Common_passwords_from_the_bundled_list_are_recognised(string password, bool common)
    {
        Assert.Equal(common, CommonPasswordValidator.IsCommon(password));
    }

    [Fact]
    public void A_totp_code_matches_its_own_step_and_not_a_wrong_key()
    {
        const string key = "JBSWY3DPEHPK3PXP";
        var moment = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var code = ReplayProtectedTotpProvider.CodeAt(key, moment);

        Assert.Equal(1_800_000_000 / 30, ReplayProtectedTotpProvider.MatchingStep(key, code, moment));
        Assert.Null(ReplayProtectedTotpProvider.MatchingStep("GEZDGNBVGY3TQOJQ", code, moment));
        Assert.Null(ReplayProtectedTotpProvider.MatchingStep(key, code, moment.AddMinutes(5)));
        Assert.Null(ReplayProtectedTotpProvider.MatchingStep(key, "12ab56", moment));
    }

    [Fact]
    public void A_gemeente_can_revoke_and_add_grants_but_never_platform_permissions()
    {
        var now = DateTimeOffset.UnixEpoch;
        var changes = new[]
        {
            new RolePermissionGrant(Roles.Klantregisseur, DossierPermissies.GezondheidLezen, false, now),
            new RolePermissionGrant(Roles.Klantregisseur, MonitoringPermissies.DashboardLezen, true, now),
            new RolePermissionGrant(Roles.Klantregisseur, TenancyPermissies.OrganisatiesBeheren, true, now),
        };

        var effective = new DefaultGrants(Inburgering.Modules.ModuleCatalog.Permissies).Effective([Roles.Klantregisseur], changes);

        Assert.DoesNotContain(DossierPermissies.GezondheidLezen, effective);
        Assert.Contains(MonitoringPermissies.DashboardLezen, effective);
        Assert.Contains(DossierPermissies.Lezen, effective);
        Assert.DoesNotContain(TenancyPermissies.OrganisatiesBeheren, effective);
    }

    [Fact]
    public void A_coa_casemanager_holds_no_dossier_or_health_permission_by_default()
    {
        var effective = new DefaultGrants(Inburgering.Modules.ModuleCatalog.Permissies).Effective([Roles.CoaCasemanager], []);

        Assert.Equal([DossierPermissies.OverdrachtBewerken], effective);
    }
}
