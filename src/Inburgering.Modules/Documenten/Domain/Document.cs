using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Documenten.Domain;

/// <summary>
/// A letter made from a template for one dossier, kept as it was made: its HTML, and which template version produced
/// it. It stays with the gemeente that made it, also when the dossier moves on an omkoppeling: the decision was its own.
/// </summary>
internal sealed class Document : ITenantOwned
{
    public const string TerGoedkeuring = "ter-goedkeuring";
    public const string Verzonden = "verzonden";

    private Document()
    {
        Sleutel = string.Empty;
        Titel = string.Empty;
        Html = string.Empty;
        GemaaktDoorId = string.Empty;
        GemaaktDoorNaam = string.Empty;
    }

    public Document(Guid dossierId, string sleutel, string titel, int sjabloonVersie, string html, bool vierOgen, (string Id, string Naam) door, DateTimeOffset nu)
    {
        Id = Guid.CreateVersion7(nu);
        DossierId = dossierId;
        Sleutel = sleutel;
        Titel = titel;
        SjabloonVersie = sjabloonVersie;
        Html = html;
        GemaaktDoorId = door.Id;
        GemaaktDoorNaam = door.Naam;
        GemaaktOp = nu;
        VerzondenOp = vierOgen ? null : nu;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid DossierId { get; private set; }

    public string Sleutel { get; private set; }

    public string Titel { get; private set; }

    /// <summary>The gemeente's version number of the template, or 0 for the default.</summary>
    public int SjabloonVersie { get; private set; }

    public string Html { get; private set; }

    /// <summary><see cref="TerGoedkeuring"/> while a second colleague must approve it (four eyes), else <see cref="Verzonden"/>.</summary>
    public string Status => VerzondenOp is null ? TerGoedkeuring : Verzonden;

    public string GemaaktDoorId { get; private set; }

    public string GemaaktDoorNaam { get; private set; }

    public DateTimeOffset GemaaktOp { get; private set; }

    public string? GoedgekeurdDoorId { get; private set; }

    public string? GoedgekeurdDoorNaam { get; private set; }

    public DateTimeOffset? VerzondenOp { get; private set; }

    public void KeurGoed((string Id, string Naam) door, DateTimeOffset nu)
    {
        GoedgekeurdDoorId = door.Id;
        GoedgekeurdDoorNaam = door.Naam;
        VerzondenOp = nu;
    }
}
