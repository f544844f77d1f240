using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Export;
using Inburgering.Platform.Tijd;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Dossiers.Features.Cbs;

/// <summary>
/// The quarterly Statistiek Wet Inburgering delivery. A quarter's file holds every dossier coupled by its last day and
/// not closed before its first, with each date as it stood at the quarter's end: what happened later, and any plan,
/// is left out. A restricted dossier (AVG art. 18) is not delivered. The made file is kept, so the download is exactly it.
/// </summary>
internal sealed partial class CbsAanlevering(DossierWerkplaats werkplaats, IPermissionEvaluator rechten) : ICbsLevering
{
    public const string Onderdeel = "export:cbs";

    private static readonly DateOnly EersteKwartaal = new(2022, 1, 1);

    /// <summary>The columns, in the order of the file; the README says where each comes from.</summary>
    public static readonly string[] Kolommen =
    [
        "gemeentecode", "kwartaal", "bsn", "v_nummer", "geboortedatum", "geslacht", "doelgroep", "datum_koppeling", "datum_kennisgeving_duo",
        "datum_inschrijving_brp", "datum_verhuizing", "datum_kennismakingsgesprek", "datum_start_brede_intake", "datum_einde_brede_intake",
        "datum_leerbaarheidstoets", "uitkomst_leerbaarheidstoets", "datum_pip", "leerroute", "knm_in_pip", "pvt_in_pip", "map_in_pip",
        "datum_start_ontzorgen", "datum_einde_ontzorgen", "datum_start_termijn", "datum_einde_termijn", "datum_afsluiting", "reden_afsluiting",
    ];

