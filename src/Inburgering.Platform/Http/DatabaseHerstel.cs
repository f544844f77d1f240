using System.Diagnostics;
using Inburgering.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inburgering.Platform.Http;

/// <summary>
/// Runs a request again when it met a passing database fault (a restart, a pause, terminated sessions) before its
/// answer started: the person sees a slower answer instead of an error. A read always runs again; a write only when
/// its attempt sent no commit and no write outside a transaction, so a repeat can never store it twice. Each attempt
/// gets a fresh service scope; the body is buffered to be read again. After <see cref="DatabaseStoring.Geduld"/> the fault
/// reaches the problem details handler (503).
/// </summary>
internal sealed class DatabaseHerstel(RequestDelegate next, DatabaseConnections connections, IServiceScopeFactory scopes, ILogger<DatabaseHerstel> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            context.Request.EnableBuffering();
        }

        var kop = context.Response.Headers.ToDictionary(h => h.Key, h => h.Value);
        var begin = Stopwatch.GetTimestamp();
        var wacht = DatabaseStoring.EersteWacht;
        var eigenDiensten = context.RequestServices;
        AsyncServiceScope? scope = null;
        try
        {
            for (var poging = 1; ; poging++)
            {
                var staat = DatabasePoging.Begin();
                var verbindingVerloren = false;
                try
                {
                    await next(context);
                    return;
                }
                catch (Exception fout) when (MagOpnieuw(context, fout, staat, begin))
                {
                    logger.LogWarning("Database fault on attempt {Poging} of {Method} {Path}; running it again in {Wacht} ms: {Fout}",
                        poging, context.Request.Method, context.Request.Path, wacht.TotalMilliseconds, fout.GetBaseException().Message);
                    verbindingVerloren = DatabaseStoring.IsVerbindingVerloren(fout);
                }

                if (verbindingVerloren)
                {
                    connections.LeegPools();
                }
                await Task.Delay(wacht, context.RequestAborted);
                wacht = DatabaseStoring.VolgendeWacht(wacht);
                if (context.Request.Body.CanSeek)
                {
                    context.Request.Body.Position = 0;
                }

                context.Response.Headers.Clear();
                foreach (var (naam, waarde) in kop)
                {
                    context.Response.Headers[naam] = waarde;
                }

                context.Response.StatusCode = StatusCodes.Status200OK;
                if (scope is { } vorige)
                {
                    await vorige.DisposeAsync();
                }

                scope = scopes.CreateAsyncScope();
                context.RequestServices = scope.Value.ServiceProvider;
            }
        }
        finally
        {
            context.RequestServices = eigenDiensten;
            if (scope is { } laatste)
            {
                await laatste.DisposeAsync();
            }
        }
    }

    private static bool MagOpnieuw(HttpContext context, Exception fout, DatabasePoging staat, long begin) =>
        DatabaseStoring.IsTijdelijk(fout)
        && !context.Response.HasStarted
        && !context.RequestAborted.IsCancellationRequested
        && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || !staat.Onzeker)
        && Stopwatch.GetElapsedTime(begin) < DatabaseStoring.Geduld;
}

public static class DatabaseHerstelSetup
{
    public static IApplicationBuilder UseDatabaseHerstel(this IApplicationBuilder app) => app.UseMiddleware<DatabaseHerstel>();
}
