using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inburgering.Modules.Dossiers.Data.Sql;
using Inburgering.Platform.Data;
using Inburgering.Platform.Http;
using Inburgering.Platform.Jobs;
using Inburgering.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inburgering.Modules.Dossiers.Features.Webhooks;

/// <summary>
/// The webhook relay of the worker role. It moves the outbox's events to a delivery per subscription inside each
/// gemeente, then delivers the due ones as CloudEvents 1.0 (structured JSON, NL GOV profile attributes), signed per
/// Standard Webhooks (<c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature: v1,…</c> for every signing
/// secret). A failure waits twice as long as the one before; after the last try the delivery is dead-lettered. A
/// dossier's events reach a receiver in order: the next waits until the one before it is delivered or given up.
/// Delivery is at least once (a crash between the receiver's answer and its recording repeats it): receivers
/// recognise a repeat by its <c>id</c>.
/// </summary>
internal sealed class WebhookRelay(
    DatabaseConnections connections, TenantScope scopes, ProcessRole role, TimeProvider time, PublicSite site, IOptions<WebhookOpties> opties, ILogger<WebhookRelay> logger,
    DatabaseWekker wekker)
    : PollendeDienst(role, logger, wekker)
{
    public const string WekKanaal = "inburgering_gebeurtenis_uitgang";

    protected override string? Kanaal => WekKanaal;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private HttpClient? _http;

    protected override bool Actief => opties.Value.Relay;

    protected override TimeSpan Interval => opties.Value.Interval;

    protected override Task<int> RondeAsync(CancellationToken ct)
    {
        _http ??= new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectCallback = VerbindAsync, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        {
            Timeout = opties.Value.Timeout,
        };
        return connections.IsConfigured ? RondeMetClientAsync(ct) : Task.FromResult(0);
    }

    public override void Dispose()
    {
        _http?.Dispose();
        base.Dispose();
    }

    /// <summary>One round: fan out, then deliver what is due.</summary>
    private async Task<int> RondeMetClientAsync(CancellationToken ct)
    {
        var gedaan = 0;
        await using (var connection = await connections.AppDataSource.OpenConnectionAsync(ct))
        {
            foreach (var gemeente in await WebhookSql.GemeentenMetUitgangAsync(connection, ct))
            {
                await using var transaction = await connection.BeginTransactionAsync(ct);
                gedaan += await WebhookSql.VerdeelAsync(connection, transaction, gemeente, time.GetUtcNow(), 500, ct);
                await transaction.CommitAsync(ct);
            }
        }

        List<TeBezorgen> rijen;
        await using (var connection = await connections.AppDataSource.OpenConnectionAsync(ct))
        {
            var nu = time.GetUtcNow();
            rijen = await WebhookSql.ClaimAsync(connection, nu, nu + opties.Value.Timeout + TimeSpan.FromSeconds(30), 50, ct);
        }

        foreach (var gemeente in rijen.GroupBy(r => r.Gemeente))
        {
            var abonnementen = new Dictionary<Guid, (string Url, IReadOnlyList<string> Geheimen)?>();
            await scopes.RunAsync(gemeente.Key, async scope =>
            {
                var beheer = scope.GetRequiredService<WebhookBeheer>();
                foreach (var id in gemeente.Select(r => r.Abonnement).Distinct())
                {
                    abonnementen[id] = await beheer.VoorAfleveringAsync(id, ct);
                }
            });
            await Task.WhenAll(gemeente.GroupBy(r => (r.Abonnement, r.DossierId)).Select(async keten =>
            {
                foreach (var rij in keten.OrderBy(r => r.Volgnummer))
                {
                    await BezorgAsync(rij, abonnementen[rij.Abonnement], ct);
                }
            }));
        }

        return gedaan + rijen.Count;
    }

    private async Task BezorgAsync(TeBezorgen rij, (string Url, IReadOnlyList<string> Geheimen)? abonnement, CancellationToken ct)
    {
        bool gelukt;
        int? status = null;
        string? fout = null;
        if (abonnement is not { } a)
        {
            (gelukt, fout) = (false, "Het abonnement bestaat niet meer of staat uit.");
        }
        else
        {
            var tijdstempel = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var body = CloudEvent(rij);
            using var verzoek = new HttpRequestMessage(HttpMethod.Post, a.Url) { Content = new StringContent(body, Encoding.UTF8, "application/cloudevents+json") };
            verzoek.Headers.Add("webhook-id", rij.EventId.ToString());
            verzoek.Headers.Add("webhook-timestamp", tijdstempel);
            verzoek.Headers.Add("webhook-signature", string.Join(' ', a.Geheimen.Select(g => "v1," + Handtekening(g, rij.EventId, tijdstempel, body))));
            try
            {
                using var antwoord = await _http!.SendAsync(verzoek, ct);
                status = (int)antwoord.StatusCode;
                gelukt = antwoord.IsSuccessStatusCode;
                fout = gelukt ? null : $"De ontvanger antwoordde {status}.";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                (gelukt, fout) = (false, ex is TaskCanceledException ? "De ontvanger antwoordde niet op tijd." : $"De ontvanger is niet bereikbaar: {ex.Message}");
            }
        }

        var o = opties.Value;
        var wacht = TimeSpan.FromTicks(Math.Min(o.MaxWachttijd.Ticks, o.EersteWachttijd.Ticks * (1L << Math.Min(rij.Pogingen, 20))));
        var nu = time.GetUtcNow();
        await using var connection = await connections.AppDataSource.OpenConnectionAsync(ct);
        await WebhookSql.UitkomstAsync(connection, rij.Id, gelukt, status, fout, nu, nu + wacht, o.MaxPogingen, ct);
        if (!gelukt)
        {
            logger.LogInformation("Webhook delivery {Delivery} of {Type} failed (try {Try}): {Reason}", rij.Id, rij.Soort, rij.Pogingen + 1, fout);
        }
    }

    /// <summary>CloudEvents 1.0, structured JSON, with the NL GOV profile's dataref and sequence: ids and types, never personal data.</summary>
    private string CloudEvent(TeBezorgen rij) => new JsonObject
    {
        ["specversion"] = "1.0",
        ["type"] = rij.Soort,
        ["source"] = new Uri(site.Adres, $"api/v1/gemeenten/{rij.Gemeente}").AbsoluteUri,
        ["id"] = rij.EventId.ToString(),
        ["time"] = rij.Tijdstip.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["subject"] = rij.DossierId.ToString(),
        ["datacontenttype"] = "application/json",
        ["dataref"] = new Uri(site.Adres, $"api/v1/dossiers/{rij.DossierId}").AbsoluteUri,
        ["sequence"] = rij.Volgnummer.ToString("D20", CultureInfo.InvariantCulture),
        ["sequencetype"] = "Integer",
        ["data"] = JsonNode.Parse(rij.Gegevens),
    }.ToJsonString(Json);

    internal static string Handtekening(string geheim, Guid id, string tijdstempel, string body)
    {
        var sleutel = Convert.FromBase64String(geheim.StartsWith("whsec_", StringComparison.Ordinal) ? geheim["whsec_".Length..] : geheim);
        return Convert.ToBase64String(HMACSHA256.HashData(sleutel, Encoding.UTF8.GetBytes($"{id}.{tijdstempel}.{body}")));
    }

    /// <summary>Connects only to public addresses, checked on the addresses actually dialled, unless the operator trusts the host.</summary>
    private async ValueTask<Stream> VerbindAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var vertrouwd = opties.Value.VertrouwdeOntvangers.Contains(host, StringComparer.OrdinalIgnoreCase);
        var adressen = IPAddress.TryParse(host, out var ip) ? [ip] : await Dns.GetHostAddressesAsync(host, ct);
        if (adressen.Length == 0 || (!vertrouwd && !adressen.All(Platform.Mail.Mailserverkeuze.IsPubliek)))
        {
            throw new HttpRequestException($"De ontvanger {host} heeft geen publiek adres.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(adressen, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
