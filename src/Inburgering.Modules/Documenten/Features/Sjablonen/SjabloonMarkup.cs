using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace Inburgering.Modules.Documenten.Features.Sjablonen;

/// <summary>
/// The markup a letter or e-mail may hold, as an allow-list (a maintained HTML sanitiser, not a pattern): text, headings,
/// lists, tables, links to https, mail and phone, and a few layout styles without any url(). No scripts, event or
/// framework (hx-*) attributes, images, frames, forms, srcset or outside files, however they are written.
/// A template is refused when saved if the sanitiser would take anything out; every rendered text is sanitised again.
/// </summary>
internal static class SjabloonMarkup
{
    private static readonly string[] Tags =
    [
        "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "small", "sub", "sup", "ul", "ol", "li",
        "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col", "a", "span", "div",
        "blockquote", "hr", "address", "abbr", "time", "section", "header", "footer",
    ];

    private static readonly string[] Attributen = ["href", "title", "class", "id", "colspan", "rowspan", "scope", "lang", "dir", "style", "datetime"];

    private static readonly string[] Stijlen =
    [
        "color", "background-color", "font-weight", "font-style", "font-size", "text-align", "text-decoration", "line-height",
        "margin", "margin-top", "margin-bottom", "margin-left", "margin-right", "padding", "padding-top", "padding-bottom",
        "padding-left", "padding-right", "border", "border-top", "border-bottom", "border-collapse", "width", "vertical-align",
    ];

    private static readonly System.Text.RegularExpressions.Regex VerbodenWaarde =
        new(@"url\s*\(|expression\s*\(|[<>\\]", System.Text.RegularExpressions.RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(200));

    // After the lists above: it is built from them.
    private static readonly HtmlSanitizer Uitvoer = Maak(bronposities: false);

    /// <summary>The rendered text with anything outside the allow-list removed (a value can never add markup, but this holds regardless).</summary>
    public static string Schoon(string html) => Uitvoer.Sanitize(html);

    /// <summary>Refuses a template whose own markup the sanitiser would change, naming the first thing and its line.</summary>
    public static void Controleer(string tekst)
    {
        var sanitiser = Maak(bronposities: true);
        var gevonden = new List<(int? Regel, string Wat)>();
        void Noteer(AngleSharp.Dom.IElement element, string wat) => gevonden.Add((element.SourceReference?.Position.Line, wat));

        sanitiser.RemovingTag += (_, e) => Noteer(e.Tag, $"<{e.Tag.LocalName}>");
        sanitiser.RemovingAttribute += (_, e) =>
        {
            // A link filled in at rendering ({{ s.link }}) is judged on its value then, not on the placeholder now.
            if (e.Reason == RemoveReason.NotAllowedUrlValue && e.Attribute.Value.Contains("{{", StringComparison.Ordinal))
            {
                e.Cancel = true;
                return;
            }

            Noteer(e.Tag, $"{e.Attribute.Name}=\"{e.Attribute.Value}\"");
        };
        sanitiser.RemovingAtRule += (_, e) => Noteer(e.Tag, "@" + e.Rule.CssText);
        // The sanitiser drops a style it does not allow without telling: the declarations are checked here, by the same list.
        foreach (var element in new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true }).ParseDocument(tekst)
                     .QuerySelectorAll("[style]"))
        {
            if (element.GetAttribute("style") is { } stijl && OnbekendeStijlen(stijl).FirstOrDefault() is { } onbekend)
            {
                Noteer(element, "style " + onbekend);
            }
        }

        sanitiser.Sanitize(tekst);
        if (gevonden.Count > 0)
        {
            // The earliest line; an element the parser made up itself (foreign content) has none.
            var (regel, wat) = gevonden.Where(g => g.Regel is not null).OrderBy(g => g.Regel).Cast<(int?, string)?>().FirstOrDefault() ?? (1, gevonden[0].Wat);
            throw new SjabloonFout("Documenten:OnveiligeHtml",
                $"Regel {regel}: '{wat}' mag niet in een sjabloon staan. Gebruik tekst, koppen, lijsten, tabellen en links; "
                + "scripts, event-attributen, afbeeldingen, frames, formulieren en bestanden van buiten zijn niet toegestaan.");
        }
    }

    private static IEnumerable<string> OnbekendeStijlen(string stijl) =>
        stijl.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(d => d.Split(':', 2) is not [var naam, var waarde]
                        || !Stijlen.Contains(naam.Trim(), StringComparer.OrdinalIgnoreCase) || VerbodenWaarde.IsMatch(waarde));

    private static HtmlSanitizer Maak(bool bronposities)
    {
        var sanitiser = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributen, StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(Stijlen, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["https", "mailto", "tel"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        })
        {
            AllowDataAttributes = false,
            KeepChildNodes = false,
        };
        sanitiser.DisallowCssPropertyValue = VerbodenWaarde;
        if (bronposities)
        {
            sanitiser.HtmlParserFactory = () => new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        }

        return sanitiser;
    }
}
