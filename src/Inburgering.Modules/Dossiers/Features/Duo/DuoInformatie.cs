using System.Globalization;
using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Dossiers.Features.Duo;

/// <summary>
/// DUO's messages about a person, behind the API, the import of DUO's overview and the pages alike. A message that
/// only adds what the dossier did not know yet is taken over at once (DUO decides extensions and reports results);
/// one that disagrees with the dossier goes to the reconciliation queue, where a klantregisseur resolves it.
/// </summary>
internal sealed class DuoInformatie(DossierLezer lezer, DossierWerkplaats werkplaats, IPermissionEvaluator rechten)
{
    public async Task<Dossier> LegBerichtVastAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, DuoBerichtInvoer invoer, CancellationToken ct, string bron = "hand")
    {
        await rechten.VereisAsync(user, DossierPermissies.Bewerken, ct);
        var dossier = await lezer.LaadAsync(user, id, ct);
        DossierWerkplaats.ControleerVersie(versie, dossier);
        var check = new Invoer(DossierFouten.Validatie);
        var soort = check.Verplicht(check.Woord<DuoSoort>(invoer.Soort, "soort"), "soort");
        var datum = check.Verplicht(invoer.Datum, "datum");
        if (invoer.Datum > werkplaats.Vandaag)
        {
            check.Fout("datum", "Een bericht van DUO ligt niet in de toekomst.");
        }

        var grond = check.Tekst(invoer.Grond, "grond", verplicht: soort is DuoSoort.Ontheffing or DuoSoort.OntheffingGedeeltelijk or DuoSoort.Vrijstelling, max: 500);
        if (soort is DuoSoort.Kennisgeving or DuoSoort.Correctie or DuoSoort.Verlenging or DuoSoort.LbtUitslag or DuoSoort.Examenuitslag)
        {
            check.Verplicht(invoer.Waarde, "waarde");
        }

        ExamenOnderdeel? onderdeel = null;
        Taalniveau? niveau = null;
        ExamenUitslag? uitslag = null;
        LeerbaarheidUitkomst? lbt = null;
        if (soort == DuoSoort.Examenuitslag)
        {
            onderdeel = check.Verplicht(check.Woord<ExamenOnderdeel>(invoer.Onderdeel, "onderdeel"), "onderdeel");
            niveau = check.Verplicht(check.Woord<Taalniveau>(invoer.Niveau, "niveau"), "niveau");
            uitslag = check.Verplicht(check.Woord<ExamenUitslag>(invoer.Uitslag, "uitslag"), "uitslag");
        }
        else if (soort == DuoSoort.LbtUitslag)
        {
            lbt = check.Verplicht(check.Woord<LeerbaarheidUitkomst>(invoer.Uitslag, "uitslag"), "uitslag");
        }

        check.Klaar();
        var waarde = invoer.Waarde;
        var tekst = soort switch
        {
            DuoSoort.Examenuitslag => $"{Woorden.Naam(onderdeel!.Value)} {Woorden.Naam(niveau!.Value)} {Woorden.Naam(uitslag!.Value)}",
            DuoSoort.LbtUitslag => Woorden.Naam(lbt!.Value),
            _ => grond,
        };
        var bericht = new DuoBericht(dossier.Id, soort, datum, waarde, tekst, bron, werkplaats.Nu);
        werkplaats.VoegToe(bericht);
        var verschillen = new List<DuoVerschil>();
        void Verschil(string veld, string? inDossier, string volgensDuo) => verschillen.Add(new DuoVerschil(dossier.Id, bericht.Id, veld, inDossier, volgensDuo, werkplaats.Nu));

        switch (soort)
        {
            case DuoSoort.Kennisgeving when dossier.KennisgevingDuo is null:
                dossier.LegKennisgevingVast(waarde!.Value);
                break;
            case DuoSoort.Kennisgeving or DuoSoort.Correctie when dossier.KennisgevingDuo != waarde:
                Verschil("kennisgeving", Iso(dossier.KennisgevingDuo), Iso(waarde)!);
                break;
            case DuoSoort.Verlenging when dossier.TermijnEinde != waarde:
                // DUO decides extensions: its beschikking is the fact, and its end date is the end.
                dossier.VerlengTermijn(0, 0, waarde, grond ?? "Verlenging volgens DUO", datum, werkplaats.Nu);
                break;
            case DuoSoort.LbtUitslag when dossier.BredeIntake is { LeerbaarheidstoetsDatum: null, LeerbaarheidstoetsUitkomst: null } intake:
                intake.LeerbaarheidstoetsDatum = waarde;
                intake.LeerbaarheidstoetsUitkomst = lbt;
                break;
            case DuoSoort.LbtUitslag when dossier.BredeIntake?.LeerbaarheidstoetsUitkomst != lbt || dossier.BredeIntake?.LeerbaarheidstoetsDatum != waarde:
                Verschil("lbt", dossier.BredeIntake?.LeerbaarheidstoetsUitkomst is { } u ? $"{Woorden.Naam(u)} {Iso(dossier.BredeIntake.LeerbaarheidstoetsDatum)}" : null,
                    $"{tekst} {Iso(waarde)}");
                break;
            case DuoSoort.Examenuitslag:
                var voortgang = dossier.VoortgangVoorWijziging();
                if (voortgang.Examens.FirstOrDefault(e => e.Onderdeel == onderdeel && e.Datum == waarde) is { } bekend)
                {
                    if (bekend.Uitslag != uitslag || bekend.Niveau != niveau)
                    {
                        Verschil("examen", $"{Woorden.Naam(bekend.Onderdeel)} {Woorden.Naam(bekend.Niveau)} {Woorden.Naam(bekend.Uitslag)} {Iso(bekend.Datum)}", $"{tekst} {Iso(waarde)}");
                    }
                }
                else
                {
                    voortgang.Examens.Add(new Examen { Id = Guid.CreateVersion7(werkplaats.Nu), Onderdeel = onderdeel!.Value, Datum = waarde!.Value, Niveau = niveau!.Value, Uitslag = uitslag!.Value, Bron = "duo" });
                }

                break;
            case DuoSoort.Ontheffing or DuoSoort.Vrijstelling when dossier.AfsluitingReden is null:
                Verschil("plicht", "loopt", $"{Woorden.Naam(soort)} per {Iso(waarde ?? datum)}: {grond}");
                break;
        }

        foreach (var verschil in verschillen)
        {
            werkplaats.VoegToe(verschil);
        }

        await werkplaats.BewaarAsync(dossier, Gebeurtenissen.DuoBericht,
            new { bericht.Id, soort = Woorden.Naam(soort), datum, waarde, tekst, bron, verschillen = verschillen.Select(v => v.Veld) },
            DossierWerkplaats.ActorVan(user), ct, "duo");
        return dossier;
    }

    /// <summary>The reconciliation queue of the gemeente: open differences first, oldest first, with the person they are about.</summary>
    public async Task<IReadOnlyList<DuoVerschilRegel>> VerschillenAsync(ClaimsPrincipal user, bool open, CancellationToken ct)
    {
        await lezer.VereisLezenAsync(user, ct);
        var alleenVan = await lezer.AlleenVanAsync(user, ct);
        var lees = werkplaats.Lees;
        var rijen = await (
                from v in lees.DuoVerschillen
                join d in lees.InLijsten on v.DossierId equals d.Id
                where (open ? v.Afhandeling == null : v.Afhandeling != null) && (alleenVan == null || d.KlantregisseurId == alleenVan)
                orderby v.GevondenOp
                select new DuoVerschilRegel(v.Id, d.Id, d.VNummer, d.Voornamen + " " + d.Achternaam, v.Veld, v.InDossier, v.VolgensDuo, v.GevondenOp,
                    v.Afhandeling, v.Toelichting, v.AfgehandeldDoor))
            .Take(500).ToListAsync(ct);
        await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "duo", rijen.Select(r => r.DossierId).Distinct().ToList(), ct);
        return rijen;
    }

    public async Task<Dossier> HandelAfAsync(ClaimsPrincipal user, Guid verschilId, DuoAfhandelingInvoer invoer, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.Bewerken, ct);
        var verschil = await werkplaats.DuoVerschillenVoorWijziging.SingleOrDefaultAsync(v => v.Id == verschilId, ct)
            ?? throw new DomainException(DossierFouten.NietGevonden, "Dit verschil bestaat niet in uw gemeente.", StatusCodes.Status404NotFound);
        var dossier = await lezer.LaadAsync(user, verschil.DossierId, ct);
        var check = new Invoer(DossierFouten.Validatie);
        var besluit = check.Verplicht(check.Woord<DuoAfhandeling>(invoer.Besluit, "besluit"), "besluit");
        var toelichting = check.Tekst(invoer.Toelichting, "toelichting", verplicht: besluit == DuoAfhandeling.DossierKlopt, max: 1000);
        check.Klaar();
        if (verschil.Afhandeling is not null)
        {
            throw new DomainException(DossierFouten.DuoVerschilAfgehandeld, "Dit verschil is al afgehandeld.", StatusCodes.Status409Conflict);
        }

        var bericht = await werkplaats.Lees.DuoBerichten.SingleAsync(b => b.Id == verschil.BerichtId, ct);
        if (besluit == DuoAfhandeling.NeemDuoOver)
        {
            DossierWerkplaats.NietAfgesloten(dossier);
            NeemOver(dossier, verschil, bericht);
        }

        var door = DossierWerkplaats.ActorVan(user);
        verschil.Handel(besluit, toelichting, door.Naam, werkplaats.Nu);
        await werkplaats.BewaarAsync(dossier, Gebeurtenissen.DuoVerschilAfgehandeld,
            new { verschil.Id, verschil.Veld, verschil.InDossier, verschil.VolgensDuo, besluit = Woorden.Naam(besluit), toelichting }, door, ct, "duo");
        return dossier;
    }

    private static void NeemOver(Dossier dossier, DuoVerschil verschil, DuoBericht bericht)
    {
        switch (verschil.Veld)
        {
            case "kennisgeving":
                dossier.LegKennisgevingVast(bericht.Waarde!.Value);
                break;
            case "lbt":
                var intake = dossier.BredeIntake ?? new BredeIntake();
                intake.LeerbaarheidstoetsDatum = bericht.Waarde;
                intake.LeerbaarheidstoetsUitkomst = Woorden.TryLees<LeerbaarheidUitkomst>(bericht.Tekst, out var uitkomst) ? uitkomst : null;
                dossier.LegBredeIntakeVast(intake);
                break;
            case "examen":
                var delen = bericht.Tekst!.Split(' ');
                var examen = dossier.VoortgangVoorWijziging().Examens.First(e => Woorden.Naam(e.Onderdeel) == delen[0] && e.Datum == bericht.Waarde);
                examen.Niveau = Woorden.TryLees<Taalniveau>(delen[1], out var niveau) ? niveau : examen.Niveau;
                examen.Uitslag = Woorden.TryLees<ExamenUitslag>(delen[2], out var uitslag) ? uitslag : examen.Uitslag;
                examen.Bron = "duo";
                break;
            case "plicht":
                dossier.SluitAf(bericht.Soort == DuoSoort.Vrijstelling ? AfsluitingReden.Vrijstelling : AfsluitingReden.Ontheffing, bericht.Waarde ?? bericht.Datum);
                break;
        }
    }

    private static string? Iso(DateOnly? datum) => datum?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <param name="Veld">kennisgeving, lbt, examen or plicht.</param>
internal sealed record DuoVerschilRegel(Guid Id, Guid DossierId, string VNummer, string Naam, string Veld, string? InDossier, string VolgensDuo,
    DateTimeOffset GevondenOp, DuoAfhandeling? Afhandeling, string? Toelichting, string? AfgehandeldDoor);
