using System.Net;

namespace Inburgering.Web.Hosting;

/// <summary>
/// A person in a browser gets an error page in words, not JSON: the same problem details (status, code, trace id)
/// rendered as a short page with a way back. API paths and clients that do not ask for HTML keep problem JSON.
/// </summary>
internal sealed class HtmlProblemWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context)
    {
        var request = context.HttpContext.Request;
        return !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/connect")
               && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var status = context.ProblemDetails.Status ?? http.Response.StatusCode;
        var engels = Localization.Languages.IsEnglish;
        var (titel, uitleg) = (status, engels) switch
        {
            (404, false) => ("Niet gevonden", "Deze pagina of dit dossier bestaat niet, of u mag het niet zien."),
            (404, true) => ("Not found", "This page or dossier does not exist, or you may not see it."),
            (403, false) => ("Geen toegang", "U heeft geen rechten voor deze pagina in de organisatie waarvoor u nu werkt."),
            (403, true) => ("No access", "You have no permission for this page in the organisation you are working for now."),
            (>= 500, false) => ("Er ging iets mis", "Er ging iets mis aan onze kant. Probeer het later opnieuw; blijft het misgaan, noem dan de code hieronder."),
            (>= 500, true) => ("Something went wrong", "Something went wrong on our side. Try again later; if it keeps failing, quote the code below."),
            (_, false) => ("Dit lukte niet", context.ProblemDetails.Detail ?? context.ProblemDetails.Title ?? "Het verzoek kon niet worden verwerkt."),
            (_, true) => ("That did not work", context.ProblemDetails.Detail ?? context.ProblemDetails.Title ?? "The request could not be handled."),
        };
        var trace = context.ProblemDetails.Extensions.TryGetValue("traceId", out var t) ? t?.ToString() : http.TraceIdentifier;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{(engels ? "en" : "nl")}" class="utrecht-theme">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>{WebUtility.HtmlEncode(titel)} · Inburgering</title>
            <link rel="stylesheet" href="/lib/utrecht/design-tokens.css" /><link rel="stylesheet" href="/lib/utrecht/components.css" /><link rel="stylesheet" href="/css/site.css" /></head>
            <body class="utrecht-document utrecht-document--surface">
            <main class="inhoud" id="inhoud">
            <h1 class="utrecht-heading-1">{WebUtility.HtmlEncode(titel)}</h1>
            <p class="utrecht-paragraph">{WebUtility.HtmlEncode(uitleg)}</p>
            <p class="utrecht-paragraph"><a class="utrecht-link" href="/">{(engels ? "To the start page" : "Naar de startpagina")}</a></p>
            <p class="utrecht-paragraph hint">Code: {status} · {WebUtility.HtmlEncode(trace)}</p>
            </main>
            </body>
            </html>
            """, http.RequestAborted);
    }
}
