using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Auditing.Domain;

/// <summary>A stored entry of the processing log (see <see cref="Contracts.Verwerking"/>).</summary>
internal sealed class VerwerkingsRegel : ITenantOwned
{
    private VerwerkingsRegel()
    {
        ActorId = string.Empty;
        Handeling = string.Empty;
        Onderdeel = string.Empty;
        DossierIds = [];
    }

    public VerwerkingsRegel(Contracts.Verwerking verwerking)
    {
        Id = Guid.CreateVersion7(verwerking.Tijdstip);
        ActorId = verwerking.ActorId;
        OrganisatieId = verwerking.OrganisatieId;
        Handeling = verwerking.Handeling;
        Onderdeel = verwerking.Onderdeel;
        DossierIds = [.. verwerking.DossierIds];
        Tijdstip = verwerking.Tijdstip;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public DateTimeOffset Tijdstip { get; private set; }

    public string ActorId { get; private set; }

    public Guid OrganisatieId { get; private set; }

    public string Handeling { get; private set; }

    public string Onderdeel { get; private set; }

    public List<Guid> DossierIds { get; private set; }
}
