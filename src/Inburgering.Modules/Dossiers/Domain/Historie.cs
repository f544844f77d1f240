using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Dossiers.Domain;

/// <summary>
/// One change of a dossier: who (and for which organisation), when, what, and the section as it became. Append-only;
/// it moves with the dossier on an omkoppeling and is the source of history and of every KPI.
/// </summary>
internal sealed class TijdlijnGebeurtenis : ITenantOwned
{
    private TijdlijnGebeurtenis()
    {
        Soort = string.Empty;
        ActorId = string.Empty;
        ActorNaam = string.Empty;
        Gegevens = "{}";
    }

    public TijdlijnGebeurtenis(Guid dossierId, string soort, Actor actor, string gegevens, DateTimeOffset nu)
    {
        Id = Guid.CreateVersion7(nu);
        DossierId = dossierId;
        Soort = soort;
        ActorId = actor.Id;
        ActorNaam = actor.Naam;
        OrganisatieId = actor.OrganisatieId;
        Gegevens = gegevens;
        Tijdstip = nu;
    }

    public Guid Id { get; private set; }

    /// <summary>Insertion order, also between events with the same timestamp.</summary>
    public long Volgnummer { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid DossierId { get; private set; }

    public DateTimeOffset Tijdstip { get; private set; }

    /// <summary>e.g. <c>scenario.vastgelegd</c>; see <see cref="Gebeurtenissen"/>.</summary>
    public string Soort { get; private set; }

    public string ActorId { get; private set; }

    public string ActorNaam { get; private set; }

    public Guid OrganisatieId { get; private set; }

    /// <summary>The section after the change, as JSON. Health text is never in it.</summary>
    public string Gegevens { get; private set; }
}

/// <summary>Who acts: a person (user id) or an integration (client id), for one organisation.</summary>
internal sealed record Actor(string Id, string Naam, Guid OrganisatieId);

internal static class Gebeurtenissen
{
    public const string Aangemaakt = "dossier.aangemaakt";
    public const string GegevensGewijzigd = "dossier.gewijzigd";
    public const string Toegewezen = "dossier.toegewezen";
    public const string Overdracht = "overdracht.vastgelegd";
    public const string Kennismaking = "kennismakingsgesprek.vastgelegd";
    public const string Scenario = "scenario.vastgelegd";
    public const string BredeIntake = "brede-intake.vastgelegd";
    public const string Pip = "pip.vastgesteld";
    public const string Huisvesting = "huisvesting.vastgelegd";
    public const string Activiteit = "activiteit.toegevoegd";
    public const string ActiviteitGestart = "activiteit.gestart";
    public const string Verblijven = "verblijven.vastgelegd";
    public const string Verlengingsverklaring = "leerroute.verlengingsverklaring";
    public const string Voortgangsgesprek = "voortgangsgesprek.gehouden";
    public const string Termijnverlenging = "termijn.verlengd";
    public const string PipCorrectieGevraagd = "pip.correctie-gevraagd";
    public const string PipGecorrigeerd = "pip.dagtekening-gecorrigeerd";
    public const string PipCorrectieAfgewezen = "pip.correctie-afgewezen";
    public const string Afgesloten = "dossier.afgesloten";
    public const string Gecorrigeerd = "dossier.gecorrigeerd";
    public const string Beperkt = "dossier.beperkt";
    public const string BeperkingOpgeheven = "dossier.beperking-opgeheven";
    public const string VerwijderingAangevraagd = "dossier.verwijdering-aangevraagd";
    public const string Bewaarplicht = "dossier.bewaarplicht";
    public const string BewaarplichtOpgeheven = "dossier.bewaarplicht-opgeheven";
    public const string VerwijderingAfgewezen = "dossier.verwijdering-afgewezen";
    public const string OmkoppelingAangeboden = "omkoppeling.aangeboden";
    public const string OmkoppelingGeweigerd = "omkoppeling.geweigerd";
    public const string OmkoppelingIngetrokken = "omkoppeling.ingetrokken";
    public const string OmkoppelingOvergenomen = "omkoppeling.overgenomen";
    public const string LidToegevoegd = "huishouden.lid-toegevoegd";
    public const string Onderdeel = "voortgang.onderdeel";
    public const string DuoBericht = "duo.bericht";
    public const string Contactmoment = "contactmoment.vastgelegd";
    public const string BestandToegevoegd = "bestand.toegevoegd";
    public const string AfspraakGepland = "afspraak.gepland";
    public const string AfspraakUitkomst = "afspraak.uitkomst";
    public const string DuoVerschilAfgehandeld = "duo.verschil-afgehandeld";
    public const string Examen = "voortgang.examen";
    public const string Afschaling = "voortgang.afgeschaald";
    public const string Routewissel = "voortgang.routewissel";
    public const string LidVerwijderd = "huishouden.lid-verwijderd";

