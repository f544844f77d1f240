using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Inburgering.Platform.Data;

/// <summary>Lets `dotnet ef migrations add` build a module's model without a running app or database.</summary>
public abstract class ModuleDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : ModuleDbContext
{
    protected abstract string Schema { get; }

    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        ModuleDbContextRegistration.UseModuleDefaults(options, "Host=localhost;Database=design", Schema);
        return Create(options.Options, new HostOnly());
    }

    protected abstract TContext Create(DbContextOptions<TContext> options, ICurrentTenant tenant);

    private sealed class HostOnly : ICurrentTenant
    {
        public Guid? Id => null;
    }
}
