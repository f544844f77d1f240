using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Inburgering.Platform.Tenancy;

namespace Inburgering.Platform.Errors;

public static class ProblemDetailsSetup
{
    public static IServiceCollection AddPlatformProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Extensions.TryAdd("code", CodeForStatus(problem.Status ?? context.HttpContext.Response.StatusCode));
            problem.Extensions.TryAdd("traceId", Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier);
            problem.Instance ??= context.HttpContext.Request.Path;
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }

    public static IApplicationBuilder UsePlatformProblemDetails(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    internal static string CodeForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => PlatformErrors.BadRequest,
        StatusCodes.Status401Unauthorized => PlatformErrors.Unauthorized,
        StatusCodes.Status403Forbidden => PlatformErrors.Forbidden,
        StatusCodes.Status404NotFound => PlatformErrors.NotFound,
        StatusCodes.Status405MethodNotAllowed => PlatformErrors.MethodNotAllowed,
        StatusCodes.Status409Conflict => PlatformErrors.Conflict,
        StatusCodes.Status412PreconditionFailed => PlatformErrors.PreconditionFailed,
        StatusCodes.Status428PreconditionRequired => PlatformErrors.PreconditionRequired,
        StatusCodes.Status415UnsupportedMediaType => PlatformErrors.UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => PlatformErrors.TooManyRequests,
        StatusCodes.Status503ServiceUnavailable => PlatformErrors.Unavailable,
        _ => PlatformErrors.Unexpected,
    };
}

internal sealed class ProblemExceptionHandler(
    IProblemDetailsService problemDetails,
    Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> jsonOptions,
    ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case ValidationFailedException validation:
                problem = new HttpValidationProblemDetails(validation.Errors.ToDictionary(e => e.Key, e => e.Value))
                {
                    Status = validation.Status,
                    Title = validation.Message,
                };
                problem.Extensions["code"] = validation.Code;
                break;
            case RuleViolationException rules:
                problem = new ProblemDetails { Status = rules.Status, Title = rules.Message };
                problem.Extensions["code"] = rules.Code;
                problem.Extensions["violations"] = rules.Violations
                    .Select(v => new Dictionary<string, string?> { ["code"] = v.Code, ["message"] = v.Message, ["field"] = v.Field })
                    .ToList();
                break;
            case DomainException domain:
                problem = new ProblemDetails { Status = domain.Status, Title = domain.Message };
                problem.Extensions["code"] = domain.Code;
                break;
            case TenantIsolationException:
                // Logged with the stack: it means a code path tried to cross a tenant boundary.
                logger.LogError(exception, "Tenant isolation guard refused an operation");
                problem = new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Deze handeling valt buiten uw organisatie." };
                problem.Extensions["code"] = PlatformErrors.TenantIsolation;
                break;
            case BadHttpRequestException { InnerException: System.Text.Json.JsonException json }:
                // A value of the wrong type or an unknown code: name the field, as validation does. A replacing body
                // that leaves members out gets every one of them named.
                var velden = new Dictionary<string, string[]>();
                // The handler runs after the endpoint was cleared from the context; the feature keeps it.
                if (httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType is { } soort)
                {
                    foreach (var naam in await Http.StrikteJson.OntbrekendeLedenAsync(httpContext.Request, soort, jsonOptions.Value.SerializerOptions, cancellationToken))
                    {
                        velden[naam] = ["Dit veld ontbreekt. Een wijziging vervangt het geheel: noem elk veld, en geef null om het leeg te maken."];
                    }
                }

                var field = string.IsNullOrEmpty(json.Path) ? "$" : json.Path.TrimStart('$', '.');
                if (velden.Count == 0 || field != "")
                {
                    velden.TryAdd(field == "" ? "$" : field, ["Deze waarde heeft niet de juiste vorm of is geen toegestane code."]);
                }

                problem = new HttpValidationProblemDetails(velden)
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Een of meer velden zijn ongeldig.",
                };
                problem.Extensions["code"] = PlatformErrors.Validation;
                break;
            case BadHttpRequestException bad:
                problem = new ProblemDetails { Status = bad.StatusCode, Title = "Het verzoek kon niet worden gelezen." };
                problem.Extensions["code"] = PlatformErrors.BadRequest;
                break;
            case var _ when Data.DatabaseStoring.IsTijdelijk(exception):
                // Met only when the fault outlasted the repeats of Http.DatabaseHerstel, or a write could not be repeated safely.
                logger.LogWarning(exception, "Database unavailable");
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "De database is even niet bereikbaar. Probeer het over enkele seconden opnieuw.",
                };
                problem.Extensions["code"] = PlatformErrors.Unavailable;
                break;
            default:
                logger.LogError(exception, "Unhandled exception");
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Title = "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
                };
                problem.Extensions["code"] = PlatformErrors.Unexpected;
                break;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (httpContext.Response.StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            // Every refusal for want of capacity, the database's or the instance's, tells the client when to come back.
            httpContext.Response.Headers.RetryAfter = "5";
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}
