using System.Globalization;
using System.Security.Claims;
using Inburgering.Modules.Documenten.Contracts;
using Inburgering.Modules.Documenten.Data;
using Inburgering.Modules.Documenten.Domain;
using Inburgering.Modules.Documenten.Features.Sjablonen;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Pdf;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Documenten.Features.Brieven;

/// <summary>
/// A letter is rendered once, from the gemeente's template in use, and stored as made with that template's version;
/// a later change of the template never changes it. With four eyes on, it counts as sent only after a colleague approves.
/// </summary>
internal sealed class BriefService(
    Platform.Http.Verzoeklimieten limieten,
    DocumentenDbContext db, SjabloonBibliotheek sjablonen, IDossierBrieven dossiers, IOrganisationDirectory organisaties, IPeopleDirectory mensen,
    IPermissionChecker rechten, IPdfMaker pdf, ICurrentTenant tenant, TimeProvider time) : IBrieven
{
    public IReadOnlyList<(string Sleutel, string Titel)> Soorten { get; } =
        [.. SjabloonBibliotheek.Titels.Where(t => t.Key != SjabloonBibliotheek.DigestSleutel).Select(t => (t.Key, t.Value))];

    public async Task<IReadOnlyList<DocumentOverzicht>> LijstAsync(ClaimsPrincipal user, Guid dossierId, CancellationToken ct)
    {
        await dossiers.ControleerToegangAsync(user, dossierId, ct);
        var lijst = await db.Documenten.AsNoTracking().Where(d => d.DossierId == dossierId).OrderByDescending(d => d.GemaaktOp).ToListAsync(ct);
        return [.. lijst.Select(Overzicht)];
    }

    public async Task<DocumentInhoud> MaakAsync(ClaimsPrincipal user, Guid dossierId, string? sjabloon, CancellationToken ct, Guid? afspraakId = null)
    {
        var gemeente = tenant.Vereis("Brieven");
        await MagAsync(user, DocumentPermissies.Maken, ct);
        if (string.IsNullOrWhiteSpace(sjabloon) || !Soorten.Any(s => s.Sleutel == sjabloon))
        {
            throw Invoer.Afgewezen(DocumentenFouten.Validation, "sjabloon", [$"Kies een van: {string.Join(", ", Soorten.Select(s => s.Sleutel))}."]);
        }

        var gegevens = await dossiers.LeesAsync(user, dossierId, ct, afspraakId);
        var (tekst, versie) = await sjablonen.HuidigAsync(sjabloon, ct);
        var model = await ModelAsync(gemeente, gegevens, user, ct);
        string inhoud;
        try
        {
            inhoud = SjabloonRenderer.Render(tekst, model);
        }
        catch (SjabloonFout fout)
        {
            // The gemeente's own template fails on this dossier: the beheerder must fix it; nothing is stored.
            throw new DomainException(fout.Code, $"Het sjabloon '{SjabloonBibliotheek.Titels[sjabloon]}' van uw gemeente werkt niet voor dit dossier. Vraag de functioneel beheerder het te herstellen. ({fout.Message})");
        }

        var titel = $"{SjabloonBibliotheek.Titels[sjabloon]}: {gegevens.Voornamen} {gegevens.Achternaam}";
        var vierOgen = await sjablonen.VierOgenAsync(sjabloon, ct);
        var document = new Document(dossierId, sjabloon, titel, versie, BriefOpmaak.Document(titel, inhoud), vierOgen, Wie.Van(user), time.GetUtcNow());
        db.Documenten.Add(document);
        await db.SaveChangesAsync(ct);
        await dossiers.NoteerAsync(user, dossierId, vierOgen ? DocumentGebeurtenissen.Gemaakt : DocumentGebeurtenissen.Verzonden, document.Id, titel, ct);
        return new DocumentInhoud(Overzicht(document), document.Html);
    }

    public async Task<DocumentInhoud> LeesAsync(ClaimsPrincipal user, Guid dossierId, Guid documentId, CancellationToken ct)
    {
        var document = await VindAsync(user, dossierId, documentId, volgen: false, ct);
        return new DocumentInhoud(Overzicht(document), document.Html);
    }

    public async Task<(byte[] Pdf, string Bestandsnaam)> PdfAsync(ClaimsPrincipal user, Guid dossierId, Guid documentId, CancellationToken ct)
    {
        var document = await VindAsync(user, dossierId, documentId, volgen: false, ct);
        limieten.Vereis(Platform.Http.Verzoeksoort.Pdf, user);
        try
        {
            return (await pdf.MaakAsync(document.Html, ct), $"{document.Sleutel}-{document.GemaaktOp.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.pdf");
        }
        catch (PdfMakerException ex)
        {
            throw new DomainException(DocumentenFouten.PdfMislukt, "De PDF kon nu niet worden gemaakt. Probeer het later opnieuw; de brief zelf is bewaard. (" + ex.Message + ")",
                StatusCodes.Status503ServiceUnavailable);
        }
    }

    public async Task<IReadOnlyList<BriefTerGoedkeuring>> TerGoedkeuringAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        await MagAsync(user, DocumentPermissies.Goedkeuren, ct);
        tenant.Vereis("Brieven");
        var wachtend = await db.Documenten.AsNoTracking().Where(d => d.VerzondenOp == null).OrderBy(d => d.GemaaktOp).ToListAsync(ct);
        var namen = await dossiers.NamenAsync(user, [.. wachtend.Select(d => d.DossierId).Distinct()], ct);
        var ik = Wie.Van(user).Id;
        return [.. wachtend.Where(d => namen.ContainsKey(d.DossierId))
            .Select(d => new BriefTerGoedkeuring(Overzicht(d), namen[d.DossierId].VNummer, namen[d.DossierId].Naam, d.GemaaktDoorId == ik))];
    }

    public async Task<DocumentOverzicht> KeurGoedAsync(ClaimsPrincipal user, Guid dossierId, Guid documentId, CancellationToken ct)
    {
        await MagAsync(user, DocumentPermissies.Goedkeuren, ct);
        var document = await VindAsync(user, dossierId, documentId, volgen: true, ct);
        if (document.Status != Document.TerGoedkeuring)
        {
            throw new DomainException(DocumentenFouten.AlVerzonden, "Deze brief is al verzonden.", StatusCodes.Status409Conflict);
        }

        var wie = Wie.Van(user);
        if (wie.Id == document.GemaaktDoorId)
        {
            throw new DomainException(DocumentenFouten.VierOgenZelfde, "Vier ogen: een collega die de brief niet zelf maakte, keurt hem goed.");
        }

        document.KeurGoed(wie, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await dossiers.NoteerAsync(user, dossierId, DocumentGebeurtenissen.Verzonden, document.Id, document.Titel, ct);
        return Overzicht(document);
    }

    private async Task<Document> VindAsync(ClaimsPrincipal user, Guid dossierId, Guid documentId, bool volgen, CancellationToken ct)
    {
        await dossiers.ControleerToegangAsync(user, dossierId, ct);
        var query = volgen ? db.Documenten : db.Documenten.AsNoTracking();
        return await query.SingleOrDefaultAsync(d => d.Id == documentId && d.DossierId == dossierId, ct)
               ?? throw new DomainException(DocumentenFouten.DocumentNietGevonden, "Deze brief bestaat niet bij dit dossier.", StatusCodes.Status404NotFound);
    }

    private async Task MagAsync(ClaimsPrincipal user, string permissie, CancellationToken ct)
    {
        if (!await rechten.HasAsync(user, permissie, ct))
        {
            throw new DomainException(PlatformErrors.Forbidden, "U mag dit niet doen.", StatusCodes.Status403Forbidden);
        }
    }

    private async Task<Dictionary<string, object?>> ModelAsync(Guid gemeenteId, BriefGegevens d, ClaimsPrincipal user, CancellationToken ct)
    {
        var gemeente = await organisaties.FindAsync(gemeenteId, ct);
        var hoofd = await sjablonen.BriefhoofdAsync(ct);
        var regisseur = d.KlantregisseurId is { } kr ? await mensen.FindMemberAsync(gemeenteId, kr, ct) : null;
        return SjabloonModel.Maak(
            (gemeente?.Naam ?? string.Empty, hoofd.Adres),
            (regisseur?.Naam ?? Wie.Van(user).Naam, regisseur?.Email, hoofd.Telefoon),
            (d.Voornamen, d.Achternaam, d.VNummer, d.Koppelingsdatum),
            Platform.Tijd.Kalender.Vandaag(time),
            kennismaking: (d.KennismakingGehouden ?? (d.KennismakingGepland is { } g ? DateOnly.FromDateTime(g) : null),
                d.KennismakingGehouden is null ? d.KennismakingGepland?.ToString("HH:mm", CultureInfo.InvariantCulture) : null, BriefWoorden.Locatie(d.KennismakingLocatie),
                d.KennismakingAdres ?? (d.KennismakingLocatie == "gemeente" ? hoofd.Adres : null), d.KennismakingLink),
            scenario: (d.Scenario, d.ScenarioBesluitdatum, BriefWoorden.TenzijRedenen(d.TenzijRedenen)),
            bredeIntakeStart: d.BredeIntakeStart,
            pip: (d.PipDagtekening, BriefWoorden.Leerroute(d.Leerroute), [.. d.PipOnderdelen.Select(BriefWoorden.Onderdeel)], BriefWoorden.RouteUitleg(d.Leerroute),
                d.PipOndersteuning, d.OntzorgenStart, d.OntzorgenEinde, d.PipMotivering),
            termijn: (d.TermijnStart, d.TermijnEinde),
            afspraak: d.Afspraak is { } a
                ? (BriefWoorden.Afspraak(a.Soort), DateOnly.FromDateTime(a.Lokaal), a.Lokaal.ToString("HH:mm", CultureInfo.InvariantCulture), a.DuurMinuten, a.Locatie, a.Adres, a.Link, a.TolkTaal)
                : default,
            verklaring: d.Verlengingsverklaring is { } vv ? (vv.Afgegeven, vv.VerwachteStart, vv.Reden) : default,
            overdracht: d.Overdracht is { } o
                ? SjabloonModel.Groep(("vastgelegd_op", SjabloonModel.Datum(d.OverdrachtVastgelegdOp is { } op ? DateOnly.FromDateTime(Platform.Tijd.Kalender.Lokaal(op)) : null)),
                    ("vastgelegd_door", d.OverdrachtVastgelegdDoor), ("opleiding", o.Opleiding), ("werkervaring", o.Werkervaring),
                    ("talen", o.Talen.Count == 0 ? null : string.Join(", ", o.Talen)),
                    ("voorinburgering", o.VoorinburgeringDeelname ? "ja" + (o.VoorinburgeringVoortgang is { } v ? ": " + v : string.Empty) : "nee"),
                    ("beschikbaarheid", o.Beschikbaarheid), ("driegesprek", o.DriegesprekGewenst ? "ja" : "nee"))
                : null);
    }

    private static DocumentOverzicht Overzicht(Document d) =>
        new(d.Id, d.DossierId, d.Sleutel, d.Titel, d.Status, d.SjabloonVersie, d.GemaaktDoorNaam, d.GemaaktOp, d.GoedgekeurdDoorNaam, d.VerzondenOp);
}

