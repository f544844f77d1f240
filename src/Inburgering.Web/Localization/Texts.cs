using Microsoft.Extensions.Localization;

namespace Inburgering.Web;

/// <summary>
/// The UI's texts. Keys are the Dutch texts themselves (Dutch is the default); <c>Resources/Texts.en.resx</c> holds
/// the English. A missing translation shows the Dutch, never a key.
/// </summary>
internal sealed class Texts;

internal static class TextsExtensions
{
    /// <summary>
    /// A code word shown in the user's language: looked up as "soort:code" (role, client kind) so it never clashes with a
    /// sentence word of the same spelling; Dutch has no resource file, so it shows the code itself.
    /// </summary>
    public static string Woord(this IStringLocalizer<Texts> t, string soort, string code)
    {
        var vertaald = t[soort + ":" + code];
        return vertaald.ResourceNotFound ? code : vertaald.Value;
    }
}
