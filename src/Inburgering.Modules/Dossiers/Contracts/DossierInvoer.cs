using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Inburgering.Modules.Dossiers.Contracts;

/// <summary>
/// The version a write is based on. The API takes it from If-Match, a form from the version it was rendered with; a
/// stale one is refused (412) and nothing is lost.
/// </summary>
public sealed record Versievoorwaarde(IReadOnlySet<int>? Versies)
{
    /// <summary>If-Match: * — any version.</summary>
    public static Versievoorwaarde Elke { get; } = new((IReadOnlySet<int>?)null);

    /// <summary>No version named at all: refused (428) once the dossier is known to be there for the caller.</summary>
    public static Versievoorwaarde Ontbreekt { get; } = new(new HashSet<int>()) { Genoemd = false };

    public bool Genoemd { get; private init; } = true;

    public static Versievoorwaarde Precies(int versie) => new(new HashSet<int> { versie });

    public bool Past(int versie) => Versies is null || Versies.Contains(versie);
}

/// <summary>Fields a form could not even read (a date typed wrongly), refused together with the rest of the input.</summary>
public sealed record Onleesbaar(IReadOnlyDictionary<string, string[]> Velden)
{
    public static Onleesbaar Geen { get; } = new(new Dictionary<string, string[]>());
}

[Description("A person coupled to the gemeente, as known at the koppeling (from the TVS klantprofiel).")]
public sealed record NieuwDossier(
    [property: Description("V-nummer: 10 digits, unique in the gemeente.")] string? VNummer,
    [property: Description("BSN, optional at the koppeling; must pass the 11-proef and be unique in the gemeente.")] string? Bsn,
    string? Voornamen, string? Achternaam, DateOnly? Geboortedatum,
    [property: Description("man, vrouw, x or onbekend.")] string? Geslacht,
    string? LandVanHerkomst, IReadOnlyList<string>? Talen,
    [property: Description("GGM doelgroep; default asielstatushouder.")] string? Doelgroep,
    [property: Description("Number of people in the household (1-20).")] int? HuishoudenGrootte,
    [property: Description("Another dossier of the same household: this one joins it.")] Guid? HuishoudenVan,
    DateOnly? Vergunningdatum, DateOnly? Koppelingsdatum,
    [property: Description("The COA location the person lives in now.")] Guid? CoaLocatieId,
    Guid? KlantregisseurId,
    [property: Description("Nationality as TVS records it (may differ from the country of origin).")] string? Nationaliteit = null,
    [property: Description("The person's place in the household: referent, partner, kind or overig.")] string? Relatie = null,
    [property: Description("koppeling (by COA, the default), nareiziger (joins the household of huishoudenVan; koppelingsdatum is the day of arrival) or verhuizing (moved in from a gemeente outside the platform; koppelingsdatum is the day of registration here).")] string? Instroom = null,
    [property: Description("For an instroom by verhuizing: the gemeente the person came from.")] string? VorigeGemeente = null,
    [property: Description("DUO's kennisgeving, when already known (an instroom by verhuizing).")] DateOnly? KennisgevingDuo = null,
    [property: Description("The registration in this gemeente's BRP, when already known.")] DateOnly? BrpInschrijving = null,
    [property: Description("A running inburgeringstermijn taken over from the previous gemeente: its start (the day after the first PIP there).")] DateOnly? TermijnStart = null,
    [property: Description("The end of that termijn as DUO shows it, when an extension moved it; left out: start + 3 years - 1 day.")] DateOnly? TermijnEinde = null);

[Description("Changes to the person and the key dates; fields left out stay as they are.")]
public sealed record DossierWijziging(
    string? Bsn, string? Voornamen, string? Achternaam, DateOnly? Geboortedatum, string? Geslacht, string? LandVanHerkomst, IReadOnlyList<string>? Talen,
    string? Doelgroep, int? HuishoudenGrootte, DateOnly? Vergunningdatum, DateOnly? Koppelingsdatum, Guid? CoaLocatieId,
    [property: Description("DUO's kennisgeving of the inburgeringsplicht; with brpInschrijving it starts the 10-week PIP deadline.")] DateOnly? KennisgevingDuo,
    DateOnly? BrpInschrijving,
    [property: Description("The day information needed for the PIP was asked of a third party (Besluit 5.3): asked before the deadline, it suspends it.")] DateOnly? PipInformatieGevraagd = null,
    [property: Description("The day that information arrived: the PIP deadline then runs to 14 days after it.")] DateOnly? PipInformatieOntvangen = null,
    [property: Description("An unaccompanied minor (amv): the taakstelling counts amv apart.")] bool? Amv = null,
    [property: Description("A correction at the person's request (AVG art. 16): why. The tijdlijn then keeps the change as a correction, with the values before it.")] string? Correctiereden = null,
    string? Nationaliteit = null,
    [property: Description("referent, partner, kind or overig.")] string? Relatie = null);

