using System.Text.Json.Serialization;

namespace Inburgering.Modules.Dossiers.Domain;

/// <summary>
/// Progress through the termijn, as the law counts it: hours and completion of KNM, PVT and MAP, language hours,
/// exam attempts per part, the route's target level (scaled down from B1 to A2 after 600 hours) and route switches.
/// </summary>
internal sealed class Voortgang
{
    public OnderdeelStand? Knm { get; set; }

    public OnderdeelStand? Pvt { get; set; }

    public OnderdeelStand? Map { get; set; }

    /// <summary>NT2 hours at a keurmerk school: what afschalen is judged on.</summary>
    public OnderdeelStand? Taal { get; set; }

    /// <summary>The Z-route's hours of language and KNM (800).</summary>
    public OnderdeelStand? ZrouteTaal { get; set; }

    /// <summary>The Z-route's hours of participation (800, asielstatushouders only).</summary>
    public OnderdeelStand? ZrouteParticipatie { get; set; }

    public List<Examen> Examens { get; set; } = [];

    public Afschaling? Afschaling { get; set; }

    public List<Routewissel> Routewissels { get; set; } = [];

    public OnderdeelStand? Stand(Onderdeel onderdeel) => onderdeel switch
    {
        Onderdeel.Knm => Knm,
        Onderdeel.Pvt => Pvt,
        Onderdeel.Map => Map,
        Onderdeel.Taal => Taal,
        Onderdeel.ZrouteTaal => ZrouteTaal,
        _ => ZrouteParticipatie,
    };

    public void Zet(Onderdeel onderdeel, OnderdeelStand? stand)
    {
        switch (onderdeel)
        {
            case Onderdeel.Knm: Knm = stand; break;
            case Onderdeel.Pvt: Pvt = stand; break;
            case Onderdeel.Map: Map = stand; break;
            case Onderdeel.Taal: Taal = stand; break;
            case Onderdeel.ZrouteTaal: ZrouteTaal = stand; break;
            default: ZrouteParticipatie = stand; break;
        }
    }
}

/// <summary>Where one part stands: the hours so far, and the day it was finished (PVT: the signature).</summary>
internal sealed class OnderdeelStand
{
    public decimal Uren { get; set; }

    public DateOnly? Start { get; set; }

    public DateOnly? Afgerond { get; set; }

    /// <summary>MAP and Z-route: the final talk at the gemeente.</summary>
    public DateOnly? Eindgesprek { get; set; }
}

internal sealed class Examen
{
    public Guid Id { get; set; }

    public ExamenOnderdeel Onderdeel { get; set; }

    public DateOnly Datum { get; set; }

    public Taalniveau Niveau { get; set; }

    public ExamenUitslag Uitslag { get; set; }

    /// <summary>"hand" or "duo": a result DUO reported is the source the dossier follows.</summary>
    public string Bron { get; set; } = "hand";
}

/// <summary>Scaling down from B1 to A2 (Besluit 5.5): after at least 600 hours and demonstrable effort, by decision.</summary>
internal sealed class Afschaling
{
    public DateOnly Besluitdatum { get; set; }

    public decimal UrenBijBesluit { get; set; }

    public string Motivering { get; set; } = string.Empty;
}

internal sealed class Routewissel
{
    public Leerroute Van { get; set; }

    public Leerroute Naar { get; set; }

    public DateOnly Besluitdatum { get; set; }

    public string Motivering { get; set; } = string.Empty;
}

[JsonConverter(typeof(JsonStringEnumConverter<Onderdeel>))]
internal enum Onderdeel
{
    [JsonStringEnumMemberName("knm")] Knm = 1,
    [JsonStringEnumMemberName("pvt")] Pvt = 2,
    [JsonStringEnumMemberName("map")] Map = 3,
    [JsonStringEnumMemberName("taal")] Taal = 4,
    [JsonStringEnumMemberName("zroute-taal")] ZrouteTaal = 5,
    [JsonStringEnumMemberName("zroute-participatie")] ZrouteParticipatie = 6,
}

[JsonConverter(typeof(JsonStringEnumConverter<ExamenOnderdeel>))]
internal enum ExamenOnderdeel
{
    [JsonStringEnumMemberName("lezen")] Lezen = 1,
    [JsonStringEnumMemberName("luisteren")] Luisteren = 2,
    [JsonStringEnumMemberName("schrijven")] Schrijven = 3,
    [JsonStringEnumMemberName("spreken")] Spreken = 4,
    [JsonStringEnumMemberName("knm")] Knm = 5,
}

[JsonConverter(typeof(JsonStringEnumConverter<Taalniveau>))]
internal enum Taalniveau
{
    [JsonStringEnumMemberName("A1")] A1 = 1,
    [JsonStringEnumMemberName("A2")] A2 = 2,
    [JsonStringEnumMemberName("B1")] B1 = 3,
    [JsonStringEnumMemberName("B2")] B2 = 4,
}

