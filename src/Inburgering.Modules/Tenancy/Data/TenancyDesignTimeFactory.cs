using Inburgering.Platform.Data;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Inburgering.Modules.Tenancy.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running app or database.</summary>
internal sealed class TenancyDesignTimeFactory : IDesignTimeDbContextFactory<TenancyDbContext>
{
    public TenancyDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TenancyDbContext>();
        ModuleDbContextRegistration.UseModuleDefaults(options, "Host=localhost;Database=design", TenancyDbContext.SchemaName);
        return new TenancyDbContext(options.Options, new DesignTimeTenant());
    }

    private sealed class DesignTimeTenant : ICurrentTenant
    {
        public Guid? Id => null;
    }
}
