using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Dossiers.Features.Duo;

/// <summary>
/// DUO's periodic overview (CSV, ';' or ','), one message per row through the same use case as a message typed in.
/// A row DUO sent before is recognised and skipped, so the same overview twice changes nothing.
/// </summary>
internal sealed class DuoOverzicht(DuoInformatie informatie, DossierWerkplaats werkplaats)
{
    public const int MaxRijen = 10_000;
    private static readonly string[] Kolommen = ["vnummer", "soort", "datum", "waarde", "grond", "onderdeel", "niveau", "uitslag"];

    public async Task<DuoOverzichtVerslag> VerwerkAsync(ClaimsPrincipal user, Stream bestand, string naam, CancellationToken ct)
    {
        using var lezer = new StreamReader(bestand, System.Text.Encoding.UTF8);
        var eersteRegel = await lezer.ReadLineAsync(ct) ?? string.Empty;
        var scheiding = eersteRegel.Count(c => c == ';') >= eersteRegel.Count(c => c == ',') ? ';' : ',';
        var koppen = eersteRegel.Split(scheiding).Select(k => k.Trim().ToLowerInvariant()).ToArray();
        var ontbreekt = Kolommen.Take(4).Where(k => !koppen.Contains(k)).ToList();
        if (ontbreekt.Count > 0)
        {
            throw Invoer.Afgewezen(DossierFouten.Validatie, "bestand", [$"Het overzicht mist de kolom(men): {string.Join(", ", ontbreekt)}."]);
        }

        var csv = Sylvan.Data.Csv.CsvDataReader.Create(lezer, new Sylvan.Data.Csv.CsvDataReaderOptions { HasHeaders = false, Delimiter = scheiding });
        var regels = new List<DuoOverzichtRegel>();
        var rij = 1;
        while (await csv.ReadAsync(ct))
        {
            rij++;
            if (rij > MaxRijen + 1)
            {
                regels.Add(new DuoOverzichtRegel(rij, null, "geweigerd", $"Meer dan {MaxRijen} rijen: deel het overzicht op."));
                break;
            }

            string? Veld(string kolom) => Array.IndexOf(koppen, kolom) is var i and >= 0 && i < csv.FieldCount && csv.GetString(i).Trim() is { Length: > 0 } w ? w : null;
            regels.Add(await RijAsync(user, rij, Veld, naam, ct));
        }

        return new DuoOverzichtVerslag(naam, regels.Count(r => r.Uitkomst == "vastgelegd"), regels.Count(r => r.Uitkomst == "al-bekend"),
            regels.Count(r => r.Uitkomst == "geweigerd"), regels);
    }

    private async Task<DuoOverzichtRegel> RijAsync(ClaimsPrincipal user, int rij, Func<string, string?> veld, string naam, CancellationToken ct)
    {
        var vNummer = veld("vnummer");
        var dossierId = vNummer is null ? null : await werkplaats.Lees.Dossiers.Where(d => d.VNummer == vNummer).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(ct);
        if (dossierId is not { } id)
        {
            return new DuoOverzichtRegel(rij, vNummer, "geweigerd", "Geen dossier met dit V-nummer in uw gemeente.");
        }

        var fouten = new List<string>();
        DateOnly? Datum(string kolom)
        {
            if (veld(kolom) is not { } tekst)
            {
                return null;
            }

            if (DateOnly.TryParseExact(tekst, ["yyyy-MM-dd", "dd-MM-yyyy"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
            {
                return d;
            }

            fouten.Add($"{kolom}: geen datum");
            return null;
        }

        var invoer = new DuoBerichtInvoer(veld("soort"), Datum("datum"), Datum("waarde"), veld("grond"), veld("onderdeel"), veld("niveau"), veld("uitslag"));
        if (fouten.Count > 0)
        {
            return new DuoOverzichtRegel(rij, vNummer, "geweigerd", string.Join("; ", fouten));
        }

        if (Woorden.TryLees<DuoSoort>(invoer.Soort, out var soort)
            && await werkplaats.Lees.DuoBerichten.AnyAsync(b => b.DossierId == id && b.Soort == soort && b.Datum == invoer.Datum && b.Waarde == invoer.Waarde, ct))
        {
            return new DuoOverzichtRegel(rij, vNummer, "al-bekend", null);
        }

        try
        {
            await informatie.LegBerichtVastAsync(user, id, Versievoorwaarde.Elke, invoer, ct, "overzicht:" + naam);
            return new DuoOverzichtRegel(rij, vNummer, "vastgelegd", null);
        }
        catch (Exception e) when (e is ValidationFailedException or DomainException or RuleViolationException)
        {
            werkplaats.Vergeet();
            return new DuoOverzichtRegel(rij, vNummer, "geweigerd", e switch
            {
                ValidationFailedException v => string.Join("; ", v.Errors.Select(f => $"{f.Key}: {string.Join(" ", f.Value)}")),
                _ => e.Message,
            });
        }
    }
}

/// <param name="Uitkomst">vastgelegd, al-bekend or geweigerd.</param>
internal sealed record DuoOverzichtRegel(int Rij, string? VNummer, string Uitkomst, string? Reden);

internal sealed record DuoOverzichtVerslag(string Bestand, int Vastgelegd, int AlBekend, int Geweigerd, IReadOnlyList<DuoOverzichtRegel> Regels);
