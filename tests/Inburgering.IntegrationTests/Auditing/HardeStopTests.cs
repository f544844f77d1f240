using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Hosting;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Auditing.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.IntegrationTests.Auditing;

/// <summary>
/// A web process and a worker process killed with SIGKILL while reads and writes run, then started again: every
/// write the client saw acknowledged and every read it got an answer to has its processing-log entry, found by the
/// trace the client sent, and the chain is intact.
/// </summary>
public sealed class HardeStopTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly TimeSpan Geduld = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Every_acknowledged_write_and_answered_read_survives_a_sigkill_of_web_and_worker_in_the_log()
    {
        var omgeving = MeerdereInstantiesFixture.Omgeving(app.Database, app.Mail.Port);
        var web = MeerdereInstantiesFixture.Start(omgeving, "--role", "web");
        var worker = MeerdereInstantiesFixture.Start(omgeving, "--role", "worker");
        try
        {
            var adres = new Uri(await web.WaitForUrlAsync(Geduld));
            await worker.WaitForUrlAsync(Geduld);
            var kr = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
            var vandaag = Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock);
            var dossiers = new List<Guid>();
            for (var i = 0; i < 6; i++)
            {
                dossiers.Add((await kr.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), vandaag.AddDays(-50)))).Verwacht(System.Net.HttpStatusCode.Created).Id);
            }

            using var http = MeerdereInstantiesFixture.Browser();
            http.Timeout = TimeSpan.FromSeconds(10);
            var token = await TokenAsync(http, adres);
            var bevestigd = new ConcurrentBag<(string Trace, Guid Dossier, string Handeling)>();
            var fases = new[] { 0, 0 };

            async Task BelastAsync(int werker, int fase)
            {
                for (var n = 0; n < 60; n++)
                {
                    var dossier = dossiers[(werker + n) % dossiers.Count];
                    var schrijven = n % 3 == 0;
                    var trace = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
                    using var verzoek = new HttpRequestMessage(schrijven ? HttpMethod.Patch : HttpMethod.Get, new Uri(Volatile.Read(ref adres), $"/api/v1/dossiers/{dossier}"));
                    verzoek.Headers.Authorization = new("Bearer", token);
                    verzoek.Headers.Add("traceparent", $"00-{trace}-00f067aa0ba902b7-01");
                    if (schrijven)
                    {
                        verzoek.Headers.TryAddWithoutValidation("If-Match", "*");
                        verzoek.Content = JsonContent.Create(new { landVanHerkomst = n % 2 == 0 ? "Syrië" : "Eritrea" });
                    }

                    try
                    {
                        using var antwoord = await http.SendAsync(verzoek);
                        if (antwoord.IsSuccessStatusCode)
                        {
                            bevestigd.Add((trace, dossier, schrijven ? "schrijven" : "lezen"));
                            Interlocked.Increment(ref fases[fase]);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // Not acknowledged: the process died under it. Nothing is promised for it.
                    }
                    catch (TaskCanceledException)
                    {
                    }
                }
            }

            // Load, and once it runs, kill both processes without warning while requests are in flight.
            var voor = Enumerable.Range(0, 4).Select(w => BelastAsync(w, 0)).ToList();
            for (var wacht = 0; wacht < 300 && Volatile.Read(ref fases[0]) < 40; wacht++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }

            await web.DisposeAsync();
            await worker.DisposeAsync();
            await Task.WhenAll(voor);

            web = MeerdereInstantiesFixture.Start(omgeving, "--role", "web");
            worker = MeerdereInstantiesFixture.Start(omgeving, "--role", "worker");
            Volatile.Write(ref adres, new Uri(await web.WaitForUrlAsync(Geduld)));
            await worker.WaitForUrlAsync(Geduld);
            await Task.WhenAll(Enumerable.Range(0, 4).Select(w => BelastAsync(w, 1)));

            Assert.True(fases[0] > 0 && fases[1] > 0, $"acknowledged before the kill: {fases[0]}, after the restart: {fases[1]}");
            var gelogd = (await AppFixture.ScalarAsync<string>(app.Database.Admin,
                    $"SELECT coalesce(string_agg(trace_id || ':' || dossier_id || ':' || handeling, ','), '') FROM auditing.logboek WHERE tenant_id = '{AppFixture.TenantA}' AND trace_id IS NOT NULL"))
                .Split(',').ToHashSet(StringComparer.Ordinal);
            var ontbreekt = bevestigd.Where(b => !gelogd.Contains($"{b.Trace}:{b.Dossier}:{b.Handeling}")).ToList();
            Assert.True(ontbreekt.Count == 0, $"{ontbreekt.Count} of {bevestigd.Count} acknowledged requests have no log entry, e.g. {ontbreekt.FirstOrDefault()}");
            Assert.True((await app.Services.GetRequiredService<ILogboekControleur>().ControleerAsync(AppFixture.TenantA, CancellationToken.None)).Intact);
        }
        finally
        {
            await web.DisposeAsync();
            await worker.DisposeAsync();
        }
    }

    private async Task<string> TokenAsync(HttpClient http, Uri instantie)
    {
        ClientAangemaakt client;
        await using (var scope = app.TenantScope.EnterHost())
        {
            client = await scope.ServiceProvider.GetRequiredService<IClientAdministration>().RegisterAsync(new ClientRegistratie(
                "koppeling-" + Guid.NewGuid().ToString("N")[..10], "Testkoppeling", "koppeling", AppFixture.TenantA, [Roles.Klantregisseur], null, null), CancellationToken.None);
        }

        var antwoord = await http.PostAsync(new Uri(instantie, "/connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = client.Client.ClientId, ["client_secret"] = client.Secret!, ["scope"] = "inburgering",
        }));
        antwoord.EnsureSuccessStatusCode();
        return (await antwoord.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }
}
