using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Platform.Data;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Dossiers.Data;

internal sealed class DossiersDbContext(DbContextOptions<DossiersDbContext> options, ICurrentTenant tenant)
    : ModuleDbContext(options, tenant)
{
    public const string SchemaName = "dossiers";

    public override string Schema => SchemaName;

    public DbSet<Dossier> Dossiers => Set<Dossier>();

    public DbSet<PipVersie> PipVersies => Set<PipVersie>();

    public DbSet<Activiteit> Activiteiten => Set<Activiteit>();

    public DbSet<Voortgangsgesprek> Voortgangsgesprekken => Set<Voortgangsgesprek>();

    public DbSet<Termijnverlenging> Termijnverlengingen => Set<Termijnverlenging>();

    public DbSet<GezondheidsInformatie> Gezondheid => Set<GezondheidsInformatie>();

    public DbSet<TijdlijnGebeurtenis> Tijdlijn => Set<TijdlijnGebeurtenis>();

    public DbSet<Omkoppeling> Omkoppelingen => Set<Omkoppeling>();

    public DbSet<Verwijdering> Verwijderingen => Set<Verwijdering>();

    public DbSet<CoaVerblijf> CoaVerblijven => Set<CoaVerblijf>();

    public DbSet<Signaal> Signalen => Set<Signaal>();

    public DbSet<SignaalGebeurtenis> SignaalHistorie => Set<SignaalGebeurtenis>();

    public DbSet<SignaalWachtrij> SignaalWachtrij => Set<SignaalWachtrij>();

    public DbSet<WerkvoorraadFilter> WerkvoorraadFilters => Set<WerkvoorraadFilter>();

    public DbSet<KoppelingImport> Imports => Set<KoppelingImport>();

    public DbSet<ImportRegel> ImportRegels => Set<ImportRegel>();

    public DbSet<Kolomindeling> Kolomindelingen => Set<Kolomindeling>();

    public DbSet<BrpAansluiting> BrpAansluitingen => Set<BrpAansluiting>();

    public DbSet<CbsLevering> CbsLeveringen => Set<CbsLevering>();

    public DbSet<WebhookAbonnement> WebhookAbonnementen => Set<WebhookAbonnement>();

    public DbSet<WebhookAflevering> WebhookAfleveringen => Set<WebhookAflevering>();

    public DbSet<GebeurtenisUitgang> GebeurtenisUitgang => Set<GebeurtenisUitgang>();

    public DbSet<LidZonderDossier> LedenZonderDossier => Set<LidZonderDossier>();

    public DbSet<DuoBericht> DuoBerichten => Set<DuoBericht>();

    public DbSet<DuoVerschil> DuoVerschillen => Set<DuoVerschil>();

    public DbSet<Contactmoment> Contactmomenten => Set<Contactmoment>();

    public DbSet<Afspraak> Afspraken => Set<Afspraak>();

    public DbSet<DossierBestand> Bestanden => Set<DossierBestand>();

    public DbSet<BestandInhoud> BestandInhoud => Set<BestandInhoud>();

    protected override IReadOnlyDictionary<Type, string> BeheerdeEntiteiten { get; } = new Dictionary<Type, string>
    {
        [typeof(Kolomindeling)] = "importkolommen",
        [typeof(BrpAansluiting)] = "brp-aansluiting",
        [typeof(WebhookAbonnement)] = "webhook",
    };

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        // Ids are made in the domain (version 7), so a child added through a navigation is new, not an existing row.
        modelBuilder.Entity<PipVersie>().Property(p => p.Id).ValueGeneratedNever();
        modelBuilder.Entity<Activiteit>().Property(a => a.Id).ValueGeneratedNever();
        modelBuilder.Entity<Voortgangsgesprek>().Property(v => v.Id).ValueGeneratedNever();
        modelBuilder.Entity<Termijnverlenging>().Property(t => t.Id).ValueGeneratedNever();
        modelBuilder.Entity<Dossier>().Property(d => d.Id).ValueGeneratedNever();
        modelBuilder.Entity<Afspraak>(b =>
        {
            b.ToTable("afspraken");
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Soort).HasConversion<string>().HasMaxLength(30);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Locatie).HasMaxLength(200);
            b.Property(x => x.Adres).HasMaxLength(300);
            b.Property(x => x.Link).HasMaxLength(500);
            b.Property(x => x.TolkTaal).HasMaxLength(50);
            b.Property(x => x.MedewerkerId).HasMaxLength(200);
            b.Property(x => x.MedewerkerNaam).HasMaxLength(200);
            b.Property(x => x.Toelichting).HasMaxLength(1000);
            b.Ignore(x => x.Einde);
            b.Ignore(x => x.TeVolgen);
            b.HasIndex(x => new { x.TenantId, x.MedewerkerId, x.Begin });
            b.HasIndex(x => new { x.TenantId, x.DossierId });
        });
        modelBuilder.Entity<Contactmoment>(b =>
        {
            b.ToTable("contactmomenten");
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Soort).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Deelnemers).HasMaxLength(500);
            b.Property(x => x.TolkTaal).HasMaxLength(50);
            b.Property(x => x.Tekst).HasMaxLength(8000);
            b.Property(x => x.VastgelegdDoor).HasMaxLength(200);
            b.HasIndex(x => new { x.TenantId, x.DossierId, x.Datum });
        });
        modelBuilder.Entity<DossierBestand>(b =>
        {
            b.ToTable("dossier_bestanden");
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Soort).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Naam).HasMaxLength(120);
            b.Property(x => x.ContentType).HasMaxLength(50);
            b.Property(x => x.Sha256).HasMaxLength(64);
            b.Property(x => x.Opslag).HasMaxLength(10);
            b.Property(x => x.VastgelegdDoor).HasMaxLength(200);
            b.HasIndex(x => new { x.TenantId, x.DossierId });
        });
        modelBuilder.Entity<BestandInhoud>(b =>
        {
            b.ToTable("bestand_inhoud");
            b.HasKey(x => x.BestandId);
            b.Property(x => x.BestandId).ValueGeneratedNever();
            b.HasIndex(x => new { x.TenantId, x.DossierId });
        });
        modelBuilder.Entity<DuoBericht>(b =>
        {
            b.ToTable("duo_berichten");
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Soort).HasConversion<string>().HasMaxLength(30);
            b.Property(x => x.Tekst).HasMaxLength(500);
            b.Property(x => x.Bron).HasMaxLength(200);
            b.HasIndex(x => new { x.TenantId, x.DossierId });
        });
        modelBuilder.Entity<DuoVerschil>(b =>
        {
            b.ToTable("duo_verschillen");
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Veld).HasMaxLength(30);
            b.Property(x => x.InDossier).HasMaxLength(600);
            b.Property(x => x.VolgensDuo).HasMaxLength(600);
            b.Property(x => x.Afhandeling).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Toelichting).HasMaxLength(1000);
            b.Property(x => x.AfgehandeldDoor).HasMaxLength(200);
            b.HasIndex(x => new { x.TenantId, x.Afhandeling, x.GevondenOp });
            b.HasIndex(x => new { x.TenantId, x.DossierId });
        });
        modelBuilder.Entity<LidZonderDossier>(b =>
        {
            b.ToTable("huishoudleden");
            b.Property(l => l.Id).ValueGeneratedNever();
            b.Property(l => l.Voornamen).HasMaxLength(200);
            b.Property(l => l.Relatie).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(l => new { l.TenantId, l.HuishoudenId });
        });
        modelBuilder.Entity<WerkvoorraadFilter>(b =>
        {
            b.ToTable("werkvoorraad_filters");
            b.Property(f => f.Id).ValueGeneratedNever();
            b.Property(f => f.Naam).HasMaxLength(80);
            b.Property(f => f.EigenaarNaam).HasMaxLength(200);
            b.Property(f => f.Wie).HasMaxLength(10);
            b.Property(f => f.Fase).HasMaxLength(30);
            b.Property(f => f.Q).HasMaxLength(100);
            b.Property(f => f.Signaal).HasMaxLength(20);
            b.Property(f => f.Sort).HasMaxLength(30);
            // A name is unique per maker; shared views are listed for everyone in the gemeente.
            b.HasIndex(f => new { f.TenantId, f.EigenaarId, f.Naam }).IsUnique();
            b.HasIndex(f => new { f.TenantId, f.Gedeeld });
        });
        modelBuilder.Entity<Dossier>(b =>
        {
            b.ToTable("dossiers");
            b.Property(d => d.VNummer).HasMaxLength(10);
            b.Property(d => d.Bsn).HasMaxLength(9);
            b.Property(d => d.BeperkingReden).HasMaxLength(500);
            b.Property(d => d.BeperktDoor).HasMaxLength(200);
            b.Property(d => d.Voornamen).HasMaxLength(200);
            b.Property(d => d.Achternaam).HasMaxLength(200);
            b.Property(d => d.LandVanHerkomst).HasMaxLength(100);
            b.Property(d => d.Nationaliteit).HasMaxLength(100);
            b.Property(d => d.HuishoudenRelatie).HasConversion<string>().HasMaxLength(20);
            b.Property(d => d.Instroom).HasConversion<string>().HasMaxLength(20);
            b.Property(d => d.VorigeGemeente).HasMaxLength(100);
            b.Property(d => d.Geslacht).HasConversion<string>().HasMaxLength(20);
            b.Property(d => d.Doelgroep).HasConversion<string>().HasMaxLength(50);
            b.Property(d => d.Fase).HasConversion<string>().HasMaxLength(30);
            b.Property(d => d.AfsluitingReden).HasConversion<string>().HasMaxLength(20);
            b.Property(d => d.Versie).IsConcurrencyToken();
            b.HasIndex(d => new { d.TenantId, d.VNummer }).IsUnique();
            b.HasIndex(d => new { d.TenantId, d.Bsn }).IsUnique().HasFilter("bsn IS NOT NULL");
            // Caseload: keyset over (koppelingsdatum desc, id) within the tenant, optionally per klantregisseur.
            b.HasIndex(d => new { d.TenantId, d.Koppelingsdatum, d.Id });
            b.HasIndex(d => new { d.TenantId, d.KlantregisseurId, d.Koppelingsdatum, d.Id });
            b.HasIndex(d => new { d.TenantId, d.HuishoudenId });
            b.OwnsOne(d => d.Overdracht, o => o.ToJson());
            b.OwnsOne(d => d.Kennismakingsgesprek, o =>
            {
                o.ToJson();
                o.Property(k => k.Locatie).HasConversion<string>();
            });
            b.OwnsOne(d => d.Scenario, o => o.ToJson());
            b.OwnsOne(d => d.PipCorrectie, o => o.ToJson());
            b.OwnsMany(d => d.Verlengingsverklaringen, o => o.ToJson());
            b.OwnsMany(d => d.Verblijven, o => o.ToJson());
            b.OwnsOne(d => d.Voortgang, o =>
            {
                o.ToJson();
                o.OwnsOne(v => v.Knm);
                o.OwnsOne(v => v.Pvt);
                o.OwnsOne(v => v.Map);
                o.OwnsOne(v => v.Taal);
                o.OwnsOne(v => v.ZrouteTaal);
                o.OwnsOne(v => v.ZrouteParticipatie);
                o.OwnsOne(v => v.Afschaling);
                o.OwnsMany(v => v.Examens, e =>
                {
                    e.Property(x => x.Onderdeel).HasConversion<string>();
                    e.Property(x => x.Niveau).HasConversion<string>();
                    e.Property(x => x.Uitslag).HasConversion<string>();
                });
                o.OwnsMany(v => v.Routewissels, w =>
                {
                    w.Property(x => x.Van).HasConversion<string>();
                    w.Property(x => x.Naar).HasConversion<string>();
                });
            });
            b.OwnsOne(d => d.BredeIntake, o =>
            {
                o.ToJson();
                o.Property(i => i.LeerbaarheidstoetsUitkomst).HasConversion<string>();
            });
            b.HasMany(d => d.PipVersies).WithOne().HasForeignKey(p => p.DossierId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(d => d.Activiteiten).WithOne().HasForeignKey(a => a.DossierId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(d => d.Voortgangsgesprekken).WithOne().HasForeignKey(v => v.DossierId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(d => d.Termijnverlengingen).WithOne().HasForeignKey(t => t.DossierId).OnDelete(DeleteBehavior.Cascade);
            b.Ignore(d => d.EerstePip);
            b.Ignore(d => d.HuidigePip);
            b.Ignore(d => d.HuidigeLeerroute);
            b.Ignore(d => d.ViaCoa);
        });
        modelBuilder.Entity<PipVersie>(b =>
        {
            b.ToTable("pip_versies");
            b.Property(p => p.Leerroute).HasConversion<string>().HasMaxLength(20);
            b.Property(p => p.VastgesteldDoor).HasMaxLength(200);
            b.HasIndex(p => new { p.TenantId, p.DossierId, p.Nummer }).IsUnique();
        });
        modelBuilder.Entity<Activiteit>(b =>
        {
            b.ToTable("activiteiten");
            b.Property(a => a.Soort).HasConversion<string>().HasMaxLength(30);
            b.Property(a => a.Omschrijving).HasMaxLength(500);
            b.HasIndex(a => new { a.TenantId, a.DossierId });
        });
        modelBuilder.Entity<Voortgangsgesprek>(b =>
        {
            b.ToTable("voortgangsgesprekken");
            b.HasIndex(v => new { v.TenantId, v.DossierId });
        });
        modelBuilder.Entity<Termijnverlenging>(b =>
        {
            b.ToTable("termijnverlengingen");
            b.Property(t => t.Reden).HasMaxLength(500);
            b.HasIndex(t => new { t.TenantId, t.DossierId });
        });
        modelBuilder.Entity<GezondheidsInformatie>(b =>
        {
            b.ToTable("gezondheid");
            b.HasKey(g => g.DossierId);
            b.HasOne<Dossier>().WithOne().HasForeignKey<GezondheidsInformatie>(g => g.DossierId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<TijdlijnGebeurtenis>(b =>
        {
            b.ToTable("tijdlijn");
            b.Property(t => t.Soort).HasMaxLength(50);
            b.Property(t => t.ActorId).HasMaxLength(100);
            b.Property(t => t.ActorNaam).HasMaxLength(200);
            b.Property(t => t.Gegevens).HasColumnType("jsonb");
            b.Property(t => t.Volgnummer).UseIdentityByDefaultColumn();
            b.HasIndex(t => new { t.TenantId, t.DossierId, t.Tijdstip });
            b.HasOne<Dossier>().WithMany().HasForeignKey(t => t.DossierId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Omkoppeling>(b =>
        {
            b.ToTable("omkoppelingen");
            // An accept racing a withdraw: the second finds the status changed and changes nothing.
            b.Property(o => o.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
            b.Property(o => o.VNummer).HasMaxLength(10);
            b.Property(o => o.Naam).HasMaxLength(400);
            b.HasIndex(o => new { o.DoelGemeenteId, o.Status });
            b.HasIndex(o => new { o.BronGemeenteId, o.Status });
            b.HasIndex(o => o.DossierId).IsUnique().HasFilter("status = 'Aangeboden'");
        });
        modelBuilder.Entity<CoaVerblijf>(b =>
        {
            b.ToTable("coa_verblijven");
            b.HasKey(c => c.DossierId);
            b.HasIndex(c => new { c.CoaLocatieId, c.Verhuisdatum });
        });
        modelBuilder.Entity<Signaal>(b =>
        {
            b.ToTable("signalen");
            b.Property(s => s.Id).ValueGeneratedNever();
            b.Property(s => s.Soort).HasConversion<string>().HasMaxLength(40);
            b.Property(s => s.Ernst).HasConversion<string>().HasMaxLength(20);
            b.Property(s => s.ErnstBijVerhoging).HasConversion<string>().HasMaxLength(20);
            b.Property(s => s.Cyclus).HasMaxLength(40);
            b.Property(s => s.Norm).HasMaxLength(60);
            b.Property(s => s.ErkendDoor).HasMaxLength(200);
            b.Property(s => s.SnoozeReden).HasMaxLength(500);
            // Raising is idempotent even when two evaluations race: one open signal per dossier, type and cycle.
            b.HasIndex(s => new { s.TenantId, s.DossierId, s.Soort, s.Cyclus }).IsUnique().HasFilter("opgelost_op IS NULL").HasDatabaseName("ux_signalen_open");
            // No foreign key: its check per raised row cost the sweep a third of its writing. Raising locks the dossiers it
            // raises for instead (SignaalSql), and a trigger on the dossiers takes their signals when they go.
            b.HasIndex(s => s.DossierId);
        });
        modelBuilder.Entity<SignaalGebeurtenis>(b =>
        {
            b.ToTable("signaal_historie");
            b.Property(g => g.Id).ValueGeneratedNever();
            b.Property(g => g.Soort).HasMaxLength(20);
            b.Property(g => g.Door).HasMaxLength(200);
            b.Property(g => g.Reden).HasMaxLength(500);
            b.Property(g => g.Ernst).HasConversion<string>().HasMaxLength(20);
            b.Property(g => g.Volgnummer).UseIdentityByDefaultColumn();
            b.HasIndex(g => new { g.SignaalId, g.Volgnummer });
            b.HasOne<Signaal>().WithMany().HasForeignKey(g => g.SignaalId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Verwijdering>(b =>
        {
            b.ToTable("verwijderingen");
            b.Property(v => v.Id).ValueGeneratedNever();
            b.Property(v => v.Reden).HasConversion<string>().HasMaxLength(30);
            b.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(v => v.Toelichting).HasMaxLength(500);
            b.Property(v => v.AangevraagdDoorId).HasMaxLength(100);
            b.Property(v => v.AangevraagdDoorNaam).HasMaxLength(200);
            b.Property(v => v.AfgehandeldDoorId).HasMaxLength(100);
            b.Property(v => v.AfgehandeldDoorNaam).HasMaxLength(200);
            b.HasIndex(v => new { v.TenantId, v.DossierId });
            b.HasIndex(v => new { v.TenantId, v.Status });
        });
        modelBuilder.Entity<KoppelingImport>(b =>
        {
            b.ToTable("koppeling_imports");
            b.Property(i => i.Id).ValueGeneratedNever();
            b.Property(i => i.Bestandsnaam).HasMaxLength(200);
            b.Property(i => i.Kolommen).HasColumnType("jsonb");
            b.Property(i => i.Opdrachtgever).HasColumnType("jsonb");
            b.Property(i => i.DoorId).HasMaxLength(100);
            b.Property(i => i.DoorNaam).HasMaxLength(200);
            b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(i => new { i.TenantId, i.AangemaaktOp });
        });
        modelBuilder.Entity<ImportRegel>(b =>
        {
            b.ToTable("koppeling_import_regels");
            b.HasKey(r => new { r.ImportId, r.Rij });
            b.Property(r => r.VNummer).HasMaxLength(10);
            b.Property(r => r.Huishouden).HasMaxLength(50);
            b.Property(r => r.Uitkomst).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.Fouten).HasColumnType("jsonb");
            b.Property(r => r.Brp).HasMaxLength(200);
            b.HasIndex(r => new { r.TenantId, r.Huishouden });
            b.HasIndex(r => r.DossierId);
            b.HasOne<KoppelingImport>().WithMany().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<WebhookAbonnement>(b =>
        {
            b.ToTable("webhook_abonnementen");
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.Naam).HasMaxLength(100);
            b.Property(a => a.Url).HasMaxLength(500);
            b.Property(a => a.AangemaaktDoor).HasMaxLength(200);
            b.HasIndex(a => new { a.TenantId, a.Naam }).IsUnique();
        });
        modelBuilder.Entity<GebeurtenisUitgang>(b =>
        {
            b.ToTable("gebeurtenis_uitgang");
            b.Property(u => u.Id).UseIdentityByDefaultColumn();
            b.Property(u => u.Soort).HasMaxLength(100);
            b.Property(u => u.Gegevens).HasColumnType("jsonb");
        });
        modelBuilder.Entity<WebhookAflevering>(b =>
        {
            b.ToTable("webhook_afleveringen");
            b.Property(a => a.Id).UseIdentityByDefaultColumn();
            b.Property(a => a.Soort).HasMaxLength(100);
            b.Property(a => a.Gegevens).HasColumnType("jsonb");
            b.Property(a => a.Status).HasMaxLength(20);
            b.Property(a => a.LaatsteFout).HasMaxLength(500);
            b.HasIndex(a => new { a.Status, a.VolgendePoging });
            b.HasIndex(a => new { a.AbonnementId, a.DossierId, a.Volgnummer });
            b.HasIndex(a => new { a.GemeenteId, a.Tijdstip });
            b.HasIndex(a => new { a.AbonnementId, a.EventId }).IsUnique();
        });
        modelBuilder.Entity<CbsLevering>(b =>
        {
            b.ToTable("cbs_leveringen");
            b.Property(l => l.Id).ValueGeneratedNever();
            b.Property(l => l.Kwartaal).HasMaxLength(7);
            b.Property(l => l.Sha256).HasMaxLength(64);
            b.Property(l => l.GemaaktDoor).HasMaxLength(200);
            b.Property(l => l.GedownloadDoor).HasMaxLength(200);
            b.HasIndex(l => new { l.TenantId, l.Kwartaal, l.Versie }).IsUnique();
        });
        modelBuilder.Entity<BrpAansluiting>(b =>
        {
            b.ToTable("brp_aansluitingen");
            b.Property(a => a.Id).ValueGeneratedNever();
            b.HasIndex(a => a.TenantId).IsUnique();
            b.Property(a => a.Endpoint).HasMaxLength(500);
            b.Property(a => a.CertificaatOnderwerp).HasMaxLength(300);
            b.Property(a => a.GemeenteCode).HasMaxLength(4);
            b.Property(a => a.GewijzigdDoor).HasMaxLength(200);
        });
        modelBuilder.Entity<Kolomindeling>(b =>
        {
            b.ToTable("import_kolommen");
            b.Property(k => k.Id).ValueGeneratedNever();
            b.HasIndex(k => k.TenantId).IsUnique();
            b.Property(k => k.Kolommen).HasColumnType("jsonb");
            b.Property(k => k.GewijzigdDoor).HasMaxLength(200);
        });
        modelBuilder.Entity<SignaalWachtrij>(b =>
        {
            b.ToTable("signaal_wachtrij");
            b.Property(w => w.Id).UseIdentityByDefaultColumn();
        });
        modelBuilder.Entity<SignaalEvaluatieStand>(b =>
        {
            b.ToTable("signaal_evaluatie_stand");
            b.Property(e => e.Id).ValueGeneratedNever();
            b.HasIndex(e => e.TenantId).IsUnique();
            b.Property(e => e.Vingerafdruk).HasMaxLength(100);
        });
    }
}

internal sealed class DossiersDesignTimeFactory : ModuleDesignTimeFactory<DossiersDbContext>
{
    protected override string Schema => DossiersDbContext.SchemaName;

    protected override DossiersDbContext Create(DbContextOptions<DossiersDbContext> options, ICurrentTenant tenant) => new(options, tenant);
}
