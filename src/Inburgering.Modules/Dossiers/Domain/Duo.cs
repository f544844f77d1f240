using System.Text.Json.Serialization;
using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Dossiers.Domain;

/// <summary>
/// A message from DUO about one person, as recorded (by hand, or from DUO's periodic overview): the kennisgeving,
/// a correction of it, LBT and exam results, ontheffing and vrijstelling with their grounds, and extensions.
/// </summary>
internal sealed class DuoBericht : ITenantOwned
{
    private DuoBericht()
    {
        Bron = string.Empty;
    }

    public DuoBericht(Guid dossierId, DuoSoort soort, DateOnly datum, DateOnly? waarde, string? tekst, string bron, DateTimeOffset nu)
    {
        Id = Guid.CreateVersion7(nu);
        DossierId = dossierId;
        Soort = soort;
        Datum = datum;
        Waarde = waarde;
        Tekst = tekst;
        Bron = bron;
        VastgelegdOp = nu;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid DossierId { get; private set; }

    public DuoSoort Soort { get; private set; }

    /// <summary>The date of DUO's message or decision.</summary>
    public DateOnly Datum { get; private set; }

    /// <summary>The date the message is about: the kennisgeving, DUO's end of the termijn, the day an ontheffing applies.</summary>
    public DateOnly? Waarde { get; private set; }

    /// <summary>The ground (ontheffing, vrijstelling, extension), or the result ("lezen B1 geslaagd", "b1-haalbaar").</summary>
    public string? Tekst { get; private set; }

    /// <summary>"hand" or "overzicht:&lt;file&gt;".</summary>
    public string Bron { get; private set; }

    public DateTimeOffset VastgelegdOp { get; private set; }
}

/// <summary>Where DUO's data and the dossier disagree, until the klantregisseur resolves it one way or the other.</summary>
internal sealed class DuoVerschil : ITenantOwned
{
    private DuoVerschil()
    {
        Veld = string.Empty;
        VolgensDuo = string.Empty;
    }

    public DuoVerschil(Guid dossierId, Guid berichtId, string veld, string? inDossier, string volgensDuo, DateTimeOffset nu)
    {
        Id = Guid.CreateVersion7(nu);
        DossierId = dossierId;
        BerichtId = berichtId;
        Veld = veld;
        InDossier = inDossier;
        VolgensDuo = volgensDuo;
        GevondenOp = nu;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid DossierId { get; private set; }

    public Guid BerichtId { get; private set; }

    /// <summary>kennisgeving, termijn-einde, lbt or plicht (DUO says it ended, the dossier runs).</summary>
    public string Veld { get; private set; }

    public string? InDossier { get; private set; }

    public string VolgensDuo { get; private set; }

    public DateTimeOffset GevondenOp { get; private set; }

    public DuoAfhandeling? Afhandeling { get; private set; }

    public string? Toelichting { get; private set; }

    public string? AfgehandeldDoor { get; private set; }

    public DateTimeOffset? AfgehandeldOp { get; private set; }

    public void Handel(DuoAfhandeling afhandeling, string? toelichting, string door, DateTimeOffset nu)
    {
        Afhandeling = afhandeling;
        Toelichting = toelichting;
        AfgehandeldDoor = door;
        AfgehandeldOp = nu;
    }
}

[JsonConverter(typeof(JsonStringEnumConverter<DuoSoort>))]
internal enum DuoSoort
{
    [JsonStringEnumMemberName("kennisgeving")] Kennisgeving = 1,
    [JsonStringEnumMemberName("correctie")] Correctie = 2,
    [JsonStringEnumMemberName("lbt-uitslag")] LbtUitslag = 3,
    [JsonStringEnumMemberName("examenuitslag")] Examenuitslag = 4,
    [JsonStringEnumMemberName("ontheffing")] Ontheffing = 5,
    [JsonStringEnumMemberName("ontheffing-gedeeltelijk")] OntheffingGedeeltelijk = 6,
    [JsonStringEnumMemberName("vrijstelling")] Vrijstelling = 7,
    [JsonStringEnumMemberName("verlenging")] Verlenging = 8,
}

[JsonConverter(typeof(JsonStringEnumConverter<DuoAfhandeling>))]
internal enum DuoAfhandeling
{
    /// <summary>DUO is right: the dossier takes DUO's value.</summary>
    [JsonStringEnumMemberName("neem-duo-over")] NeemDuoOver = 1,

    /// <summary>The dossier is right (DUO will correct): kept as it is, with why.</summary>
    [JsonStringEnumMemberName("dossier-klopt")] DossierKlopt = 2,
}
