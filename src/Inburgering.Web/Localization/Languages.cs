using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Inburgering.Web.Localization;

/// <summary>Dutch first; English when the person chooses it (a cookie). The browser's language does not decide.</summary>
internal static class Languages
{
    public static readonly CultureInfo Dutch = new("nl-NL");
    public static readonly CultureInfo English = new("en-GB");

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Dutch),
            SupportedCultures = [Dutch, English],
            SupportedUICultures = [Dutch, English],
        };
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        return options;
    }

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
