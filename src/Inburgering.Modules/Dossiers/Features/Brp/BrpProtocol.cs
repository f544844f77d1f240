using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Inburgering.Modules.Dossiers.Features.Brp;

/// <summary>Configuration section <c>Brp</c>: how long the product waits for a gemeente's BRP, and which hosts may be reached without TLS.</summary>
internal sealed class BrpOpties
{
    public const string Section = "Brp";

    /// <summary>One attempt; a BRP that does not answer within it counts as a failure.</summary>
    public TimeSpan PogingTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>All attempts together: the page never waits longer.</summary>
    public TimeSpan TotaleTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public int Herhalingen { get; set; } = 2;

    /// <summary>After repeated failures no request is sent for this long (circuit breaker per gemeente).</summary>
    public TimeSpan Onderbreking { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Hosts the operator trusts without TLS (an internal gateway); every other endpoint must be https.</summary>
    public string[] VertrouwdeServers { get; set; } = [];
}

/// <summary>A gemeente's connection as the client needs it; the secrets decrypted only for the call.</summary>
internal sealed record BrpVerbinding(Guid Gemeente, DateTimeOffset Versie, Uri Basis, string? ApiSleutel, Func<X509Certificate2?> Certificaat);

/// <summary>The BRP refused or failed the request: its problem details' code and title, or the kind of failure.</summary>
internal sealed class BrpFout(int? status, string code, string bericht) : Exception(bericht)
{
    public int? Status { get; } = status;

    public string Code { get; } = code;
}

/// <summary>
/// The client side of Haal Centraal BRP Personen Bevragen v2: <c>POST {basis}/personen</c> with a query type, its
/// parameters and the <c>fields</c> it needs, an API key in <c>X-API-KEY</c> and/or a client certificate. One HTTP client
/// per gemeente, with retries, a circuit breaker and bounded timeouts from Microsoft.Extensions.Http.Resilience, so one
/// gemeente's failing BRP never holds up another's.
/// </summary>
internal sealed class BrpProtocol(IOptions<BrpOpties> opties) : IDisposable
{
    public static readonly string[] PersoonVelden =
        ["burgerservicenummer", "naam", "geboorte", "geslacht", "nationaliteiten", "gemeenteVanInschrijving", "datumInschrijvingInGemeente", "adressering"];

    public static readonly string[] ZoekVelden = ["burgerservicenummer", "naam", "geboorte", "adressering"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<Guid, (DateTimeOffset Versie, HttpClient Client)> _clients = new();

    public Task<IReadOnlyList<BrpPersoon>> RaadpleegAsync(BrpVerbinding verbinding, string bsn, CancellationToken ct) =>
        VraagAsync(verbinding, new Dictionary<string, object>
        {
            ["type"] = "RaadpleegMetBurgerservicenummer", ["burgerservicenummer"] = new[] { bsn }, ["fields"] = PersoonVelden,
        }, ct);

    public Task<IReadOnlyList<BrpPersoon>> ZoekAsync(BrpVerbinding verbinding, string geslachtsnaam, DateOnly geboortedatum, string? voornamen, CancellationToken ct)
    {
        var vraag = new Dictionary<string, object>
        {
            ["type"] = "ZoekMetGeslachtsnaamEnGeboortedatum", ["geslachtsnaam"] = geslachtsnaam,
            ["geboortedatum"] = geboortedatum.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["fields"] = ZoekVelden,
        };
        if (voornamen is not null)
        {
            vraag["voornamen"] = voornamen;
        }

        return VraagAsync(verbinding, vraag, ct);
    }

    private async Task<IReadOnlyList<BrpPersoon>> VraagAsync(BrpVerbinding verbinding, Dictionary<string, object> vraag, CancellationToken ct)
    {
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, new Uri(verbinding.Basis.AbsoluteUri.TrimEnd('/') + "/personen"))
        {
            Content = JsonContent.Create(vraag, options: Json),
        };
        verzoek.Headers.Accept.ParseAdd("application/json");
        if (verbinding.ApiSleutel is { } sleutel)
        {
            verzoek.Headers.Add("X-API-KEY", sleutel);
        }

        HttpResponseMessage antwoord;
        try
        {
            antwoord = await Client(verbinding).SendAsync(verzoek, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && (ex is HttpRequestException or TaskCanceledException || ex.GetType().Assembly == typeof(ResiliencePipeline).Assembly))
        {
            // A rejection by the pipeline itself: the attempt or total timeout, or the breaker open after repeated failures.
            throw new BrpFout(null, ex is HttpRequestException ? "onbereikbaar" : ex.GetType().Name.Contains("Circuit", StringComparison.Ordinal) ? "onderbroken" : "timeout", ex.Message);
        }

        using (antwoord)
        {
            if (!antwoord.IsSuccessStatusCode)
            {
                var probleem = await LeesProbleemAsync(antwoord, ct);
                throw new BrpFout((int)antwoord.StatusCode, probleem.Code ?? ((int)antwoord.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    probleem.Title ?? antwoord.ReasonPhrase ?? "De BRP weigerde de vraag.");
            }

            var inhoud = await antwoord.Content.ReadFromJsonAsync<BrpAntwoord>(Json, ct);
            return inhoud?.Personen ?? [];
        }
    }

    private static async Task<BrpProbleem> LeesProbleemAsync(HttpResponseMessage antwoord, CancellationToken ct)
    {
        try
        {
            return await antwoord.Content.ReadFromJsonAsync<BrpProbleem>(Json, ct) ?? new BrpProbleem(null, null, null);
        }
        catch (JsonException)
        {
            return new BrpProbleem(null, null, null);
        }
    }

    private HttpClient Client(BrpVerbinding verbinding)
    {
        if (_clients.TryGetValue(verbinding.Gemeente, out var bekend) && bekend.Versie == verbinding.Versie)
        {
            return bekend.Client;
        }

        var o = opties.Value;
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = o.PogingTimeout };
        if (verbinding.Certificaat() is { } certificaat)
        {
            handler.SslOptions.ClientCertificates = [certificaat];
        }

        // Outer to inner: a bound on everything, retries of transient failures (5xx, 408, 429, timeouts), a breaker that
        // stops calling a BRP that keeps failing, and a bound per attempt.
        var pijplijn = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(o.TotaleTimeout)
            .AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = Math.Max(o.Herhalingen, 1), Delay = TimeSpan.FromMilliseconds(200), BackoffType = DelayBackoffType.Exponential, UseJitter = true })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions { FailureRatio = 0.5, MinimumThroughput = 4, SamplingDuration = TimeSpan.FromSeconds(30), BreakDuration = o.Onderbreking })
            .AddTimeout(o.PogingTimeout)
            .Build();
        var client = new HttpClient(new ResilienceHandler(pijplijn) { InnerHandler = handler }) { Timeout = o.TotaleTimeout + TimeSpan.FromSeconds(5) };
        _clients[verbinding.Gemeente] = (verbinding.Versie, client);
        if (bekend.Client is { } oud)
        {
            // A request in flight on the old connection keeps it until it ends.
            _ = Task.Delay(o.TotaleTimeout * 2).ContinueWith(_ => oud.Dispose(), TaskScheduler.Default);
        }

