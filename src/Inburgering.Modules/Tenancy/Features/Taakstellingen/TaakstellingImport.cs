using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Modules.Tenancy.Data;
using Inburgering.Platform.Tenancy;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Tenancy.Features.Taakstellingen;

/// <summary>
/// The platform beheerder loads each half-year's quotas from the ministry's table (CSV or XLSX, the shape of the
/// published taakstelling file): first a preview with a report per row, then the load. A table with any refused row
/// loads nothing, since a half-filled table would be defended as the whole one; loading the same table again changes nothing.
/// </summary>
internal sealed partial class TaakstellingImport(TenancyDbContext db, IPermissionEvaluator rechten) : ITaakstellingBeheer
{
    public const int MaxBytes = TaakstellingBestand.MaxBytes;

    public async Task<TaakstellingVoorbeeld> BekijkAsync(ClaimsPrincipal user, string? halfjaar, Func<Task<TaakstellingBestand?>> bestand, CancellationToken ct)
    {
        await rechten.VereisAsync(user, TenancyPermissies.TaakstellingenBeheren, ct);
        return await LeesAsync(halfjaar, await bestand(), ct);
    }

    public async Task<TaakstellingVoorbeeld> LaadAsync(ClaimsPrincipal user, string? halfjaar, Func<Task<TaakstellingBestand?>> bestand, CancellationToken ct)
    {
        await rechten.VereisAsync(user, TenancyPermissies.TaakstellingenBeheren, ct);
        var voorbeeld = await LeesAsync(halfjaar, await bestand(), ct);
        if (voorbeeld.Fouten.Count > 0)
        {
            var fouten = new Invoer(TenancyErrors.Validation);
            foreach (var fout in voorbeeld.Fouten)
            {
                fouten.Fout($"rij {fout.Rij}: {fout.Veld}", fout.Reden);
            }

            fouten.Klaar();
        }

        var bestaand = await db.Taakstellingen.Where(t => t.Periode == voorbeeld.Halfjaar).ToDictionaryAsync(t => t.GemeenteId, ct);
        var namen = await GemeentenAsync(ct);
        foreach (var rij in voorbeeld.Rijen.Where(r => r.Status != "ongewijzigd"))
        {
            var id = namen[rij.Gemeente.ToUpperInvariant()].Id;
            if (bestaand.TryGetValue(id, out var t))
            {
                t.Werkbij(rij.Aantal!.Value, rij.WaarvanAmv!.Value, rij.Voetnoot4);
            }
            else
            {
                db.Taakstellingen.Add(new Domain.Taakstelling(id, voorbeeld.Halfjaar, rij.Aantal!.Value, rij.WaarvanAmv!.Value, rij.Voetnoot4));
            }
        }

        await db.SaveChangesAsync(ct);
        return voorbeeld;
    }

