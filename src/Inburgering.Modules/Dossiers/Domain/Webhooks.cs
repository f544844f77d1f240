using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Dossiers.Domain;

/// <summary>
/// A gemeente's subscription of another system to events. The signing secrets are stored encrypted; after a rotation
/// the previous one keeps signing alongside the new one for a day, so the receiver can switch without losing a message.
/// </summary>
internal sealed class WebhookAbonnement : ITenantOwned
{
    private WebhookAbonnement()
    {
        Naam = Url = AangemaaktDoor = string.Empty;
    }

    public WebhookAbonnement(string naam, string url, string[] soorten, string door, DateTimeOffset nu)
    {
        Id = Guid.CreateVersion7(nu);
        (Naam, Url, Soorten, Actief, AangemaaktDoor, AangemaaktOp, GewijzigdOp) = (naam, url, soorten, true, door, nu, nu);
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Naam { get; set; }

    public string Url { get; set; }

    /// <summary>The event types (CloudEvents <c>type</c>) it receives.</summary>
    public string[] Soorten { get; set; } = [];

    public bool Actief { get; set; }

    public string? SleutelVersleuteld { get; set; }

    public string? VorigeSleutelVersleuteld { get; set; }

    public DateTimeOffset? VorigeSleutelTot { get; set; }

    public string AangemaaktDoor { get; private set; }

    public DateTimeOffset AangemaaktOp { get; private set; }

    public DateTimeOffset GewijzigdOp { get; set; }
}

[HostLevel("Ids and event types only, no personal data; the outbox the relay reads across gemeenten before it fans each event out inside its gemeente.")]
internal sealed class GebeurtenisUitgang
{
    private GebeurtenisUitgang()
    {
        Soort = Gegevens = string.Empty;
    }

    public long Id { get; private set; }

    public Guid GemeenteId { get; private set; }

    public Guid EventId { get; private set; }

    public string Soort { get; private set; }

    public Guid DossierId { get; private set; }

    public DateTimeOffset Tijdstip { get; private set; }

    public string Gegevens { get; private set; }
}

[HostLevel("Ids, types and delivery state only; read across gemeenten by the relay, and a policy on the table shows a gemeente only its own.")]
internal sealed class WebhookAflevering
{
    private WebhookAflevering()
    {
        Soort = Gegevens = Status = string.Empty;
    }

    public long Id { get; private set; }

    public Guid GemeenteId { get; private set; }

    public Guid AbonnementId { get; private set; }

    public Guid EventId { get; private set; }

    public string Soort { get; private set; }

    public Guid DossierId { get; private set; }

    /// <summary>The outbox row's number: the order of events, kept per dossier.</summary>
    public long Volgnummer { get; private set; }

    public DateTimeOffset Tijdstip { get; private set; }

    public string Gegevens { get; private set; }

    /// <summary>wachtend, afgeleverd or dood (dead-lettered after the last try).</summary>
    public string Status { get; private set; }

    public int Pogingen { get; private set; }

    public DateTimeOffset VolgendePoging { get; private set; }

    public DateTimeOffset? BezigTot { get; private set; }

    public int? LaatsteStatus { get; private set; }

    public string? LaatsteFout { get; private set; }

    public DateTimeOffset? AfgeleverdOp { get; private set; }

    public void Opnieuw(DateTimeOffset nu) => (Status, Pogingen, VolgendePoging, BezigTot) = ("wachtend", 0, nu, null);
}
