using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Dossiers.Domain;

/// <summary>One version of the PIP. Only the first one's dagtekening sets the termijn.</summary>
internal sealed class PipVersie : ITenantOwned
{
    private PipVersie()
    {
        VastgesteldDoor = string.Empty;
    }

    public PipVersie(Guid dossierId, int nummer, DateOnly dagtekening, Leerroute leerroute, bool knm, bool pvt, bool map,
        DateOnly? ontzorgenStart, DateOnly? ontzorgenEinde, string? ondersteuning, DateTimeOffset nu, string door, string? motivering = null)
    {
        Motivering = motivering;
        Id = Guid.CreateVersion7(nu);
        DossierId = dossierId;
        Nummer = nummer;
        Dagtekening = dagtekening;
        Leerroute = leerroute;
        Knm = knm;
        Pvt = pvt;
        Map = map;
        OntzorgenStart = ontzorgenStart;
        OntzorgenEinde = ontzorgenEinde;
        Ondersteuning = ondersteuning;
        VastgesteldOp = nu;
        VastgesteldDoor = door;
    }

    /// <summary>Only through an approved four-eyes correction of the first PIP.</summary>
    public void CorrigeerDagtekening(DateOnly dagtekening) => Dagtekening = dagtekening;

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid DossierId { get; private set; }

    public int Nummer { get; private set; }

    public DateOnly Dagtekening { get; private set; }

    public Leerroute Leerroute { get; private set; }

    public bool Knm { get; private set; }

    public bool Pvt { get; private set; }

    public bool Map { get; private set; }

    public DateOnly? OntzorgenStart { get; private set; }

    public DateOnly? OntzorgenEinde { get; private set; }

    public string? Ondersteuning { get; private set; }

    /// <summary>Why this plan, as the beschikking states it.</summary>
    public string? Motivering { get; private set; }

    public DateTimeOffset VastgesteldOp { get; private set; }

    public string VastgesteldDoor { get; private set; }

    /// <summary>After the retention period only the facts stay: the route, the parts and the dates.</summary>
    public void Anonimiseer()
    {
        Ondersteuning = null;
        Motivering = null;
    }
}

internal sealed class Activiteit : ITenantOwned
{
    private Activiteit()
    {
    }

    public Activiteit(Guid dossierId, ActiviteitSoort soort, DateOnly? startdatum, DateOnly? einddatum, string? omschrijving, DateTimeOffset nu,
        DateOnly? geplandeStartdatum = null)
    {
        Id = Guid.CreateVersion7(nu);
        DossierId = dossierId;
        Soort = soort;
        Startdatum = startdatum;
        GeplandeStartdatum = geplandeStartdatum;
        Einddatum = einddatum;
        Omschrijving = omschrijving;
    }

    /// <summary>Records that a planned activity did start, on that day.</summary>
    public void Bevestig(DateOnly startdatum) => Startdatum = startdatum;

    /// <summary>The planned day has come and nobody recorded that it started.</summary>
    public bool TeBevestigen(DateOnly vandaag) => Startdatum is null && GeplandeStartdatum is { } gepland && gepland <= vandaag;


    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid DossierId { get; private set; }

    public ActiviteitSoort Soort { get; private set; }

    /// <summary>The day it started, or null while it is only planned: a plan resolves no signal and counts in no figure.</summary>
    public DateOnly? Startdatum { get; private set; }

    public DateOnly? GeplandeStartdatum { get; private set; }

    public DateOnly? Einddatum { get; private set; }

    public string? Omschrijving { get; private set; }

    public void Anonimiseer() => Omschrijving = null;
}

/// <summary>A progress talk. Its verslag is the klantregisseur's note: never shown to COA.</summary>
internal sealed class Voortgangsgesprek : ITenantOwned
{
    private Voortgangsgesprek()
    {
    }

    public Voortgangsgesprek(Guid dossierId, DateOnly datum, string? verslag, DateTimeOffset nu)
    {
        Id = Guid.CreateVersion7(nu);
        DossierId = dossierId;
        Datum = datum;
        Verslag = verslag;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid DossierId { get; private set; }

    public DateOnly Datum { get; private set; }

    public string? Verslag { get; private set; }

    public void Anonimiseer() => Verslag = null;
}

/// <summary>An extension of the inburgeringstermijn, as DUO decided it: a number of months or weeks, or its own end date.</summary>
internal sealed class Termijnverlenging : ITenantOwned
{
    private Termijnverlenging()
    {
        Reden = string.Empty;
    }

    public Termijnverlenging(Guid dossierId, int maanden, int weken, DateOnly? eindeVolgensDuo, string reden, DateOnly besluitdatum, DateTimeOffset nu)
    {
        Id = Guid.CreateVersion7(nu);
        DossierId = dossierId;
        Maanden = maanden;
        Weken = weken;
        EindeVolgensDuo = eindeVolgensDuo;
        Reden = reden;
        Besluitdatum = besluitdatum;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid DossierId { get; private set; }

    public int Maanden { get; private set; }

    public int Weken { get; private set; }

    /// <summary>The end date DUO's beschikking names, when it names one instead of a period.</summary>
    public DateOnly? EindeVolgensDuo { get; private set; }

    public string Reden { get; private set; }

    public void Anonimiseer() => Reden = string.Empty;

    public DateOnly Besluitdatum { get; private set; }
}

/// <summary>Health from the brede intake: special-category data, its own table, its own permission, every access logged.</summary>
internal sealed class GezondheidsInformatie : ITenantOwned
{
    private GezondheidsInformatie()
    {
        Tekst = string.Empty;
    }

    public GezondheidsInformatie(Guid dossierId, string tekst, DateTimeOffset nu)
    {
        DossierId = dossierId;
        Tekst = tekst;
        GewijzigdOp = nu;
    }

    public Guid DossierId { get; private set; }

    public Guid TenantId { get; private set; }

    public string Tekst { get; private set; }

    public DateTimeOffset GewijzigdOp { get; private set; }

    public void Wijzig(string tekst, DateTimeOffset nu)
    {
        Tekst = tekst;
        GewijzigdOp = nu;
    }
}
