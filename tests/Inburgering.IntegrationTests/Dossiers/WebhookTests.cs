using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Hosting;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>
/// Events for other systems, delivered by a worker process: a receiver of our own checks each signature and gets every
/// event exactly once, in order per dossier, through a restart of the worker and three refusals; no payload holds a name
/// or BSN; a delivery that keeps failing is dead-lettered and goes out again when the beheerder asks.
/// </summary>
public sealed class WebhookTests(WebhookTests.RelayOpEigenWerker app) : IClassFixture<WebhookTests.RelayOpEigenWerker>
{
    private static readonly TimeSpan Geduld = TimeSpan.FromMinutes(3);

    /// <summary>The in-process host does not deliver: the worker process this test starts and restarts does.</summary>
    public sealed class RelayOpEigenWerker : AppFixture
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
        {
            ["Webhooks:Relay"] = "false", ["Webhooks:VertrouwdeOntvangers:0"] = "127.0.0.1",
        };
    }

    private AppProcess StartWorker(int maxPogingen = 8)
    {
        var omgeving = MeerdereInstantiesFixture.Omgeving(app.Database, app.Mail.Port);
        omgeving["Webhooks__VertrouwdeOntvangers__0"] = "127.0.0.1";
        omgeving["PublicUrl"] = AppFixture.PublicUrl;
        omgeving["Webhooks__Interval"] = "00:00:00.200";
        omgeving["Webhooks__EersteWachttijd"] = "00:00:00.200";
        omgeving["Webhooks__MaxPogingen"] = maxPogingen.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return MeerdereInstantiesFixture.Start(omgeving, "--role", "worker");
    }

    [Fact]
    public async Task A_receiver_gets_every_event_exactly_once_in_order_per_dossier_through_a_worker_restart_and_three_refusals()
    {
        await using var ontvanger = await WebhookOntvanger.StartAsync();
        var fb = (await app.DossierApiAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder)).Client;
        var gemaakt = await (await fb.PostAsJsonAsync("/api/v1/webhooks", new
        {
            naam = "Zaaksysteem", url = ontvanger.Adres.AbsoluteUri, soorten = new[]
            {
                "nl.inburgering.dossier.aangemaakt", "nl.inburgering.mijlpaal.vastgelegd", "nl.inburgering.dossier.afgesloten",
                "nl.inburgering.signaal.opgekomen", "nl.inburgering.signaal.opgelost",
            },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var abonnement = gemaakt.GetProperty("webhook").GetProperty("id").GetGuid();
        ontvanger.Geheimen.Add(gemaakt.GetProperty("geheim").GetString()!);
        ontvanger.Weiger(3);

        var worker = StartWorker();
        var kr = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var vandaag = Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock);
        var bsn = DossierApi.UniekBsn();
        try
        {
            await worker.WaitForUrlAsync(Geduld);
            var a = (await kr.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), vandaag.AddDays(-30), bsn, achternaam: "Webhookhaddad"))).Verwacht(HttpStatusCode.Created).Id;
            var b = (await kr.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), vandaag.AddDays(-30), achternaam: "Webhooktesfay"))).Verwacht(HttpStatusCode.Created).Id;
            (await kr.ZetAsync(a, "kennismakingsgesprek", new { gehouden = vandaag.AddDays(-20), locatie = "azc" })).Verwacht(HttpStatusCode.OK);

            // The worker stops (a deploy) while events wait; what happens meanwhile waits in the outbox.
            await worker.InterruptAsync(TimeSpan.FromSeconds(30));
            (await kr.ZetAsync(a, "scenario", new { scenario = 1, besluitdatum = vandaag.AddDays(-20) })).Verwacht(HttpStatusCode.OK);
            (await kr.ZetAsync(b, "afsluiting", new { reden = "vertrokken", datum = vandaag.AddDays(-1) }, HttpMethod.Post)).Verwacht(HttpStatusCode.OK);
            worker = StartWorker();
            await worker.WaitForUrlAsync(Geduld);

            long open = -1;
            await Peilen.TotAsync(async () =>
            {
                open = await AppFixture.ScalarAsync<long>(app.Database.Admin,
                    $"SELECT (SELECT count(*) FROM dossiers.gebeurtenis_uitgang) + (SELECT count(*) FROM dossiers.signaal_wachtrij) + (SELECT count(*) FROM dossiers.webhook_afleveringen WHERE abonnement_id = '{abonnement}' AND status <> 'afgeleverd')");
                return open == 0 && ontvanger.Ontvangen.Count >= 5;
            }, keer: 360, tussenpozeMs: 500);

            var afleveringen = await AppFixture.ScalarAsync<long>(app.Database.Admin, $"SELECT count(*) FROM dossiers.webhook_afleveringen WHERE abonnement_id = '{abonnement}'");
            var ontvangen = ontvanger.Ontvangen.ToList();
            Assert.Equal(0L, open);
            Assert.Equal(3, ontvanger.Geweigerd);
            Assert.Equal(0, ontvanger.OngeldigeHandtekeningen);
            Assert.Equal(afleveringen, (long)ontvangen.Count);
            Assert.Equal(ontvangen.Count, ontvangen.Select(o => o.Event["id"]!.GetValue<string>()).Distinct().Count());

            // CloudEvents 1.0 with ids and types only: the receiver reads the person with its own token (dataref).
            Assert.All(ontvangen, o =>
            {
                Assert.Equal("1.0", o.Event["specversion"]!.GetValue<string>());
                Assert.Equal(AppFixture.PublicUrl + $"api/v1/dossiers/{o.Event["subject"]!.GetValue<string>()}", o.Event["dataref"]!.GetValue<string>());
                Assert.DoesNotContain("Webhook", o.Body, StringComparison.Ordinal);
                Assert.DoesNotContain("Amal", o.Body, StringComparison.Ordinal);
                Assert.DoesNotContain(bsn, o.Body, StringComparison.Ordinal);
            });

            // In order per dossier, and each dossier's own story complete.
            foreach (var dossier in ontvangen.GroupBy(o => o.Event["subject"]!.GetValue<string>()))
            {
                var volgorde = dossier.Select(o => o.Event["sequence"]!.GetValue<string>()).ToList();
                Assert.Equal(volgorde.Order(StringComparer.Ordinal), volgorde);
            }

            string[] Verhaal(Guid id) => [.. ontvangen.Where(o => o.Event["subject"]!.GetValue<string>() == id.ToString() && !o.Event["type"]!.GetValue<string>().Contains("signaal", StringComparison.Ordinal))
                .Select(o => o.Event["type"]!.GetValue<string>()["nl.inburgering.".Length..] + (o.Event["data"]?["mijlpaal"]?.GetValue<string>() is { } m ? ":" + m : ""))];
            Assert.Equal(["dossier.aangemaakt", "mijlpaal.vastgelegd:kennismakingsgesprek", "mijlpaal.vastgelegd:scenario"], Verhaal(a));
            Assert.Equal(["dossier.aangemaakt", "dossier.afgesloten"], Verhaal(b));
            Assert.Contains(ontvangen, o => o.Event["type"]!.GetValue<string>() == "nl.inburgering.signaal.opgekomen" && o.Event["subject"]!.GetValue<string>() == a.ToString());
            // Closing b resolved its open signals: each resolution is an event too, after the signal came up.
            var vanB = ontvangen.Where(o => o.Event["subject"]!.GetValue<string>() == b.ToString()).Select(o => o.Event["type"]!.GetValue<string>()).ToList();
            Assert.Contains("nl.inburgering.signaal.opgekomen", vanB);
            Assert.Contains("nl.inburgering.signaal.opgelost", vanB);
            Assert.True(vanB.IndexOf("nl.inburgering.signaal.opgekomen") < vanB.IndexOf("nl.inburgering.signaal.opgelost"));
        }
        finally
        {
            await worker.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_is_dead_lettered_and_sent_again_on_request_signed_with_a_rotated_secret()
    {
        await using var ontvanger = await WebhookOntvanger.StartAsync();
        var fb = (await app.DossierApiAsync(AppFixture.TenantB, Roles.FunctioneelBeheerder)).Client;
        var gemaakt = await (await fb.PostAsJsonAsync("/api/v1/webhooks", new { naam = "Participatie", url = ontvanger.Adres.AbsoluteUri, soorten = new[] { "nl.inburgering.dossier.aangemaakt" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var abonnement = gemaakt.GetProperty("webhook").GetProperty("id").GetGuid();
        ontvanger.Geheimen.Add(gemaakt.GetProperty("geheim").GetString()!);
        ontvanger.Weiger(1000);
        var worker = StartWorker(maxPogingen: 3);
        try
        {
            await worker.WaitForUrlAsync(Geduld);
            var kr = await app.DossierApiAsync(AppFixture.TenantB, Roles.Klantregisseur);
            var id = (await kr.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock).AddDays(-3)))).Verwacht(HttpStatusCode.Created).Id;

            JsonElement dood = default;
            await Peilen.TotAsync(async () =>
            {
                var lijst = await fb.GetFromJsonAsync<JsonElement>("/api/v1/webhooks/afleveringen?status=dood");
                dood = lijst.GetArrayLength() > 0 ? lijst[0] : default;
                return lijst.GetArrayLength() > 0;
            });

            Assert.Equal((id.ToString(), 3), (dood.GetProperty("dossierId").GetString(), dood.GetProperty("pogingen").GetInt32()));
            Assert.Equal(503, dood.GetProperty("laatsteStatus").GetInt32());
            Assert.Empty(ontvanger.Ontvangen);

            // The receiver is repaired and switches to a new secret; the beheerder sends the message again.
            var geroteerd = await (await fb.PostAsync($"/api/v1/webhooks/{abonnement}/geheim", null)).Content.ReadFromJsonAsync<JsonElement>();
            ontvanger.Geheimen.Clear();
            ontvanger.Geheimen.Add(geroteerd.GetProperty("geheim").GetString()!);
            ontvanger.Weiger(0);
            (await Antwoord.VanAsync(await fb.PostAsync($"/api/v1/webhooks/afleveringen/{dood.GetProperty("id").GetInt64()}/opnieuw", null))).Verwacht(HttpStatusCode.OK);
            await Peilen.TotAsync(() => Task.FromResult(!ontvanger.Ontvangen.IsEmpty));

            var (bericht, _) = Assert.Single(ontvanger.Ontvangen);
            Assert.Equal(dood.GetProperty("eventId").GetString(), bericht["id"]!.GetValue<string>());
            Assert.Equal(0, ontvanger.OngeldigeHandtekeningen);

            // Another gemeente sees none of this.
            var almelo = (await app.DossierApiAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder)).Client;
            Assert.DoesNotContain((await almelo.GetFromJsonAsync<JsonElement>("/api/v1/webhooks/afleveringen")).EnumerateArray(), x => x.GetProperty("abonnementId").GetGuid() == abonnement);
            (await Antwoord.VanAsync(await almelo.PostAsync($"/api/v1/webhooks/afleveringen/{dood.GetProperty("id").GetInt64()}/opnieuw", null))).Verwacht(HttpStatusCode.NotFound);
            var fout = await Antwoord.VanAsync(await fb.PostAsJsonAsync("/api/v1/webhooks", new { naam = "", url = "http://intern.example/x", soorten = new[] { "nl.inburgering.alles" } }));
            Assert.Equal(["naam", "soorten", "url"], fout.Verwacht(HttpStatusCode.BadRequest).Velden);
        }
        finally
        {
            await worker.DisposeAsync();
        }
    }
}
