using System.Text.RegularExpressions;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Platform.Errors;

namespace Inburgering.Modules.Dossiers.Features.Werkplaats;

/// <summary>
/// Input checks that collect every invalid field before anything is changed (400). A form hands in the fields it could
/// not even read (a date typed wrongly), so they are reported together with the rest.
/// </summary>
internal sealed partial class Invoer(IReadOnlyDictionary<string, string[]>? onleesbaar = null)
{
    private readonly ValidationErrors _fouten = new();

    public bool HeeftFouten => !_fouten.IsEmpty || onleesbaar is { Count: > 0 };

    public ValidationErrors Fouten => _fouten;

    public string? Tekst(string? waarde, string veld, bool verplicht = false, int max = 200)
    {
        var tekst = string.IsNullOrWhiteSpace(waarde) ? null : waarde.Trim();
        if (tekst is null && verplicht)
        {
            _fouten.Add(veld, "Dit veld is verplicht.");
        }
        else if (tekst is { Length: var lengte } && lengte > max)
        {
            _fouten.Add(veld, $"Hoogstens {max} tekens.");
        }

        return tekst;
    }

    public T Verplicht<T>(T? waarde, string veld)
        where T : struct
    {
        if (waarde is null)
        {
            _fouten.Add(veld, "Dit veld is verplicht.");
        }

        return waarde.GetValueOrDefault();
    }

    public string? VNummer(string? waarde, string veld, bool verplicht)
    {
        var tekst = waarde?.Trim();
        if (string.IsNullOrEmpty(tekst))
        {
            if (verplicht)
            {
                _fouten.Add(veld, "Dit veld is verplicht.");
            }

            return null;
        }

        if (!TienCijfers().IsMatch(tekst))
        {
            _fouten.Add(veld, "Een V-nummer bestaat uit 10 cijfers.");
        }

        return tekst;
    }

    public string? BsnNummer(string? waarde, string veld)
    {
        var tekst = waarde?.Trim();
        if (string.IsNullOrEmpty(tekst))
        {
            return null;
        }

        if (!Bsn.IsGeldig(tekst))
        {
            _fouten.Add(veld, "Dit is geen geldig BSN (9 cijfers die de 11-proef doorstaan).");
        }

        return tekst;
    }

    public List<string> Lijst(IReadOnlyList<string>? waarden, string veld, int maxAantal = 20, int maxLengte = 100)
    {
        var lijst = (waarden ?? []).Select(w => w?.Trim() ?? string.Empty).ToList();
        if (lijst.Count > maxAantal)
        {
            _fouten.Add(veld, $"Hoogstens {maxAantal} waarden.");
        }

        if (lijst.Any(w => w.Length == 0 || w.Length > maxLengte))
        {
            _fouten.Add(veld, $"Elke waarde heeft 1 tot {maxLengte} tekens.");
        }

        return [.. lijst.Distinct(StringComparer.Ordinal)];
    }

    public int Bereik(int? waarde, string veld, int min, int max, bool verplicht)
    {
        if (waarde is null)
        {
            if (verplicht)
            {
                _fouten.Add(veld, "Dit veld is verplicht.");
            }

            return min;
        }

        if (waarde < min || waarde > max)
        {
            _fouten.Add(veld, $"Kies een waarde van {min} tot {max}.");
        }

        return waarde.Value;
    }

    public void Fout(string veld, string bericht) => _fouten.Add(veld, bericht);

    /// <summary>An enum by its API word; empty is null, an unknown word names the field and the choices.</summary>
    public T? Woord<T>(string? woord, string veld, string? bericht = null)
        where T : struct, Enum
    {
        if (string.IsNullOrEmpty(woord))
        {
            return null;
        }

        if (Woorden.TryLees<T>(woord, out var waarde))
        {
            return waarde;
        }

        Fout(veld, bericht ?? $"Kies uit {string.Join(", ", Enum.GetValues<T>().Select(Woorden.Naam))}.");
        return null;
    }

    public void Klaar()
    {
        foreach (var (veld, fouten) in onleesbaar ?? new Dictionary<string, string[]>())
        {
            _fouten.Replace(veld, fouten);
        }

        _fouten.ThrowIfAny(DossierFouten.Validatie);
    }

    [GeneratedRegex("^[0-9]{10}$")]
    private static partial Regex TienCijfers();
}