/// <summary>The API's codes in the words a letter uses.</summary>
internal static class BriefWoorden
{
    public static string Afspraak(string soort) => soort switch
    {
        "kennismakingsgesprek" => "een kennismakingsgesprek",
        "brede-intake" => "de brede intake",
        "voortgangsgesprek" => "een voortgangsgesprek",
        _ => "een gesprek",
    };

    public static string? Locatie(string? code) => code switch
    {
        "azc" => "op het asielzoekerscentrum waar u woont",
        "gemeente" => "op het gemeentehuis",
        "online" => "online, via een videogesprek",
        _ => null,
    };

    public static string? Leerroute(string? code) => code switch
    {
        "B1" => "de B1-route",
        "onderwijs" => "de onderwijsroute",
        "Z" => "de zelfredzaamheidsroute",
        _ => null,
    };

    /// <summary>What the route means for the person, in plain words (Wi2021, Besluit inburgering 2021 art. 3.14).</summary>
    public static string? RouteUitleg(string? code) => code switch
    {
        "B1" => "U leert Nederlands tot taalniveau B1. Met dat niveau kunt u zich goed redden in het dagelijks leven en op uw werk. "
                + "U doet examens in lezen, luisteren, schrijven en spreken, en een examen over hoe Nederland werkt.",
        "onderwijs" => "U volgt eerst een schakeljaar: ongeveer 1.000 uur Nederlands en 500 uur andere vakken, zoals rekenen en Engels. "
                       + "Daarna kunt u verder leren aan een beroepsopleiding, een hogeschool of een universiteit.",
        "Z" => "U leert Nederlands op uw eigen niveau, zodat u zich zelfstandig kunt redden. U krijgt 800 uur taalles en doet 800 uur mee "
               + "in de samenleving, bijvoorbeeld met vrijwilligerswerk. U sluit af met een gesprek bij de gemeente.",
        _ => null,
    };

