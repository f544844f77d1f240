using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Dossiers.Features.Caseload;

/// <summary>The caseload read shared by the API and the werkvoorraad page.</summary>
internal sealed class CaseloadLezer(DossierWerkplaats werkplaats, DossierLezer lezer, DatabaseConnections connections, IPeopleDirectory mensen, IPermissionChecker rechten)
    : IWerkvoorraad
{
    /// <summary>The API checks the right at the route; pages come through here too, so it is checked again.</summary>
    public async Task<int> WijsToeAsync(ClaimsPrincipal user, IReadOnlyList<Guid> dossierIds, Guid? klantregisseurId, string? reden, CancellationToken ct)
    {
        if (!await rechten.HasAsync(user, Permissions.DossiersToewijzen, ct))
        {
            throw new Platform.Errors.DomainException(DossierFouten.GeenToegang, "U mag dossiers niet overdragen.", Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden);
        }

        return await CaseloadEndpoints.WijsToeAsync(new Toewijzing(dossierIds, klantregisseurId, reden), user, werkplaats, mensen, ct);
    }

    public Task<Weergave.Caseload> LeesAsync(ClaimsPrincipal user, string? klantregisseur, string? fase, string? q, string? sort, int? limit, string? cursor, string? signaal, CancellationToken ct) =>
        CaseloadEndpoints.LeesAsync(klantregisseur, fase, q, sort, limit, cursor, signaal, user, werkplaats, lezer, connections, ct);

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
        var db = werkplaats.Db;
        return await db.Signalen.Where(s => s.OpgelostOp == null && (s.GesnoozedTot == null || s.GesnoozedTot <= vandaag))
            .Join(db.Dossiers.Where(d => d.KlantregisseurId == ik), s => s.DossierId, d => d.Id, (s, d) => s.Id).CountAsync(ct);
    }

    public async Task<Platform.Export.Tabel> ExportAsync(ClaimsPrincipal user, string? klantregisseur, string? fase, string? q, string? signaal, string? sort, CancellationToken ct)
    {
        var regels = new List<Weergave.CaseloadRegel>();
        string? cursor = null;
        do
        {
            var pagina = await LeesAsync(user, klantregisseur, fase, q, sort, 100, cursor, signaal, ct);
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
        var db = werkplaats.Db;
        var perFase = await db.Dossiers.AsNoTracking().Where(d => d.Fase != Fase.Afgesloten)
            .GroupBy(d => new { d.KlantregisseurId, d.Fase }).Select(g => new { g.Key.KlantregisseurId, g.Key.Fase, Aantal = g.Count() }).ToListAsync(ct);
        var signalen = await db.Signalen.AsNoTracking().Where(s => s.OpgelostOp == null && (s.GesnoozedTot == null || s.GesnoozedTot <= vandaag))
            .Join(db.Dossiers.AsNoTracking(), s => s.DossierId, d => d.Id, (s, d) => new { d.KlantregisseurId, s.Ernst })
            .GroupBy(x => x.KlantregisseurId).Select(g => new { KlantregisseurId = g.Key, Open = g.Count(), Verlopen = g.Count(x => x.Ernst == Ernst.Overdue) }).ToListAsync(ct);
        return [.. perFase.Select(f => f.KlantregisseurId).Concat(signalen.Select(s => s.KlantregisseurId)).Distinct().Select(kr =>
        {
            var fasen = perFase.Where(f => f.KlantregisseurId == kr).ToDictionary(f => Woorden.Naam(f.Fase), f => f.Aantal);
            var open = signalen.FirstOrDefault(s => s.KlantregisseurId == kr);
            return new TeamCaseload(kr, fasen, fasen.Values.Sum(), open?.Open ?? 0, open?.Verlopen ?? 0);
        })];
    }
}