// A PUT replaces the milestone: every member must be named (null clears it), so a body that leaves one out, or
// names only unknown members, is refused instead of erasing what was recorded.
[Description("COA's warme overdracht: the klantprofiel and contact. Soft information is never stored: only that a personal handover talk took place (persoonlijkeOverdrachtOp). Every member must be named; null clears it.")]
public sealed record OverdrachtInvoer(
    [property: JsonRequired] string? Opleiding, [property: JsonRequired] string? Werkervaring, [property: JsonRequired] IReadOnlyList<string>? Talen,
    [property: JsonRequired] string? ZichtbareBeperkingen, [property: JsonRequired] bool? VoorinburgeringDeelname,
    [property: JsonRequired] string? VoorinburgeringVoortgang, [property: JsonRequired] string? Telefoon, [property: JsonRequired] string? Email,
    [property: JsonRequired] string? Beschikbaarheid, [property: JsonRequired] bool? DriegesprekGewenst,
    [property: JsonRequired, Description("The date of the personal handover talk, if one took place.")] DateOnly? PersoonlijkeOverdrachtOp);

[Description("The kennismakingsgesprek. Every member must be named; null clears it.")]
public sealed record KennismakingInvoer(
    [property: JsonRequired, Description("Planned date and time.")] DateTimeOffset? Gepland,
    [property: JsonRequired, Description("The date it was held.")] DateOnly? Gehouden,
    [property: JsonRequired, Description("azc, gemeente or online.")] string? Locatie,
    [property: JsonRequired] bool? Driegesprek,
    [property: JsonRequired, Description("The address the invitation letter names.")] string? Adres = null,
    [property: JsonRequired, Description("The https link to an online talk, for the invitation letter.")] string? Link = null);

[Description("The scenario choice. Every member must be named; null clears it.")]
public sealed record ScenarioInvoer(
    [property: JsonRequired, Description("1 Snelle Start, 2 Gecombineerde Aanpak, 3 Start na Verhuizing.")] int? Scenario,
    [property: JsonRequired] DateOnly? Besluitdatum,
    [property: JsonRequired, Description("Reason codes for scenario 3: gezondheid, reistijd, reiskosten, geen-kinderopvang, onvoldoende-rust, onbekend-met-brede-intake, gat-tot-verhuizing, geen-programma-beschikbaar, motivatie-eigen-keuze, anders.")] IReadOnlyList<string>? TenzijRedenen,
    [property: JsonRequired] string? Toelichting);

[Description("The brede intake. Every member but gezondheid must be named; null clears it.")]
public sealed record BredeIntakeInvoer(
    [property: JsonRequired] string? Aanbieder, [property: JsonRequired] DateOnly? Startdatum, [property: JsonRequired] DateOnly? Einddatum,
    [property: JsonRequired] DateOnly? LeerbaarheidstoetsDatum,
    [property: JsonRequired, Description("b1-haalbaar or b1-niet-haalbaar.")] string? LeerbaarheidstoetsUitkomst,
    [property: JsonRequired] string? OpleidingEnWerk, [property: JsonRequired] string? PersoonlijkeOmstandigheden,
    [property: Description("Health from the intake: needs the health permission to write or read; every access is logged. Left out: unchanged.")] string? Gezondheid = null,
    [property: JsonRequired, Description("The day the brede intake is planned to start: a plan, which resolves no signal and counts in no figure. startdatum is the day it did start (never in the future).")] DateOnly? GeplandeStartdatum = null);

