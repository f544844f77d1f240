using Inburgering.Modules.Auditing.Domain;
using Inburgering.Platform.Data;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Auditing.Data;

internal sealed class AuditingDbContext(DbContextOptions<AuditingDbContext> options, ICurrentTenant tenant)
    : ModuleDbContext(options, tenant)
{
    public const string SchemaName = "auditing";

    public const string Tabel = "verwerkingen";

    public override string Schema => SchemaName;

    public DbSet<VerwerkingsRegel> Verwerkingen => Set<VerwerkingsRegel>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<VerwerkingsRegel>(b =>
        {
            b.ToTable(Tabel);
            b.Property(v => v.Id).ValueGeneratedNever();
            b.Property(v => v.ActorId).HasMaxLength(100);
            b.Property(v => v.Handeling).HasMaxLength(20);
            b.Property(v => v.Onderdeel).HasMaxLength(50);
            b.HasIndex(v => new { v.TenantId, v.Tijdstip });
        });
    }
}

internal sealed class AuditingDesignTimeFactory : ModuleDesignTimeFactory<AuditingDbContext>
{
    protected override string Schema => AuditingDbContext.SchemaName;

    protected override AuditingDbContext Create(DbContextOptions<AuditingDbContext> options, ICurrentTenant tenant) => new(options, tenant);
}