[JsonConverter(typeof(JsonStringEnumConverter<ExamenUitslag>))]
internal enum ExamenUitslag
{
    [JsonStringEnumMemberName("geslaagd")] Geslaagd = 1,
    [JsonStringEnumMemberName("gezakt")] Gezakt = 2,
    [JsonStringEnumMemberName("in-afwachting")] InAfwachting = 3,
}

/// <summary>The law's numbers for progress (Besluit inburgering 2021).</summary>
internal static class Plicht
{
    public const decimal PvtMinimumUren = 12;
    public const decimal MapMinimumUren = 40;
    public const decimal AfschalenNaUren = 600;
    public const decimal ZrouteUren = 800;

    public static readonly ExamenOnderdeel[] Taalexamens = [ExamenOnderdeel.Lezen, ExamenOnderdeel.Luisteren, ExamenOnderdeel.Schrijven, ExamenOnderdeel.Spreken];

    /// <summary>MAP belongs to the B1-route and the Z-route; the onderwijsroute has study guidance instead.</summary>
    public static bool MapVereist(Leerroute route) => route != Leerroute.Onderwijs;

    /// <summary>PVT done: at least 12 hours and the signature.</summary>
    public static bool PvtAfgerond(OnderdeelStand? pvt) => pvt is { Afgerond: not null } && pvt.Uren >= PvtMinimumUren;

    /// <summary>MAP done: at least 40 hours and the eindgesprek.</summary>
    public static bool MapAfgerond(OnderdeelStand? map) => map is { Eindgesprek: not null } && map.Uren >= MapMinimumUren;

    public static Taalniveau Doelniveau(Leerroute route, bool afgeschaald) => route switch
    {
        Leerroute.B1 => afgeschaald ? Taalniveau.A2 : Taalniveau.B1,
        Leerroute.Onderwijs => Taalniveau.B1,
        _ => Taalniveau.A1,
    };

    /// <summary>
    /// What the plicht still asks, by route: the language exams at the target level and KNM (B1, onderwijs), or the
    /// Z-route's hours and final talk; PVT (12 hours and the signature) and MAP (40 hours and the eindgesprek) where the route has one.
    /// </summary>
    public static List<NogNodig> NogNodig(Dossier d)
    {
        var v = d.Voortgang ?? new Voortgang();
        var route = d.HuidigeLeerroute;
        var nodig = new List<NogNodig>();
        if (route is Leerroute.B1 or Leerroute.Onderwijs)
        {
            var doel = Doelniveau(route.Value, v.Afschaling is not null);
            foreach (var examen in Taalexamens)
            {
                if (!v.Examens.Any(e => e.Onderdeel == examen && e.Uitslag == ExamenUitslag.Geslaagd && e.Niveau >= doel))
                {
                    nodig.Add(new NogNodig("examen-" + Woorden.Naam(examen), $"Examen {Woorden.Naam(examen)} op {Woorden.Naam(doel)}",
                        v.Examens.Count(e => e.Onderdeel == examen)));
                }
            }

            if (!v.Examens.Any(e => e.Onderdeel == ExamenOnderdeel.Knm && e.Uitslag == ExamenUitslag.Geslaagd))
            {
                nodig.Add(new NogNodig("examen-knm", "Examen KNM", v.Examens.Count(e => e.Onderdeel == ExamenOnderdeel.Knm)));
            }
        }
        else if (route == Leerroute.Z)
        {
            if ((v.ZrouteTaal?.Uren ?? 0) < ZrouteUren)
            {
                nodig.Add(new NogNodig("zroute-taal", $"Z-route taal en KNM: {v.ZrouteTaal?.Uren ?? 0:0.#} van {ZrouteUren:0} uur", null));
            }

            if (d.Doelgroep == Doelgroep.Asielstatushouder && (v.ZrouteParticipatie?.Uren ?? 0) < ZrouteUren)
            {
                nodig.Add(new NogNodig("zroute-participatie", $"Z-route participatie: {v.ZrouteParticipatie?.Uren ?? 0:0.#} van {ZrouteUren:0} uur", null));
            }

            if (v.ZrouteTaal?.Eindgesprek is null)
            {
                nodig.Add(new NogNodig("zroute-eindgesprek", "Eindgesprek Z-route", null));
            }
        }

        if (!PvtAfgerond(v.Pvt))
        {
            nodig.Add(new NogNodig("pvt", $"PVT: {v.Pvt?.Uren ?? 0:0.#} van {PvtMinimumUren:0} uur en de ondertekening", null));
        }

        if ((route is not { } r || MapVereist(r)) && !MapAfgerond(v.Map))
        {
            nodig.Add(new NogNodig("map", $"MAP: {v.Map?.Uren ?? 0:0.#} van {MapMinimumUren:0} uur en het eindgesprek", null));
        }

        return nodig;
    }
}

/// <param name="Code">Stable: examen-lezen, examen-knm, pvt, map, zroute-taal, …</param>
/// <param name="Pogingen">Exam attempts so far, for an exam.</param>
internal sealed record NogNodig(string Code, string Omschrijving, int? Pogingen);
