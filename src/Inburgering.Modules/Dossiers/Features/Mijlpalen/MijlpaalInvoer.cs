using System.ComponentModel;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;

namespace Inburgering.Modules.Dossiers.Features.Mijlpalen;

[Description("COA's warme overdracht: the klantprofiel and contact. Soft information is never stored: only that a personal handover talk took place (persoonlijkeOverdrachtOp).")]
internal sealed record OverdrachtInvoer(
    string? Opleiding, string? Werkervaring, IReadOnlyList<string>? Talen, string? ZichtbareBeperkingen, bool? VoorinburgeringDeelname,
    string? VoorinburgeringVoortgang, string? Telefoon, string? Email, string? Beschikbaarheid, bool? DriegesprekGewenst,
    [property: Description("The date of the personal handover talk, if one took place.")] DateOnly? PersoonlijkeOverdrachtOp)
{
    public Overdracht Lees(Invoer check, DateTimeOffset nu, string door)
    {
        var email = check.Tekst(Email, "email", max: 256);
        if (email is not null && !System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            check.Fout("email", "Vul een geldig e-mailadres in.");
        }

        return new Overdracht
        {
            Opleiding = check.Tekst(Opleiding, "opleiding", max: 2000),
            Werkervaring = check.Tekst(Werkervaring, "werkervaring", max: 2000),
            Talen = check.Lijst(Talen, "talen"),
            ZichtbareBeperkingen = check.Tekst(ZichtbareBeperkingen, "zichtbareBeperkingen", max: 1000),
            VoorinburgeringDeelname = VoorinburgeringDeelname ?? false,
            VoorinburgeringVoortgang = check.Tekst(VoorinburgeringVoortgang, "voorinburgeringVoortgang", max: 1000),
            Telefoon = check.Tekst(Telefoon, "telefoon", max: 30),
            Email = email,
            Beschikbaarheid = check.Tekst(Beschikbaarheid, "beschikbaarheid", max: 500),
            DriegesprekGewenst = DriegesprekGewenst ?? false,
            PersoonlijkeOverdrachtOp = PersoonlijkeOverdrachtOp,
            VastgelegdOp = nu,
            VastgelegdDoor = door,
        };
    }
}

internal sealed record KennismakingInvoer(
    [property: Description("Planned date and time.")] DateTimeOffset? Gepland,
    [property: Description("The date it was held.")] DateOnly? Gehouden,
    KmgLocatie? Locatie, bool? Driegesprek)
{
    public Kennismakingsgesprek Lees(Invoer check)
    {
        if (Gepland is null && Gehouden is null)
        {
            check.Fout("gepland", "Vul in wanneer het gesprek gepland is of gehouden werd.");
        }

        if (Gehouden is not null && Locatie is null)
        {
            check.Fout("locatie", "Waar werd het gesprek gehouden: azc, gemeente of online?");
        }

        return new Kennismakingsgesprek { Gepland = Gepland, Gehouden = Gehouden, Locatie = Locatie, Driegesprek = Driegesprek ?? false };
    }
}

internal sealed record ScenarioInvoer(
    [property: Description("1 Snelle Start, 2 Gecombineerde Aanpak, 3 Start na Verhuizing.")] int? Scenario,
    DateOnly? Besluitdatum,
    [property: Description("Reason codes for scenario 3: gezondheid, reistijd, reiskosten, geen-kinderopvang, onvoldoende-rust, onbekend-met-brede-intake, gat-tot-verhuizing, geen-programma-beschikbaar, anders.")] IReadOnlyList<string>? TenzijRedenen,
    string? Toelichting)
{
    public ScenarioKeuze Lees(Invoer check)
    {
        var scenario = check.Bereik(Scenario, "scenario", 1, 3, verplicht: true);
        var redenen = check.Lijst(TenzijRedenen, "tenzijRedenen", maxAantal: 9, maxLengte: 50);
        foreach (var onbekend in redenen.Where(r => !Domain.TenzijRedenen.Alle.Contains(r)))
        {
            check.Fout("tenzijRedenen", $"'{onbekend}' is geen tenzij-reden.");
        }

        return new ScenarioKeuze
        {
            Scenario = scenario,
            Besluitdatum = check.Verplicht(Besluitdatum, "besluitdatum"),
            TenzijRedenen = redenen,
            Toelichting = check.Tekst(Toelichting, "toelichting", max: 2000),
        };
    }
}

internal sealed record BredeIntakeInvoer(
    string? Aanbieder, DateOnly? Startdatum, DateOnly? Einddatum, DateOnly? LeerbaarheidstoetsDatum, LeerbaarheidUitkomst? LeerbaarheidstoetsUitkomst,
    string? OpleidingEnWerk, string? PersoonlijkeOmstandigheden,
    [property: Description("Health from the intake: needs the health permission to write or read; every access is logged. Left out: unchanged.")] string? Gezondheid)
{
    public BredeIntake Lees(Invoer check)
    {
        if (LeerbaarheidstoetsUitkomst is not null && LeerbaarheidstoetsDatum is null)
        {
            check.Fout("leerbaarheidstoetsDatum", "Bij een uitkomst hoort de datum van de toets.");
        }

        check.Tekst(Gezondheid, "gezondheid", max: 4000);
        return new BredeIntake
        {
            Aanbieder = check.Tekst(Aanbieder, "aanbieder", max: 200),
            Startdatum = Startdatum,
            Einddatum = Einddatum,
            LeerbaarheidstoetsDatum = LeerbaarheidstoetsDatum,
            LeerbaarheidstoetsUitkomst = LeerbaarheidstoetsUitkomst,
            OpleidingEnWerk = check.Tekst(OpleidingEnWerk, "opleidingEnWerk", max: 4000),
            PersoonlijkeOmstandigheden = check.Tekst(PersoonlijkeOmstandigheden, "persoonlijkeOmstandigheden", max: 4000),
        };
    }
}

[Description("A PIP version. The first one's dagtekening sets the inburgeringstermijn; later versions never move it.")]
internal sealed record PipInvoer(DateOnly? Dagtekening, Leerroute? Leerroute, bool? Knm, bool? Pvt, bool? Map, DateOnly? OntzorgenStart, DateOnly? OntzorgenEinde, string? Ondersteuning);

internal sealed record HuisvestingInvoer(DateOnly? WoningToegewezen, DateOnly? HuurcontractIngang, DateOnly? Verhuisdatum, DateOnly? VerblijfsdocumentOntvangen);

internal sealed record ActiviteitInvoer(ActiviteitSoort? Soort, DateOnly? Startdatum, DateOnly? Einddatum, string? Omschrijving);

internal sealed record VoortgangsgesprekInvoer(DateOnly? Datum, [property: Description("The klantregisseur's note; never shown to COA.")] string? Verslag);

[Description("An extension of the inburgeringstermijn as granted by DUO.")]
internal sealed record TermijnverlengingInvoer(int? Maanden, string? Reden, DateOnly? Besluitdatum);

internal sealed record AfsluitingInvoer(AfsluitingReden? Reden, DateOnly? Datum);
