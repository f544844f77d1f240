using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Dossiers.Domain;

/// <summary>A klantregisseur's named werkvoorraad view (filters and sort), private or shared with the whole team of the gemeente.</summary>
internal sealed class WerkvoorraadFilter : ITenantOwned
{
    private WerkvoorraadFilter()
    {
        Naam = string.Empty;
        EigenaarNaam = string.Empty;
        Wie = "mij";
    }

    public WerkvoorraadFilter(Guid eigenaarId, string eigenaarNaam, string naam, string wie, string? fase, string? q, string? signaal, string? sort, bool gedeeld, DateTimeOffset nu)
    {
        Id = Guid.CreateVersion7(nu);
        EigenaarId = eigenaarId;
        EigenaarNaam = eigenaarNaam;
        Naam = naam;
        Wie = wie;
        Fase = fase;
        Q = q;
        Signaal = signaal;
        Sort = sort;
        Gedeeld = gedeeld;
        AangemaaktOp = nu;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid EigenaarId { get; private set; }

    public string EigenaarNaam { get; private set; }

    public string Naam { get; private set; }

    /// <summary><c>mij</c> reads as "the caseload of whoever opens it", so a shared view works for each colleague.</summary>
    public string Wie { get; private set; }

    public string? Fase { get; private set; }

    public string? Q { get; private set; }

    public string? Signaal { get; private set; }

    public string? Sort { get; private set; }

    public bool Gedeeld { get; private set; }

    public DateTimeOffset AangemaaktOp { get; private set; }
}
