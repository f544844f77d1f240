using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Tenancy.Domain;

/// <summary>A gemeente's own version of a norm from a date on. Versions in effect are never changed or removed: history stays explainable.</summary>
internal sealed class Beleidsversie : ITenantOwned
{
    private Beleidsversie()
    {
        Sleutel = string.Empty;
        Toelichting = string.Empty;
        VastgelegdDoor = string.Empty;
    }

    public Beleidsversie(string sleutel, int? waarde, DateOnly geldigVanaf, string toelichting, string vastgelegdDoor, DateTimeOffset nu)
    {
        Id = Guid.CreateVersion7(nu);
        Sleutel = sleutel;
        Waarde = waarde;
        GeldigVanaf = geldigVanaf;
        Toelichting = toelichting;
        VastgelegdDoor = vastgelegdDoor;
        VastgelegdOp = nu;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Sleutel { get; private set; }

    /// <summary>Null: from this date the national norm applies again.</summary>
    public int? Waarde { get; private set; }

    public DateOnly GeldigVanaf { get; private set; }

    public string Toelichting { get; private set; }

    public string VastgelegdDoor { get; private set; }

    public DateTimeOffset VastgelegdOp { get; private set; }
}
