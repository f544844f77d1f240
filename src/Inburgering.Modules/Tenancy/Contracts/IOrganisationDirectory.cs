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

    /// <summary>The gemeenten of a regio (empty when the id is no regio).</summary>
    Task<IReadOnlyList<OrganisationSummary>> RegioGemeentenAsync(Guid regioId, CancellationToken cancellationToken);

    /// <summary>The housing quota of a gemeente for a half-year such as <c>2023-II</c>; null when none is registered.</summary>
    Task<int?> TaakstellingAsync(Guid gemeenteId, string halfjaar, CancellationToken cancellationToken);

    /// <summary>Every half-year quota registered for a gemeente, as published (<c>2023-II</c>, …).</summary>
    Task<IReadOnlyList<TaakstellingQuotum>> TaakstellingenAsync(Guid gemeenteId, CancellationToken cancellationToken);
}

public sealed record TaakstellingQuotum(string Halfjaar, int Aantal, int WaarvanAmv);

/// <summary>Settings of the current tenant (the scope's gemeente).</summary>
public interface ITenantSettings
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, string value, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, string>> AllAsync(CancellationToken cancellationToken);
}

public sealed record OrganisatieView(Guid Id, string Soort, string Naam, string Slug, bool Actief, DateTimeOffset? ActiefSinds);

public sealed record RegioAanmaak(string? Naam, IReadOnlyList<Guid>? Gemeenten);

public sealed record CoaLocatieView(Guid Id, string Naam, string Soort, string Plaats, Guid? RegioId, bool Actief);

public sealed record CoaLocatieInvoer(string? Naam, string? Soort, string? Plaats, Guid? RegioId, bool Actief = true);

/// <summary>The platform beheerder's register work: activating gemeenten as tenants, regios, COA locations.</summary>
public interface IOrganisationAdministration
{
    Task<IReadOnlyList<OrganisatieView>> ListAsync(string? soort, bool? actief, string? zoek, CancellationToken cancellationToken);

    /// <summary>Only gemeenten are (de)activated; a deactivated gemeente keeps its data, its people lose access.</summary>
    Task<OrganisatieView> SetActiveAsync(Guid id, bool actief, CancellationToken cancellationToken);

    Task<OrganisatieView> CreateRegioAsync(RegioAanmaak aanmaak, CancellationToken cancellationToken);

    Task<IReadOnlyList<CoaLocatieView>> CoaLocatiesAsync(CancellationToken cancellationToken);

    Task<CoaLocatieView> SaveCoaLocatieAsync(Guid? id, CoaLocatieInvoer invoer, CancellationToken cancellationToken);
}

public static class TenancyErrors
{
    public const string Validation = "Tenancy:Validation";
    public const string NotFound = "Tenancy:OrganisationNotFound";
    public const string NotAGemeente = "Tenancy:NotAGemeente";
    public const string CoaLocatieNotFound = "Tenancy:CoaLocatieNotFound";
    public const string NameTaken = "Tenancy:NameTaken";
    public const string SettingNotFound = "Tenancy:SettingNotFound";
    public const string PolicyParameterNotFound = "Tenancy:PolicyParameterNotFound";
    public const string PolicyVersionExists = "Tenancy:PolicyVersionExists";
    public const string PolicyVersionInEffect = "Tenancy:PolicyVersionInEffect";
}

/// <summary>A setting a gemeente may change, declared by the module that reads it; the beheer API accepts only these.</summary>
public sealed record TenantSettingDefinition(string Sleutel, string Omschrijving, string Standaard, IReadOnlyList<string> Waarden);

/// <summary>
/// Told when a gemeente stops being a tenant, after the change is stored: a module ends what it let that gemeente's
/// parties do (Identity revokes its integrations' tokens).
/// </summary>
public interface IBijDeactivering
{
    Task GedeactiveerdAsync(Guid organisatieId, CancellationToken cancellationToken);
}
