using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Features.Accounts;

namespace Inburgering.IntegrationTests.Identity;

/// <summary>The app as Development seeds it: four demo gemeenten, the demo logins from the README, and the demo dossiers.</summary>
public sealed class DemoFixture : AppFixture
{
    protected override string HostOmgeving => "Development";

    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
    {
        // The test's own database and the production login steps, not the developer's embedded cluster and password-only login.
        ["EmbeddedDatabase:Enabled"] = "false",
        ["Identity:RequireTwoFactor"] = "true",
        ["Identity:SeedDemoUsers"] = "true",
        ["Dossiers:SeedDemoDossiers"] = "true",
        ["Tenancy:ActivateOnSeed:2"] = "Tilburg",
        ["Tenancy:ActivateOnSeed:3"] = "Oisterwijk",
    };
}

public sealed class DemoLoginTests(DemoFixture app) : IClassFixture<DemoFixture>
{
    public static TheoryData<string, string> Logins() => new()
    {
        { "kr.almelo", "Almelo" }, { "tl.almelo", "Almelo" }, { "fb.almelo", "Almelo" },
        { "kr.enschede", "Enschede" }, { "tl.enschede", "Enschede" }, { "fb.enschede", "Enschede" },
        { "kr.tilburg", "Tilburg" }, { "tl.tilburg", "Tilburg" }, { "fb.tilburg", "Tilburg" },
        { "kr.oisterwijk", "Oisterwijk" }, { "tl.oisterwijk", "Oisterwijk" }, { "fb.oisterwijk", "Oisterwijk" },
        { "kr.regio", "Tilburg|Oisterwijk" }, { "cm.oisterwijk", "COA" }, { "cm.twente", "COA" },
        { "rc.hartvanbrabant", "Hart van Brabant" }, { "beheer", "Platformbeheer Inburgering" },
    };

    [Theory]
    [MemberData(nameof(Logins))]
    public async Task Every_demo_login_signs_in_to_its_organisation(string login, string organisation)
    {
        var browser = await app.SignedInBrowserAsync($"{login}@{DemoUserSeeder.Domain}", DemoUserSeeder.Password);

        var home = await browser.GetStringAsync("/");

        Assert.Contains("id=\"actieve-organisatie\"", home, StringComparison.Ordinal);
        Assert.Contains(organisation.Split('|'), o => home.Contains($"<strong>{o}</strong>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_regional_klantregisseur_can_switch_between_tilburg_and_oisterwijk()
    {
        var browser = await app.SignedInBrowserAsync($"kr.regio@{DemoUserSeeder.Domain}", DemoUserSeeder.Password);
        var choices = await browser.GetStringAsync("/account/organisatie");

        Assert.Contains("Tilburg (klantregisseur)", choices, StringComparison.Ordinal);
        Assert.Contains("Oisterwijk (klantregisseur)", choices, StringComparison.Ordinal);
    }
}

/// <summary>Its own app: the demo logins above use most of a minute's login allowance from one address.</summary>
public sealed class DemoDossierTests(DemoFixture app) : IClassFixture<DemoFixture>
{
    [Fact]
    public async Task The_demo_dossiers_fill_the_werkvoorraad_with_signals_and_coa_sees_the_people_at_its_azcs()
    {
        var kr = await app.SignedInBrowserAsync($"kr.almelo@{DemoUserSeeder.Domain}", DemoUserSeeder.Password);
        var cm = await app.SignedInBrowserAsync($"cm.twente@{DemoUserSeeder.Domain}", DemoUserSeeder.Password);

        var werkvoorraad = await kr.GetStringAsync("/werkvoorraad?signaal=overdue");
        var bewoners = await cm.GetStringAsync("/coa/bewoners");

        Assert.Contains("Samir Khatib", werkvoorraad, StringComparison.Ordinal);
        Assert.Contains(">kennismaking-ontbreekt<", werkvoorraad, StringComparison.Ordinal);
        Assert.Contains("id=\"signaalteller\"", werkvoorraad, StringComparison.Ordinal);
        Assert.Contains("Yonas Tesfamariam", bewoners, StringComparison.Ordinal);
        Assert.Contains("Rana Aziz", bewoners, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_privacy_officer_signs_in_to_the_gemeente_and_reads_the_processing_register_but_no_caseload()
    {
        var pf = await app.SignedInBrowserAsync($"pf.almelo@{DemoUserSeeder.Domain}", DemoUserSeeder.Password);
        var home = await pf.GetStringAsync("/");
        Assert.Contains("<strong>Almelo</strong>", home, StringComparison.Ordinal);

        Assert.Equal(System.Net.HttpStatusCode.OK, (await pf.GetAsync("/api/v1/privacy/register")).StatusCode);
        Assert.True(People.GeenToegang(await pf.GetAsync("/api/v1/dossiers")));
    }
}