    public static string Omschrijving(string soort) => soort switch
    {
        Aangemaakt => "Dossier aangemaakt",
        GegevensGewijzigd => "Gegevens gewijzigd",
        Toegewezen => "Toegewezen",
        Overdracht => "Warme overdracht vastgelegd",
        Kennismaking => "Kennismakingsgesprek vastgelegd",
        Scenario => "Scenario vastgelegd",
        BredeIntake => "Brede intake vastgelegd",
        Pip => "PIP vastgesteld",
        Huisvesting => "Huisvesting vastgelegd",
        Activiteit => "Activiteit toegevoegd",
        ActiviteitGestart => "Geplande activiteit begonnen",
        Verblijven => "Verblijfplaatsen vastgelegd",
        Verlengingsverklaring => "Verlengingsverklaring afgegeven",
        Voortgangsgesprek => "Voortgangsgesprek gehouden",
        Termijnverlenging => "Termijn verlengd",
        PipCorrectieGevraagd => "Correctie van de PIP-dagtekening gevraagd",
        PipGecorrigeerd => "Dagtekening van het eerste PIP gecorrigeerd",
        PipCorrectieAfgewezen => "Correctie van de PIP-dagtekening afgewezen",
        Afgesloten => "Dossier afgesloten",
        Gecorrigeerd => "Gegevens gecorrigeerd op verzoek van de betrokkene",
        Beperkt => "Verwerking beperkt op verzoek van de betrokkene",
        BeperkingOpgeheven => "Beperking van de verwerking opgeheven",
        VerwijderingAangevraagd => "Verwijdering aangevraagd (dossier ten onrechte aangemaakt)",
        Bewaarplicht => "Bewaarplicht opgelegd: geen bewaartermijn raakt het dossier",
        BewaarplichtOpgeheven => "Bewaarplicht opgeheven",
        VerwijderingAfgewezen => "Verwijdering afgewezen",
        Contracts.DocumentGebeurtenissen.Gemaakt => "Brief gemaakt",
        Contracts.DocumentGebeurtenissen.Verzonden => "Brief verzonden",
        OmkoppelingAangeboden => "Aangeboden aan een andere gemeente",
        OmkoppelingGeweigerd => "Omkoppeling geweigerd",
        OmkoppelingIngetrokken => "Omkoppeling ingetrokken",
        OmkoppelingOvergenomen => "Overgenomen van een andere gemeente",
        LidToegevoegd => "Lid van het huishouden toegevoegd",
        Onderdeel => "Voortgang van een onderdeel vastgelegd",
        DuoBericht => "Bericht van DUO vastgelegd",
        Contactmoment => "Contactmoment vastgelegd",
        BestandToegevoegd => "Document toegevoegd",
        AfspraakGepland => "Afspraak gepland",
        AfspraakUitkomst => "Afspraak gehouden of gemist",
        DuoVerschilAfgehandeld => "Verschil met DUO afgehandeld",
        Examen => "Examen vastgelegd",
        Afschaling => "Afgeschaald van B1 naar A2",
        Routewissel => "Leerroute gewisseld",
        LidVerwijderd => "Lid van het huishouden verwijderd",
        _ => soort,
    };
}
