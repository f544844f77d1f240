using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Dossiers.Domain;

internal enum OmkoppelingStatus
{
    Aangeboden = 1,
    Geaccepteerd = 2,
    Geweigerd = 3,
    Ingetrokken = 4,
}

/// <summary>
/// An offer to move a dossier to another gemeente. Both gemeenten see it (row-level security allows source and
/// target), so it holds only what the target needs to decide: the V-nummer, the name and the household size.
/// </summary>
[HostLevel("Shared by exactly two gemeenten, the source and the target; a policy on the table limits it to them.")]
internal sealed class Omkoppeling
{
    private Omkoppeling()
    {
        VNummer = string.Empty;
        Naam = string.Empty;
        AangebodenDoor = string.Empty;
    }

    public Omkoppeling(Guid dossierId, Guid bronGemeenteId, Guid doelGemeenteId, string vNummer, string naam, int huishoudenGrootte,
        string? toelichting, string aangebodenDoor, DateTimeOffset nu)
    {
        Id = Guid.CreateVersion7(nu);
        DossierId = dossierId;
        BronGemeenteId = bronGemeenteId;
        DoelGemeenteId = doelGemeenteId;
        VNummer = vNummer;
        Naam = naam;
        HuishoudenGrootte = huishoudenGrootte;
        Toelichting = toelichting;
        AangebodenDoor = aangebodenDoor;
        AangebodenOp = nu;
        Status = OmkoppelingStatus.Aangeboden;
    }

    public Guid Id { get; private set; }

    public Guid DossierId { get; private set; }

    public Guid BronGemeenteId { get; private set; }

    public Guid DoelGemeenteId { get; private set; }

    public string VNummer { get; private set; }

    public string Naam { get; private set; }

    public int HuishoudenGrootte { get; private set; }

    public string? Toelichting { get; private set; }

    public OmkoppelingStatus Status { get; private set; }

    public string AangebodenDoor { get; private set; }

    public DateTimeOffset AangebodenOp { get; private set; }

    public string? AfgehandeldDoor { get; private set; }

    public DateTimeOffset? AfgehandeldOp { get; private set; }

    public string? Weigerreden { get; private set; }

    public void Accepteer(string door, DateTimeOffset nu) => Handel(OmkoppelingStatus.Geaccepteerd, door, nu, null);

    public void Weiger(string door, string reden, DateTimeOffset nu) => Handel(OmkoppelingStatus.Geweigerd, door, nu, reden);

    public void TrekIn(string door, DateTimeOffset nu) => Handel(OmkoppelingStatus.Ingetrokken, door, nu, null);

    private void Handel(OmkoppelingStatus status, string door, DateTimeOffset nu, string? reden)
    {
        Status = status;
        AfgehandeldDoor = door;
        AfgehandeldOp = nu;
        Weigerreden = reden;
    }
}

/// <summary>
/// Where each dossier's person lives now, for COA: no personal data, only ids and the move date, so a COA casemanager
/// can be routed to the right gemeente's dossiers without crossing tenant boundaries in one query.
/// </summary>
[HostLevel("Ids and dates only; COA casemanagers act across gemeenten and are routed through it into each gemeente's scope.")]
internal sealed class CoaVerblijf
{
    private CoaVerblijf()
    {
    }

    public CoaVerblijf(Guid dossierId, Guid gemeenteId, Guid coaLocatieId, DateOnly? verhuisdatum)
    {
        DossierId = dossierId;
        GemeenteId = gemeenteId;
        CoaLocatieId = coaLocatieId;
        Verhuisdatum = verhuisdatum;
    }

    public Guid DossierId { get; private set; }

    public Guid GemeenteId { get; private set; }

    public Guid CoaLocatieId { get; private set; }

    public DateOnly? Verhuisdatum { get; private set; }

    /// <summary>COA's view ends 14 days after the move.</summary>
    public const int GraceDagen = 14;

    public void Werkbij(Guid gemeenteId, Guid coaLocatieId, DateOnly? verhuisdatum)
    {
        GemeenteId = gemeenteId;
        CoaLocatieId = coaLocatieId;
        Verhuisdatum = verhuisdatum;
    }
}
