using System.Net;
using System.Reflection;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Inburgering.Modules.Documenten.Features.Sjablonen;

/// <summary>Why a template was refused, for the functioneel beheerder: a stable code and a message with the line.</summary>
internal sealed class SjabloonFout(string code, string bericht) : Exception(bericht)
{
    public string Code { get; } = code;
}

/// <summary>
/// Renders templates written by tenant users, treated as hostile: the model is plain data (no .NET objects, so no
/// reflection), no template loader, limits on loops, recursion, output and time, and every value HTML-encoded.
/// A template that breaks a limit gets a <see cref="SjabloonFout"/>; the app itself is never at risk.
/// </summary>
internal static class SjabloonRenderer
{
    public const int MaxUitvoer = 1_000_000;
    public static readonly TimeSpan MaxDuur = TimeSpan.FromSeconds(2);

    private static readonly Assembly Bron = typeof(SjabloonRenderer).Assembly;

    public static IReadOnlyList<string> Standaard { get; } =
        ["uitnodiging-kennismakingsgesprek", "uitnodiging-afspraak", "bevestiging-scenario", "pip-beschikking", "overdracht-samenvatting", "verlengingsverklaring", "signalen-digest"];

    /// <summary>The default text of a template (Dutch, B1).</summary>
    public static string StandaardTekst(string sleutel)
    {
        using var stream = Bron.GetManifestResourceStream($"Inburgering.Modules.Documenten.Sjablonen.{sleutel}.sbn")
            ?? throw new SjabloonFout("Documenten:SjabloonOnbekend", $"Er is geen sjabloon '{sleutel}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Checks a template without running it: unsafe markup, and syntax errors with their line and column.</summary>
    public static Template Lees(string tekst)
    {
        SjabloonMarkup.Controleer(tekst);

        var template = Template.Parse(tekst);
        if (template.HasErrors)
        {
            throw new SjabloonFout("Documenten:SjabloonSyntax", "Het sjabloon klopt niet: " + string.Join("; ", template.Messages.Select(m => m.ToString())));
        }

        return template;
    }

    public static string Render(string tekst, IReadOnlyDictionary<string, object?> model)
    {
        var template = Lees(tekst);
        using var tijd = new CancellationTokenSource(MaxDuur);
        var context = new VeiligeContext
        {
            TemplateLoader = null,
            LoopLimit = 10_000,
            LoopLimitQueryable = 10_000,
            RecursiveLimit = 20,
            ObjectRecursionLimit = 20,
            LimitToString = 100_000,
            OutputLimit = MaxUitvoer,
            StrictVariables = true,
            RegexTimeOut = TimeSpan.FromMilliseconds(500),
            CancellationToken = tijd.Token,
            MemberFilter = _ => false,
        };
        var globaal = new ScriptObject();
        foreach (var (naam, waarde) in model)
        {
            globaal[naam] = Waarde(waarde);
        }

        context.PushGlobal(globaal);
        try
        {
            // On its own thread, so even a template that ignores the cancellation cannot hold a request for long.
            var taak = Task.Run(() => template.Render(context), tijd.Token);
            if (!taak.Wait(MaxDuur + TimeSpan.FromSeconds(1)))
            {
                throw new SjabloonFout("Documenten:SjabloonTeTraag", $"Het sjabloon deed er langer dan {MaxDuur.TotalSeconds:0} seconden over en is gestopt.");
            }

            return SjabloonMarkup.Schoon(taak.Result);
        }
        catch (AggregateException ex) when (ex.InnerException is { } inner)
        {
            throw Vertaal(inner);
        }
    }

    private static SjabloonFout Vertaal(Exception ex) => ex switch
    {
        SjabloonFout fout => fout,
        // Scriban reports its own cancellation at the time limit as an abort, not as a cancelled operation.
        OperationCanceledException or ScriptAbortException => new SjabloonFout("Documenten:SjabloonTeTraag", $"Het sjabloon deed er langer dan {MaxDuur.TotalSeconds:0} seconden over en is gestopt."),
        ScriptRuntimeException s when s.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) =>
            new SjabloonFout("Documenten:SjabloonLimiet", "Het sjabloon overschrijdt een grens (herhaling, diepte of lengte): " + s.OriginalMessage),
        ScriptRuntimeException s => new SjabloonFout("Documenten:SjabloonFout", $"Het sjabloon stopt op {s.Span.Start}: {s.OriginalMessage}"),
        _ => new SjabloonFout("Documenten:SjabloonFout", "Het sjabloon kon niet worden gemaakt: " + ex.Message),
    };

    /// <summary>Only plain data reaches a template: text, numbers, yes/no, and lists or groups of those.</summary>
    private static object? Waarde(object? waarde) => waarde switch
    {
        null or string or bool or int or long or double or decimal => waarde,
        IReadOnlyDictionary<string, object?> groep => Object(groep),
        System.Collections.IEnumerable lijst => new ScriptArray(lijst.Cast<object?>().Select(Waarde)),
        _ => waarde.ToString(),
    };

    private static StrikteGroep Object(IReadOnlyDictionary<string, object?> groep)
    {
        var so = new StrikteGroep();
        foreach (var (naam, waarde) in groep)
        {
            so[naam] = Waarde(waarde);
        }

        return so;
    }

    /// <summary>A group of the model: asking for a member it does not have (GetType, anything .NET) is an error, not a silent blank.</summary>
    private sealed class StrikteGroep : ScriptObject
    {
        public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
        {
            if (!base.TryGetValue(context, span, member, out value) && !ContainsKey(member))
            {
                throw new SjabloonFout("Documenten:SjabloonFout", $"Het sjabloon vraagt '{member}' op regel {span.Start.Line + 1}, en dat bestaat niet in het model.");
            }

            return true;
        }
    }

    /// <summary>Every value a template writes is HTML-encoded; the template's own markup is written as it stands.</summary>
    private sealed class VeiligeContext : TemplateContext
    {
        public override TemplateContext Write(SourceSpan span, object? textAsObject)
        {
            var tekst = ObjectToString(textAsObject);
            return tekst is null ? this : base.Write(span, WebUtility.HtmlEncode(tekst));
        }
    }
}
