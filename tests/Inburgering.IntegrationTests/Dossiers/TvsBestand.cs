using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Inburgering.IntegrationTests.Infrastructure;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>A TVS export of coupled vergunninghouders as a gemeente downloads it (semicolons, Dutch dates), built row by row.</summary>
internal sealed class TvsBestand
{
    public static readonly string[] Koppen =
    [
        "V-nummer", "BSN", "Voornamen", "Achternaam", "Geboortedatum", "Geslacht", "Nationaliteit", "Land van herkomst", "Talen", "Huishoudnummer",
        "Relatie", "Huishoudgrootte", "COA-locatie", "Datum vergunning", "Datum koppeling", "Opleiding", "Werkervaring", "Zichtbare beperkingen",
    ];

    private readonly List<Dictionary<string, string>> _rijen = [];

    public TvsBestand(DateOnly vandaag)
    {
        Vandaag = vandaag;
    }

    public DateOnly Vandaag { get; }

    public IReadOnlyList<Dictionary<string, string>> Rijen => _rijen;

    public static string Datum(DateOnly d) => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    /// <summary>A valid row; <paramref name="anders"/> replaces cells by heading. Returns its row number as a spreadsheet shows it.</summary>
    public int Rij(string vNummer, params (string Kop, string Waarde)[] anders)
    {
        var rij = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["V-nummer"] = vNummer, ["BSN"] = string.Empty, ["Voornamen"] = "Amal", ["Achternaam"] = "Haddad", ["Geboortedatum"] = "12-03-1990",
            ["Geslacht"] = "V", ["Nationaliteit"] = "Syrische", ["Land van herkomst"] = "Syrië", ["Talen"] = "Arabisch; Engels", ["Huishoudnummer"] = string.Empty,
            ["Relatie"] = string.Empty, ["Huishoudgrootte"] = string.Empty, ["COA-locatie"] = "azc Almelo", ["Datum vergunning"] = Datum(Vandaag.AddDays(-60)),
            ["Datum koppeling"] = Datum(Vandaag.AddDays(-30)), ["Opleiding"] = string.Empty, ["Werkervaring"] = string.Empty, ["Zichtbare beperkingen"] = string.Empty,
        };
        foreach (var (kop, waarde) in anders)
        {
            rij[kop] = waarde;
        }

        _rijen.Add(rij);
        return _rijen.Count + 1;
    }

    public byte[] Csv(Func<int, Encoding>? codering = null)
    {
        using var uit = new MemoryStream();
        void Regel(IEnumerable<string> cellen, Encoding e)
        {
            var bytes = e.GetBytes(string.Join(';', cellen.Select(Veld)) + "\r\n");
            uit.Write(bytes);
        }

        Regel(Koppen, Encoding.UTF8);
        for (var i = 0; i < _rijen.Count; i++)
        {
            Regel(Koppen.Select(k => _rijen[i].GetValueOrDefault(k, string.Empty)), codering?.Invoke(i + 2) ?? Encoding.UTF8);
        }

        return uit.ToArray();
    }

    public byte[] Xlsx(Func<string, string, object?>? cel = null)
    {
        using var uit = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(uit, _rijen.Select(r => Koppen.ToDictionary(k => k, k => cel?.Invoke(k, r.GetValueOrDefault(k, string.Empty)) ?? (object)r.GetValueOrDefault(k, string.Empty))).ToList());
        return uit.ToArray();
    }

    private static string Veld(string waarde) =>
        waarde.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + waarde.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : waarde;

    public static async Task<Antwoord> UploadAsync(HttpClient client, byte[] inhoud, string naam = "tvs-export.csv")
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(inhoud), "bestand", naam);
        return await Antwoord.VanAsync(await client.PostAsync("/api/v1/imports/koppelingen", form));
    }

    /// <summary>Starts a previewed import and waits for the job to finish it.</summary>
    public static async Task<JsonElement> ImporteerAsync(HttpClient client, Guid id)
    {
        (await Antwoord.VanAsync(await client.PostAsync($"/api/v1/imports/koppelingen/{id}/start", null))).Verwacht(HttpStatusCode.Accepted);
        return await WachtAsync(client, id);
    }

    public static async Task<JsonElement> WachtAsync(HttpClient client, Guid id, TimeSpan? geduld = null)
    {
        JsonElement stand = default;
        var klaar = await Peilen.TotAsync(async () =>
        {
            stand = await client.GetFromJsonAsync<JsonElement>($"/api/v1/imports/koppelingen/{id}");
            return stand.GetProperty("status").GetString() == "klaar";
        }, keer: (int)((geduld ?? TimeSpan.FromMinutes(3)).TotalMilliseconds / 250), tussenpozeMs: 250);
        Assert.True(klaar, $"The import did not finish: {stand}");
        return stand;
    }
}