    /// <summary>A part of the plan with its size, as the law sets it: never the abbreviation.</summary>
    public static string Onderdeel(string code) => code switch
    {
        "KNM" => "Kennismaking met de Nederlandse maatschappij: lessen over hoe Nederland werkt, bijvoorbeeld werk, zorg, onderwijs en wonen.",
        "PVT" => "Het participatieverklaringstraject: ten minste 12 uur over de belangrijkste waarden in Nederland, zoals vrijheid en gelijkwaardigheid. "
                 + "U sluit af door de participatieverklaring te ondertekenen.",
        "MAP" => "De module arbeidsmarkt en participatie: ten minste 40 uur, waarin u in de praktijk ontdekt welk werk bij u past en hoe u werk vindt. "
                 + "U sluit af met een eindgesprek bij de gemeente.",
        _ => "Een ander onderdeel van uw plan.",
    };

    /// <summary>
    /// The reasons as a letter may say them: health is special-category data and never goes into a letter, which can
    /// lie on a doormat or be read aloud by an interpreter; it becomes "a personal reason".
    /// </summary>
    public static IReadOnlyList<string> TenzijRedenen(IEnumerable<string> codes) =>
        [.. codes.Select(c => c == "gezondheid" ? "een persoonlijke reden" : TenzijReden(c)).Distinct(StringComparer.Ordinal)];

