using Microsoft.AspNetCore.Http;

namespace Inburgering.Platform.Errors;

/// <summary>A refusal with a stable code (<c>Module:Reason</c>); rendered as RFC 9457 problem details.</summary>
public class DomainException(string code, string message, int status = StatusCodes.Status422UnprocessableEntity)
    : Exception(message)
{
    public string Code { get; } = code;
    public int Status { get; } = status;
}

/// <summary>Bad input: every invalid field with its messages. Nothing has been changed.</summary>
public sealed class ValidationFailedException(string code, IReadOnlyDictionary<string, string[]> errors)
    : DomainException(code, "Een of meer velden zijn ongeldig.", StatusCodes.Status400BadRequest)
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>One broken process rule (e.g. a date before the koppeling), with its own stable code.</summary>
public sealed record RuleViolation(string Code, string Message, string? Field = null);

/// <summary>Well-formed input that breaks the process rules: 422 with every violation listed. Nothing has been changed.</summary>
public sealed class RuleViolationException(IReadOnlyList<RuleViolation> violations)
    : DomainException(PlatformErrors.RuleViolation, "De gegevens botsen met de regels van het proces.", StatusCodes.Status422UnprocessableEntity)
{
    public IReadOnlyList<RuleViolation> Violations { get; } = violations;

    public static void ThrowIfAny(IReadOnlyList<RuleViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw new RuleViolationException(violations);
        }
    }
}

/// <summary>Collects every field error before failing, so the user sees all of them at once.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            list = [];
            _errors[field] = list;
        }

        list.Add(message);
        return this;
    }

    /// <summary>The field's own reason replaces what was said about it afterwards (an unreadable date is not also "required").</summary>
    public ValidationErrors Replace(string field, IEnumerable<string> messages)
    {
        _errors[field] = [.. messages];
        return this;
    }

    public void ThrowIfAny(string code)
    {
        if (!IsEmpty)
        {
            throw new ValidationFailedException(code, _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
    }
}

public static class PlatformErrors
{
    public const string NotFound = "Platform:NotFound";
    public const string MethodNotAllowed = "Platform:MethodNotAllowed";
    public const string Unauthorized = "Platform:Unauthorized";
    public const string Forbidden = "Platform:Forbidden";
    public const string BadRequest = "Platform:BadRequest";
    public const string Validation = "Platform:Validation";
    public const string NoActiveGemeente = "Platform:NoActiveGemeente";
    public const string Conflict = "Platform:Conflict";
    public const string Unexpected = "Platform:Unexpected";
    public const string Unavailable = "Platform:Unavailable";
    public const string TenantMismatch = "Platform:TenantMismatch";
    public const string TenantIsolation = "Platform:TenantIsolation";
    public const string RuleViolation = "Platform:RuleViolation";
    public const string PreconditionFailed = "Platform:PreconditionFailed";
    public const string PreconditionRequired = "Platform:PreconditionRequired";
    public const string TooManyRequests = "Platform:TooManyRequests";
    public const string UnsupportedMediaType = "Platform:UnsupportedMediaType";
}
