using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Dossiers.Jobs;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Data;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Jobs;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Dossiers.Features.Signalen;

/// <summary>
/// Signals for klantregisseurs and teamleiders: lists with filters, counts per klantregisseur, one signal with its history,
/// acknowledge and snooze (through <see cref="SignaalBehandeling"/>, as the dossier page does), and an evaluation on demand.
/// </summary>
internal sealed class SignaalLezer(DossierWerkplaats werkplaats, DossierLezer lezer, SignaalBehandeling behandeling, IPermissionEvaluator rechten,
    ITenantJobs jobs, IOrganisationDirectory organisaties)
{
    private const string OpVervaldatum = "signalen-vervaldatum";

    private const int StandaardAantal = 50;

    public async Task<SignalenPagina> LijstAsync(string? wie, string? soort, string? ernst, string? status, Guid? dossierId, int? limit, string? cursor,
        ClaimsPrincipal user, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.SignalenLezen, ct);
        var check = new Invoer(DossierFouten.Validatie);
        var query = await ZichtbaarAsync(wie, user, check, ct);
        var gekozenSoort = check.Woord<SignaalSoort>(soort, "soort");
        var gekozenErnst = check.Woord<Ernst>(ernst, "ernst");
        var aantal = limit ?? StandaardAantal;
        if (aantal is < 1 or > 100)
        {
            check.Fout("limit", "Kies 1 tot 100.");
        }

        var positie = check.Cursor(cursor, OpVervaldatum, sleutelIsDatum: true);
        var vandaag = werkplaats.Vandaag;
        var filter = status ?? "open";
        if (filter is not ("open" or "erkend" or "gesnoozed" or "opgelost" or "alle"))
        {
            check.Fout("status", "Kies open, erkend, gesnoozed, opgelost of alle.");
        }

        check.Klaar();
        query = filter switch
        {
            "open" => query.Where(x => x.S.OpgelostOp == null && (x.S.GesnoozedTot == null || x.S.GesnoozedTot <= vandaag)),
            "erkend" => query.Where(x => x.S.OpgelostOp == null && x.S.ErkendOp != null && (x.S.GesnoozedTot == null || x.S.GesnoozedTot <= vandaag)),
            "gesnoozed" => query.Where(x => x.S.OpgelostOp == null && x.S.GesnoozedTot > vandaag),
            "opgelost" => query.Where(x => x.S.OpgelostOp != null),
            _ => query,
        };
        if (gekozenSoort is { } s)
        {
            query = query.Where(x => x.S.Soort == s);
        }

        if (gekozenErnst is { } e)
        {
            query = query.Where(x => x.S.Ernst == e);
        }

        if (dossierId is { } dossier)
        {
            query = query.Where(x => x.S.DossierId == dossier);
        }

        if (positie is { Datum: { } na } p)
        {
            query = query.Where(x => x.S.Vervaldatum > na || (x.S.Vervaldatum == na && x.S.Id.CompareTo(p.Id) > 0));
        }

        var rijen = await query.OrderBy(x => x.S.Vervaldatum).ThenBy(x => x.S.Id).Take(aantal + 1).ToListAsync(ct);
        var pagina = rijen.Take(aantal).Select(x => Weergave(x.S, x.D, vandaag)).ToList();
        await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "signalen", [.. pagina.Select(x => x.DossierId).Distinct()], ct);
        return new SignalenPagina(pagina, rijen.Count > aantal ? PagingCursor.Na(OpVervaldatum, pagina[^1].Vervaldatum, pagina[^1].Id).Schrijf() : null);
    }

    public async Task<List<SignaalTelling>> TellingenAsync(string? wie, ClaimsPrincipal user, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.SignalenLezen, ct);
        var check = new Invoer(DossierFouten.Validatie);
        var query = await ZichtbaarAsync(wie ?? "team", user, check, ct);
        check.Klaar();
        var vandaag = werkplaats.Vandaag;
        var tellingen = await query.Where(x => x.S.OpgelostOp == null && (x.S.GesnoozedTot == null || x.S.GesnoozedTot <= vandaag))
            .GroupBy(x => new { x.D.KlantregisseurId, x.S.Ernst })
            .Select(g => new { g.Key.KlantregisseurId, g.Key.Ernst, Aantal = g.Count() })
            .ToListAsync(ct);
        return [.. tellingen.GroupBy(t => t.KlantregisseurId).Select(g => new SignaalTelling(g.Key,
                g.Where(t => t.Ernst == Ernst.Info).Sum(t => t.Aantal), g.Where(t => t.Ernst == Ernst.Warning).Sum(t => t.Aantal),
                g.Where(t => t.Ernst == Ernst.Overdue).Sum(t => t.Aantal), g.Sum(t => t.Aantal)))
            .OrderByDescending(t => t.Overdue).ThenByDescending(t => t.Totaal)];
    }

    public async Task<SignaalDetail> DetailAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.SignalenLezen, ct);
        var (signaal, dossier) = await behandeling.LaadAsync(user, id, ct);
        var gebeurtenissen = await werkplaats.Lees.SignaalHistorie.Where(h => h.SignaalId == id).OrderBy(h => h.Volgnummer)
            .Select(h => new SignaalHistorieRegel(h.Soort, h.Tijdstip, h.Door, h.Reden, h.Tot, h.Ernst)).ToListAsync(ct);
        List<SignaalHistorieRegel> historie =
        [
            new(SignaalGebeurtenis.Verhoogd, signaal.VerhoogdOp, null, null, null, signaal.ErnstBijVerhoging),
            .. gebeurtenissen,
            .. signaal.OpgelostOp is { } opgelost ? [new SignaalHistorieRegel(SignaalGebeurtenis.Opgelost, opgelost, null, null, null, signaal.Ernst)] : Array.Empty<SignaalHistorieRegel>(),
        ];
        await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "signalen", [dossier.Id], ct);
        return new SignaalDetail(Weergave(signaal, dossier, werkplaats.Vandaag), historie);
    }

    public async Task<SignaalWeergave> ErkenAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var (signaal, dossier) = await behandeling.ErkenAsync(user, id, ct);
        return Weergave(signaal, dossier, werkplaats.Vandaag);
    }

    public async Task<SignaalWeergave> SnoozeAsync(Guid id, Snooze invoer, ClaimsPrincipal user, CancellationToken ct)
    {
        var (signaal, dossier) = await behandeling.SnoozeAsync(user, id, invoer.Tot, invoer.Reden, ct);
        return Weergave(signaal, dossier, werkplaats.Vandaag);
    }

    public async Task<List<SignaalWeergave>> VanDossierAsync(Guid id, string? status, ClaimsPrincipal user, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.SignalenLezen, ct);
        var dossier = await lezer.LaadAsync(user, id, ct, alleenLezen: true);
        var vandaag = werkplaats.Vandaag;
        var query = werkplaats.Lees.Signalen.Where(s => s.DossierId == id);
        if (status != "alle")
        {
            query = query.Where(s => s.OpgelostOp == null);
        }

        var lijst = await query.OrderBy(s => s.Vervaldatum).ToListAsync(ct);
        await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "signalen", [id], ct);
        return [.. lijst.Select(s => Weergave(s, dossier, vandaag))];
    }

    public async Task<EvaluatieGestart> EvalueerAsync(EvaluatieVerzoek? verzoek, ClaimsPrincipal user, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.SignalenEvalueren, ct);
        if (verzoek?.OrganisatieId is not { } gemeente)
        {
            return new EvaluatieGestart([verzoek?.Volledig == true
                ? jobs.EnqueueHost<SignaalSweep>(s => s.VerdeelVolledigAsync(CancellationToken.None), SignaalSweep.Queue)
                : jobs.EnqueueHost<SignaalSweep>(s => s.VerdeelAsync(CancellationToken.None), SignaalSweep.Queue)]);
        }

        if (await organisaties.FindAsync(gemeente, ct) is not { Soort: Platform.Tenancy.OrganisationKind.Gemeente, Actief: true })
        {
            throw Invoer.Afgewezen(DossierFouten.Validatie, "organisatieId", ["Kies een actieve gemeente."]);
        }

        return new EvaluatieGestart([verzoek.Volledig == true
            ? jobs.Enqueue<SignaalGemeenteJob>(gemeente, j => j.EvalueerVolledigAsync(CancellationToken.None), SignaalSweep.Queue)
            : jobs.Enqueue<SignaalGemeenteJob>(gemeente, j => j.EvalueerAsync(CancellationToken.None), SignaalSweep.Queue)]);
    }

    /// <summary>Member-initialised (not positional) so EF Core can translate filters on it.</summary>
    private sealed class Rij
    {
        public required Signaal S { get; init; }

        public required Dossier D { get; init; }
    }

    /// <summary>The signals the caller may see: of the whole gemeente (team) or their own caseload (mij, or when the gemeente limits them to it).</summary>
    private async Task<IQueryable<Rij>> ZichtbaarAsync(string? wie, ClaimsPrincipal user, Invoer check, CancellationToken ct)
    {
        _ = werkplaats.Gemeente;
        var alleenVan = await lezer.AlleenVanAsync(user, ct);
        Guid? regisseur = wie switch
        {
            "mij" => Guid.TryParse(user.FindFirstValue(IdentityClaims.UserId), out var me) ? me : Guid.Empty,
            null or "" or "team" => null,
            _ => Fout(check, "wie", "Kies mij of team."),
        };
        var filter = alleenVan ?? regisseur;
        var lees = werkplaats.Lees;
        var query = lees.Signalen.Join(lees.InLijsten, s => s.DossierId, d => d.Id, (s, d) => new Rij { S = s, D = d });
        return filter is { } kr ? query.Where(x => x.D.KlantregisseurId == kr) : query;
    }

    private static SignaalWeergave Weergave(Signaal s, Dossier d, DateOnly vandaag) => new(
        s.Id, s.DossierId, d.VNummer, d.Voornamen + " " + d.Achternaam, d.KlantregisseurId, s.Soort, s.Cyclus, s.Ernst, s.StatusOp(vandaag),
        s.ZichtbaarVanaf, s.Vervaldatum, s.Tekst, s.Uitleg, s.VerhoogdOp, s.OpgelostOp, s.ErkendOp, s.ErkendDoor, s.GesnoozedTot, s.SnoozeReden);

    private static Guid? Fout(Invoer check, string veld, string bericht)
    {
        check.Fout(veld, bericht);
        return null;
    }
}

internal static class SignaalFouten
{
    public const string NietGevonden = "Dossiers:SignalNotFound";
    public const string AlOpgelost = "Dossiers:SignalResolved";
}
