using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Weergave;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Platform.Tijd;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Dossiers.Features.Brieven;

/// <summary>The dossier's side of letters and the digest: facts for a template, and the tijdlijn entry of a letter.</summary>
internal sealed class DossierBrieven(DossierWerkplaats werkplaats, DossierLezer lezer) : IDossierBrieven
{
    /// <summary>Who the digest's read is logged as: the job, not a person.</summary>
    private static readonly Actor DigestActor = new("systeem:digest", "Dagelijkse e-mail", Guid.Empty);

    public async Task<BriefGegevens> LeesAsync(ClaimsPrincipal user, Guid id, CancellationToken ct, Guid? afspraakId = null)
    {
        var d = await lezer.LaadAsync(user, id, ct, alleenLezen: true);
        var nu = werkplaats.Nu;
        var afspraak = afspraakId is { } gekozen
            ? await werkplaats.Lees.Afspraken.SingleOrDefaultAsync(a => a.Id == gekozen && a.DossierId == d.Id, ct)
              ?? throw new Platform.Errors.DomainException(DossierFouten.NietGevonden, "Deze afspraak hoort niet bij dit dossier.", Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound)
            : await werkplaats.Lees.Afspraken.Where(a => a.DossierId == d.Id && a.Status == AfspraakStatus.Gepland && a.Begin >= nu).OrderBy(a => a.Begin).FirstOrDefaultAsync(ct);
        var verklaring = d.Verlengingsverklaringen.OrderBy(v => v.Afgegeven).LastOrDefault();
        await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "brief", [d.Id], ct);
        var pip = d.HuidigePip;
        return new BriefGegevens(d.Id, d.VNummer, d.Voornamen, d.Achternaam, d.Koppelingsdatum, d.KlantregisseurId,
            d.Kennismakingsgesprek?.Gepland is { } gepland ? Kalender.Lokaal(gepland) : null, d.Kennismakingsgesprek?.Gehouden,
            d.Kennismakingsgesprek?.Locatie is { } locatie ? Woorden.Naam(locatie) : null,
            d.Scenario?.Scenario, d.Scenario?.Besluitdatum, d.Scenario?.TenzijRedenen ?? [], d.BredeIntake?.Startdatum,
            pip?.Dagtekening, pip is null ? null : Woorden.Naam(pip.Leerroute), pip is null ? [] : Onderdelen(pip),
            d.TermijnStart, d.TermijnEinde, OverdrachtWeergave.Gegevens(d.Overdracht), d.Overdracht?.VastgelegdOp, d.Overdracht?.VastgelegdDoor,
            d.Kennismakingsgesprek?.Adres, d.Kennismakingsgesprek?.Link, pip?.Ondersteuning, pip?.OntzorgenStart, pip?.OntzorgenEinde, pip?.Motivering,
            afspraak is null ? null : new BriefAfspraak(Woorden.Naam(afspraak.Soort), Kalender.Lokaal(afspraak.Begin), afspraak.DuurMinuten, afspraak.Locatie, afspraak.Adres,
                afspraak.Link, afspraak.TolkTaal),
            verklaring is null ? null : new BriefVerklaring(verklaring.Afgegeven, verklaring.VerwachteStart, verklaring.Reden));
    }

    private static List<string> Onderdelen(PipVersie pip) =>
        [.. new[] { (pip.Knm, "KNM"), (pip.Pvt, "PVT"), (pip.Map, "MAP") }.Where(o => o.Item1).Select(o => o.Item2)];

    public async Task ControleerToegangAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        // The visibility check only: the letters list needs no PIP versions, activities or talks.
        var dossier = await lezer.LaadAsync(user, id, ct, alleenLezen: true, metOnderdelen: false);
        await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "brief", [dossier.Id], ct);
    }

    public async Task<IReadOnlyDictionary<Guid, DossierNaam>> NamenAsync(ClaimsPrincipal user, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        await lezer.VereisLezenAsync(user, ct);
        var alleenVan = await lezer.AlleenVanAsync(user, ct);
        var namen = await werkplaats.Lees.Dossiers
            .Where(d => ids.Contains(d.Id) && (alleenVan == null || d.KlantregisseurId == alleenVan))
            .Select(d => new DossierNaam(d.Id, d.VNummer, d.Voornamen + " " + d.Achternaam))
            .ToDictionaryAsync(d => d.Id, ct);
        await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "brief", namen.Keys, ct);
        return namen;
    }

    public async Task NoteerAsync(ClaimsPrincipal user, Guid dossierId, string soort, Guid documentId, string titel, CancellationToken ct)
    {
        if (soort is not (DocumentGebeurtenissen.Gemaakt or DocumentGebeurtenissen.Verzonden))
        {
            throw new ArgumentOutOfRangeException(nameof(soort), soort, "Not a document event.");
        }

        var dossier = await lezer.LaadAsync(user, dossierId, ct, alleenLezen: true, metOnderdelen: false);
        var actor = DossierWerkplaats.ActorVan(user);
        werkplaats.Noteer(dossier.Id, soort, new { document = documentId, toelichting = titel }, actor, "brief");
        await werkplaats.SlaOpAsync(ct);
    }

    public async Task<IReadOnlyList<DigestInhoud>> DigestAsync(DateOnly vandaag, DateTimeOffset sinds, CancellationToken ct)
    {
        var lees = werkplaats.Lees;
        var signalen = await (
                from s in lees.Signalen
                join d in lees.Dossiers on s.DossierId equals d.Id
                where s.OpgelostOp == null && d.KlantregisseurId != null && d.AfsluitingDatum == null && s.ZichtbaarVanaf <= vandaag
                      && (s.GesnoozedTot == null || s.GesnoozedTot <= vandaag)
                      && (s.VerhoogdOp >= sinds || s.Ernst == Ernst.Overdue)
                orderby s.Vervaldatum
                select new { KlantregisseurId = d.KlantregisseurId!.Value, DossierId = d.Id, Naam = d.Voornamen + " " + d.Achternaam, s.Soort, s.Ernst, s.Vervaldatum })
            .ToListAsync(ct);

        // A day in Dutch local time, as UTC bounds.
        var begin = Kalender.BeginVan(vandaag);
        var einde = Kalender.BeginVan(vandaag.AddDays(1));
        var afspraken = await lees.Dossiers
            .Where(d => d.KlantregisseurId != null && d.AfsluitingDatum == null && d.Kennismakingsgesprek != null && d.Kennismakingsgesprek.Gehouden == null
                        && d.Kennismakingsgesprek.Gepland >= begin && d.Kennismakingsgesprek.Gepland < einde)
            .Select(d => new { KlantregisseurId = d.KlantregisseurId!.Value, DossierId = d.Id, Naam = d.Voornamen + " " + d.Achternaam, Gepland = d.Kennismakingsgesprek!.Gepland!.Value })
            .ToListAsync(ct);

        var dossiers = signalen.Select(s => s.DossierId).Concat(afspraken.Select(a => a.DossierId)).Distinct().ToList();
        await werkplaats.LogInzageAsync(DigestActor, "digest", dossiers, ct);
        return [.. signalen.Select(s => s.KlantregisseurId).Concat(afspraken.Select(a => a.KlantregisseurId)).Distinct().Select(kr => new DigestInhoud(kr,
            [.. signalen.Where(s => s.KlantregisseurId == kr).Select(s => new DigestRegel(s.DossierId, s.Naam, Woorden.Naam(s.Soort), Woorden.Naam(s.Ernst), s.Vervaldatum, null))],
            [.. afspraken.Where(a => a.KlantregisseurId == kr).OrderBy(a => a.Gepland)
                .Select(a => new DigestRegel(a.DossierId, a.Naam, "kennismakingsgesprek", "info", vandaag, Kalender.Lokaal(a.Gepland).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)))]))];
    }
}
