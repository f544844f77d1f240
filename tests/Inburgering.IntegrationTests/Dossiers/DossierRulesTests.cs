using System.Net;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>Every process rule refused with 422 and its code, and the dossier exactly as it was.</summary>
public sealed class DossierRulesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private DateOnly Vandaag => Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock);

    private DateOnly K => Vandaag.AddDays(-200);

    public static TheoryData<string> Overtredingen() =>
    [
        "Dossiers:VoorKoppeling", "Dossiers:InDeToekomst", "Dossiers:ScenarioVoorKennismaking", "Dossiers:TenzijRedenVereist",
        "Dossiers:TenzijRedenAlleenBijScenario3", "Dossiers:AndersZonderToelichting", "Dossiers:EindeVoorStart", "Dossiers:EindeZonderStart",
        "Dossiers:PipVoorBredeIntake", "Dossiers:MapNietInOnderwijsroute", "Dossiers:VerhuizingVoorWoning", "Dossiers:HuurcontractVoorWoning",
        "Dossiers:WoningOntbreekt", "Dossiers:VoortgangZonderPip", "Dossiers:VerlengingZonderTermijn",
        "Dossiers:KoppelingVoorVergunning", "Dossiers:VoorVergunning", "Dossiers:GeboorteNaVergunning", "Dossiers:ScenarioNaVerhuizing",
    ];

    [Theory]
    [MemberData(nameof(Overtredingen))]
    public async Task A_write_that_breaks_a_rule_gets_422_with_its_code_and_changes_nothing(string code)
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var id = await BasisAsync(api);
        if (code == "Dossiers:ScenarioNaVerhuizing")
        {
            (await api.ZetAsync(id, "huisvesting", new { woningToegewezen = K.AddDays(15), verhuisdatum = K.AddDays(20) })).Verwacht(HttpStatusCode.OK);
        }

        var voor = await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id);

        var (onderdeel, methode, body) = Schending(code);
        var antwoord = await api.ZetAsync(id, onderdeel, body, methode);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, antwoord.Status);
        Assert.Equal("Platform:RuleViolation", antwoord.Code);
        Assert.Contains(code, antwoord.Regels);
        Assert.Equal(voor, await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id));
    }

    [Fact]
    public async Task Ontzorgen_is_refused_outside_the_asielstatushouder_doelgroep()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var id = await BasisAsync(api);
        (await api.ZetAsync(id, "", new { doelgroep = "gezinshereniger" }, HttpMethod.Patch)).Verwacht(HttpStatusCode.OK);
        var voor = await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id);

        var antwoord = await api.ZetAsync(id, "pip", new { dagtekening = K.AddDays(100), leerroute = "B1", ontzorgenStart = K.AddDays(90), ontzorgenEinde = K.AddDays(270) }, HttpMethod.Post);

        Assert.Equal(["Dossiers:OntzorgenAlleenAsielstatushouder"], antwoord.Regels);
        Assert.Equal(voor, await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, id));
    }

    [Fact]
    public async Task Every_broken_rule_is_listed_at_once()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var id = await BasisAsync(api);

        var antwoord = await api.ZetAsync(id, "brede-intake", new { startdatum = K.AddDays(-5), einddatum = K.AddDays(-20), leerbaarheidstoetsDatum = Vandaag.AddDays(3) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, antwoord.Status);
        Assert.Equal(["Dossiers:EindeVoorStart", "Dossiers:InDeToekomst", "Dossiers:VoorKoppeling"], antwoord.Regels.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_new_dossier_that_breaks_a_rule_is_not_created()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var vNummer = DossierApi.NieuwVNummer();

        var antwoord = await api.MaakAanAsync(new { vNummer, voornamen = "A", achternaam = "B", geboortedatum = K.AddYears(-30), landVanHerkomst = "Eritrea", vergunningdatum = K, koppelingsdatum = K.AddDays(-1) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, antwoord.Status);
        Assert.Equal(["Dossiers:KoppelingVoorVergunning"], antwoord.Regels);
        Assert.Equal(0L, await DossierTabellen.AantalAsync(app, AppFixture.TenantA, $"dossiers.dossiers where v_nummer = '{vNummer}'"));
    }

    /// <summary>Coupled 200 days ago, KMG held on day 10, brede intake started on day 30.</summary>
    private async Task<Guid> BasisAsync(DossierApi api)
    {
        var id = (await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), K))).Verwacht(HttpStatusCode.Created).Id;
        (await api.ZetAsync(id, "kennismakingsgesprek", new { gehouden = K.AddDays(10), locatie = "azc" })).Verwacht(HttpStatusCode.OK);
        (await api.ZetAsync(id, "brede-intake", new { startdatum = K.AddDays(30) })).Verwacht(HttpStatusCode.OK);
        return id;
    }

    private (string Onderdeel, HttpMethod Methode, object Body) Schending(string code) => code switch
    {
        "Dossiers:VoorKoppeling" => ("kennismakingsgesprek", HttpMethod.Put, new { gehouden = K.AddDays(-1), locatie = "azc" }),
        "Dossiers:InDeToekomst" => ("kennismakingsgesprek", HttpMethod.Put, new { gehouden = Vandaag.AddDays(1), locatie = "azc" }),
        "Dossiers:ScenarioVoorKennismaking" => ("scenario", HttpMethod.Put, new { scenario = 1, besluitdatum = K.AddDays(5) }),
        "Dossiers:TenzijRedenVereist" => ("scenario", HttpMethod.Put, new { scenario = 3, besluitdatum = K.AddDays(10) }),
        "Dossiers:TenzijRedenAlleenBijScenario3" => ("scenario", HttpMethod.Put, new { scenario = 2, besluitdatum = K.AddDays(10), tenzijRedenen = new[] { "reistijd" } }),
        "Dossiers:AndersZonderToelichting" => ("scenario", HttpMethod.Put, new { scenario = 3, besluitdatum = K.AddDays(10), tenzijRedenen = new[] { "anders" } }),
        "Dossiers:EindeVoorStart" => ("brede-intake", HttpMethod.Put, new { startdatum = K.AddDays(30), einddatum = K.AddDays(29) }),
        "Dossiers:EindeZonderStart" => ("brede-intake", HttpMethod.Put, new { einddatum = K.AddDays(40) }),
        "Dossiers:PipVoorBredeIntake" => ("pip", HttpMethod.Post, new { dagtekening = K.AddDays(29), leerroute = "B1" }),
        "Dossiers:MapNietInOnderwijsroute" => ("pip", HttpMethod.Post, new { dagtekening = K.AddDays(100), leerroute = "onderwijs", map = true }),
        "Dossiers:VerhuizingVoorWoning" => ("huisvesting", HttpMethod.Put, new { woningToegewezen = K.AddDays(50), verhuisdatum = K.AddDays(40) }),
        "Dossiers:HuurcontractVoorWoning" => ("huisvesting", HttpMethod.Put, new { woningToegewezen = K.AddDays(50), huurcontractIngang = K.AddDays(45) }),
        "Dossiers:WoningOntbreekt" => ("huisvesting", HttpMethod.Put, new { verhuisdatum = K.AddDays(50) }),
        "Dossiers:VoortgangZonderPip" => ("voortgangsgesprekken", HttpMethod.Post, new { datum = K.AddDays(50) }),
        "Dossiers:VerlengingZonderTermijn" => ("termijnverlengingen", HttpMethod.Post, new { maanden = 3, reden = "ziekte", besluitdatum = K.AddDays(50) }),
        "Dossiers:KoppelingVoorVergunning" => ("", HttpMethod.Patch, new { vergunningdatum = K.AddDays(1) }),
        "Dossiers:VoorVergunning" => ("", HttpMethod.Patch, new { kennisgevingDuo = K.AddDays(-30) }),
        "Dossiers:GeboorteNaVergunning" => ("", HttpMethod.Patch, new { geboortedatum = K }),
        "Dossiers:ScenarioNaVerhuizing" => ("scenario", HttpMethod.Put, new { scenario = 1, besluitdatum = K.AddDays(20) }),
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };
}
