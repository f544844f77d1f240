using System.Text.Json.Serialization;

namespace Inburgering.Modules.Dossiers.Domain;

/// <summary>The words of the API for the domain's enums (their JSON names), both ways.</summary>
internal static class Woorden
{
    public static string Naam<T>(T waarde)
        where T : struct, Enum => Platform.Errors.ApiWoorden.Naam(waarde);

    public static bool TryLees<T>(string? woord, out T waarde)
        where T : struct, Enum => Platform.Errors.ApiWoorden.TryLees(woord, out waarde);
}

/// <summary>Where the person stands; computed from the milestones on every write.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Fase>))]
internal enum Fase
{
    [JsonStringEnumMemberName("gekoppeld")] Gekoppeld = 1,
    [JsonStringEnumMemberName("overgedragen")] Overgedragen = 2,
    [JsonStringEnumMemberName("kennismaking")] Kennismaking = 3,
    [JsonStringEnumMemberName("scenario-gekozen")] ScenarioGekozen = 4,
    [JsonStringEnumMemberName("brede-intake")] BredeIntake = 5,
    [JsonStringEnumMemberName("inburgering")] Inburgering = 6,
    [JsonStringEnumMemberName("afgesloten")] Afgesloten = 7,
}

[JsonConverter(typeof(JsonStringEnumConverter<Geslacht>))]
internal enum Geslacht
{
    [JsonStringEnumMemberName("man")] Man = 1,
    [JsonStringEnumMemberName("vrouw")] Vrouw = 2,
    [JsonStringEnumMemberName("x")] X = 3,
    [JsonStringEnumMemberName("onbekend")] Onbekend = 4,
}

/// <summary>The person's relation within the household, as TVS records it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HuishoudenRelatie>))]
internal enum HuishoudenRelatie
{
    [JsonStringEnumMemberName("referent")] Referent = 1,
    [JsonStringEnumMemberName("partner")] Partner = 2,
    [JsonStringEnumMemberName("kind")] Kind = 3,
    [JsonStringEnumMemberName("overig")] Overig = 4,
}

/// <summary>How the person came to the gemeente: each path has its own clocks.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Instroom>))]
internal enum Instroom
{
    /// <summary>Coupled by COA from an azc: the whole COA path (overdracht, scenario in the azc, housing under the taakstelling).</summary>
    [JsonStringEnumMemberName("koppeling")] Koppeling = 1,

    /// <summary>Joins a household already here (family reunification): no COA koppeling, no KMG in the azc.</summary>
    [JsonStringEnumMemberName("nareiziger")] Nareiziger = 2,

    /// <summary>Moved in from a gemeente outside the platform, possibly with a running termijn.</summary>
    [JsonStringEnumMemberName("verhuizing")] Verhuizing = 3,
}

/// <summary>Which law governs the plicht: Wi2021 for who became plichtig on or after 1 January 2022.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Wet>))]
internal enum Wet
{
    [JsonStringEnumMemberName("Wi2013")] Wi2013 = 1,
    [JsonStringEnumMemberName("Wi2021")] Wi2021 = 2,
}

/// <summary>The GGM "Model Inburgering" list.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Doelgroep>))]
internal enum Doelgroep
{
    [JsonStringEnumMemberName("asielstatushouder")] Asielstatushouder = 1,
    [JsonStringEnumMemberName("gezinsvormer")] Gezinsvormer = 2,
    [JsonStringEnumMemberName("gezinshereniger")] Gezinshereniger = 3,
    [JsonStringEnumMemberName("geestelijk-bedienaar")] GeestelijkBedienaar = 4,
    [JsonStringEnumMemberName("gezinsvormer-met-asielstatushouder")] GezinsvormerMetAsielstatushouder = 5,
    [JsonStringEnumMemberName("gezinshereniger-met-asielstatushouder")] GezinsherenigerMetAsielstatushouder = 6,
    [JsonStringEnumMemberName("overig")] Overig = 7,
}

/// <summary>Where a person lived before the house: a move to a tussenvoorziening or a hotel is not housing.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VerblijfSoort>))]
internal enum VerblijfSoort
{
    [JsonStringEnumMemberName("azc")] Azc = 1,
    [JsonStringEnumMemberName("regionaal-azc")] RegionaalAzc = 2,
    [JsonStringEnumMemberName("tussenvoorziening")] Tussenvoorziening = 3,
    [JsonStringEnumMemberName("hotel")] Hotel = 4,
}

[JsonConverter(typeof(JsonStringEnumConverter<KmgLocatie>))]
internal enum KmgLocatie
{
    [JsonStringEnumMemberName("azc")] Azc = 1,
    [JsonStringEnumMemberName("gemeente")] Gemeente = 2,
    [JsonStringEnumMemberName("online")] Online = 3,
}

[JsonConverter(typeof(JsonStringEnumConverter<Leerroute>))]
internal enum Leerroute
{
    [JsonStringEnumMemberName("B1")] B1 = 1,
    [JsonStringEnumMemberName("onderwijs")] Onderwijs = 2,
    [JsonStringEnumMemberName("Z")] Z = 3,
}

[JsonConverter(typeof(JsonStringEnumConverter<LeerbaarheidUitkomst>))]
internal enum LeerbaarheidUitkomst
{
    [JsonStringEnumMemberName("b1-haalbaar")] B1Haalbaar = 1,
    [JsonStringEnumMemberName("b1-niet-haalbaar")] B1NietHaalbaar = 2,
}

[JsonConverter(typeof(JsonStringEnumConverter<ActiviteitSoort>))]
internal enum ActiviteitSoort
{
    [JsonStringEnumMemberName("participatie")] Participatie = 1,
    [JsonStringEnumMemberName("vrijwilligerswerk")] Vrijwilligerswerk = 2,
    [JsonStringEnumMemberName("betaald-werk")] BetaaldWerk = 3,
    [JsonStringEnumMemberName("taalles")] Taalles = 4,
    [JsonStringEnumMemberName("orientatie")] Orientatie = 5,
}

[JsonConverter(typeof(JsonStringEnumConverter<AfsluitingReden>))]
internal enum AfsluitingReden
{
    [JsonStringEnumMemberName("voldaan")] Voldaan = 1,
    [JsonStringEnumMemberName("ontheffing")] Ontheffing = 2,
    [JsonStringEnumMemberName("vrijstelling")] Vrijstelling = 3,
    [JsonStringEnumMemberName("vertrokken")] Vertrokken = 4,
    [JsonStringEnumMemberName("overleden")] Overleden = 5,
}

/// <summary>The pilot's reason codes for scenario 3 ("ja, tenzij").</summary>
internal static class TenzijRedenen
{
    public const string Anders = "anders";

    /// <summary>Mental or physical complaints: health data, so shown, exported and written only with the health permission.</summary>
    public const string Gezondheid = Contracts.TenzijRedenCodes.Gezondheid;

    /// <summary>The reasons a reader may see: without the health permission, the health reason is left out.</summary>
    public static List<string> Zichtbaar(IEnumerable<string> redenen, bool magGezondheid) =>
        [.. redenen.Where(r => magGezondheid || r != Gezondheid)];

    public static IReadOnlySet<string> Alle { get; } = new HashSet<string>(Contracts.TenzijRedenCodes.Alle, StringComparer.Ordinal);
}
