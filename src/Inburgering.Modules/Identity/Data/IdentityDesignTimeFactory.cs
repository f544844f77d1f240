using Inburgering.Platform.Data;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Inburgering.Modules.Identity.Data;

internal sealed class IdentityDesignTimeFactory : IDesignTimeDbContextFactory<IdentityDbContext>
{
    public IdentityDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<IdentityDbContext>();
        ModuleDbContextRegistration.UseModuleDefaults(options, "Host=localhost;Database=design", IdentityDbContext.SchemaName);
        return new IdentityDbContext(options.Options, new DesignTimeTenant());
    }

    private sealed class DesignTimeTenant : ICurrentTenant
    {
        public Guid? Id => null;
    }
}
