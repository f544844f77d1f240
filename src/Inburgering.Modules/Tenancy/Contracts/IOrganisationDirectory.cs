using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Tenancy.Contracts;

public sealed record OrganisationSummary(Guid Id, OrganisationKind Soort, string Naam, string Slug, bool Actief);

public sealed record CoaLocatieSummary(Guid Id, string Naam, string Plaats);

/// <summary>Read access to the organisation register for other modules.</summary>
public interface IOrganisationDirectory
{
    Task<OrganisationSummary?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<OrganisationSummary?> FindBySlugAsync(string slug, CancellationToken cancellationToken);

    /// <summary>The gemeenten that use the product; background fan-out enters one TenantScope per entry.</summary>
    Task<IReadOnlyList<OrganisationSummary>> ActiveTenantsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<OrganisationSummary>> FindManyAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken);

    Task<IReadOnlyList<CoaLocatieSummary>> CoaLocatiesAsync(CancellationToken cancellationToken);
}

/// <summary>Settings of the current tenant (the scope's gemeente).</summary>
public interface ITenantSettings
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, string value, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, string>> AllAsync(CancellationToken cancellationToken);
}
