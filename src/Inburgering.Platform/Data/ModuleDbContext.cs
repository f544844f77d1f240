using System.Linq.Expressions;
using System.Reflection;
using Inburgering.Platform.Beheerlog;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Inburgering.Platform.Data;

/// <summary>
/// Base of every module's DbContext: own schema, the named tenant filter on every tenant-owned entity,
/// and the SaveChanges guard. The tenant is the scope's, which never changes once bound.
/// </summary>
public abstract class ModuleDbContext : DbContext
{
    public const string TenantFilter = "Tenant";

    private static readonly PropertyInfo FilterValueProperty =
        typeof(ModuleDbContext).GetProperty(nameof(TenantFilterValue), BindingFlags.Instance | BindingFlags.NonPublic)!;

    private readonly ICurrentTenant _tenant;

    protected ModuleDbContext(DbContextOptions options, ICurrentTenant tenant)
        : base(options)
    {
        _tenant = tenant;
        // Every SaveChanges runs in a transaction, so the tenant setting for row-level security is always transaction-local.
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
    }

    /// <summary>The schema this module owns; its tables and migrations history live there.</summary>
    public abstract string Schema { get; }

    /// <summary>Read per query and per save: the scope's tenant, or null before binding and in host scopes.</summary>
    internal Guid? CurrentTenantId => _tenant.Id;

    /// <summary>
    /// Entities from libraries (Identity, OpenIddict) that cannot carry [HostLevel]: declared here with the reason.
    /// </summary>
    public virtual IReadOnlyDictionary<Type, string> ExternalHostLevelEntities { get; } = new Dictionary<Type, string>();

    /// <summary>With no tenant the filter compares with the empty id, which no row has: fail closed.</summary>
    private Guid TenantFilterValue => CurrentTenantId ?? Guid.Empty;

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        ConfigureModel(modelBuilder);
        ApplyTenantFilters(modelBuilder);
    }

    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    /// <summary>
    /// Entities whose changes are administration (who may do what, how the product behaves), with the name the admin
    /// trail gives them. Every save of one of them writes its trail entry in the same transaction.
    /// </summary>
    protected virtual IReadOnlyDictionary<Type, string> BeheerdeEntiteiten { get; } = new Dictionary<Type, string>();

    /// <summary>Whose trail a change belongs to; by default the row's own gemeente, else the gemeente the change was made in.</summary>
    protected virtual Guid? BeheerGemeente(EntityEntry entry) => entry.Entity is ITenantOwned owned ? owned.TenantId : CurrentTenantId;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardTenant();
        if (BeheerdeEntiteiten.Count == 0)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        return SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardTenant();
        var spoor = Beheerspoor.Volg(this, BeheerdeEntiteiten, BeheerGemeente);
        var log = spoor.Leeg ? null : this.GetService<IBeheerlog>();
        if (log is null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var eigen = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var aantal = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await log.SchrijfAsync(Database.GetDbConnection(), Database.CurrentTransaction!.GetDbTransaction(), spoor.Wijzigingen(this.GetService<TimeProvider>()), cancellationToken);
            if (eigen is not null)
            {
                await eigen.CommitAsync(cancellationToken);
            }

            return aantal;
        }
        finally
        {
            if (eigen is not null)
            {
                await eigen.DisposeAsync();
            }
        }
    }

    private void ApplyTenantFilters(ModelBuilder modelBuilder)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            if (!typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType) || entityType.BaseType is not null)
            {
                continue;
            }

            var row = Expression.Parameter(entityType.ClrType, "row");
            var body = Expression.Equal(
                Expression.Property(row, nameof(ITenantOwned.TenantId)),
                Expression.Property(Expression.Constant(this), FilterValueProperty));
            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(TenantFilter, Expression.Lambda(body, row));
        }
    }

    private void GuardTenant()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            GuardEntry(entry);
        }
    }

    private void GuardEntry(EntityEntry<ITenantOwned> entry)
    {
        if (entry.State is EntityState.Unchanged or EntityState.Detached)
        {
            return;
        }

        if (CurrentTenantId is not { } tenant)
        {
            throw new TenantIsolationException($"{entry.Metadata.ClrType.Name} is tenant-owned and this scope has no tenant.");
        }

        var property = entry.Property(e => e.TenantId);
        switch (entry.State)
        {
            case EntityState.Added when property.CurrentValue == Guid.Empty:
                property.CurrentValue = tenant;
                break;
            case EntityState.Added when property.CurrentValue != tenant:
                throw new TenantIsolationException($"{entry.Metadata.ClrType.Name} carries another tenant than the scope.");
            case EntityState.Modified or EntityState.Deleted
                when property.OriginalValue != tenant || property.CurrentValue != tenant:
                throw new TenantIsolationException($"{entry.Metadata.ClrType.Name} belongs to another tenant, or its tenant was changed.");
        }
    }
}