    private async Task<TaakstellingVoorbeeld> LeesAsync(string? halfjaar, TaakstellingBestand? bestand, CancellationToken ct)
    {
        var invoer = new Invoer(TenancyErrors.Validation);
        if (halfjaar is null || !HalfjaarVorm().IsMatch(halfjaar))
        {
            invoer.Fout("halfjaar", "Schrijf het halfjaar als 2024-I of 2024-II.");
        }

        if (bestand is null || bestand.Inhoud.Length == 0)
        {
            invoer.Fout("bestand", "Kies het bestand met de taakstelling (CSV of XLSX).");
        }
        else if (bestand.Inhoud.Length > MaxBytes)
        {
            invoer.Fout("bestand", "Het bestand is groter dan 2 MB.");
        }

        invoer.Klaar();
        List<Dictionary<string, string?>> rijen;
        using (var stroom = new MemoryStream(bestand!.Inhoud, writable: false))
        {
            rijen = Xlsx(bestand.Naam) ? LeesXlsx(stroom) : LeesCsv(stroom);
        }

        var kolommen = rijen.FirstOrDefault()?.Keys.ToList() ?? [];
        var aantalKolom = kolommen.FirstOrDefault(k => k.StartsWith("taakstelling", StringComparison.Ordinal));
        if (!kolommen.Contains("gemeente") || aantalKolom is null || !kolommen.Contains("waarvan_amv"))
        {
            invoer.Fout("bestand", "Het bestand heeft de kolommen gemeente, taakstelling_<jaar>_<I of II> en waarvan_amv nodig.");
        }
        else if (KolomHalfjaar().Match(aantalKolom) is { Success: true } m && $"{m.Groups[1].Value}-{m.Groups[2].Value.ToUpperInvariant()}" != halfjaar)
        {
            invoer.Fout("halfjaar", $"Het bestand gaat over {m.Groups[1].Value}-{m.Groups[2].Value.ToUpperInvariant()}, niet over {halfjaar}.");
        }

        invoer.Klaar();
        var namen = await GemeentenAsync(ct);
        var bestaand = await db.Taakstellingen.AsNoTracking().Where(t => t.Periode == halfjaar).ToDictionaryAsync(t => t.GemeenteId, ct);
        var gezien = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var resultaat = new List<TaakstellingRij>();
        var fouten = new List<TaakstellingFout>();
        foreach (var (rij, nummer) in rijen.Select((r, i) => (r, i + 2)))
        {
            var eigen = new List<TaakstellingFout>();
            var naam = rij.GetValueOrDefault("gemeente")?.Trim() ?? string.Empty;
            if (rij.Values.Any(w => w is ['=', ..] or ['+', ..] or ['@', ..]))
            {
                eigen.Add(new(nummer, "gemeente", "Een cel begint met een formule; dat nemen wij niet over."));
            }

            if (naam.Length == 0 || !namen.ContainsKey(naam.ToUpperInvariant()))
            {
                eigen.Add(new(nummer, "gemeente", naam.Length == 0 ? "De gemeente ontbreekt." : $"'{naam}' staat niet in het gemeenteregister."));
            }
            else if (gezien.TryGetValue(naam, out var eerder))
            {
                eigen.Add(new(nummer, "gemeente", $"Deze gemeente staat ook al in rij {eerder}."));
            }

            gezien.TryAdd(naam, nummer);
            var aantal = Getal(rij.GetValueOrDefault(aantalKolom!), nummer, aantalKolom!, eigen);
            var amv = Getal(rij.GetValueOrDefault("waarvan_amv"), nummer, "waarvan_amv", eigen);
            if (aantal is { } a && amv is { } b && b > a)
            {
                eigen.Add(new(nummer, "waarvan_amv", "Het aantal amv is groter dan de hele taakstelling."));
            }

            var voetnoot = (rij.GetValueOrDefault("footnote_4") ?? rij.GetValueOrDefault("voetnoot_4"))?.Trim().ToUpperInvariant() is "TRUE" or "WAAR" or "JA" or "1";
            var status = eigen.Count > 0 ? "fout"
                : bestaand.TryGetValue(namen[naam.ToUpperInvariant()].Id, out var t)
                    ? t.Aantal == aantal && t.WaarvanAmv == amv && t.Voetnoot4 == voetnoot ? "ongewijzigd" : "gewijzigd"
                    : "nieuw";
            resultaat.Add(new TaakstellingRij(nummer, eigen.Count > 0 ? naam : namen[naam.ToUpperInvariant()].Naam, aantal, amv, voetnoot, status));
            fouten.AddRange(eigen);
        }

        var genoemd = resultaat.Select(r => r.Gemeente.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        return new TaakstellingVoorbeeld(halfjaar!, resultaat, fouten, resultaat.Count(r => r.Status == "nieuw"), resultaat.Count(r => r.Status == "gewijzigd"),
            resultaat.Count(r => r.Status == "ongewijzigd"), [.. namen.Where(n => !genoemd.Contains(n.Key)).Select(n => n.Value.Naam).Order(StringComparer.Ordinal)]);
    }

    private async Task<Dictionary<string, (Guid Id, string Naam)>> GemeentenAsync(CancellationToken ct) =>
        (await db.Organisaties.AsNoTracking().Where(o => o.Soort == OrganisationKind.Gemeente).Select(o => new { o.Id, o.Naam }).ToListAsync(ct))
        .ToDictionary(o => o.Naam.ToUpperInvariant(), o => (o.Id, o.Naam), StringComparer.Ordinal);

    private static int? Getal(string? tekst, int rij, string veld, List<TaakstellingFout> fouten)
    {
        if (int.TryParse(tekst?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var getal) && getal <= 100_000)
        {
            return getal;
        }

        fouten.Add(new(rij, veld, string.IsNullOrWhiteSpace(tekst) ? "Het aantal ontbreekt." : $"'{tekst}' is geen heel aantal van 0 tot 100.000."));
        return null;
    }

    private static bool Xlsx(string naam) => naam.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    private static List<Dictionary<string, string?>> LeesCsv(Stream stroom)
    {
        using var lezer = new StreamReader(stroom, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true));
        var rijen = new List<Dictionary<string, string?>>();
        try
        {
            // The delimiter is detected from the header: Dutch Excel writes semicolons, the ministry's file has commas.
            using var csv = Sylvan.Data.Csv.CsvDataReader.Create(lezer);
            var kop = Enumerable.Range(0, csv.FieldCount).Select(i => Kolom(csv.GetName(i))).ToArray();
            while (csv.Read())
            {
                rijen.Add(kop.Select((k, i) => (k, i < csv.RowFieldCount ? csv.GetString(i) : null)).DistinctBy(x => x.k).ToDictionary(x => x.k, x => x.Item2));
            }
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw Invoer.Afgewezen(TenancyErrors.Validation, "bestand", "Het bestand is geen UTF-8-tekst. Sla het op als CSV UTF-8.");
        }

        return rijen;
    }

    private static List<Dictionary<string, string?>> LeesXlsx(Stream stroom)
    {
        try
        {
            return [.. MiniExcelLibs.MiniExcel.Query(stroom, useHeaderRow: true, excelType: MiniExcelLibs.ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>()
                .Select(r => r.DistinctBy(c => Kolom(c.Key)).ToDictionary(c => Kolom(c.Key), c => Convert.ToString(c.Value, CultureInfo.InvariantCulture)))];
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Xml.XmlException or InvalidOperationException or NotSupportedException)
        {
            throw Invoer.Afgewezen(TenancyErrors.Validation, "bestand", "Dit is geen leesbaar XLSX-bestand.");
        }
    }

    private static string Kolom(string kop) => kop.Trim().Trim('\uFEFF').ToLowerInvariant().Replace(' ', '_');

    [GeneratedRegex(@"^\d{4}-(I|II)$")]
    private static partial Regex HalfjaarVorm();

    [GeneratedRegex(@"^taakstelling_(\d{4})_(i|ii)$")]
    private static partial Regex KolomHalfjaar();
}
