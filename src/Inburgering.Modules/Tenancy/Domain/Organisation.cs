using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Tenancy.Domain;

/// <summary>
/// Every organisation that acts in the product: a gemeente (a tenant once activated), COA, a regio, the platform.
/// </summary>
[HostLevel("The organisation register is shared reference data; tenants are rows of it, not owners of it.")]
internal sealed class Organisation
{
    private Organisation()
    {
        Naam = string.Empty;
        Slug = string.Empty;
    }

    public Organisation(Guid id, OrganisationKind soort, string naam, string slug)
    {
        Id = id;
        Soort = soort;
        Naam = naam;
        Slug = slug;
        Actief = soort != OrganisationKind.Gemeente;
    }

    public Guid Id { get; private set; }

    public OrganisationKind Soort { get; private set; }

    public string Naam { get; private set; }

    public string Slug { get; private set; }

    /// <summary>For a gemeente: it uses the product (it is a tenant). Other organisations are always active.</summary>
    public bool Actief { get; private set; }

    public DateTimeOffset? ActiefSinds { get; private set; }

    public void Activeer(DateTimeOffset nu)
    {
        if (Actief)
        {
            return;
        }

        Actief = true;
        ActiefSinds = nu;
    }

    public void Deactiveer()
    {
        if (Soort == OrganisationKind.Gemeente)
        {
            Actief = false;
        }
    }

    public void Hernoem(string naam, string slug)
    {
        Naam = naam;
        Slug = slug;
    }
}

/// <summary>A gemeente's entry in the register (CBS figures).</summary>
[HostLevel("Public register data about gemeenten, the same for everyone.")]
internal sealed class Gemeente
{
    private Gemeente()
    {
        Provincie = string.Empty;
    }

    public Gemeente(Guid organisationId, string provincie, int inwoners2022)
    {
        OrganisationId = organisationId;
        Provincie = provincie;
        Inwoners2022 = inwoners2022;
    }

    public Guid OrganisationId { get; private set; }

    public string Provincie { get; private set; }

    public int Inwoners2022 { get; private set; }

    public void Werkbij(string provincie, int inwoners2022)
    {
        Provincie = provincie;
        Inwoners2022 = inwoners2022;
    }
}

/// <summary>The half-year housing quota for permit holders (taakstelling), as published.</summary>
[HostLevel("Published quota per gemeente; regions and the platform compare them.")]
internal sealed class Taakstelling
{
    private Taakstelling()
    {
        Periode = string.Empty;
    }

    public Taakstelling(Guid gemeenteId, string periode, int aantal, int waarvanAmv, bool voetnoot4)
    {
        GemeenteId = gemeenteId;
        Periode = periode;
        Werkbij(aantal, waarvanAmv, voetnoot4);
    }

    public Guid GemeenteId { get; private set; }

    /// <summary>Half year, e.g. <c>2023-II</c>.</summary>
    public string Periode { get; private set; }

    public int Aantal { get; private set; }

    /// <summary>Of which unaccompanied minors (amv).</summary>
    public int WaarvanAmv { get; private set; }

    /// <summary>Marked by footnote 4 in the source table (a special arrangement for this gemeente's figure).</summary>
    public bool Voetnoot4 { get; private set; }

    public void Werkbij(int aantal, int waarvanAmv, bool voetnoot4)
    {
        Aantal = aantal;
        WaarvanAmv = waarvanAmv;
        Voetnoot4 = voetnoot4;
    }
}

[HostLevel("Which gemeenten cooperate in a regio; public.")]
internal sealed class RegioGemeente
{
    private RegioGemeente()
    {
    }

    public RegioGemeente(Guid regioId, Guid gemeenteId)
    {
        RegioId = regioId;
        GemeenteId = gemeenteId;
    }

    public Guid RegioId { get; private set; }

    public Guid GemeenteId { get; private set; }
}

internal enum CoaLocatieSoort
{
    Azc = 1,
    RegionaleOpvanglocatie = 2,
    Tussenvoorziening = 3,
}

/// <summary>A COA reception location. Casemanagers are members of COA for one or more of these.</summary>
[HostLevel("COA's locations are shared by all gemeenten that receive people from them.")]
internal sealed class CoaLocatie
{
    private CoaLocatie()
    {
        Naam = string.Empty;
        Plaats = string.Empty;
    }

    public CoaLocatie(Guid id, string naam, CoaLocatieSoort soort, string plaats, Guid? regioId)
    {
        Id = id;
        Naam = naam;
        Plaats = plaats;
        Soort = soort;
        RegioId = regioId;
    }

    public Guid Id { get; private set; }

    public string Naam { get; private set; }

    public CoaLocatieSoort Soort { get; private set; }

    public string Plaats { get; private set; }

    public Guid? RegioId { get; private set; }

    public bool Actief { get; private set; } = true;

    public void Werkbij(string naam, CoaLocatieSoort soort, string plaats, Guid? regioId, bool actief)
    {
        Actief = actief;
        Werkbij(naam, soort, plaats, regioId);
    }

    public void Werkbij(string naam, CoaLocatieSoort soort, string plaats, Guid? regioId)
    {
        Naam = naam;
        Soort = soort;
        Plaats = plaats;
        RegioId = regioId;
    }
}
