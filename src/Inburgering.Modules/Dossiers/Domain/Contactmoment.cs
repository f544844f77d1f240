using System.Text.Json.Serialization;
using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Dossiers.Domain;

/// <summary>
/// A note of a conversation, a phone call, a home visit or a letter received: who took part, the interpreter's
/// language, and the text. A note about health is special-category data: only those with the health permission
/// write or see it, and each read of one is logged apart.
/// </summary>
internal sealed class Contactmoment : ITenantOwned
{
    private Contactmoment()
    {
        Tekst = string.Empty;
        VastgelegdDoor = string.Empty;
    }

    public Contactmoment(Guid dossierId, ContactSoort soort, DateOnly datum, string? deelnemers, string? tolkTaal, string tekst, bool gezondheid, string door, DateTimeOffset nu)
    {
        Id = Guid.CreateVersion7(nu);
        DossierId = dossierId;
        Soort = soort;
        Datum = datum;
        Deelnemers = deelnemers;
        TolkTaal = tolkTaal;
        Tekst = tekst;
        Gezondheid = gezondheid;
        VastgelegdDoor = door;
        VastgelegdOp = nu;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid DossierId { get; private set; }

    public ContactSoort Soort { get; private set; }

    public DateOnly Datum { get; private set; }

    public string? Deelnemers { get; private set; }

    /// <summary>The interpreter's language, when one was used.</summary>
    public string? TolkTaal { get; private set; }

    public string Tekst { get; private set; }

    public bool Gezondheid { get; private set; }

    public string VastgelegdDoor { get; private set; }

    public DateTimeOffset VastgelegdOp { get; private set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ContactSoort>))]
internal enum ContactSoort
{
    [JsonStringEnumMemberName("gesprek")] Gesprek = 1,
    [JsonStringEnumMemberName("telefoon")] Telefoon = 2,
    [JsonStringEnumMemberName("huisbezoek")] Huisbezoek = 3,
    [JsonStringEnumMemberName("brief-ontvangen")] BriefOntvangen = 4,
    [JsonStringEnumMemberName("overig")] Overig = 5,
}
