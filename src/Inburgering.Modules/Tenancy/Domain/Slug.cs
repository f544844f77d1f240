using System.Globalization;
using System.Text;

namespace Inburgering.Modules.Tenancy.Domain;

internal static class Slug
{
    /// <summary>"Hengelo (O.)" → "hengelo-o", "Súdwest-Fryslân" → "sudwest-fryslan".</summary>
    public static string From(string naam)
    {
        var builder = new StringBuilder(naam.Length);
        foreach (var c in naam.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }
}
