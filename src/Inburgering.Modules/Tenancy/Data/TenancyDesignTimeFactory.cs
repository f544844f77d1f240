using Inburgering.Platform.Data;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Tenancy.Data;

internal sealed class TenancyDesignTimeFactory : ModuleDesignTimeFactory<TenancyDbContext>
{
    protected override string Schema => TenancyDbContext.SchemaName;

    protected override TenancyDbContext Create(DbContextOptions<TenancyDbContext> options, ICurrentTenant tenant) => new(options, tenant);
}
