using System.Globalization;
using System.Security.Claims;
using System.Text;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Data.Sql;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Registratie;
using Inburgering.Modules.Dossiers.Features.Weergave;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Data;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Dossiers.Features.Caseload;

/// <summary>The caseload read shared by the API and the werkvoorraad page.</summary>
internal sealed class CaseloadLezer(
    DossierWerkplaats werkplaats, DossierLezer lezer, DatabaseConnections connections, IPeopleDirectory mensen, IPermissionChecker rechten,
    Platform.Http.Verzoeklimieten limieten)
    : IWerkvoorraad
{
    private const int StandaardAantal = 50;

    /// <summary>The API checks the right at the route; pages come through here too, so it is checked again.</summary>
    public async Task<int> WijsToeAsync(ClaimsPrincipal user, IReadOnlyList<Guid> dossierIds, Guid? klantregisseurId, string? reden, CancellationToken ct)
    {
        if (!await rechten.HasAsync(user, DossierPermissies.Toewijzen, ct))
        {
            throw new Platform.Errors.DomainException(DossierFouten.GeenToegang, "U mag dossiers niet overdragen.", Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden);
        }

        return await WijsToeAsync(new Toewijzing(dossierIds, klantregisseurId, reden), user, ct);
    }

    /// <summary>The caseload page behind the API and the werkvoorraad: parsing, visibility, the query and the read log.</summary>
    public Task<Weergave.Caseload> LeesAsync(ClaimsPrincipal user, string? klantregisseur, string? fase, string? q, string? sort, int? limit, string? cursor, string? signaal, CancellationToken ct) =>
        PaginaAsync(user, klantregisseur, fase, q, sort, limit, cursor, signaal, maximum: 100, logInzage: true, ct);

    /// <remarks>The export reads larger pages and logs its rows once, as an export, not as caseload views nobody saw.</remarks>
    private async Task<Weergave.Caseload> PaginaAsync(ClaimsPrincipal user, string? klantregisseur, string? fase, string? q, string? sort, int? limit, string? cursor,
        string? signaal, int maximum, bool logInzage, CancellationToken ct)
    {
        var gemeente = werkplaats.Gemeente;
        var check = new Invoer(DossierFouten.Validatie);
        Guid? alleenVan = await lezer.AlleenVanAsync(user, ct);
        Guid? regisseur = klantregisseur switch
        {
            null or "" => null,
            "me" => Guid.TryParse(user.FindFirstValue(IdentityClaims.UserId), out var me) ? me : Guid.Empty,
            _ when Guid.TryParse(klantregisseur, out var id) => id,
            _ => Ongeldig(check, "klantregisseur", "Gebruik 'me' of het id van een klantregisseur."),
        };
        var (gekozenFase, opNaam, signaalFilter) = LeesFilters(check, fase, sort, signaal);
        var zoek = check.Tekst(q, "q", max: 100);
        var aantal = limit ?? StandaardAantal;
        if (aantal < 1 || aantal > maximum)
        {
            check.Fout("limit", $"Kies 1 tot {maximum}.");
        }

        var positie = check.Cursor(cursor, opNaam ? OpNaam : OpKoppeling, sleutelIsDatum: !opNaam);
        check.Klaar();

        // A klantregisseur limited to their own caseload asking for someone else's gets an empty page.
        var filterOp = alleenVan ?? regisseur;
        var leeg = alleenVan is not null && regisseur is not null && regisseur != alleenVan;
        var rijen = leeg ? [] : await CaseloadQuery.LeesAsync(connections.AppDataSource, gemeente,
            new CaseloadFilter(filterOp, gekozenFase, zoek, opNaam, opNaam ? null : positie?.Datum, opNaam ? positie?.Sleutel : null, positie?.Id,
                signaalFilter, werkplaats.Vandaag), aantal + 1, ct);
        var vandaag = werkplaats.Vandaag;
        var pagina = rijen.Take(aantal).Select(d => new CaseloadRegel(d.Id, d.VNummer, d.Voornamen, d.Achternaam, d.Fase, d.Koppelingsdatum,
            vandaag.DayNumber - d.Koppelingsdatum.DayNumber, d.KlantregisseurId, d.CoaLocatieId, d.Verhuisdatum, d.TermijnEinde,
            [.. d.Signalen.Select(b => new SignaalBadge(b.Soort, b.Ernst, b.Vervaldatum))])).ToList();
        var volgende = rijen.Count <= aantal ? null
            : (opNaam ? new PagingCursor(OpNaam, pagina[^1].Achternaam, pagina[^1].Id) : PagingCursor.Na(OpKoppeling, pagina[^1].Koppelingsdatum, pagina[^1].Id)).Schrijf();
        if (logInzage)
        {
            await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "caseload", [.. pagina.Select(d => d.Id)], ct);
        }

        return new Weergave.Caseload(pagina, volgende);
    }

    public async Task<WerkvoorraadPagina> LeesAsync(ClaimsPrincipal user, string? klantregisseur, string? fase, string? q, string? signaal, string? sort, string? cursor, CancellationToken ct)
    {
        var pagina = await LeesAsync(user, klantregisseur, fase, q, sort, 50, cursor, signaal, ct);
        return new WerkvoorraadPagina([.. pagina.Dossiers.Select(d => new WerkvoorraadRegel(
            d.Id, d.VNummer, d.Voornamen + " " + d.Achternaam, Woorden.Naam(d.Fase), d.Koppelingsdatum, d.DagenSindsKoppeling, d.KlantregisseurId,
            d.Signalen.Count == 0 ? null : d.Signalen.Min(s => s.Vervaldatum),
            [.. d.Signalen.Select(s => new WerkvoorraadSignaal(Woorden.Naam(s.Soort), Woorden.Naam(s.Ernst), s.Vervaldatum))]))], pagina.Volgende);
    }

    public async Task<int> OpenSignalenAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!Guid.TryParse(user.FindFirstValue(IdentityClaims.UserId), out var ik))
        {
            return 0;
        }

        var vandaag = werkplaats.Vandaag;
        var lees = werkplaats.Lees;
        return await lees.Signalen.Where(s => s.OpgelostOp == null && (s.GesnoozedTot == null || s.GesnoozedTot <= vandaag))
            .Join(lees.InLijsten.Where(d => d.KlantregisseurId == ik), s => s.DossierId, d => d.Id, (s, d) => s.Id).CountAsync(ct);
    }

    public async Task<Platform.Export.Tabel> ExportAsync(ClaimsPrincipal user, string? klantregisseur, string? fase, string? q, string? signaal, string? sort, CancellationToken ct)
    {
        limieten.Vereis(Platform.Http.Verzoeksoort.Export, user);
        var regels = new List<Weergave.CaseloadRegel>();
        string? cursor = null;
        do
        {
            var pagina = await PaginaAsync(user, klantregisseur, fase, q, sort, 1000, cursor, signaal, maximum: 1000, logInzage: false, ct);
            regels.AddRange(pagina.Dossiers);
            cursor = pagina.Volgende;
        }
        while (cursor is not null && regels.Count < 10_000);

        await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "export:werkvoorraad", [.. regels.Select(r => r.Id)], ct);
        return new Platform.Export.Tabel("werkvoorraad",
            ["Naam", "V-nummer", "Fase", "Koppelingsdatum", "Dagen sinds koppeling", "Eerstvolgende termijn", "Open signalen"],
            [.. regels.Select(r => (IReadOnlyList<object?>)[r.Voornamen + " " + r.Achternaam, r.VNummer, Woorden.Naam(r.Fase), r.Koppelingsdatum, r.DagenSindsKoppeling,
                r.Signalen.Count == 0 ? null : r.Signalen.Min(b => b.Vervaldatum), string.Join(", ", r.Signalen.Select(b => Woorden.Naam(b.Soort)))])]);
    }

    public async Task<IReadOnlyList<TeamCaseload>> TeamAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (await lezer.AlleenVanAsync(user, ct) is not null)
        {
            throw new Platform.Errors.DomainException(DossierFouten.GeenToegang, "U ziet alleen uw eigen caseload.", Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden);
        }

        var vandaag = werkplaats.Vandaag;
        var lees = werkplaats.Lees;
        var perFase = await lees.Dossiers.Where(d => d.Fase != Fase.Afgesloten)
            .GroupBy(d => new { d.KlantregisseurId, d.Fase }).Select(g => new { g.Key.KlantregisseurId, g.Key.Fase, Aantal = g.Count() }).ToListAsync(ct);
        var signalen = await lees.Signalen.Where(s => s.OpgelostOp == null && (s.GesnoozedTot == null || s.GesnoozedTot <= vandaag))
            .Join(lees.Dossiers, s => s.DossierId, d => d.Id, (s, d) => new { d.KlantregisseurId, s.Ernst })
            .GroupBy(x => x.KlantregisseurId).Select(g => new { KlantregisseurId = g.Key, Open = g.Count(), Verlopen = g.Count(x => x.Ernst == Ernst.Overdue) }).ToListAsync(ct);
        return [.. perFase.Select(f => f.KlantregisseurId).Concat(signalen.Select(s => s.KlantregisseurId)).Distinct().Select(kr =>
        {
            var fasen = perFase.Where(f => f.KlantregisseurId == kr).ToDictionary(f => Woorden.Naam(f.Fase), f => f.Aantal);
            var open = signalen.FirstOrDefault(s => s.KlantregisseurId == kr);
            return new TeamCaseload(kr, fasen, fasen.Values.Sum(), open?.Open ?? 0, open?.Verlopen ?? 0);
        })];
    }

    /// <summary>Bulk reassignment, all or nothing, with the reason in each tijdlijn; for the API and the team page.</summary>
    private async Task<int> WijsToeAsync(Toewijzing invoer, ClaimsPrincipal user, CancellationToken ct)
    {
        var check = new Invoer(DossierFouten.Validatie);
        var ids = invoer.DossierIds?.Distinct().ToList() ?? [];
        if (ids.Count is 0 or > 500)
        {
            check.Fout("dossierIds", "Kies 1 tot 500 dossiers.");
        }

        var reden = check.Tekst(invoer.Reden, "reden", verplicht: true, max: 500);
        await DossierRegistratie.KlantregisseurAsync(check, mensen, werkplaats.Gemeente, invoer.KlantregisseurId, ct);
        var dossiers = await werkplaats.DossiersVoorWijziging.Where(d => ids.Contains(d.Id)).ToListAsync(ct);
        foreach (var onbekend in ids.Except(dossiers.Select(d => d.Id)))
        {
            check.Fout("dossierIds", $"Dossier {onbekend} bestaat niet in uw gemeente.");
        }

        check.Klaar();
        var actor = DossierWerkplaats.ActorVan(user);
        foreach (var dossier in dossiers)
        {
            var van = dossier.KlantregisseurId;
            dossier.WijsToe(invoer.KlantregisseurId);
            werkplaats.LegVast(dossier, Gebeurtenissen.Toegewezen, new { van, naar = invoer.KlantregisseurId, reden }, actor);
        }

        werkplaats.LogSchrijven(actor, "toewijzing", ids);
        await werkplaats.SlaOpAsync(ct);
        return dossiers.Count;
    }

    /// <summary>The filter words of the werkvoorraad, also checked when a view is saved.</summary>
    internal static (Fase? Fase, bool OpNaam, SignaalFilter? Signaal) LeesFilters(Invoer check, string? fase, string? sort, string? signaal)
    {
        var gekozenFase = check.Woord<Fase>(fase, "fase");
        var opNaam = sort switch
        {
            null or "" or "koppelingsdatum" => false,
            "naam" => true,
            _ => Ongeldig(check, "sort", "Kies koppelingsdatum of naam.") is null,
        };
        return (gekozenFase, opNaam, SignaalFilterVan(signaal, check));
    }

    private static SignaalFilter? SignaalFilterVan(string? signaal, Invoer check)
    {
        switch (signaal)
        {
            case null or "":
                return null;
            case "open":
                return new SignaalFilter(false, null);
            case "overdue":
                return new SignaalFilter(true, null);
        }

        return check.Woord<SignaalSoort>(signaal, "signaal", "Kies open, overdue of een soort signaal (bijvoorbeeld pip-termijn).") is { } soort
            ? new SignaalFilter(false, soort)
            : null;
    }

    private static Guid? Ongeldig(Invoer check, string veld, string bericht)
    {
        check.Fout(veld, bericht);
        return null;
    }

    /// <summary>The caseload sorted by surname: the cursor holds the last surname.</summary>
    private const string OpNaam = "caseload-naam";

    private const string OpKoppeling = "caseload-koppeling";
}
