namespace Inburgering.Platform.Data;

/// <summary>
/// Idempotent seed step run after migrations, inside a host-level TenantScope. Seeders that write tenant data
/// enter a TenantScope per tenant themselves.
/// </summary>
public interface IDataSeeder
{
    int Order { get; }

    Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken);
}
