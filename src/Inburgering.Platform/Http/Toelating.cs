using System.Threading.RateLimiting;
using Inburgering.Platform.Data;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inburgering.Platform.Http;

/// <summary>
/// Admits as many requests at once as the instance can work on; the others wait before they are signed in and before
/// their endpoint builds database contexts and buffers. Without it a 20-second database pause left a thousand requests
/// per instance holding all of that, which then died in gen2 and kept the instance's memory high long after (ADR 0019).
/// The newest waiting request goes first: after a fault the backlog is worked off in the capacity that new requests
/// leave, instead of making every new request wait behind it for half a minute; a person whose request came during the
/// fault waits longer, and a client that gave up on its request meanwhile costs nothing. A full queue refuses its
/// oldest request with 503 (the exception handler adds Retry-After, as to every 503). Probes and metrics are never
/// queued: they must answer while the instance is busy.
/// </summary>
internal sealed class Toelating(RequestDelegate next, ToelatingsRij rij)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/metrics"))
        {
            await next(context);
            return;
        }

        using var lease = await rij.Limiter.AcquireAsync(1, context.RequestAborted);
        if (!lease.IsAcquired)
        {
            throw new DomainException(PlatformErrors.Unavailable, "Het is nu te druk om uw verzoek te behandelen. Probeer het over enkele seconden opnieuw.",
                StatusCodes.Status503ServiceUnavailable);
        }

        await next(context);
    }
}

/// <summary>
/// The one queue of an instance. <c>Toelating:Gelijktijdig</c> sets how many requests run at once; by default eight per
/// core, and never more than the app connection string's Maximum Pool Size. More would not finish sooner: they share
/// the same cores, and while a backlog drains every running request takes as many times longer as there are others, so
/// the newest request would still wait behind all of them. <c>Toelating:Wachtrij</c> sets how many may wait (default
/// 5,000, about a minute of an instance's peak load).
/// </summary>
internal sealed class ToelatingsRij : IDisposable
{
    public const int StandaardWachtrij = 5_000;

    public const int PerKern = 8;

    public ToelatingsRij(IConfiguration configuration, DatabaseConnections connections)
    {
        var pool = connections.App is { } app ? new NpgsqlConnectionStringBuilder(app).MaxPoolSize : 100;
        var gelijktijdig = configuration.GetValue<int?>("Toelating:Gelijktijdig") ?? Math.Min(pool, PerKern * Environment.ProcessorCount);
        Gelijktijdig = Math.Max(1, gelijktijdig);
        Wachtrij = Math.Max(0, configuration.GetValue("Toelating:Wachtrij", StandaardWachtrij));
        Limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Gelijktijdig, QueueLimit = Wachtrij, QueueProcessingOrder = QueueProcessingOrder.NewestFirst,
        });
    }

    public int Gelijktijdig { get; }

    public int Wachtrij { get; }

    public ConcurrencyLimiter Limiter { get; }

    public void Dispose() => Limiter.Dispose();
}

public static class ToelatingSetup
{
    public static IServiceCollection AddToelating(this IServiceCollection services) => services.AddSingleton<ToelatingsRij>();

    public static IApplicationBuilder UseToelating(this IApplicationBuilder app) => app.UseMiddleware<Toelating>();
}
