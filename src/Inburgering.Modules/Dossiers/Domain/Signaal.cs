using System.Text.Json.Serialization;
using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Dossiers.Domain;

/// <summary>The thirteen gaps and deadlines the jobs watch (domain guide, "Signals the jobs raise").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SignaalSoort>))]
internal enum SignaalSoort
{
    [JsonStringEnumMemberName("overdracht-ontbreekt")] OverdrachtOntbreekt = 1,
    [JsonStringEnumMemberName("kennismaking-ontbreekt")] KennismakingOntbreekt = 2,
    [JsonStringEnumMemberName("scenario-ontbreekt")] ScenarioOntbreekt = 3,
    [JsonStringEnumMemberName("tenzij-reden-ontbreekt")] TenzijRedenOntbreekt = 4,
    [JsonStringEnumMemberName("brede-intake-niet-gestart")] BredeIntakeNietGestart = 5,
    [JsonStringEnumMemberName("pip-termijn")] PipTermijn = 6,
    [JsonStringEnumMemberName("huisvesting-te-laat")] HuisvestingTeLaat = 7,
    [JsonStringEnumMemberName("gat-na-brede-intake")] GatNaBredeIntake = 8,
    [JsonStringEnumMemberName("leerroute-niet-gestart")] LeerrouteNietGestart = 9,
    [JsonStringEnumMemberName("termijn-eindigt")] TermijnEindigt = 10,
    [JsonStringEnumMemberName("ontzorgen-eindigt")] OntzorgenEindigt = 11,
    [JsonStringEnumMemberName("voortgangsgesprek-nodig")] VoortgangsgesprekNodig = 12,
    [JsonStringEnumMemberName("verblijfsdocument-ontbreekt")] VerblijfsdocumentOntbreekt = 13,
    [JsonStringEnumMemberName("onderdeel-niet-afgerond")] OnderdeelNietAfgerond = 14,
    [JsonStringEnumMemberName("lbt-ontbreekt")] LbtOntbreekt = 15,
    [JsonStringEnumMemberName("route-strijdig-met-lbt")] RouteStrijdigMetLbt = 16,
    [JsonStringEnumMemberName("kennisgeving-duo-ontbreekt")] KennisgevingDuoOntbreekt = 17,
}

[JsonConverter(typeof(JsonStringEnumConverter<Ernst>))]
internal enum Ernst
{
    [JsonStringEnumMemberName("info")] Info = 1,
    [JsonStringEnumMemberName("warning")] Warning = 2,
    [JsonStringEnumMemberName("overdue")] Overdue = 3,
}

[JsonConverter(typeof(JsonStringEnumConverter<SignaalStatus>))]
internal enum SignaalStatus
{
    [JsonStringEnumMemberName("open")] Open = 1,
    [JsonStringEnumMemberName("erkend")] Erkend = 2,
    [JsonStringEnumMemberName("gesnoozed")] Gesnoozed = 3,
    [JsonStringEnumMemberName("opgelost")] Opgelost = 4,
}

