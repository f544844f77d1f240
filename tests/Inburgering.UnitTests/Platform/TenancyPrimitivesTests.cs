using Inburgering.Platform.Data;
using Inburgering.Platform.Tenancy;

namespace Inburgering.UnitTests.Platform;

public sealed class TenancyPrimitivesTests
{
    [Fact]
    public void A_tenant_is_bound_once()
    {
        var current = new CurrentTenant();
        current.Bind(Guid.NewGuid());

        Assert.Throws<TenantIsolationException>(() => current.Bind(Guid.NewGuid()));
    }

    [Fact]
    public void Before_binding_a_scope_reads_as_host_and_then_as_its_tenant()
    {
        var current = new CurrentTenant();
        var tenant = Guid.NewGuid();

        Assert.Null(current.Id);
        current.Bind(tenant);
        Assert.Equal(tenant, current.Id);
    }

    [Fact]
    public void The_empty_guid_is_not_a_tenant()
    {
        Assert.Throws<TenantIsolationException>(() => new CurrentTenant().Bind(Guid.Empty));
    }

    [Fact]
    public void A_host_scope_has_no_tenant()
    {
        var current = new CurrentTenant();
        current.Bind(null);

        Assert.Null(current.Id);
    }

    [Fact]
    public void Deterministic_ids_are_stable_version_5_uuids()
    {
        var id = DeterministicGuid.Create("gemeente:Tilburg");

        Assert.Equal(id, DeterministicGuid.Create("gemeente:Tilburg"));
        Assert.NotEqual(id, DeterministicGuid.Create("gemeente:Tilburg "));
        Assert.Equal('5', id.ToString()[14]);
        Assert.Contains(id.ToString()[19], "89ab");
    }

    [Fact]
    public void The_inline_tenant_statement_carries_only_the_formatted_id()
    {
        var tenant = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        var sql = Inburgering.Platform.Data.Sql.TenantSession.InlineStatement(tenant);

        Assert.Equal("DO $tenant$ BEGIN PERFORM set_config('app.tenant_id', '0f8fad5b-d9cb-469f-a165-70867728950e', true); END $tenant$;\n", sql);
    }
}
