using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Tenancy.Data.ReferenceData;
using Inburgering.Platform.Authorization;
using Npgsql;

namespace Inburgering.IntegrationTests.Auditing;

/// <summary>
/// Every change to who may do what and how the product behaves is in an admin trail: who, when, what, before and after.
/// A gemeente sees only its own trail; the platform beheerder sees the platform's; nobody can rewrite either.
/// </summary>
public sealed class AudittrailTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_gemeente_reads_its_own_changes_with_before_and_after_and_the_platform_reads_its_own()
    {
        var beheerder = await app.IntegrationAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder);
        (await beheerder.PutAsJsonAsync("/api/v1/beheer/instellingen/dossiers.klantregisseur-ziet", new { waarde = "eigen" })).EnsureSuccessStatusCode();
        (await beheerder.PutAsJsonAsync("/api/v1/beheer/instellingen/dossiers.klantregisseur-ziet", new { waarde = "alle" })).EnsureSuccessStatusCode();
        (await beheerder.PostAsJsonAsync("/api/v1/beheer/gebruikers", new { email = $"nieuw-{Guid.NewGuid():N}@almelo.test", naam = "Nieuwe Collega", rollen = new[] { Roles.Teamleider } }))
            .EnsureSuccessStatusCode();

        var trail = await beheerder.GetFromJsonAsync<JsonElement>("/api/v1/beheer/audittrail?limit=200");
        Assert.Equal("gemeente", trail.GetProperty("spoor").GetString());
        var regels = trail.GetProperty("regels").EnumerateArray().ToList();
        // The change from eigen to alle, with the value before it, by the beheerder's client.
        var wijziging = Assert.Single(regels, r => r.GetProperty("onderwerp").GetString() == "instelling" && r.GetProperty("handeling").GetString() == "gewijzigd"
            && r.GetProperty("voor").GetProperty("waarde").GetString() == "eigen" && r.GetProperty("na").GetProperty("waarde").GetString() == "alle");
        Assert.StartsWith("koppeling-", wijziging.GetProperty("actorId").GetString());
        // A save that changes nothing but the row's own timestamp is no change.
        Assert.All(regels.Where(r => r.GetProperty("handeling").GetString() == "gewijzigd"),
            r => Assert.NotEqual(["gewijzigdOp"], r.GetProperty("na").EnumerateObject().Select(p => p.Name)));
        Assert.Contains(regels, r => r.GetProperty("onderwerp").GetString() == "lidmaatschap" && r.GetProperty("handeling").GetString() == "toegevoegd"
            && r.GetProperty("na").GetProperty("rollen").EnumerateArray().Any(x => x.GetString() == Roles.Teamleider));
        // The new user's password is never in the trail, not even hashed.
        Assert.DoesNotContain(regels, r => r.GetRawText().Contains("AQAAAA", StringComparison.Ordinal));

        // Another gemeente's beheerder sees none of it; the platform's trail is a separate one.
        var enschede = await app.IntegrationAsync(AppFixture.TenantB, Roles.FunctioneelBeheerder);
        var ander = await enschede.GetFromJsonAsync<JsonElement>("/api/v1/beheer/audittrail?limit=200");
        Assert.DoesNotContain(ander.GetProperty("regels").EnumerateArray(), r => r.GetProperty("onderwerp").GetString() == "instelling");

        var platform = await app.IntegrationAsync(TenancySeeder.PlatformId, Roles.PlatformBeheerder);
        (await platform.PostAsJsonAsync("/api/v1/beheer/coa-locaties", new { naam = "Azc Testlocatie", soort = "Azc", plaats = "Almelo" })).EnsureSuccessStatusCode();
        var platformTrail = await platform.GetFromJsonAsync<JsonElement>("/api/v1/beheer/audittrail?onderwerp=coa-locatie");
        Assert.Equal("platform", platformTrail.GetProperty("spoor").GetString());
        Assert.Contains(platformTrail.GetProperty("regels").EnumerateArray(), r => r.GetProperty("na").GetProperty("naam").GetString() == "Azc Testlocatie");
        var gemeenteTrail = (await beheerder.GetFromJsonAsync<JsonElement>("/api/v1/beheer/audittrail?limit=200")).GetProperty("regels").EnumerateArray();
        Assert.DoesNotContain(gemeenteTrail, r => r.GetProperty("onderwerp").GetString() == "coa-locatie");

        // Bad paging is refused with every field named.
        var fout = await beheerder.GetAsync("/api/v1/beheer/audittrail?limit=0&cursor=onzin&van=2026-02-01&tot=2026-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        var probleem = await fout.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Auditing:Validation", probleem.GetProperty("code").GetString());
        Assert.Equal(["cursor", "limit", "tot"], probleem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        // A klantregisseur does not read the trail.
        var klantregisseur = await app.IntegrationAsync(AppFixture.TenantA, Roles.Klantregisseur);
        Assert.Equal(HttpStatusCode.Forbidden, (await klantregisseur.GetAsync("/api/v1/beheer/audittrail")).StatusCode);
    }

    [Theory]
    [InlineData("UPDATE auditing.beheerlog SET actor_naam = 'iemand anders'")]
    [InlineData("DELETE FROM auditing.beheerlog")]
    [InlineData("TRUNCATE auditing.beheerlog")]
    public async Task The_app_role_cannot_change_or_remove_a_trail_entry(string sql)
    {
        var beheerder = await app.IntegrationAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder);
        (await beheerder.PutAsJsonAsync("/api/v1/beheer/instellingen/dossiers.klantregisseur-ziet", new { waarde = "eigen" })).EnsureSuccessStatusCode();
        const string rijen = "SELECT string_agg(to_jsonb(b)::text, '|' ORDER BY id) FROM auditing.beheerlog b";
        var voor = await AppFixture.ScalarAsync<string>(app.Database.Admin, rijen);

        await using var verbinding = await AppFixture.OpenAsync(app.Database.App);
        await using var transactie = await verbinding.BeginTransactionAsync();
        await using (var gemeente = new NpgsqlCommand($"SELECT set_config('app.tenant_id', '{AppFixture.TenantA}', true)", verbinding, transactie))
        {
            await gemeente.ExecuteNonQueryAsync();
        }

        await using var poging = new NpgsqlCommand(sql, verbinding, transactie);
        var fout = await Assert.ThrowsAsync<PostgresException>(() => poging.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, fout.SqlState);
        await transactie.RollbackAsync();
        Assert.Equal(voor, await AppFixture.ScalarAsync<string>(app.Database.Admin, rijen));
    }
}
