using Inburgering.Modules.Documenten.Domain;
using Inburgering.Platform.Data;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Documenten.Data;

internal sealed class DocumentenDbContext(DbContextOptions<DocumentenDbContext> options, ICurrentTenant tenant)
    : ModuleDbContext(options, tenant)
{
    public const string SchemaName = "documenten";

    public override string Schema => SchemaName;

    protected override IReadOnlyDictionary<Type, string> BeheerdeEntiteiten { get; } = new Dictionary<Type, string>
    {
        [typeof(SjabloonVersie)] = "sjabloon",
        [typeof(Briefhoofd)] = "briefhoofd",
        [typeof(SmtpInstelling)] = "smtp",
    };

    public DbSet<SjabloonVersie> SjabloonVersies => Set<SjabloonVersie>();

    public DbSet<Briefhoofd> Briefhoofden => Set<Briefhoofd>();

    public DbSet<Document> Documenten => Set<Document>();

    public DbSet<UitgaandeMail> UitgaandeMail => Set<UitgaandeMail>();

    public DbSet<DigestAfmelding> DigestAfmeldingen => Set<DigestAfmelding>();

    public DbSet<SmtpInstelling> SmtpInstellingen => Set<SmtpInstelling>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SjabloonVersie>(b =>
        {
            b.ToTable("sjabloon_versies");
            b.Property(v => v.Id).ValueGeneratedNever();
            b.Property(v => v.Sleutel).HasMaxLength(60);
            b.Property(v => v.Toelichting).HasMaxLength(500);
            b.Property(v => v.GemaaktDoorId).HasMaxLength(100);
            b.Property(v => v.GemaaktDoorNaam).HasMaxLength(200);
            // Two beheerders saving at once cannot both write version n.
            b.HasIndex(v => new { v.TenantId, v.Sleutel, v.Nummer }).IsUnique();
        });
        modelBuilder.Entity<Briefhoofd>(b =>
        {
            b.ToTable("briefhoofden");
            // One row per gemeente, keyed by its tenant, which the save guard fills in: never a generated value.
            b.HasKey(h => h.TenantId);
            b.Property(h => h.TenantId).ValueGeneratedNever();
            b.Property(h => h.Adres).HasMaxLength(300);
            b.Property(h => h.Telefoon).HasMaxLength(40);
        });
        modelBuilder.Entity<Document>(b =>
        {
            b.ToTable("documenten");
            b.Property(d => d.Id).ValueGeneratedNever();
            b.Property(d => d.Sleutel).HasMaxLength(60);
            b.Property(d => d.Titel).HasMaxLength(200);
            b.Ignore(d => d.Status);
            b.Property(d => d.GemaaktDoorId).HasMaxLength(100);
            b.Property(d => d.GemaaktDoorNaam).HasMaxLength(200);
            b.Property(d => d.GoedgekeurdDoorId).HasMaxLength(100);
            b.Property(d => d.GoedgekeurdDoorNaam).HasMaxLength(200);
            b.HasIndex(d => new { d.TenantId, d.DossierId, d.GemaaktOp });
        });
        modelBuilder.Entity<UitgaandeMail>(b =>
        {
            b.ToTable("uitgaande_mail");
            b.Property(m => m.Id).ValueGeneratedNever();
            b.Property(m => m.Sleutel).HasMaxLength(120);
            b.Property(m => m.Adres).HasMaxLength(320);
            b.Property(m => m.Onderwerp).HasMaxLength(200);
            b.Property(m => m.LaatsteFout).HasMaxLength(1000);
            // Once per key, whatever retries or instances do: the digest's "never twice".
            b.HasIndex(m => new { m.TenantId, m.Sleutel }).IsUnique();
            b.HasIndex(m => new { m.TenantId, m.AangemaaktOp }).HasFilter("verzonden_op IS NULL");
        });
        modelBuilder.Entity<DigestAfmelding>(b =>
        {
            b.ToTable("digest_afmeldingen");
            b.HasKey(a => new { a.TenantId, a.GebruikerId });
        });
        modelBuilder.Entity<SmtpInstelling>(b =>
        {
            b.ToTable("smtp_instellingen");
            b.HasKey(s => s.TenantId);
            b.Property(s => s.TenantId).ValueGeneratedNever();
            b.Property(s => s.Host).HasMaxLength(253);
            b.Property(s => s.Beveiliging).HasMaxLength(30);
            b.Property(s => s.Gebruikersnaam).HasMaxLength(200);
            b.Property(s => s.Afzender).HasMaxLength(320);
        });
    }
}

internal sealed class DocumentenDesignTimeFactory : ModuleDesignTimeFactory<DocumentenDbContext>
{
    protected override string Schema => DocumentenDbContext.SchemaName;

    protected override DocumentenDbContext Create(DbContextOptions<DocumentenDbContext> options, ICurrentTenant tenant) => new(options, tenant);
}
