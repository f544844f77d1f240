namespace Inburgering.Platform.Tenancy;

/// <summary>The gemeente whose data this DI scope may touch; null means host level (no tenant rows).</summary>
public interface ICurrentTenant
{
    Guid? Id { get; }
}

internal sealed class CurrentTenant : ICurrentTenant
{
    private Guid? _id;
    private bool _bound;

    /// <summary>
    /// Until the scope is bound this reads as host (no tenant rows). Readers must not keep the value:
    /// DbContexts read it per query and per save, so authentication may run before the tenant is known.
    /// </summary>
    public Guid? Id => _id;

    /// <summary>Binding happens once; a scope never moves from one tenant to another.</summary>
    internal void Bind(Guid? tenantId)
    {
        if (_bound)
        {
            throw new TenantIsolationException("The tenant of this scope is already bound; enter a new TenantScope instead.");
        }

        if (tenantId == Guid.Empty)
        {
            throw new TenantIsolationException("An empty tenant id is not a tenant.");
        }

        _id = tenantId;
        _bound = true;
    }
}

public sealed class TenantIsolationException(string message) : InvalidOperationException(message);
