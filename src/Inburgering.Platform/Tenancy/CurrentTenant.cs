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
    private bool _observed;

    public Guid? Id
    {
        get
        {
            _observed = true;
            return _id;
        }
    }

    /// <summary>
    /// Binding happens once, before anything reads the tenant: a DbContext created earlier would
    /// otherwise keep a stale (host) tenant for the rest of the scope.
    /// </summary>
    internal void Bind(Guid? tenantId)
    {
        if (_bound)
        {
            throw new TenantIsolationException("The tenant of this scope is already bound; enter a new TenantScope instead.");
        }

        if (_observed)
        {
            throw new TenantIsolationException("The tenant was read before it was bound; bind it at the start of the scope.");
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
