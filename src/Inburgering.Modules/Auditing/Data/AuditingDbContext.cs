using Inburgering.Modules.Auditing.Domain;
using Inburgering.Platform.Data;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Auditing.Data;

internal sealed class AuditingDbContext(DbContextOptions<AuditingDbContext> options, ICurrentTenant tenant)
    : ModuleDbContext(options, tenant)
{
    public const string SchemaName = "auditing";

    public const string Tabel = "logboek";

    public override string Schema => SchemaName;

    public const string BeheerTabel = "beheerlog";

    public DbSet<VerwerkingsRegel> Verwerkingen => Set<VerwerkingsRegel>();

    public DbSet<BeheerRegel> Beheerlog => Set<BeheerRegel>();

    public DbSet<VernietigingsRegel> Vernietigingen => Set<VernietigingsRegel>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<VerwerkingsRegel>(b =>
        {
            b.ToTable(Tabel);
            b.Property(v => v.Id).ValueGeneratedNever();
            b.Property(v => v.ActorId).HasMaxLength(100);
            b.Property(v => v.Handeling).HasMaxLength(20);
            b.Property(v => v.Onderdeel).HasMaxLength(50);
            b.Property(v => v.Activiteit).HasMaxLength(50);
            b.Property(v => v.TraceId).HasMaxLength(32);
            b.Property(v => v.SpanId).HasMaxLength(16);
            b.Property(v => v.ExterneSpanId).HasMaxLength(16);
            b.HasIndex(v => new { v.TenantId, v.Volgnummer }).IsUnique();
            b.HasIndex(v => new { v.TenantId, v.DossierId, v.Tijdstip });
            b.HasIndex(v => new { v.TenantId, v.Tijdstip });
        });
        modelBuilder.Entity<BeheerRegel>(b =>
        {
            b.ToTable(BeheerTabel);
            b.Property(v => v.Id).ValueGeneratedNever();
            b.Property(v => v.ActorId).HasMaxLength(100);
            b.Property(v => v.ActorNaam).HasMaxLength(200);
            b.Property(v => v.Onderwerp).HasMaxLength(50);
            b.Property(v => v.Sleutel).HasMaxLength(200);
            b.Property(v => v.Handeling).HasMaxLength(20);
            b.Property(v => v.Voor).HasColumnType("jsonb");
            b.Property(v => v.Na).HasColumnType("jsonb");
            b.HasIndex(v => new { v.GemeenteId, v.Tijdstip });
        });
        modelBuilder.Entity<VernietigingsRegel>(b =>
        {
            b.ToTable("vernietigingen");
            b.Property(v => v.Id).ValueGeneratedNever();
            b.Property(v => v.Soort).HasMaxLength(50);
            b.Property(v => v.Grond).HasMaxLength(300);
            b.HasIndex(v => new { v.TenantId, v.Tijdstip });
        });
    }
}

internal sealed class AuditingDesignTimeFactory : ModuleDesignTimeFactory<AuditingDbContext>
{
    protected override string Schema => AuditingDbContext.SchemaName;

    protected override AuditingDbContext Create(DbContextOptions<AuditingDbContext> options, ICurrentTenant tenant) => new(options, tenant);
}
