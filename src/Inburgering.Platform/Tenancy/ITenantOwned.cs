namespace Inburgering.Platform.Tenancy;

/// <summary>
/// Marks an entity whose rows belong to one gemeente. The tenant filter, the SaveChanges guard and
/// row-level security apply to it. Declare the setter private: only the guard stamps it.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}

/// <summary>
/// Declares an entity deliberately shared by all tenants (reference data, the organisation register).
/// The reason is required so that a reviewer sees why the tenant filter does not apply.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class HostLevelAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