/// <summary>
/// An open gap or deadline on a dossier. Raised and resolved only by evaluation (the condition holds or not); people
/// acknowledge it or snooze it until a date. At most one open signal per dossier, type and cycle (a unique index).
/// </summary>
internal sealed class Signaal : ITenantOwned
{
    private Signaal()
    {
        Cyclus = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid DossierId { get; private set; }

    public SignaalSoort Soort { get; private set; }

    /// <summary>Which occurrence: "1" for one-off gaps, a date or a named window for recurring ones.</summary>
    public string Cyclus { get; private set; }

    public Ernst Ernst { get; private set; }

    public DateOnly ZichtbaarVanaf { get; private set; }

    public DateOnly Vervaldatum { get; private set; }

    /// <summary>A date the text mentions besides the deadline (the planned KMG, the previous talk, …).</summary>
    public DateOnly? Datum { get; private set; }

    /// <summary>A number the text mentions (the scenario).</summary>
    public int? Getal { get; private set; }

    /// <summary>The norm version that set the dates: key, value, from when, and whether it was the gemeente's own.</summary>
    public string? Norm { get; private set; }

    public int? NormWaarde { get; private set; }

    public DateOnly? NormGeldigVanaf { get; private set; }

    public bool? NormVanGemeente { get; private set; }

    /// <summary>What the klantregisseur should do, in plain Dutch; written from the stored facts when read.</summary>
    public string Tekst => SignaalTekst.Tekst(Soort, Cyclus, Vervaldatum, Datum, Getal);

    /// <summary>Which norm (and whose version) set the dates.</summary>
    public string Uitleg => SignaalTekst.Uitleg(Soort, Norm, NormWaarde, NormGeldigVanaf, NormVanGemeente);

    public DateTimeOffset VerhoogdOp { get; private set; }

    /// <summary>The severity it was raised with; later changes are events in its history.</summary>
    public Ernst ErnstBijVerhoging { get; private set; }

    public DateTimeOffset? OpgelostOp { get; private set; }

    public DateTimeOffset? ErkendOp { get; private set; }

    public string? ErkendDoor { get; private set; }

    public DateOnly? GesnoozedTot { get; private set; }

    public string? SnoozeReden { get; private set; }

    public SignaalStatus StatusOp(DateOnly vandaag) =>
        OpgelostOp is not null ? SignaalStatus.Opgelost
        : GesnoozedTot is { } tot && tot > vandaag ? SignaalStatus.Gesnoozed
        : ErkendOp is not null ? SignaalStatus.Erkend
        : SignaalStatus.Open;

    public void Erken(string door, DateTimeOffset nu)
    {
        ErkendOp = nu;
        ErkendDoor = door;
    }

    public void Snooze(DateOnly tot, string reden)
    {
        GesnoozedTot = tot;
        SnoozeReden = reden;
    }
}

/// <summary>
/// What happened to a signal between raising and resolving (both on the signal itself): severity or due date changed,
/// acknowledged, snoozed. The history a person sees is the three together.
/// </summary>
internal sealed class SignaalGebeurtenis : ITenantOwned
{
    public const string Verhoogd = "verhoogd";
    public const string Gewijzigd = "gewijzigd";
    public const string Erkend = "erkend";
    public const string Gesnoozed = "gesnoozed";
    public const string Opgelost = "opgelost";

    private SignaalGebeurtenis()
    {
        Soort = string.Empty;
    }

    public SignaalGebeurtenis(Guid signaalId, Guid dossierId, string soort, DateTimeOffset tijdstip, string? door, string? reden, DateOnly? tot, Ernst? ernst)
    {
        Id = Guid.CreateVersion7(tijdstip);
        SignaalId = signaalId;
        DossierId = dossierId;
        Soort = soort;
        Tijdstip = tijdstip;
        Door = door;
        Reden = reden;
        Tot = tot;
        Ernst = ernst;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid SignaalId { get; private set; }

    public Guid DossierId { get; private set; }

    /// <summary>Assigned by the database: the order of events that share a moment.</summary>
    public long Volgnummer { get; private set; }

    public string Soort { get; private set; }

    public DateTimeOffset Tijdstip { get; private set; }

    public string? Door { get; private set; }

    public string? Reden { get; private set; }

    public DateOnly? Tot { get; private set; }

    public Ernst? Ernst { get; private set; }
}

/// <summary>
/// Transactional outbox: a changed dossier is queued in the same transaction as the change, and the worker re-evaluates
/// it within seconds. Host-level (ids only) so one reader serves every gemeente; it enters each gemeente to evaluate.
/// </summary>
[HostLevel("Ids only; read across gemeenten by the outbox relay, which evaluates each inside its own tenant scope.")]
internal sealed class SignaalWachtrij
{
    private SignaalWachtrij()
    {
    }

    public SignaalWachtrij(Guid gemeenteId, Guid dossierId, DateTimeOffset nu)
    {
        GemeenteId = gemeenteId;
        DossierId = dossierId;
        AangemaaktOp = nu;
    }

    public long Id { get; private set; }

    public Guid GemeenteId { get; private set; }

    public Guid DossierId { get; private set; }

    public DateTimeOffset AangemaaktOp { get; private set; }
}

/// <summary>
/// A gemeente's last full sweep: its day, the fingerprint of the norms and rules it applied, and when it started. A
/// later sweep on the same day under the same norms can only find what was written since.
/// </summary>
internal sealed class SignaalEvaluatieStand : ITenantOwned
{
    private SignaalEvaluatieStand()
    {
        Vingerafdruk = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public DateOnly Dag { get; private set; }

    public string Vingerafdruk { get; private set; }

    public DateTimeOffset GestartOp { get; private set; }
}
