using System.Text.RegularExpressions;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Platform.Errors;

namespace Inburgering.Modules.Dossiers.Features.Werkplaats;

/// <summary>The dossier's own input checks, in the platform's one validation style.</summary>
internal static partial class DossierInvoerRegels
{
    public static string? VNummer(this Invoer check, string? waarde, string veld, bool verplicht)
    {
        var tekst = waarde?.Trim();
        if (string.IsNullOrEmpty(tekst))
        {
            if (verplicht)
            {
                check.Fout(veld, "Dit veld is verplicht.");
            }

            return null;
        }

        if (!TienCijfers().IsMatch(tekst))
        {
            check.Fout(veld, "Een V-nummer bestaat uit 10 cijfers.");
        }

        return tekst;
    }

    public static string? BsnNummer(this Invoer check, string? waarde, string veld)
    {
        var tekst = waarde?.Trim();
        if (string.IsNullOrEmpty(tekst))
        {
            return null;
        }

        if (!Bsn.IsGeldig(tekst))
        {
            check.Fout(veld, "Dit is geen geldig BSN (9 cijfers die de 11-proef doorstaan).");
        }

        return tekst;
    }

    [GeneratedRegex("^[0-9]{10}$")]
    private static partial Regex TienCijfers();
}
