using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Serilog.Context;

namespace Inburgering.Platform.Logging;

/// <summary>
/// Gives every request a correlation id (taken from the caller when it is well-formed) and puts it in the
/// log context and the response. Callers cannot inject arbitrary text into logs through it.
/// </summary>
internal sealed partial class RequestContextMiddleware(RequestDelegate next)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        var correlationId = IsWellFormed(incoming) ? incoming : Guid.NewGuid().ToString("N");
        context.TraceIdentifier = correlationId;
        context.Response.Headers[Header] = correlationId;
        using (LogContext.PushProperty("CorrelationId", correlationId))
        {
            await next(context);
        }
    }

    internal static bool IsWellFormed(string value) => value.Length is > 0 and <= 64 && Token().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex Token();
}
