using System.Security.Claims;

namespace Inburgering.Modules.Dossiers.Contracts;

/// <summary>What figures need of one dossier, straight from its own dates (the pilot had to collect these by hand).</summary>
/// <param name="EersteBesluit">The first scenario decision (kept on the scenario): a scenario changed later still counts as chosen at the KMG.</param>
/// <param name="PipKlokStart">The day the PIP clock started (the later of the DUO kennisgeving and the BRP registration), if it did.</param>
/// <param name="Participatie">The earliest start of an activity of that kind (a planned one has no start and counts nowhere).</param>
/// <param name="EersteScenario">The scenario of the first decision, kept next to a later change.</param>
/// <param name="HuishoudenGrootte">The people the household counts, members without a dossier of their own included.</param>
/// <param name="OvergenomenOp">The day this gemeente took the dossier over from another one: what happened before belongs to that one.</param>
public sealed record DossierFeit(
    Guid Id, string VNummer, string Naam, Guid? KlantregisseurId, DateOnly Koppeling, DateOnly? Verhuis, DateOnly? Afsluiting,
    DateOnly? Kennismaking, int? Scenario, DateOnly? EersteBesluit, IReadOnlyList<string> TenzijRedenen, DateOnly? BredeIntake,
    DateOnly? PipKlokStart, DateOnly? EerstePip, DateOnly? Participatie, DateOnly? Vrijwilligerswerk, DateOnly? BetaaldWerk,
    DateOnly? PipInformatieGevraagd = null, DateOnly? PipInformatieOntvangen = null,
    int? EersteScenario = null, IReadOnlyList<string>? EersteTenzijRedenen = null, DateOnly? HuurcontractIngang = null,
    Guid? HuishoudenId = null, int HuishoudenGrootte = 1, bool Amv = false, DateOnly? OvergenomenOp = null, IReadOnlyList<VerblijfFeit>? Verblijven = null)
{
    /// <summary>Lived at this COA location on some day of [van, tot].</summary>
    public bool WoondeOp(Guid coaLocatie, DateOnly van, DateOnly tot) => (Verblijven ?? []).Any(v => v.CoaLocatieId == coaLocatie && v.Overlapt(van, tot));

    /// <summary>Placed at the regional azc before the house: the pilot's first goal.</summary>
    public bool RegionaalGeplaatst => (Verblijven ?? []).Any(v => v.Soort == VerblijfFeit.RegionaalAzc);

    /// <summary>The first start of participation of any kind: activities, volunteering or paid work.</summary>
    public DateOnly? ParticipatieAllerlei => new[] { Participatie, Vrijwilligerswerk, BetaaldWerk }.Where(d => d is not null).Min();
}

/// <summary>One stay before the house, with its last day (null: still there); <c>woning</c> is the house from the verhuisdatum.</summary>
public sealed record VerblijfFeit(string Soort, DateOnly Van, DateOnly? Tot, Guid? CoaLocatieId)
{
    public const string Woning = "woning";
    public const string RegionaalAzc = "regionaal-azc";

    public bool Overlapt(DateOnly van, DateOnly tot) => Van <= tot && (Tot is not { } t || t >= van);

    /// <summary>
    /// The recorded stays, each until the day before the next one or before the move into the house; with none
    /// recorded, the azc of the koppeling. A tussenvoorziening or hotel is a stay, never the house.
    /// </summary>
    public static List<VerblijfFeit> Historie(IEnumerable<(string Soort, DateOnly Van, Guid? CoaLocatieId)> verblijven, Guid? coaLocatie, DateOnly koppeling, DateOnly? verhuis)
    {
        var lijst = verblijven.OrderBy(v => v.Van).ToList();
        if (lijst.Count == 0 && coaLocatie is not null)
        {
            lijst.Add(("azc", koppeling, coaLocatie));
        }

        var historie = lijst.Select((v, i) => new VerblijfFeit(v.Soort, v.Van,
            i + 1 < lijst.Count ? lijst[i + 1].Van.AddDays(-1) : verhuis?.AddDays(-1), v.CoaLocatieId)).ToList();
        if (verhuis is { } woning)
        {
            historie.Add(new VerblijfFeit(Woning, woning, null, null));
        }

        return historie;
    }
}

/// <summary>One housed person: facts only, never a plan (a planned move or contract has no date here).</summary>
/// <param name="HuishoudenGrootte">The people of the household, members without a dossier (minors) included.</param>
/// <param name="OvergenomenOp">Taken over from another gemeente on this day: a housing before it was that gemeente's.</param>
/// <param name="Nareiziger">Joined a household already here: counts as one person on the day of arrival, apart from the household's housing.</param>
public sealed record Huisvestingsfeit(Guid Id, Guid HuishoudenId, int HuishoudenGrootte, bool Amv, DateOnly? Verhuisdatum, DateOnly? HuurcontractIngang, DateOnly? OvergenomenOp,
    bool Nareiziger = false);

/// <summary>The keys of the gemeente's norms that figures are judged by (values in Tenancy's beleid).</summary>
public static class DossierNormen
{
    public const string PipNaKennisgeving = "pip.na-kennisgeving";
    public const string PipVerlengingDerden = "pip.verlenging-derden";
    public const string HuisvestingNaKoppeling = "huisvesting.na-koppeling";

    /// <summary>ja, tenzij: while the person lives in the azc, scenario 3 needs a tenzij-reden (switched on or off per gemeente, from a date).</summary>
    public const string JaTenzij = "scenario.ja-tenzij";

    /// <summary>
    /// The gemeente's PIP norm (10 weeks nationally) after the PIP clock started, with the third-party extension; none
    /// while the clock has not started or the requested information is still awaited.
    /// </summary>
    public static DateOnly? PipDeadline(Tenancy.Contracts.Beleid beleid, DateOnly? klokStart, DateOnly? informatieGevraagd = null, DateOnly? informatieOntvangen = null) =>
        klokStart is { } start
            ? Platform.Tijd.WetInburgering.PipDeadline(beleid.Na(PipNaKennisgeving, start, start), informatieGevraagd, informatieOntvangen,
                beleid.Waarde(PipVerlengingDerden, start))
            : null;
}

/// <summary>
/// The set-based read behind every figure, for the active gemeente (row-level security applies), from the read
/// replica when one is configured. Whoever shows dossiers from it logs that read here.
/// </summary>
public interface IDossierFeiten
{
    /// <summary>
    /// The koppeling cohort [van, tot], those housed in it, those still waiting on the peildatum, and with
    /// <paramref name="coaLocatieId"/> everyone who ever lived at that COA location.
    /// </summary>
    Task<IReadOnlyList<DossierFeit>> LeesAsync(DateOnly van, DateOnly tot, DateOnly peil, Guid? klantregisseurId, CancellationToken ct, Guid? coaLocatieId = null);

    /// <summary>Every dossier of the gemeente with a recorded move or housing contract: what the taakstelling counts from.</summary>
    Task<IReadOnlyList<Huisvestingsfeit>> HuisvestingenAsync(CancellationToken ct);

    /// <summary>Records in the processing log that <paramref name="user"/> saw these dossiers in <paramref name="onderdeel"/>.</summary>
    Task LogInzageAsync(ClaimsPrincipal user, string onderdeel, IReadOnlyCollection<Guid> dossiers, CancellationToken ct);
}
