using Inburgering.Modules.Dossiers.Contracts;
using Microsoft.AspNetCore.Http;

namespace Inburgering.Modules.Dossiers.Features.Werkplaats;

/// <summary>The API's form of the version a write is based on: the dossier's ETag in If-Match (428 without one, once the dossier is found).</summary>
internal static class IfMatch
{
    public static Versievoorwaarde Versie(HttpContext http)
    {
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return Versievoorwaarde.Ontbreekt;
        }

        if (ifMatch.Trim() == "*")
        {
            return Versievoorwaarde.Elke;
        }

        // An ETag that is not one of ours matches no version, so the write is refused as stale.
        return new Versievoorwaarde(ifMatch.Split(',').Select(v => v.Trim().Trim('"'))
            .Select(v => int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1)
            .ToHashSet());
    }
}
