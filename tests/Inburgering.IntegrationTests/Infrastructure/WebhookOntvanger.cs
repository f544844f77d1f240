using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Inburgering.IntegrationTests.Infrastructure;

/// <summary>
/// A receiving system as a gemeente would run one: it checks every message's Standard Webhooks signature with the
/// secret it was given, keeps the CloudEvents it accepted, and can be told to fail a number of times first.
/// </summary>
public sealed class WebhookOntvanger : IAsyncDisposable
{
    private WebApplication _app = null!;
    private int _nogTeWeigeren;

    public Uri Adres { get; private set; } = null!;

    /// <summary>The secret(s) it accepts a signature of.</summary>
    public List<string> Geheimen { get; } = [];

    /// <summary>Every message it accepted (answered 2xx), in order of arrival.</summary>
    public ConcurrentQueue<(JsonObject Event, string Body)> Ontvangen { get; } = new();

    public int Geweigerd => _geweigerd;

    public int OngeldigeHandtekeningen => _ongeldig;

    private int _geweigerd;
    private int _ongeldig;

    /// <summary>Fail the next <paramref name="aantal"/> messages with 503.</summary>
    public void Weiger(int aantal) => Volatile.Write(ref _nogTeWeigeren, aantal);

    public static async Task<WebhookOntvanger> StartAsync()
    {
        var ontvanger = new WebhookOntvanger();
        (ontvanger._app, var basis) = await LokaleServer.StartAsync(app => app.MapPost("/inburgering/events", (Delegate)ontvanger.OntvangAsync));
        ontvanger.Adres = new Uri(basis, "/inburgering/events");
        return ontvanger;
    }

    private async Task<IResult> OntvangAsync(HttpContext http)
    {
        using var lezer = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await lezer.ReadToEndAsync();
        var id = http.Request.Headers["webhook-id"].ToString();
        var tijd = http.Request.Headers["webhook-timestamp"].ToString();
        var handtekeningen = http.Request.Headers["webhook-signature"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var geldig = Geheimen.Any(g =>
        {
            var verwacht = "v1," + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(g["whsec_".Length..]), Encoding.UTF8.GetBytes($"{id}.{tijd}.{body}")));
            return handtekeningen.Any(h => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(h), Encoding.ASCII.GetBytes(verwacht)));
        });
        if (!geldig || http.Request.ContentType?.StartsWith("application/cloudevents+json", StringComparison.Ordinal) != true)
        {
            Interlocked.Increment(ref _ongeldig);
            return Results.StatusCode(401);
        }

        if (Interlocked.Decrement(ref _nogTeWeigeren) >= 0)
        {
            Interlocked.Increment(ref _geweigerd);
            return Results.StatusCode(503);
        }

        Ontvangen.Enqueue((JsonNode.Parse(body)!.AsObject(), body));
        return Results.NoContent();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
