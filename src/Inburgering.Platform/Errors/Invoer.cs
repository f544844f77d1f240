namespace Inburgering.Platform.Errors;

/// <summary>
/// The one validation style of every module: checks collect every invalid field before anything changes, and
/// <see cref="Klaar"/> answers 400 with all of them under the module's code. A form hands in the fields it could not
/// even read (a date typed wrongly), so they are reported together with the rest.
/// </summary>
public sealed class Invoer(string code, IReadOnlyDictionary<string, string[]>? onleesbaar = null)
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
        else if (tekst is not null && Http.StrikteJson.HeeftStuurtekens(tekst))
        {
            _fouten.Add(veld, "Gebruik geen stuurtekens.");
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

    /// <summary>One of a fixed set of words; empty is null, anything else names the field and the choices.</summary>
    public string? Keuze(string? waarde, string veld, IReadOnlyCollection<string> keuzes, bool verplicht = false)
    {
        if (string.IsNullOrEmpty(waarde))
        {
            if (verplicht)
            {
                _fouten.Add(veld, $"Kies {string.Join(" of ", keuzes)}.");
            }

            return null;
        }

        if (!keuzes.Contains(waarde))
        {
            _fouten.Add(veld, $"Kies {string.Join(" of ", keuzes)}.");
            return null;
        }

        return waarde;
    }

    /// <summary>An enum by its API word (its JSON name); empty is null, an unknown word names the field and the choices.</summary>
    public T? Woord<T>(string? woord, string veld, string? bericht = null)
        where T : struct, Enum
    {
        if (string.IsNullOrEmpty(woord))
        {
            return null;
        }

        if (ApiWoorden.TryLees<T>(woord, out var waarde))
        {
            return waarde;
        }

        Fout(veld, bericht ?? $"Kies uit {string.Join(", ", Enum.GetValues<T>().Select(ApiWoorden.Naam))}.");
        return null;
    }

    public void Fout(string veld, string bericht) => _fouten.Add(veld, bericht);

    /// <summary>
    /// A period of whole Dutch days as given (<c>van</c>, <c>tot</c> inclusive, either open), as the moments a query
    /// compares with: from the start of <c>van</c> to the start of the day after <c>tot</c>. Dates outside 2000–2100
    /// and an end before the start name their field.
    /// </summary>
    public (DateTimeOffset? Begin, DateTimeOffset? Einde) Tijdvak(DateOnly? van, DateOnly? tot)
    {
        var buiten = false;
        foreach (var (veld, datum) in new[] { ("van", van), ("tot", tot) })
        {
            if (datum is { Year: < 2000 or > 2100 })
            {
                Fout(veld, "Kies een datum tussen 2000 en 2100.");
                buiten = true;
            }
        }

        if (buiten)
        {
            return (null, null);
        }

        if (van is { } v && tot is { } t && t < v)
        {
            Fout("tot", "De einddatum ligt voor de begindatum.");
        }

        return (van is { } begin ? Tijd.Kalender.BeginVan(begin) : null, tot is { } einde ? Tijd.Kalender.BeginVan(einde.AddDays(1)) : null);
    }

    /// <summary>The position of a paged list; empty is the first page, one of another list or sort order names the field.</summary>
    public Data.PagingCursor? Cursor(string? tekst, string sortering, bool sleutelIsDatum, string veld = "cursor")
    {
        if (string.IsNullOrEmpty(tekst))
        {
            return null;
        }

        if (Data.PagingCursor.TryLees(tekst, sortering, out var cursor) && (!sleutelIsDatum || cursor.Datum is not null))
        {
            return cursor;
        }

        Fout(veld, "Deze cursor hoort niet bij deze lijst of sortering; gebruik 'volgende' van de vorige pagina, of begin zonder cursor.");
        return null;
    }

    /// <summary>A refusal of one field, for a check that cannot go on without it: <c>throw Invoer.Afgewezen(...)</c>.</summary>
    public static ValidationFailedException Afgewezen(string code, string veld, params string[] berichten) =>
        new(code, new Dictionary<string, string[]>(StringComparer.Ordinal) { [veld] = berichten });

    /// <summary>400 with every invalid field (an unreadable one with its own reason only), or nothing.</summary>
    public void Klaar() => Klaar(code);

    /// <summary>As <see cref="Klaar()"/>, under a code only known at the end (a template's own error says most).</summary>
    public void Klaar(string eigenCode)
    {
        foreach (var (veld, fouten) in onleesbaar ?? new Dictionary<string, string[]>())
        {
            _fouten.Replace(veld, fouten);
        }

        _fouten.ThrowIfAny(eigenCode);
    }
}

/// <summary>The words of the API for an enum (its JSON names), both ways.</summary>
public static class ApiWoorden
{
    public static string Naam<T>(T waarde)
        where T : struct, Enum => System.Text.Json.JsonSerializer.Serialize(waarde).Trim('"');

    public static bool TryLees<T>(string? woord, out T waarde)
        where T : struct, Enum
    {
        foreach (var optie in Enum.GetValues<T>())
        {
            if (Naam(optie) == woord)
            {
                waarde = optie;
                return true;
            }
        }

        waarde = default;
        return false;
    }
}
