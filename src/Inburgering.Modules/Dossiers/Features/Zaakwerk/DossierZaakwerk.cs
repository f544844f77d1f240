using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Afspraken;
using Inburgering.Modules.Dossiers.Features.Bestanden;
using Inburgering.Modules.Dossiers.Features.Contactmomenten;
using Inburgering.Modules.Dossiers.Features.Duo;
using Inburgering.Modules.Dossiers.Features.Huishouden;
using Inburgering.Modules.Dossiers.Features.Weergave;
using Inburgering.Modules.Dossiers.Features.Werkplaats;

namespace Inburgering.Modules.Dossiers.Features.Zaakwerk;

/// <summary>The pages' door to the case work: every call is the use case the API route calls too.</summary>
internal sealed class DossierZaakwerk(DossierLezer lezer, DossierHuishouden huishouden, DossierContactmomenten contactmomenten, DossierBestanden bestanden,
    DossierAfspraken afspraken, DuoInformatie duo) : IDossierZaakwerk
{
    /// <summary>One load of the dossier; each section read through its own use case, which logs the read.</summary>
    public async Task<Contracts.Zaakwerk> LeesAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var dossier = await lezer.LaadAsync(user, id, ct, alleenLezen: true);
        var huis = await lezer.HuishoudenAsync(dossier, ct);
        var toepassing = ToepasselijkheidWeergave.Van(dossier);
        var voortgang = VoortgangWeergave.Van(dossier);
        var samenstelling = huis.Samenstelling!;
        var notities = await contactmomenten.LijstAsync(user, dossier, ct);
        var documenten = await bestanden.LijstAsync(user, dossier, ct);
        return new Contracts.Zaakwerk(Woorden.Naam(dossier.Instroom), dossier.VorigeGemeente, Woorden.Naam(toepassing.Wet), toepassing.PlichtStart, toepassing.BinnenLeeftijd,
            samenstelling.Volwassenen, samenstelling.Minderjarigen, samenstelling.Nareizigers, samenstelling.Totaal,
            [.. huis.ZonderDossier!.Select(l => new LidItem(l.Id, l.Voornamen, l.Geboortedatum, Woorden.Naam(l.Relatie), l.Minderjarig, l.Aankomst))],
            voortgang.Leerroute is { } r ? Woorden.Naam(r) : null, voortgang.Doelniveau is { } n ? Woorden.Naam(n) : null,
            [.. voortgang.NogNodig.Select(n => new NogNodigItem(n.Code, n.Omschrijving, n.Pogingen))],
            [.. notities.Select(c => new ContactmomentItem(c.Id, Woorden.Naam(c.Soort), c.Datum, c.Deelnemers, c.TolkTaal, c.Tekst, c.Gezondheid, c.VastgelegdDoor))],
            [.. documenten.Select(b => new BestandItem(b.Id, Woorden.Naam(b.Soort), b.Datum, b.Naam, b.ContentType, b.Grootte))],
            [.. (await afspraken.LijstAsync(dossier, ct)).Select(Item)]);
    }

    public Task LegContactmomentVastAsync(ClaimsPrincipal user, Guid id, ContactmomentInvoer invoer, CancellationToken ct) => contactmomenten.LegVastAsync(user, id, invoer, ct);

    public Task PlanAfspraakAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, AfspraakInvoer invoer, CancellationToken ct) =>
        afspraken.PlanAsync(user, id, versie, invoer, ct);

    public Task AfspraakUitkomstAsync(ClaimsPrincipal user, Guid id, Guid afspraakId, Versievoorwaarde versie, AfspraakUitkomstInvoer invoer, CancellationToken ct) =>
        afspraken.UitkomstAsync(user, id, afspraakId, versie, invoer, ct);

    public Task VoegLidToeAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, LidInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        huishouden.VoegLidToeAsync(user, id, versie, invoer, onleesbaar, ct);

    public Task VoegBestandToeAsync(ClaimsPrincipal user, Guid id, string? soort, DateOnly? datum, string? naam, Stream? inhoud, long lengte, CancellationToken ct) =>
        bestanden.VoegToeAsync(user, id, soort, datum, naam, inhoud, lengte, ct);

    public async Task<AgendaWeek> AgendaAsync(ClaimsPrincipal user, DateOnly? dag, bool iedereen, CancellationToken ct)
    {
        var agenda = await afspraken.AgendaAsync(user, dag, iedereen, ct);
        return new AgendaWeek(agenda.Jaar, agenda.Week, agenda.Van, agenda.Tot, [.. agenda.Afspraken.Select(Item)], [.. agenda.TeVolgen.Select(Item)]);
    }

    public async Task<IReadOnlyList<DuoVerschilItem>> DuoVerschillenAsync(ClaimsPrincipal user, CancellationToken ct) =>
        [.. (await duo.VerschillenAsync(user, open: true, ct)).Select(v => new DuoVerschilItem(v.Id, v.DossierId, v.VNummer, v.Naam, v.Veld, v.InDossier, v.VolgensDuo, v.GevondenOp))];

    public Task HandelDuoVerschilAfAsync(ClaimsPrincipal user, Guid verschilId, DuoAfhandelingInvoer invoer, CancellationToken ct) => duo.HandelAfAsync(user, verschilId, invoer, ct);

    private static AgendaItem Item(AfspraakRegel a) => new(a.Id, a.DossierId, a.Naam, Woorden.Naam(a.Soort), a.Lokaal, (int)(a.Einde - a.Begin).TotalMinutes,
        a.Link ?? string.Join(", ", new[] { a.Locatie, a.Adres }.Where(w => w is not null)), a.TolkTaal, Woorden.Naam(a.Status), a.TeVolgen);
}
