using Inburgering.Modules;
using Inburgering.Platform.Data;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.ArchitectureTests;

/// <summary>Every entity is tenant-filtered or explicitly host-level; tenant tables never have global unique indexes.</summary>
public sealed class TenantModelTests
{
    public static TheoryData<string> Entities()
    {
        var data = new TheoryData<string>();
        foreach (var entity in AllEntityTypes())
        {
            data.Add(entity.Name);
        }

        return data;
    }

    [Fact]
    public void There_are_module_contexts_to_check()
    {
        Assert.NotEmpty(AllEntityTypes());
    }

    [Theory]
    [MemberData(nameof(Entities))]
    public void Every_entity_is_tenant_filtered_or_declared_host_level(string entityName)
    {
        var (context, entity) = Contexts().SelectMany(c => c.Model.GetEntityTypes().Select(e => (c, e))).Single(x => x.e.Name == entityName);
        var hostLevel = entity.ClrType.GetCustomAttributes(typeof(HostLevelAttribute), false).Cast<HostLevelAttribute>().SingleOrDefault()
                        ?? (context.ExternalHostLevelEntities.TryGetValue(entity.ClrType, out var reason) ? new HostLevelAttribute(reason) : null);
        var tenantOwned = typeof(ITenantOwned).IsAssignableFrom(entity.ClrType);

        Assert.True(tenantOwned ^ (hostLevel is not null), $"{entityName} must be either ITenantOwned or [HostLevel(reason)], not both or neither.");
        if (tenantOwned)
        {
            Assert.NotNull(entity.FindDeclaredQueryFilter(ModuleDbContext.TenantFilter));
            Assert.False(entity.FindProperty(nameof(ITenantOwned.TenantId))!.IsNullable);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(hostLevel!.Reason));
            Assert.Null(entity.FindProperty("TenantId"));
        }
    }

    [Fact]
    public void Every_unique_index_on_a_tenant_owned_table_contains_the_tenant()
    {
        var offenders = AllEntityTypes()
            .Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType))
            .SelectMany(e => e.GetIndexes().Where(i => i.IsUnique)
                .Where(i => i.Properties.All(p => p.Name != nameof(ITenantOwned.TenantId)))
                .Select(i => $"{e.ClrType.Name}({string.Join(", ", i.Properties.Select(p => p.Name))})"))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_module_context_lives_in_its_own_schema()
    {
        var schemas = Contexts().Select(c => c.Schema).ToList();

        Assert.Equal(schemas.Count, schemas.Distinct().Count());
        Assert.All(Contexts(), c => Assert.All(c.Model.GetEntityTypes(), e => Assert.Equal(c.Schema, e.GetSchema())));
    }

    // Owned types stored as JSON inside their owner's row share that row's tenant; they have no table of their own.
    private static List<IEntityType> AllEntityTypes() => Contexts().SelectMany(c => c.Model.GetEntityTypes()).Where(e => !e.IsOwned()).ToList();

    private static List<ModuleDbContext> Contexts()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ICurrentTenant>(new NoTenant());
        var modelOnly = Npgsql.NpgsqlDataSource.Create("Host=localhost;Database=model-only");
        var contexts = new List<ModuleDbContext>();
        var provider = services.BuildServiceProvider();
        foreach (var module in ModuleCatalog.All)
        {
            var moduleServices = new ServiceCollection();
            module.AddServices(moduleServices, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
            foreach (var descriptor in moduleServices.Where(d => d.ImplementationInstance is ModuleDbContextDescriptor).Select(d => (ModuleDbContextDescriptor)d.ImplementationInstance!))
            {
                var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(descriptor.ContextType))!;
                ModuleDbContextRegistration.UseModuleDefaults(builder, modelOnly, descriptor.Schema);
                contexts.Add((ModuleDbContext)ActivatorUtilities.CreateInstance(provider, descriptor.ContextType, builder.Options));
            }
        }

        return contexts;
    }

    private sealed class NoTenant : ICurrentTenant
    {
        public Guid? Id => null;
    }
}
