using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Auditing.Domain;

/// <summary>A stored entry of the admin trail (see <see cref="Platform.Beheerlog.Beheerwijziging"/>); written by SQL only.</summary>
[HostLevel("The platform's own trail has no gemeente; a policy on the table shows a gemeente only its own entries.")]
internal sealed class BeheerRegel
{
    private BeheerRegel()
    {
        ActorId = string.Empty;
        ActorNaam = string.Empty;
        Onderwerp = string.Empty;
        Sleutel = string.Empty;
        Handeling = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>Whose trail: a gemeente, or null for the platform's.</summary>
    public Guid? GemeenteId { get; private set; }

    public DateTimeOffset Tijdstip { get; private set; }

    public string ActorId { get; private set; }

    public string ActorNaam { get; private set; }

    public Guid? ActorOrganisatieId { get; private set; }

    public string Onderwerp { get; private set; }

    public string Sleutel { get; private set; }

    public string Handeling { get; private set; }

    public string? Voor { get; private set; }

    public string? Na { get; private set; }
}
