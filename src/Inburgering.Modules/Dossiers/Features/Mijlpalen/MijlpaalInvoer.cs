using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Platform.Errors;

namespace Inburgering.Modules.Dossiers.Features.Mijlpalen;

/// <summary>Reads each milestone's input into the domain's shape, naming every invalid field in <see cref="Invoer"/>.</summary>
internal static class MijlpaalInvoer
{
    public static Overdracht Lees(this OverdrachtInvoer i, Invoer check, DateTimeOffset nu, string door)
    {
        var email = check.Tekst(i.Email, "email", max: 256);
        if (email is not null && !System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            check.Fout("email", "Vul een geldig e-mailadres in.");
        }

        return new Overdracht
        {
            Opleiding = check.Tekst(i.Opleiding, "opleiding", max: 2000),
            Werkervaring = check.Tekst(i.Werkervaring, "werkervaring", max: 2000),
            Talen = check.Lijst(i.Talen, "talen"),
            ZichtbareBeperkingen = check.Tekst(i.ZichtbareBeperkingen, "zichtbareBeperkingen", max: 1000),
            VoorinburgeringDeelname = i.VoorinburgeringDeelname ?? false,
            VoorinburgeringVoortgang = check.Tekst(i.VoorinburgeringVoortgang, "voorinburgeringVoortgang", max: 1000),
            Telefoon = check.Tekst(i.Telefoon, "telefoon", max: 30),
            Email = email,
            Beschikbaarheid = check.Tekst(i.Beschikbaarheid, "beschikbaarheid", max: 500),
            DriegesprekGewenst = i.DriegesprekGewenst ?? false,
            PersoonlijkeOverdrachtOp = i.PersoonlijkeOverdrachtOp,
            VastgelegdOp = nu,
            VastgelegdDoor = door,
        };
    }

    public static Kennismakingsgesprek Lees(this KennismakingInvoer i, Invoer check)
    {
        var locatie = check.Woord<KmgLocatie>(i.Locatie, "locatie");
        if (i.Gepland is null && i.Gehouden is null)
        {
            check.Fout("gepland", "Vul in wanneer het gesprek gepland is of gehouden werd.");
        }

        if (i.Gehouden is not null && locatie is null && string.IsNullOrEmpty(i.Locatie))
        {
            check.Fout("locatie", "Waar werd het gesprek gehouden: azc, gemeente of online?");
        }

        var adres = check.Tekst(i.Adres, "adres", max: 200);
        var link = check.Tekst(i.Link, "link", max: 500);
        if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
        {
            check.Fout("link", "Een link naar het online gesprek begint met https://.");
        }

        return new Kennismakingsgesprek { Gepland = i.Gepland, Gehouden = i.Gehouden, Locatie = locatie, Driegesprek = i.Driegesprek ?? false, Adres = adres, Link = link };
    }

    public static ScenarioKeuze Lees(this ScenarioInvoer i, Invoer check)
    {
        var scenario = check.Bereik(i.Scenario, "scenario", 1, 3, verplicht: true);
        var redenen = check.Lijst(i.TenzijRedenen, "tenzijRedenen", maxAantal: 10, maxLengte: 50);
        foreach (var onbekend in redenen.Where(r => !TenzijRedenen.Alle.Contains(r)))
        {
            check.Fout("tenzijRedenen", $"'{onbekend}' is geen tenzij-reden.");
        }

        return new ScenarioKeuze
        {
            Scenario = scenario,
            Besluitdatum = check.Verplicht(i.Besluitdatum, "besluitdatum"),
            TenzijRedenen = redenen,
            Toelichting = check.Tekst(i.Toelichting, "toelichting", max: 2000),
        };
    }

    public static BredeIntake Lees(this BredeIntakeInvoer i, Invoer check)
    {
        var uitkomst = check.Woord<LeerbaarheidUitkomst>(i.LeerbaarheidstoetsUitkomst, "leerbaarheidstoetsUitkomst");
        if (uitkomst is not null && i.LeerbaarheidstoetsDatum is null)
        {
            check.Fout("leerbaarheidstoetsDatum", "Bij een uitkomst hoort de datum van de toets.");
        }

        check.Tekst(i.Gezondheid, "gezondheid", max: 4000);
        return new BredeIntake
        {
            Aanbieder = check.Tekst(i.Aanbieder, "aanbieder", max: 200),
            Startdatum = i.Startdatum,
            GeplandeStartdatum = i.GeplandeStartdatum,
            Einddatum = i.Einddatum,
            LeerbaarheidstoetsDatum = i.LeerbaarheidstoetsDatum,
            LeerbaarheidstoetsUitkomst = uitkomst,
            OpleidingEnWerk = check.Tekst(i.OpleidingEnWerk, "opleidingEnWerk", max: 4000),
            PersoonlijkeOmstandigheden = check.Tekst(i.PersoonlijkeOmstandigheden, "persoonlijkeOmstandigheden", max: 4000),
        };
    }
}