[Description("A PIP version. The first one's dagtekening sets the inburgeringstermijn; later versions never move it.")]
public sealed record PipInvoer(
    DateOnly? Dagtekening,
    [property: Description("B1, onderwijs or Z.")] string? Leerroute,
    bool? Knm, bool? Pvt, bool? Map, DateOnly? OntzorgenStart, DateOnly? OntzorgenEinde, string? Ondersteuning,
    [property: Description("Why this plan: the beschikking writes it out as its motivation.")] string? Motivering = null);

[Description("Housing. Every member must be named; null clears it. The dates without 'gepland' are facts (never in the future); a planned day is a plan, which resolves no signal and counts in no figure or taakstelling until the fact is recorded.")]
public sealed record HuisvestingInvoer(
    [property: JsonRequired] DateOnly? WoningToegewezen, [property: JsonRequired] DateOnly? HuurcontractIngang,
    [property: JsonRequired] DateOnly? Verhuisdatum, [property: JsonRequired] DateOnly? VerblijfsdocumentOntvangen,
    [property: JsonRequired, Description("The day the housing contract is to start (a plan).")] DateOnly? GeplandeHuurcontractIngang = null,
    [property: JsonRequired, Description("The day the person is to move (a plan): they live in the azc until verhuisdatum is recorded.")] DateOnly? GeplandeVerhuisdatum = null);

[Description("An activity: either startdatum (the day it started, never in the future) or geplandeStartdatum (a plan, confirmed later through /activiteiten/{activiteitId}/start).")]
public sealed record ActiviteitInvoer(
    [property: Description("participatie, vrijwilligerswerk, betaald-werk, taalles or orientatie.")] string? Soort,
    DateOnly? Startdatum, DateOnly? Einddatum, string? Omschrijving, DateOnly? GeplandeStartdatum = null);

[Description("Where the person lived before the house, oldest first; replaces the whole history. The house itself is the verhuisdatum (huisvesting): a tussenvoorziening or a hotel is not housing.")]
public sealed record VerblijvenInvoer([property: JsonRequired] IReadOnlyList<VerblijfInvoer>? Verblijven);

public sealed record VerblijfInvoer(
    [property: Description("azc, regionaal-azc, tussenvoorziening or hotel.")] string? Soort, DateOnly? Van,
    [property: Description("The COA location; required for azc and regionaal-azc.")] Guid? CoaLocatieId, string? Omschrijving);

[Description("The day a planned activity did start.")]
public sealed record ActiviteitStartInvoer(DateOnly? Startdatum);

[Description("The gemeente's statement that the leerroute starts later than 3 (onderwijsroute: 6) months after the PIP, with the reason and the start now expected.")]
public sealed record VerlengingsverklaringInvoer(DateOnly? Afgegeven, DateOnly? VerwachteStart, string? Reden);

public sealed record VoortgangsgesprekInvoer(DateOnly? Datum, [property: Description("The klantregisseur's note; never shown to COA.")] string? Verslag);

[Description("A correction of the first PIP's mistyped dagtekening: it moves the termijn, so it needs a reason and a second person's approval.")]
public sealed record PipCorrectieInvoer(DateOnly? Dagtekening, string? Reden);

[Description("The second person's judgement of a waiting PIP correction.")]
public sealed record PipCorrectieBeoordeling([property: JsonRequired] bool Akkoord);

[Description("An extension of the inburgeringstermijn as DUO decided it: exactly one of maanden, weken (e.g. 16 for childbirth) or einddatum (DUO's own end date from the beschikking).")]
public sealed record TermijnverlengingInvoer(
    int? Maanden, string? Reden,
    [property: Description("The date of DUO's beschikking.")] DateOnly? Besluitdatum,
    int? Weken = null,
    [property: Description("The end date DUO's beschikking names, when it names one instead of a period.")] DateOnly? Einddatum = null);

public sealed record AfsluitingInvoer(
    [property: Description("voldaan, ontheffing, vrijstelling, vertrokken or overleden.")] string? Reden,
    DateOnly? Datum);

[Description("Offer the dossier to another gemeente (before housing, or when the person moves).")]
public sealed record Aanbod(Guid? DoelGemeenteId, string? Toelichting);

public sealed record Weigering(string? Reden);

