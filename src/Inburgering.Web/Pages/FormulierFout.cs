using Inburgering.Platform.Errors;

namespace Inburgering.Web.Pages;

/// <summary>
/// What a form shows when its use case refused the input: every invalid field with its messages and one message for the
/// whole form. A broken rule names a path (scenario.tenzijRedenen); the form knows its last part.
/// </summary>
public sealed record FormulierFout(IReadOnlyDictionary<string, string[]> Fouten, string Melding)
{
    public static FormulierFout Van(DomainException ex, string standaardVeld) => ex switch
    {
        ValidationFailedException v => new(v.Errors, v.Message),
        RuleViolationException r => new(r.Violations.GroupBy(v => (v.Field ?? standaardVeld).Split('.')[^1].Split('[')[0])
            .ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray()), r.Message),
        _ => new(new Dictionary<string, string[]>(), ex.Message),
    };
}