    private static string TenzijReden(string code) => code switch
    {
        "reistijd" => "de reistijd",
        "reiskosten" => "de reiskosten",
        "geen-kinderopvang" => "er is geen kinderopvang",
        "onvoldoende-rust" => "u heeft nu niet genoeg rust",
        "onbekend-met-brede-intake" => "u kent de brede intake nog niet",
        "gat-tot-verhuizing" => "de tijd tot uw verhuizing is kort",
        "geen-programma-beschikbaar" => "er is nog geen passend programma",
        "motivatie-eigen-keuze" => "u kiest er zelf voor om later te starten",
        _ => "een andere reden",
    };
}

/// <summary>
/// The page around a rendered template: A4 typography, and a policy that forbids scripts and loading anything, in
/// the browser that shows it and in the Chromium that prints it.
/// </summary>
internal static class BriefOpmaak
{
    public const string Beleid = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    public static string Document(string titel, string inhoud) => $$"""
        <!DOCTYPE html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="{{Beleid}}">
        <title>{{System.Net.WebUtility.HtmlEncode(titel)}}</title>
        <style>
        @page { size: A4; margin: 25mm 20mm; }
        body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.5; color: #000; max-width: 170mm; margin: 0 auto; }
        h1 { font-size: 15pt; margin: 1.2em 0 .6em; }
        h2 { font-size: 12pt; margin: 1em 0 .4em; }
        </style>
        </head>
        <body>
        {{inhoud}}
        </body>
        </html>
        """;
}
