using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Hosting;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>
/// The worker running an import is killed without warning halfway, then started again: the job resumes where the last
/// committed row left it, and every row of the file is in exactly once, households still joined.
/// </summary>
public sealed class KoppelingImportHerstartTests(KoppelingImportHerstartTests.ImportOpEigenWerker app) : IClassFixture<KoppelingImportHerstartTests.ImportOpEigenWerker>
{
    private static readonly TimeSpan Geduld = TimeSpan.FromMinutes(3);

    /// <summary>The in-process host takes every queue but the imports: those go to the worker process this test kills.</summary>
    public sealed class ImportOpEigenWerker : AppFixture
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
        {
            ["Jobs:Queues:0"] = "signalen", ["Jobs:Queues:1"] = "mail", ["Jobs:Queues:2"] = "default",
        };
    }

    [Fact]
    public async Task A_worker_killed_in_the_middle_of_an_import_loses_no_row_and_doubles_none()
    {
        var omgeving = MeerdereInstantiesFixture.Omgeving(app.Database, app.Mail.Port);
        omgeving["Jobs__Queues__0"] = "import";
        omgeving["Jobs__InvisibilityTimeout"] = "00:00:10";
        var worker = MeerdereInstantiesFixture.Start(omgeving, "--role", "worker");
        try
        {
            await worker.WaitForUrlAsync(Geduld);
            var kr = (await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur)).Client;
            var tvs = new TvsBestand(Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock));
            var vNummers = new List<string>();
            for (var i = 0; i < 300; i++)
            {
                var (referent, partner) = (DossierApi.NieuwVNummer(), DossierApi.NieuwVNummer());
                tvs.Rij(referent, ("Huishoudnummer", "H-" + referent), ("Relatie", "referent"), ("Opleiding", "Mbo"));
                tvs.Rij(partner, ("Huishoudnummer", "H-" + referent), ("Relatie", "partner"));
                vNummers.AddRange([referent, partner]);
            }

            var voorbeeld = (await TvsBestand.UploadAsync(kr, tvs.Csv())).Verwacht(HttpStatusCode.Created).Json;
            var id = voorbeeld.GetProperty("id").GetGuid();
            Assert.Equal(600, voorbeeld.GetProperty("nieuw").GetInt32());
            (await Antwoord.VanAsync(await kr.PostAsync($"/api/v1/imports/koppelingen/{id}/start", null))).Verwacht(HttpStatusCode.Accepted);

            await Peilen.TotAsync(async () =>
                (await kr.GetFromJsonAsync<JsonElement>($"/api/v1/imports/koppelingen/{id}")).GetProperty("verwerkt").GetInt32() >= 25, keer: 9000, tussenpozeMs: 20);

            await worker.DisposeAsync();
            var naDeKill = (await kr.GetFromJsonAsync<JsonElement>($"/api/v1/imports/koppelingen/{id}")).GetProperty("verwerkt").GetInt32();
            Assert.InRange(naDeKill, 25, 599);

            worker = MeerdereInstantiesFixture.Start(omgeving, "--role", "worker");
            await worker.WaitForUrlAsync(Geduld);
            var stand = await TvsBestand.WachtAsync(kr, id, Geduld);

            Assert.Equal((600, 600, 0), (stand.GetProperty("verwerkt").GetInt32(), stand.GetProperty("nieuw").GetInt32(), stand.GetProperty("geweigerd").GetInt32()));
            var lijst = string.Join(',', vNummers.Select(v => $"'{v}'"));
            Assert.Equal(600L, await AppFixture.ScalarAsync<long>(app.Database.Admin, $"SELECT count(*) FROM dossiers.dossiers WHERE v_nummer IN ({lijst})"));
            Assert.Equal(300L, await AppFixture.ScalarAsync<long>(app.Database.Admin, $"SELECT count(DISTINCT huishouden_id) FROM dossiers.dossiers WHERE v_nummer IN ({lijst})"));
            Assert.Equal(600L, await AppFixture.ScalarAsync<long>(app.Database.Admin, $"SELECT count(*) FROM dossiers.koppeling_import_regels WHERE import_id = '{id}'"));
            Assert.Equal(600L, await AppFixture.ScalarAsync<long>(app.Database.Admin,
                $"SELECT count(*) FROM dossiers.tijdlijn WHERE soort = 'dossier.aangemaakt' AND gegevens->>'bron' = 'import:{id}'"));
            Assert.Equal(300L, await AppFixture.ScalarAsync<long>(app.Database.Admin,
                $"SELECT count(*) FROM dossiers.tijdlijn WHERE soort = 'overdracht.vastgelegd' AND gegevens->>'bron' = 'import:{id}'"));
            Assert.Equal(0L, await AppFixture.ScalarAsync<long>(app.Database.Admin, $"SELECT count(*) FROM dossiers.koppeling_imports WHERE id = '{id}' AND inhoud IS NOT NULL"));
        }
        finally
        {
            await worker.DisposeAsync();
        }
    }
}