        return client;
    }

    public void Dispose()
    {
        foreach (var (_, (_, client)) in _clients)
        {
            client.Dispose();
        }
    }
}

internal sealed record BrpProbleem(string? Code, string? Title, int? Status);

internal sealed record BrpAntwoord(string? Type, List<BrpPersoon>? Personen);

internal sealed record BrpPersoon(
    string? Burgerservicenummer, BrpNaam? Naam, BrpGeboorte? Geboorte, BrpWaarde? Geslacht, List<BrpNationaliteit>? Nationaliteiten,
    BrpWaarde? GemeenteVanInschrijving, BrpDatum? DatumInschrijvingInGemeente, BrpAdressering? Adressering, BrpPersoonInOnderzoek? InOnderzoek);

internal sealed record BrpNaam(string? Voornamen, string? Voorvoegsel, string? Geslachtsnaam, string? VolledigeNaam, BrpNaamInOnderzoek? InOnderzoek)
{
    public string? Achternaam => Geslachtsnaam is null ? null : string.IsNullOrWhiteSpace(Voorvoegsel) ? Geslachtsnaam : $"{Voorvoegsel} {Geslachtsnaam}";
}

internal sealed record BrpNaamInOnderzoek(bool? Voornamen, bool? Voorvoegsel, bool? Geslachtsnaam);

internal sealed record BrpGeboorte(BrpDatum? Datum, BrpGeboorteInOnderzoek? InOnderzoek);

internal sealed record BrpGeboorteInOnderzoek(bool? Datum);

/// <summary>A BRP date: only <c>type: Datum</c> is a whole date; a year, a year and month or an unknown date is not one.</summary>
internal sealed record BrpDatum(string? Type, DateOnly? Datum, string? LangFormaat)
{
    public DateOnly? Volledig => Type == "Datum" ? Datum : null;
}

internal sealed record BrpWaarde(string? Code, string? Omschrijving);

internal sealed record BrpNationaliteit(string? Type, BrpWaarde? Nationaliteit, BrpNationaliteitInOnderzoek? InOnderzoek);

internal sealed record BrpNationaliteitInOnderzoek(bool? Nationaliteit);

internal sealed record BrpAdressering(string? Adresregel1, string? Adresregel2);

internal sealed record BrpPersoonInOnderzoek(bool? Burgerservicenummer, bool? Geslacht, bool? DatumInschrijvingInGemeente, bool? GemeenteVanInschrijving);