[Description("A member of the household without a dossier of their own (a minor, or an adult who is not inburgeringsplichtig).")]
public sealed record LidInvoer(
    string? Voornamen, DateOnly? Geboortedatum,
    [property: Description("partner, kind or overig.")] string? Relatie,
    [property: Description("For a nareiziger: the day of arrival. They count for the taakstelling on that day.")] DateOnly? Aankomst = null);

[Description("Where one part stands: knm, pvt, map, taal (NT2 hours at a keurmerk school), zroute-taal or zroute-participatie. The hours are the total so far. Every member must be named; null clears it.")]
public sealed record OnderdeelInvoer(
    [property: JsonRequired] decimal? Uren, [property: JsonRequired] DateOnly? Start,
    [property: JsonRequired, Description("The day it was finished (PVT: the signature, after at least 12 hours).")] DateOnly? Afgerond,
    [property: JsonRequired, Description("MAP and Z-route: the final talk at the gemeente (MAP: after at least 40 hours).")] DateOnly? Eindgesprek);

[Description("One exam attempt and its result.")]
public sealed record ExamenInvoer(
    [property: Description("lezen, luisteren, schrijven, spreken or knm.")] string? Onderdeel, DateOnly? Datum,
    [property: Description("A1, A2, B1 or B2.")] string? Niveau,
    [property: Description("geslaagd, gezakt or in-afwachting.")] string? Uitslag);

[Description("Scaling down from B1 to A2 (Besluit 5.5): only in the B1-route, after at least 600 hours of language education (the taal hours recorded).")]
public sealed record AfschalingInvoer(DateOnly? Besluitdatum, string? Motivering);

[Description("A switch of leerroute (Wi2021 art. 17), with its decision.")]
public sealed record RoutewisselInvoer([property: Description("B1, onderwijs or Z.")] string? Naar, DateOnly? Besluitdatum, string? Motivering);

[Description("A message from DUO, as DUO sent it. soort: kennisgeving, correctie (of the kennisgeving), lbt-uitslag, examenuitslag, ontheffing, ontheffing-gedeeltelijk, vrijstelling or verlenging.")]
public sealed record DuoBerichtInvoer(
    string? Soort,
    [property: Description("The date of DUO's message or decision.")] DateOnly? Datum,
    [property: Description("The date it is about: the kennisgeving, DUO's end of the termijn (verlenging), the LBT or exam date, the day an ontheffing or vrijstelling applies.")] DateOnly? Waarde,
    [property: Description("The ground of an ontheffing, vrijstelling or extension.")] string? Grond = null,
    [property: Description("Exams: lezen, luisteren, schrijven, spreken or knm.")] string? Onderdeel = null,
    [property: Description("Exams: A1, A2, B1 or B2.")] string? Niveau = null,
    [property: Description("Exams: geslaagd or gezakt; LBT: b1-haalbaar or b1-niet-haalbaar.")] string? Uitslag = null);

[Description("How a difference with DUO is resolved: neem-duo-over (the dossier takes DUO's value) or dossier-klopt (kept, with why).")]
public sealed record DuoAfhandelingInvoer(string? Besluit, string? Toelichting);

[Description("A note of a contact: gesprek, telefoon, huisbezoek, brief-ontvangen or overig. A note about health (gezondheid: true) needs the health permission to write and to read.")]
public sealed record ContactmomentInvoer(
    string? Soort, DateOnly? Datum,
    [property: Description("Who took part, as the klantregisseur writes it.")] string? Deelnemers,
    [property: Description("The interpreter's language, when an interpreter was used.")] string? TolkTaal,
    string? Tekst, bool? Gezondheid = null);

[Description("An appointment: kennismakingsgesprek, brede-intake, voortgangsgesprek or overig, at a place (locatie, adres) or online (link, https), with an interpreter's language when needed.")]
public sealed record AfspraakInvoer(
    string? Soort,
    [property: Description("Start, with its offset (Europe/Amsterdam local time is what the letter and calendar show).")] DateTimeOffset? Begin,
    [property: Description("Minutes, 15 to 480; default 60.")] int? DuurMinuten,
    string? Locatie, string? Adres, string? Link, string? TolkTaal);

[Description("The outcome of an appointment: gehouden (records the milestone: the KMG held, a voortgangsgesprek, the start of the brede intake), gemist (to follow up) or geannuleerd.")]
public sealed record AfspraakUitkomstInvoer(string? Status, string? Toelichting);
