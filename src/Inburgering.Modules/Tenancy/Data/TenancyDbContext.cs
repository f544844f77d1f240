using Inburgering.Modules.Tenancy.Domain;
using Inburgering.Platform.Data;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Tenancy.Data;

internal sealed class TenancyDbContext(DbContextOptions<TenancyDbContext> options, ICurrentTenant tenant)
    : ModuleDbContext(options, tenant)
{
    public const string SchemaName = "tenancy";

    public override string Schema => SchemaName;

    protected override IReadOnlyDictionary<Type, string> BeheerdeEntiteiten { get; } = new Dictionary<Type, string>
    {
        [typeof(Organisation)] = "organisatie",
        [typeof(Gemeente)] = "gemeente",
        [typeof(Taakstelling)] = "taakstelling",
        [typeof(RegioGemeente)] = "regio",
        [typeof(CoaLocatie)] = "coa-locatie",
        [typeof(TenantSetting)] = "instelling",
        [typeof(Beleidsversie)] = "beleid",
    };

    public DbSet<Organisation> Organisaties => Set<Organisation>();

    public DbSet<Gemeente> Gemeenten => Set<Gemeente>();

    public DbSet<Taakstelling> Taakstellingen => Set<Taakstelling>();

    public DbSet<RegioGemeente> RegioGemeenten => Set<RegioGemeente>();

    public DbSet<CoaLocatie> CoaLocaties => Set<CoaLocatie>();

    public DbSet<TenantSetting> TenantSettings => Set<TenantSetting>();

    public DbSet<Beleidsversie> Beleidsversies => Set<Beleidsversie>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Organisation>(e =>
        {
            e.ToTable("organisaties");
            e.Property(o => o.Soort).HasConversion<string>().HasMaxLength(20);
            e.Property(o => o.Naam).HasMaxLength(200);
            e.Property(o => o.Slug).HasMaxLength(100);
            e.HasIndex(o => o.Slug).IsUnique();
        });
        modelBuilder.Entity<Gemeente>(e =>
        {
            e.ToTable("gemeenten");
            e.HasKey(g => g.OrganisationId);
            e.Property(g => g.Provincie).HasMaxLength(50);
            e.HasOne<Organisation>().WithOne().HasForeignKey<Gemeente>(g => g.OrganisationId);
        });
        modelBuilder.Entity<Taakstelling>(e =>
        {
            e.ToTable("taakstellingen");
            e.HasKey(t => new { t.GemeenteId, t.Periode });
            e.Property(t => t.Periode).HasMaxLength(10);
            e.HasOne<Gemeente>().WithMany().HasForeignKey(t => t.GemeenteId);
        });
        modelBuilder.Entity<RegioGemeente>(e =>
        {
            e.ToTable("regio_gemeenten");
            e.HasKey(r => new { r.RegioId, r.GemeenteId });
            e.HasOne<Organisation>().WithMany().HasForeignKey(r => r.RegioId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Gemeente>().WithMany().HasForeignKey(r => r.GemeenteId);
        });
        modelBuilder.Entity<CoaLocatie>(e =>
        {
            e.ToTable("coa_locaties");
            e.Property(l => l.Naam).HasMaxLength(200);
            e.Property(l => l.Plaats).HasMaxLength(100);
            e.Property(l => l.Soort).HasConversion<string>().HasMaxLength(40);
            e.HasIndex(l => l.Naam).IsUnique();
            e.HasOne<Organisation>().WithMany().HasForeignKey(l => l.RegioId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<TenantSetting>(e =>
        {
            e.ToTable("tenant_settings");
            e.Property(s => s.Sleutel).HasMaxLength(100);
            e.Property(s => s.Waarde).HasMaxLength(4000);
            e.HasIndex(s => new { s.TenantId, s.Sleutel }).IsUnique();
        });
        modelBuilder.Entity<Beleidsversie>(e =>
        {
            e.ToTable("beleidsversies");
            e.Property(v => v.Id).ValueGeneratedNever();
            e.Property(v => v.Sleutel).HasMaxLength(100);
            e.Property(v => v.Toelichting).HasMaxLength(500);
            e.Property(v => v.VastgelegdDoor).HasMaxLength(200);
            e.HasIndex(v => new { v.TenantId, v.Sleutel, v.GeldigVanaf }).IsUnique();
        });
    }
}
