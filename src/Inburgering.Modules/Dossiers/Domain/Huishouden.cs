using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Dossiers.Domain;

/// <summary>
/// A member of a household without a dossier of their own: a minor, or an adult who is not inburgeringsplichtig.
/// Members with a dossier are linked by the household id they share. A nareiziger arrives later than the rest.
/// </summary>
internal sealed class LidZonderDossier : ITenantOwned
{
    private LidZonderDossier()
    {
        Voornamen = string.Empty;
    }

    public LidZonderDossier(Guid huishoudenId, string voornamen, DateOnly geboortedatum, HuishoudenRelatie relatie, DateOnly? aankomst, DateTimeOffset nu)
    {
        Id = Guid.CreateVersion7(nu);
        HuishoudenId = huishoudenId;
        Voornamen = voornamen;
        Geboortedatum = geboortedatum;
        Relatie = relatie;
        Aankomst = aankomst;
        ToegevoegdOp = nu;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid HuishoudenId { get; private set; }

    public string Voornamen { get; private set; }

    public DateOnly Geboortedatum { get; private set; }

    public HuishoudenRelatie Relatie { get; private set; }

    /// <summary>A nareiziger's day of arrival: they count for the taakstelling on that day, not with the household's housing.</summary>
    public DateOnly? Aankomst { get; private set; }

    public DateTimeOffset ToegevoegdOp { get; private set; }

    public bool Minderjarig(DateOnly op) => Toepasselijkheid.Leeftijd(Geboortedatum, op) < 18;
}

/// <summary>
/// Which rules apply to a person: the law by the day the plicht started (Wi2021 from 1 January 2022), and the age
/// range of the plicht (18 up to the AOW age) on that day.
/// </summary>
internal static class Toepasselijkheid
{
    private static readonly DateOnly Wi2021Vanaf = new(2022, 1, 1);

    public static Wet WetVoor(DateOnly plichtStart) => plichtStart >= Wi2021Vanaf ? Wet.Wi2021 : Wet.Wi2013;

    public static int Leeftijd(DateOnly geboortedatum, DateOnly op)
    {
        var jaren = op.Year - geboortedatum.Year;
        return op < geboortedatum.AddYears(jaren) ? jaren - 1 : jaren;
    }

    /// <summary>The AOW age as fixed by law: 67 up to 2027, 67 and 3 months from 2028.</summary>
    public static DateOnly AowDatum(DateOnly geboortedatum)
    {
        var zevenenzestig = geboortedatum.AddYears(67);
        return zevenenzestig.Year >= 2028 ? zevenenzestig.AddMonths(3) : zevenenzestig;
    }

    /// <summary>The plicht starts with the residence right, or on the 18th birthday of who was a minor then.</summary>
    public static DateOnly PlichtStart(DateOnly geboortedatum, DateOnly vergunningdatum) =>
        geboortedatum.AddYears(18) is var achttien && achttien > vergunningdatum ? achttien : vergunningdatum;

    /// <summary>Inside the age range on the day the plicht starts: at least 18 and younger than the AOW age.</summary>
    public static bool BinnenLeeftijd(DateOnly geboortedatum, DateOnly vergunningdatum) =>
        vergunningdatum < AowDatum(geboortedatum);
}
