using Inburgering.Platform.Data;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Identity.Data;

internal sealed class IdentityDesignTimeFactory : ModuleDesignTimeFactory<IdentityDbContext>
{
    protected override string Schema => IdentityDbContext.SchemaName;

    protected override IdentityDbContext Create(DbContextOptions<IdentityDbContext> options, ICurrentTenant tenant) => new(options, tenant);
}
