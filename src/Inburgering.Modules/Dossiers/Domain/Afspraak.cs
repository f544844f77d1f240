using System.Text.Json.Serialization;
using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Dossiers.Domain;

/// <summary>
/// A planned meeting with the person: the KMG, the brede intake or a voortgangsgesprek, at a place or online, with an
/// interpreter when needed. Its outcome is recorded: held (which records the milestone itself), missed (to follow up) or cancelled.
/// </summary>
internal sealed class Afspraak : ITenantOwned
{
    private Afspraak()
    {
        MedewerkerId = string.Empty;
        MedewerkerNaam = string.Empty;
    }

    public Afspraak(Guid dossierId, AfspraakSoort soort, DateTimeOffset begin, int duurMinuten, string? locatie, string? adres, string? link, string? tolkTaal,
        string medewerkerId, string medewerkerNaam, DateTimeOffset nu)
    {
        Id = Guid.CreateVersion7(nu);
        DossierId = dossierId;
        Soort = soort;
        Begin = begin;
        DuurMinuten = duurMinuten;
        Locatie = locatie;
        Adres = adres;
        Link = link;
        TolkTaal = tolkTaal;
        MedewerkerId = medewerkerId;
        MedewerkerNaam = medewerkerNaam;
        Status = AfspraakStatus.Gepland;
        GeplandOp = nu;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid DossierId { get; private set; }

    public AfspraakSoort Soort { get; private set; }

    public DateTimeOffset Begin { get; private set; }

    public int DuurMinuten { get; private set; }

    public DateTimeOffset Einde => Begin.AddMinutes(DuurMinuten);

    /// <summary>Where: the azc, the town hall, a neighbourhood centre.</summary>
    public string? Locatie { get; private set; }

    public string? Adres { get; private set; }

    /// <summary>An https link for an online meeting.</summary>
    public string? Link { get; private set; }

    public string? TolkTaal { get; private set; }

    /// <summary>Whose agenda it is in: the person who planned it.</summary>
    public string MedewerkerId { get; private set; }

    public string MedewerkerNaam { get; private set; }

    public AfspraakStatus Status { get; private set; }

    public string? Toelichting { get; private set; }

    /// <summary>A missed appointment is followed up by a new one, or by a note why not.</summary>
    public DateTimeOffset? OpgevolgdOp { get; private set; }

    public DateTimeOffset GeplandOp { get; private set; }

    public bool TeVolgen => Status == AfspraakStatus.Gemist && OpgevolgdOp is null;

    public void LegUitkomstVast(AfspraakStatus status, string? toelichting)
    {
        Status = status;
        Toelichting = toelichting;
    }

    public void VolgOp(DateTimeOffset nu, string? toelichting)
    {
        OpgevolgdOp = nu;
        Toelichting = toelichting ?? Toelichting;
    }
}

[JsonConverter(typeof(JsonStringEnumConverter<AfspraakSoort>))]
internal enum AfspraakSoort
{
    [JsonStringEnumMemberName("kennismakingsgesprek")] Kennismakingsgesprek = 1,
    [JsonStringEnumMemberName("brede-intake")] BredeIntake = 2,
    [JsonStringEnumMemberName("voortgangsgesprek")] Voortgangsgesprek = 3,
    [JsonStringEnumMemberName("overig")] Overig = 4,
}

[JsonConverter(typeof(JsonStringEnumConverter<AfspraakStatus>))]
internal enum AfspraakStatus
{
    [JsonStringEnumMemberName("gepland")] Gepland = 1,
    [JsonStringEnumMemberName("gehouden")] Gehouden = 2,
    [JsonStringEnumMemberName("gemist")] Gemist = 3,
    [JsonStringEnumMemberName("geannuleerd")] Geannuleerd = 4,
}
