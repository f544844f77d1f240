using Inburgering.Modules.Identity.Domain;
using Inburgering.Platform.Data;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace Inburgering.Modules.Identity.Data;

internal sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options, ICurrentTenant tenant)
    : ModuleDbContext(options, tenant), IDataProtectionKeyContext
{
    public const string SchemaName = "identity";

    public override string Schema => SchemaName;

    protected override IReadOnlyDictionary<Type, string> BeheerdeEntiteiten { get; } = new Dictionary<Type, string>
    {
        [typeof(User)] = "gebruiker",
        [typeof(Membership)] = "lidmaatschap",
        [typeof(RolePermissionGrant)] = "bevoegdheid",
        [typeof(OpenIddictEntityFrameworkCoreApplication<Guid>)] = "client",
    };

    /// <summary>A membership of a gemeente is that gemeente's business, wherever it was changed from; other memberships are the platform's.</summary>
    protected override Guid? BeheerGemeente(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) => entry.Entity switch
    {
        Membership m => m.Soort == OrganisationKind.Gemeente ? m.OrganisationId : null,
        _ => base.BeheerGemeente(entry),
    };

    public override IReadOnlyDictionary<Type, string> ExternalHostLevelEntities { get; } = new Dictionary<Type, string>
    {
        [typeof(IdentityUserClaim<Guid>)] = "belongs to a global user identity",
        [typeof(IdentityUserLogin<Guid>)] = "belongs to a global user identity",
        [typeof(IdentityUserToken<Guid>)] = "authenticator keys and recovery codes of a global user identity",
        [typeof(OpenIddictEntityFrameworkCoreApplication<Guid>)] = "OIDC clients are registered by the platform; their organisation is a property",
        [typeof(OpenIddictEntityFrameworkCoreAuthorization<Guid>)] = "consent of a global user identity to a client",
        [typeof(OpenIddictEntityFrameworkCoreScope<Guid>)] = "scopes are defined by the platform",
        [typeof(OpenIddictEntityFrameworkCoreToken<Guid>)] = "token entries of global identities and clients, checked on every request",
        [typeof(DataProtectionKey)] = "the key ring every instance shares to protect cookies and antiforgery tokens",
    };

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<User> Users => Set<User>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<RolePermissionGrant> RolePermissionGrants => Set<RolePermissionGrant>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.AddInterceptors(OidcInvoerWachter.Instantie);

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.UseOpenIddict<Guid>();
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreApplication<Guid>>().ToTable("oidc_applications");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreAuthorization<Guid>>().ToTable("oidc_authorizations");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreScope<Guid>>().ToTable("oidc_scopes");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreToken<Guid>>().ToTable("oidc_tokens");
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        modelBuilder.Entity<User>(b =>
        {
            b.ToTable("users");
            b.HasIndex(u => u.NormalizedUserName).IsUnique();
            b.HasIndex(u => u.NormalizedEmail).IsUnique();
            b.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
            b.Property(u => u.UserName).HasMaxLength(256);
            b.Property(u => u.NormalizedUserName).HasMaxLength(256);
            b.Property(u => u.Email).HasMaxLength(256);
            b.Property(u => u.NormalizedEmail).HasMaxLength(256);
            b.Property(u => u.Naam).HasMaxLength(200);
            b.Property(u => u.Taal).HasMaxLength(5);
            b.HasMany<IdentityUserClaim<Guid>>().WithOne().HasForeignKey(c => c.UserId).IsRequired();
            b.HasMany<IdentityUserLogin<Guid>>().WithOne().HasForeignKey(l => l.UserId).IsRequired();
            b.HasMany<IdentityUserToken<Guid>>().WithOne().HasForeignKey(t => t.UserId).IsRequired();
        });
        modelBuilder.Entity<IdentityUserClaim<Guid>>(b =>
        {
            b.ToTable("user_claims");
            b.HasKey(c => c.Id);
        });
        modelBuilder.Entity<IdentityUserLogin<Guid>>(b =>
        {
            b.ToTable("user_logins");
            b.HasKey(l => new { l.LoginProvider, l.ProviderKey });
        });
        modelBuilder.Entity<IdentityUserToken<Guid>>(b =>
        {
            b.ToTable("user_tokens");
            b.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
        });
        modelBuilder.Entity<Membership>(b =>
        {
            b.ToTable("memberships");
            b.Property(m => m.Soort).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(m => new { m.UserId, m.OrganisationId }).IsUnique();
            b.HasIndex(m => m.OrganisationId);
            b.HasOne<User>().WithMany().HasForeignKey(m => m.UserId);
        });
        modelBuilder.Entity<RolePermissionGrant>(b =>
        {
            b.ToTable("role_permission_grants");
            b.Property(g => g.Rol).HasMaxLength(50);
            b.Property(g => g.Permissie).HasMaxLength(100);
            b.HasIndex(g => new { g.TenantId, g.Rol, g.Permissie }).IsUnique();
        });
    }
}
