using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Documenten.Domain;

/// <summary>
/// One version of a gemeente's own wording of a template. Append-only: numbered 1, 2, … per template, and a version
/// without text means "back to the default". A letter names the version that produced it (0: the default).
/// </summary>
internal sealed class SjabloonVersie : ITenantOwned
{
    private SjabloonVersie()
    {
        Sleutel = string.Empty;
        GemaaktDoorId = string.Empty;
        GemaaktDoorNaam = string.Empty;
    }

    public SjabloonVersie(string sleutel, int nummer, string? tekst, string? toelichting, (string Id, string Naam) door, DateTimeOffset nu)
    {
        Id = Guid.CreateVersion7(nu);
        Sleutel = sleutel;
        Nummer = nummer;
        Tekst = tekst;
        Toelichting = toelichting;
        GemaaktDoorId = door.Id;
        GemaaktDoorNaam = door.Naam;
        GemaaktOp = nu;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Sleutel { get; private set; }

    public int Nummer { get; private set; }

    /// <summary>Null: from this version on the default applies again.</summary>
    public string? Tekst { get; private set; }

    public string? Toelichting { get; private set; }

    public string GemaaktDoorId { get; private set; }

    public string GemaaktDoorNaam { get; private set; }

    public DateTimeOffset GemaaktOp { get; private set; }
}

/// <summary>The gemeente's letterhead: the postal address that letters and the bezwaar clause name.</summary>
internal sealed class Briefhoofd : ITenantOwned
{
    private Briefhoofd()
    {
    }

    public Briefhoofd(string? adres, string? telefoon, DateTimeOffset nu) => Wijzig(adres, telefoon, nu);

    public Guid TenantId { get; private set; }

    public string? Adres { get; private set; }

    public string? Telefoon { get; private set; }

    public DateTimeOffset GewijzigdOp { get; private set; }

    public void Wijzig(string? adres, string? telefoon, DateTimeOffset nu)
    {
        Adres = adres;
        Telefoon = telefoon;
        GewijzigdOp = nu;
    }
}