    public async Task<IReadOnlyList<CbsKwartaal>> KwartalenAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.CbsLeveren, ct);
        var vandaag = werkplaats.Vandaag;
        var eerste = await werkplaats.Lees.Dossiers.MinAsync(d => (DateOnly?)d.Koppelingsdatum, ct) ?? vandaag;
        var van = Begin(eerste < EersteKwartaal ? EersteKwartaal : eerste);
        var leveringen = (await werkplaats.Lees.CbsLeveringen.Select(l => new { l.Kwartaal, l.Versie, l.Rijen, l.Sha256, l.GemaaktOp, l.GemaaktDoor, l.GedownloadOp, l.GedownloadDoor })
                .ToListAsync(ct))
            .GroupBy(l => l.Kwartaal).ToDictionary(g => g.Key, g => g.MaxBy(l => l.Versie)!);
        var kwartalen = new List<CbsKwartaal>();
        for (var begin = van; begin.AddMonths(3) <= vandaag; begin = begin.AddMonths(3))
        {
            var naam = Naam(begin);
            var tot = begin.AddMonths(3).AddDays(-1);
            var uiterlijk = tot.AddDays(28);
            var levering = leveringen.GetValueOrDefault(naam);
            var status = levering?.GedownloadOp is not null ? "gedownload" : levering is not null ? "gemaakt" : vandaag > uiterlijk ? "te-laat" : "te-leveren";
            kwartalen.Add(new CbsKwartaal(naam, begin, tot, uiterlijk, status, levering is null ? null
                : new CbsLeveringWeergave(levering.Versie, levering.Rijen, levering.Sha256, levering.GemaaktOp, levering.GemaaktDoor, levering.GedownloadOp, levering.GedownloadDoor)));
        }

        kwartalen.Reverse();
        return kwartalen;
    }

    public async Task<CbsKwartaal> MaakAsync(ClaimsPrincipal user, string? kwartaal, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.CbsLeveren, ct);
        var (naam, van, tot) = Lees(kwartaal);
        var gemeentecode = (await werkplaats.Lees.BrpAansluitingen.Select(a => a.GemeenteCode).SingleOrDefaultAsync(ct)) ?? string.Empty;
        var dossiers = await InKwartaal(werkplaats.DossiersMetPipEnVerlengingen, van, tot).OrderBy(d => d.VNummer).ToListAsync(ct);
        var tabel = new Tabel($"swi-{naam}", Kolommen, [.. dossiers.Select(d => Rij(d, gemeentecode, naam, tot))]);
        var versie = 1 + (await werkplaats.CbsLeveringenVoorWijziging.Where(l => l.Kwartaal == naam).MaxAsync(l => (int?)l.Versie, ct) ?? 0);
        werkplaats.VoegToe(new CbsLevering(naam, versie, tabel.Csv(), dossiers.Count, HandelendePartij.Van(user).Naam, werkplaats.Nu));
        await werkplaats.SlaOpAsync(ct);
        await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), Onderdeel, [.. dossiers.Select(d => d.Id)], ct);
        return (await KwartalenAsync(user, ct)).Single(k => k.Kwartaal == naam);
    }

    public async Task<(string Bestandsnaam, byte[] Inhoud)> DownloadAsync(ClaimsPrincipal user, string? kwartaal, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.CbsLeveren, ct);
        var (naam, van, tot) = Lees(kwartaal);
        var levering = await werkplaats.CbsLeveringenVoorWijziging.Where(l => l.Kwartaal == naam).OrderByDescending(l => l.Versie).FirstOrDefaultAsync(ct)
                       ?? throw new DomainException(DossierFouten.CbsNietGemaakt, "Voor dit kwartaal is nog geen levering gemaakt.", StatusCodes.Status404NotFound);
        levering.Gedownload(HandelendePartij.Van(user).Naam, werkplaats.Nu);
        var personen = await InKwartaal(werkplaats.Lees.Dossiers, van, tot).Select(d => d.Id).ToListAsync(ct);
        await werkplaats.SlaOpAsync(ct);
        await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), Onderdeel, personen, ct);
        return ($"swi-{naam}-v{levering.Versie}.csv", levering.Inhoud);
    }

    /// <summary>One person as at the quarter's last day: a date after it is not yet a fact for this quarter.</summary>
    internal static IReadOnlyList<object?> Rij(Dossier d, string gemeentecode, string kwartaal, DateOnly tot)
    {
        DateOnly? Op(DateOnly? datum) => datum is { } x && x <= tot ? x : null;
        var intake = d.BredeIntake;
        var lbt = Op(intake?.LeerbaarheidstoetsDatum);
        var pips = d.PipVersies.Where(p => p.Dagtekening <= tot).OrderBy(p => p.Nummer).ToList();
        var pip = pips.LastOrDefault();
        var termijnStart = Op(d.TermijnStart);
        var termijnEinde = termijnStart is { } start
            ? WetInburgering.TermijnEindeVanaf(start, d.Termijnverlengingen.Where(v => v.Besluitdatum <= tot)
                .Select(v => new WetInburgering.Verlenging(v.Maanden, v.Weken, v.EindeVolgensDuo, v.Besluitdatum)))
            : (DateOnly?)null;
        var afgesloten = Op(d.AfsluitingDatum);
        static string? JaNee(bool? waarde) => waarde is null ? null : waarde.Value ? "J" : "N";
        return
        [
            gemeentecode, kwartaal, d.Bsn, d.VNummer, d.Geboortedatum, Woorden.Naam(d.Geslacht), Woorden.Naam(d.Doelgroep), d.Koppelingsdatum, Op(d.KennisgevingDuo),
            Op(d.BrpInschrijving), Op(d.Verhuisdatum), Op(d.Kennismakingsgesprek?.Gehouden), Op(intake?.Startdatum), Op(intake?.Einddatum),
            lbt, lbt is null || intake?.LeerbaarheidstoetsUitkomst is not { } uitkomst ? null : Woorden.Naam(uitkomst),
            pips.FirstOrDefault()?.Dagtekening, pip is null ? null : Woorden.Naam(pip.Leerroute), JaNee(pip?.Knm), JaNee(pip?.Pvt), JaNee(pip?.Map),
            Op(pip?.OntzorgenStart), Op(pip?.OntzorgenEinde), termijnStart, termijnEinde, afgesloten,
            afgesloten is null || d.AfsluitingReden is not { } reden ? null : Woorden.Naam(reden),
        ];
    }

    /// <summary>Who a quarter's file holds: coupled by its last day, not closed before its first, not restricted or anonymised.</summary>
    private static IQueryable<Dossier> InKwartaal(IQueryable<Dossier> dossiers, DateOnly van, DateOnly tot) =>
        dossiers.Where(d => d.Koppelingsdatum <= tot && (d.AfsluitingDatum == null || d.AfsluitingDatum >= van) && d.BeperktSinds == null && d.GeanonimiseerdOp == null);

    private (string Naam, DateOnly Van, DateOnly Tot) Lees(string? kwartaal)
    {
        var m = kwartaal is null ? Match.Empty : KwartaalVorm().Match(kwartaal);
        if (!m.Success)
        {
            throw Invoer.Afgewezen(DossierFouten.Validatie, "kwartaal", "Schrijf het kwartaal als 2026-K3.");
        }

        var van = new DateOnly(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), (int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) * 3) - 2, 1);
        var tot = van.AddMonths(3).AddDays(-1);
        if (van < EersteKwartaal)
        {
            throw Invoer.Afgewezen(DossierFouten.Validatie, "kwartaal", "De Statistiek Wet Inburgering begint bij 2022-K1.");
        }

        if (tot >= werkplaats.Vandaag)
        {
            throw new DomainException(DossierFouten.CbsNogNiet, "Dit kwartaal is nog niet voorbij; de levering kan pas daarna worden gemaakt.", StatusCodes.Status409Conflict);
        }

        return (Naam(van), van, tot);
    }

    private static DateOnly Begin(DateOnly datum) => new(datum.Year, ((datum.Month - 1) / 3 * 3) + 1, 1);

    private static string Naam(DateOnly begin) => $"{begin.Year}-K{((begin.Month - 1) / 3) + 1}";

    [GeneratedRegex(@"^(20\d{2})-K([1-4])$")]
    private static partial Regex KwartaalVorm();
}
