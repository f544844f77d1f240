using System.Globalization;
using System.Security.Claims;
using System.Text;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Tijd;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Dossiers.Features.Afspraken;

/// <summary>
/// Appointments, behind the API and the pages alike. Planning a KMG plans the milestone too, and a held appointment
/// records its milestone (the KMG held, a voortgangsgesprek, the brede intake started) through the dossier's rules; a
/// missed one stays in the agenda to follow up until a new one of its kind is planned or it is closed with why.
/// </summary>
internal sealed class DossierAfspraken(DossierLezer lezer, DossierWerkplaats werkplaats)
{
    public async Task<(Dossier Dossier, Afspraak Afspraak)> PlanAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, AfspraakInvoer invoer, CancellationToken ct)
    {
        var dossier = await lezer.LaadVoorWijzigingAsync(user, id, versie, ct);
        var check = new Invoer(DossierFouten.Validatie);
        var soort = check.Verplicht(check.Woord<AfspraakSoort>(invoer.Soort, "soort"), "soort");
        var begin = check.Verplicht(invoer.Begin, "begin");
        if (invoer.Begin is { } b && b < werkplaats.Nu.AddDays(-1))
        {
            check.Fout("begin", "Een afspraak plant u vooruit; leg een gesprek dat al was vast als contactmoment.");
        }

        var duur = invoer.DuurMinuten is null ? 60 : check.Bereik(invoer.DuurMinuten, "duurMinuten", 15, 480, verplicht: true);
        var locatie = check.Tekst(invoer.Locatie, "locatie", max: 200);
        var adres = check.Tekst(invoer.Adres, "adres", max: 300);
        var link = check.Tekst(invoer.Link, "link", max: 500);
        if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
        {
            check.Fout("link", "Een link naar een online gesprek begint met https://.");
        }

        if (locatie is null && adres is null && link is null)
        {
            check.Fout("locatie", "Vul de plaats (locatie of adres) of de link van een online gesprek in.");
        }

        var tolk = check.Tekst(invoer.TolkTaal, "tolkTaal", max: 50);
        check.Klaar();
        var actor = DossierWerkplaats.ActorVan(user);
        var afspraak = new Afspraak(dossier.Id, soort, begin.ToUniversalTime(), duur, locatie, adres, link, tolk, actor.Id, actor.Naam, werkplaats.Nu);
        werkplaats.VoegToe(afspraak);
        foreach (var gemist in await werkplaats.AfsprakenVoorWijziging.Where(a => a.DossierId == dossier.Id && a.Soort == soort && a.Status == AfspraakStatus.Gemist && a.OpgevolgdOp == null)
                     .ToListAsync(ct))
        {
            gemist.VolgOp(werkplaats.Nu, "Nieuwe afspraak gepland");
        }

        if (soort == AfspraakSoort.Kennismakingsgesprek)
        {
            var kmg = dossier.Kennismakingsgesprek;
            dossier.LegKennismakingVast(new Kennismakingsgesprek
            {
                Gepland = afspraak.Begin, Gehouden = kmg?.Gehouden, Locatie = kmg?.Locatie ?? (link is not null ? KmgLocatie.Online : null),
                Driegesprek = kmg?.Driegesprek ?? false, Adres = adres ?? kmg?.Adres, Link = link ?? kmg?.Link,
            });
        }

        await werkplaats.BewaarAsync(dossier, Gebeurtenissen.AfspraakGepland,
            new { afspraak.Id, soort = Woorden.Naam(soort), afspraak.Begin, afspraak.DuurMinuten, locatie, adres, link, tolkTaal = tolk }, actor, ct, "afspraak");
        return (dossier, afspraak);
    }

    public async Task<(Dossier Dossier, Afspraak Afspraak)> UitkomstAsync(ClaimsPrincipal user, Guid id, Guid afspraakId, Versievoorwaarde versie, AfspraakUitkomstInvoer invoer,
        CancellationToken ct)
    {
        var dossier = await lezer.LaadVoorWijzigingAsync(user, id, versie, ct);
        var afspraak = await VindAsync(dossier, afspraakId, ct);
        var check = new Invoer(DossierFouten.Validatie);
        var status = check.Verplicht(check.Woord<AfspraakStatus>(invoer.Status, "status"), "status");
        var toelichting = check.Tekst(invoer.Toelichting, "toelichting", max: 1000);
        if (status == AfspraakStatus.Gepland)
        {
            check.Fout("status", "Kies gehouden, gemist of geannuleerd.");
        }
        else if (status != AfspraakStatus.Geannuleerd && afspraak.Begin > werkplaats.Nu)
        {
            check.Fout("status", "Deze afspraak moet nog komen: ze is niet gehouden en niet gemist.");
        }

        check.Klaar();
        if (afspraak.Status != AfspraakStatus.Gepland)
        {
            throw new DomainException(DossierFouten.AfspraakAfgehandeld, "De uitkomst van deze afspraak is al vastgelegd.", StatusCodes.Status409Conflict);
        }

        afspraak.LegUitkomstVast(status, toelichting);
        var dag = DateOnly.FromDateTime(Kalender.Lokaal(afspraak.Begin));
        if (status == AfspraakStatus.Gehouden)
        {
            switch (afspraak.Soort)
            {
                case AfspraakSoort.Kennismakingsgesprek when dossier.Kennismakingsgesprek?.Gehouden is null:
                    var kmg = dossier.Kennismakingsgesprek ?? new Kennismakingsgesprek();
                    kmg.Gehouden = dag;
                    kmg.Locatie ??= afspraak.Link is not null ? KmgLocatie.Online : null;
                    dossier.LegKennismakingVast(kmg);
                    break;
                case AfspraakSoort.Voortgangsgesprek:
                    dossier.HoudVoortgangsgesprek(dag, toelichting, werkplaats.Nu);
                    break;
                case AfspraakSoort.BredeIntake when dossier.BredeIntake?.Startdatum is null:
                    var intake = dossier.BredeIntake ?? new BredeIntake();
                    intake.Startdatum = dag;
                    dossier.LegBredeIntakeVast(intake);
                    break;
            }
        }

        await werkplaats.BewaarAsync(dossier, Gebeurtenissen.AfspraakUitkomst, new { afspraak.Id, soort = Woorden.Naam(afspraak.Soort), status = Woorden.Naam(status), dag, toelichting },
            DossierWerkplaats.ActorVan(user), ct, "afspraak");
        return (dossier, afspraak);
    }

    /// <summary>Closes the follow-up of a missed appointment without a new one (the person moved, declined), with why.</summary>
    public async Task<Afspraak> VolgOpAsync(ClaimsPrincipal user, Guid id, Guid afspraakId, string? toelichting, CancellationToken ct)
    {
        var dossier = await lezer.LaadVoorWijzigingAsync(user, id, Versievoorwaarde.Elke, ct);
        var afspraak = await VindAsync(dossier, afspraakId, ct);
        var check = new Invoer(DossierFouten.Validatie);
        var reden = check.Tekst(toelichting, "toelichting", verplicht: true, max: 1000);
        check.Klaar();
        if (!afspraak.TeVolgen)
        {
            throw new DomainException(DossierFouten.AfspraakAfgehandeld, "Deze afspraak is niet gemist, of al opgevolgd.", StatusCodes.Status409Conflict);
        }

        afspraak.VolgOp(werkplaats.Nu, reden);
        werkplaats.Noteer(dossier.Id, Gebeurtenissen.AfspraakUitkomst, new { afspraak.Id, opgevolgd = true, toelichting = reden }, DossierWerkplaats.ActorVan(user), "afspraak");
        await werkplaats.SlaOpAsync(ct);
        return afspraak;
    }

    public async Task<IReadOnlyList<AfspraakRegel>> LijstAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        await LijstAsync(await lezer.LaadAsync(user, id, ct, alleenLezen: true, metOnderdelen: false), ct);

    /// <summary>The appointments of a dossier the caller has already been allowed to read.</summary>
    public async Task<IReadOnlyList<AfspraakRegel>> LijstAsync(Dossier dossier, CancellationToken ct) =>
        [.. (await werkplaats.Lees.Afspraken.Where(a => a.DossierId == dossier.Id).OrderByDescending(a => a.Begin).ToListAsync(ct)).Select(a => Regel(a, null))];

    /// <summary>
    /// The week's appointments (Monday to Sunday, Dutch time) of the caller, or of the whole gemeente; with every missed
    /// appointment still to follow up, whatever its week.
    /// </summary>
    public async Task<Agenda> AgendaAsync(ClaimsPrincipal user, DateOnly? dag, bool iedereen, CancellationToken ct)
    {
        await lezer.VereisLezenAsync(user, ct);
        if (dag is { } gekozen && !Platform.Http.StrikteJson.BinnenBereik(gekozen))
        {
            throw Invoer.Afgewezen(DossierFouten.Validatie, "datum", [$"Kies een datum tussen {Platform.Http.StrikteJson.EersteJaar} en {Platform.Http.StrikteJson.LaatsteJaar}."]);
        }

        var alleenVan = await lezer.AlleenVanAsync(user, ct);
        var actor = DossierWerkplaats.ActorVan(user);
        var maandag = Maandag(dag ?? werkplaats.Vandaag);
        var (van, tot) = (Kalender.BeginVan(maandag), Kalender.BeginVan(maandag.AddDays(7)));
        var lees = werkplaats.Lees;
        var rijen = await (
                from a in lees.Afspraken
                join d in lees.InLijsten on a.DossierId equals d.Id
                where (iedereen || a.MedewerkerId == actor.Id) && (alleenVan == null || d.KlantregisseurId == alleenVan)
                      && ((a.Begin >= van && a.Begin < tot) || (a.Status == AfspraakStatus.Gemist && a.OpgevolgdOp == null))
                orderby a.Begin
                select new { a, d.Voornamen, d.Achternaam })
            .ToListAsync(ct);
        await werkplaats.LogInzageAsync(actor, "agenda", rijen.Select(r => r.a.DossierId).Distinct().ToList(), ct);
        var regels = rijen.Select(r => Regel(r.a, r.Voornamen + " " + r.Achternaam)).ToList();
        return new Agenda(ISOWeek.GetYear(maandag.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(maandag.ToDateTime(TimeOnly.MinValue)), maandag, maandag.AddDays(6),
            [.. regels.Where(r => r.Begin >= van && r.Begin < tot)], [.. regels.Where(r => r.TeVolgen)]);
    }

    /// <summary>The appointment as an iCalendar file (RFC 5545) the person or the klantregisseur adds to a calendar: times in UTC, so every calendar shows Dutch time right.</summary>
    public async Task<string> IcsAsync(ClaimsPrincipal user, Guid id, Guid afspraakId, string gemeente, CancellationToken ct)
    {
        var dossier = await lezer.LaadAsync(user, id, ct, alleenLezen: true, metOnderdelen: false);
        var a = await VindAsync(dossier, afspraakId, ct);
        await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "afspraak", [dossier.Id], ct);
        var wat = a.Soort switch
        {
            AfspraakSoort.Kennismakingsgesprek => "Kennismakingsgesprek",
            AfspraakSoort.BredeIntake => "Brede intake",
            AfspraakSoort.Voortgangsgesprek => "Voortgangsgesprek",
            _ => "Afspraak",
        };
        var waar = string.Join(", ", new[] { a.Locatie, a.Adres }.Where(w => w is not null));
        var uitleg = new StringBuilder($"{wat} met de gemeente {gemeente}.");
        if (a.TolkTaal is { } tolk)
        {
            uitleg.Append(CultureInfo.InvariantCulture, $" Er is een tolk {tolk}.");
        }

        if (a.Link is { } link)
        {
            uitleg.Append(CultureInfo.InvariantCulture, $" Online: {link}");
        }

        var regels = new List<string>
        {
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Inburgering//Afspraken//NL", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "BEGIN:VEVENT",
            $"UID:{a.Id}@inburgering", $"DTSTAMP:{Utc(werkplaats.Nu)}", $"DTSTART:{Utc(a.Begin)}", $"DTEND:{Utc(a.Einde)}",
            $"SUMMARY:{Tekst($"{wat} gemeente {gemeente}")}", $"DESCRIPTION:{Tekst(uitleg.ToString())}",
        };
        if (waar.Length > 0 || a.Link is not null)
        {
            regels.Add($"LOCATION:{Tekst(waar.Length > 0 ? waar : "Online")}");
        }

        if (a.Link is not null)
        {
            regels.Add($"URL:{a.Link}");
        }

        regels.AddRange([a.Status == AfspraakStatus.Geannuleerd ? "STATUS:CANCELLED" : "STATUS:CONFIRMED", "END:VEVENT", "END:VCALENDAR"]);
        return string.Concat(regels.Select(r => Vouw(r) + "\r\n"));
    }


    private async Task<Afspraak> VindAsync(Dossier dossier, Guid afspraakId, CancellationToken ct) =>
        await werkplaats.AfsprakenVoorWijziging.SingleOrDefaultAsync(a => a.Id == afspraakId && a.DossierId == dossier.Id, ct)
        ?? throw new DomainException(DossierFouten.NietGevonden, "Deze afspraak hoort niet bij dit dossier.", StatusCodes.Status404NotFound);

    internal static DateOnly Maandag(DateOnly dag) => dag.AddDays(-(((int)dag.DayOfWeek + 6) % 7));

    private static AfspraakRegel Regel(Afspraak a, string? naam) => new(a.Id, a.DossierId, naam, a.Soort, a.Begin, a.Einde, Kalender.Lokaal(a.Begin), a.Locatie, a.Adres,
        a.Link, a.TolkTaal, a.MedewerkerNaam, a.Status, a.Toelichting, a.TeVolgen);

    private static string Utc(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Tekst(string tekst) =>
        tekst.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Lines longer than 75 octets continue on the next line after a space (RFC 5545, 3.1), never inside a character.</summary>
    private static string Vouw(string regel)
    {
        var uit = new StringBuilder();
        var octetten = 0;
        foreach (var teken in regel.EnumerateRunes())
        {
            var lengte = teken.Utf8SequenceLength;
            if (octetten + lengte > 75)
            {
                uit.Append("\r\n ");
                octetten = 1;
            }

            uit.Append(teken.ToString());
            octetten += lengte;
        }

        return uit.ToString();
    }
}

/// <param name="Lokaal">The start in Dutch time, as the agenda shows it.</param>
/// <param name="TeVolgen">Missed, and not yet followed up.</param>
internal sealed record AfspraakRegel(Guid Id, Guid DossierId, string? Naam, AfspraakSoort Soort, DateTimeOffset Begin, DateTimeOffset Einde, DateTime Lokaal,
    string? Locatie, string? Adres, string? Link, string? TolkTaal, string Medewerker, AfspraakStatus Status, string? Toelichting, bool TeVolgen);

/// <param name="TeVolgen">Missed appointments not yet followed up, whatever their week.</param>
internal sealed record Agenda(int Jaar, int Week, DateOnly Van, DateOnly Tot, IReadOnlyList<AfspraakRegel> Afspraken, IReadOnlyList<AfspraakRegel> TeVolgen);
