using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Inburgering.Modules.Dossiers.Data.Sql;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Registratie;
using Inburgering.Modules.Dossiers.Features.Weergave;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Data;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Dossiers.Features.Caseload;

[Description("Assigns dossiers to a klantregisseur (or to nobody), with a reason that is kept in each tijdlijn.")]
internal sealed record Toewijzing(IReadOnlyList<Guid>? DossierIds, Guid? KlantregisseurId, string? Reden);

/// <summary>The caseload: filters, two sort orders, keyset paging with an opaque cursor; and bulk reassignment.</summary>
internal static class CaseloadEndpoints
{
    private const int StandaardAantal = 50;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/dossiers", LijstAsync).WithTags("Dossiers").RequirePermission(Permissions.DossiersLezen)
            .WithSummary("Caseload. klantregisseur=me|{id}, fase, q (name or V-nummer), signaal=open|overdue|{soort} (open, not snoozed signals), sort=koppelingsdatum (newest first, default)|naam, limit (1-100), cursor from the previous page's 'volgende'. Each row carries its open signals as badges.")
            .Produces<Weergave.Caseload>().ProducesValidationProblem();
        api.MapGet("/dossiers/export", async (string? formaat, string? klantregisseur, string? fase, string? q, string? signaal, string? sort, ClaimsPrincipal user,
                Contracts.IWerkvoorraad werkvoorraad, CancellationToken ct) =>
            {
                if (formaat is not ("csv" or "xlsx"))
                {
                    throw new ValidationFailedException(DossierFouten.Validatie, new Dictionary<string, string[]> { ["formaat"] = ["Kies csv of xlsx."] });
                }

                var tabel = await werkvoorraad.ExportAsync(user, klantregisseur, fase, q, signaal, sort, ct);
                return formaat == "csv"
                    ? TypedResults.File(tabel.Csv(), Platform.Export.Tabel.CsvType, "werkvoorraad.csv")
                    : TypedResults.File(tabel.Xlsx(), Platform.Export.Tabel.XlsxType, "werkvoorraad.xlsx");
            })
            .WithTags("Dossiers").RequirePermission(Permissions.DossiersLezen)
            .WithSummary("The werkvoorraad with the same filters as GET /dossiers (all pages, at most 10,000 rows) as CSV or XLSX with Dutch headers: formaat=csv|xlsx. Logged with the dossiers it holds.");
        api.MapPost("/dossiers/toewijzingen", ToewijzenAsync).WithTags("Dossiers").RequirePermission(Permissions.DossiersToewijzen)
            .WithSummary("Bulk reassignment by a teamleider, with a reason. All or nothing.");
    }

    private static async Task<IResult> LijstAsync(string? klantregisseur, string? fase, string? q, string? sort, int? limit, string? cursor, string? signaal,
        ClaimsPrincipal user, CaseloadLezer caseload, CancellationToken ct) =>
        TypedResults.Ok(await caseload.LeesAsync(user, klantregisseur, fase, q, sort, limit, cursor, signaal, ct));

    /// <summary>The caseload page behind the API and the werkvoorraad: parsing, visibility, the query and the read log.</summary>
    internal static async Task<Weergave.Caseload> LeesAsync(string? klantregisseur, string? fase, string? q, string? sort, int? limit, string? cursor, string? signaal,
        ClaimsPrincipal user, DossierWerkplaats werkplaats, DossierLezer lezer, DatabaseConnections connections, CancellationToken ct)
    {
        var gemeente = werkplaats.Gemeente;
        var check = new Invoer();
        Guid? alleenVan = await lezer.AlleenVanAsync(user, ct);
        Guid? regisseur = klantregisseur switch
        {
            null or "" => null,
            "me" => Guid.TryParse(user.FindFirstValue(IdentityClaims.UserId), out var me) ? me : Guid.Empty,
            _ when Guid.TryParse(klantregisseur, out var id) => id,
            _ => Ongeldig(check, "klantregisseur", "Gebruik 'me' of het id van een klantregisseur."),
        };
        var (gekozenFase, opNaam, signaalFilter) = LeesFilters(check, fase, sort, signaal);
        var aantal = limit ?? StandaardAantal;
        if (aantal is < 1 or > 100)
        {
            check.Fout("limit", "Kies 1 tot 100.");
        }

        var positie = Cursor.Lees(cursor, opNaam, check);
        check.Klaar();

        // A klantregisseur limited to their own caseload asking for someone else's gets an empty page.
        var filterOp = alleenVan ?? regisseur;
        var leeg = alleenVan is not null && regisseur is not null && regisseur != alleenVan;
        var rijen = leeg ? [] : await CaseloadQuery.LeesAsync(connections.AppDataSource, gemeente,
            new CaseloadFilter(filterOp, gekozenFase, string.IsNullOrWhiteSpace(q) ? null : q.Trim(), opNaam, positie?.Datum, positie?.Naam, positie?.Id,
                signaalFilter, werkplaats.Vandaag), aantal + 1, ct);
        var vandaag = werkplaats.Vandaag;
        var pagina = rijen.Take(aantal).Select(d => new CaseloadRegel(d.Id, d.VNummer, d.Voornamen, d.Achternaam, d.Fase, d.Koppelingsdatum,
            vandaag.DayNumber - d.Koppelingsdatum.DayNumber, d.KlantregisseurId, d.CoaLocatieId, d.Verhuisdatum, d.TermijnEinde,
            [.. d.Signalen.Select(b => new SignaalBadge(b.Soort, b.Ernst, b.Vervaldatum))])).ToList();
        var volgende = rijen.Count > aantal ? Cursor.Schrijf(pagina[^1], opNaam) : null;
        await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "caseload", [.. pagina.Select(d => d.Id)], ct);
        return new Weergave.Caseload(pagina, volgende);
    }

    private static async Task<IResult> ToewijzenAsync(Toewijzing invoer, ClaimsPrincipal user, DossierWerkplaats werkplaats, IPeopleDirectory mensen, CancellationToken ct) =>
        TypedResults.Ok(new { toegewezen = await WijsToeAsync(invoer, user, werkplaats, mensen, ct), invoer.KlantregisseurId });

    /// <summary>Bulk reassignment, all or nothing, with the reason in each tijdlijn; for the API and the team page.</summary>
    internal static async Task<int> WijsToeAsync(Toewijzing invoer, ClaimsPrincipal user, DossierWerkplaats werkplaats, IPeopleDirectory mensen, CancellationToken ct)
    {
        var check = new Invoer();
        var ids = invoer.DossierIds?.Distinct().ToList() ?? [];
        if (ids.Count is 0 or > 500)
        {
            check.Fout("dossierIds", "Kies 1 tot 500 dossiers.");
        }

        var reden = check.Tekst(invoer.Reden, "reden", verplicht: true, max: 500);
        await RegistratieEndpoints.KlantregisseurAsync(check, mensen, werkplaats.Gemeente, invoer.KlantregisseurId, ct);
        var dossiers = await werkplaats.Db.Dossiers.Where(d => ids.Contains(d.Id)).ToListAsync(ct);
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

        werkplaats.Db.Inzages.Add(new Inzage(actor, "schrijven", "toewijzing", ids, werkplaats.Nu));
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

    /// <summary>Opaque keyset position: the last row's sort key and id.</summary>
    private sealed record Cursor(DateOnly? Datum, string? Naam, Guid Id)
    {
        public static string Schrijf(CaseloadRegel laatste, bool opNaam) => Base64UrlTextEncoder.Encode(Encoding.UTF8.GetBytes(opNaam
            ? $"n|{laatste.Id}|{laatste.Achternaam}"
            : $"k|{laatste.Id}|{laatste.Koppelingsdatum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"));

        public static Cursor? Lees(string? cursor, bool opNaam, Invoer check)
        {
            if (string.IsNullOrEmpty(cursor))
            {
                return null;
            }

            try
            {
                var delen = Encoding.UTF8.GetString(Base64UrlTextEncoder.Decode(cursor)).Split('|', 3);
                if (delen.Length == 3 && Guid.TryParse(delen[1], out var id))
                {
                    if (opNaam && delen[0] == "n")
                    {
                        return new Cursor(null, delen[2], id);
                    }

                    if (!opNaam && delen[0] == "k" && DateOnly.TryParseExact(delen[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var datum))
                    {
                        return new Cursor(datum, null, id);
                    }
                }
            }
            catch (FormatException)
            {
            }

            check.Fout("cursor", "Deze cursor hoort niet bij deze sortering; begin opnieuw zonder cursor.");
            return null;
        }
    }
}
