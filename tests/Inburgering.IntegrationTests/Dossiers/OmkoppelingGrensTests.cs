using System.Net;
using System.Net.Http.Json;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Tenancy.Data.ReferenceData;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tijd;
using Npgsql;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>
/// An offer is shared by two gemeenten, and each may do only its own part: the database refuses anything else, and an
/// accept racing a withdraw ends in one of the two, never in a moved dossier with a withdrawn offer.
/// </summary>
public sealed class OmkoppelingGrensTests(AppFixture app) : IClassFixture<AppFixture>
{
    private DateOnly Vandaag => Kalender.Vandaag(app.Clock);

    [Theory]
    [InlineData("UPDATE dossiers.omkoppelingen SET bron_gemeente_id = doel_gemeente_id WHERE id = @id", "doel")]
    [InlineData("UPDATE dossiers.omkoppelingen SET dossier_id = gen_random_uuid() WHERE id = @id", "doel")]
    [InlineData("UPDATE dossiers.omkoppelingen SET naam = 'Iemand anders' WHERE id = @id", "bron")]
    [InlineData("UPDATE dossiers.omkoppelingen SET status = 'Geaccepteerd' WHERE id = @id", "bron")]
    [InlineData("UPDATE dossiers.omkoppelingen SET status = 'Ingetrokken' WHERE id = @id", "doel")]
    [InlineData("DELETE FROM dossiers.omkoppelingen WHERE id = @id", "bron")]
    [InlineData("DELETE FROM dossiers.omkoppelingen WHERE id = @id", "doel")]
    public async Task The_database_lets_neither_gemeente_rewrite_an_offer_beyond_its_own_part(string sql, string als)
    {
        var (aanbod, _) = await BiedAanAsync();
        var voor = await RijAsync(aanbod);

        await using var verbinding = await AppFixture.OpenAsync(app.Database.App);
        await using var transactie = await verbinding.BeginTransactionAsync();
        await using (var gemeente = new NpgsqlCommand("SELECT set_config('app.tenant_id', @t, true)", verbinding, transactie))
        {
            gemeente.Parameters.AddWithValue("t", (als == "bron" ? AppFixture.TenantA : AppFixture.TenantB).ToString());
            await gemeente.ExecuteNonQueryAsync();
        }

        await using var poging = new NpgsqlCommand(sql, verbinding, transactie);
        poging.Parameters.AddWithValue("id", aanbod);
        try
        {
            Assert.Equal(0, await poging.ExecuteNonQueryAsync());
        }
        catch (PostgresException ex)
        {
            Assert.Contains(ex.SqlState, new[] { PostgresErrorCodes.InsufficientPrivilege, "42501" });
        }

        await transactie.RollbackAsync();
        Assert.Equal(voor, await RijAsync(aanbod));
    }

    [Theory]
    [InlineData("SELECT dossiers.accepteer_omkoppeling(@id, now(), 'aanvaller', 'Aanvaller', @gemeente, gen_random_uuid())", "bron")]
    [InlineData("SELECT dossiers.accepteer_omkoppeling(@id, now(), 'aanvaller', 'Aanvaller', @gemeente, gen_random_uuid())", "derde")]
    [InlineData("SELECT dossiers.weiger_omkoppeling(@id, 'x', now(), 'aanvaller', 'Aanvaller', @gemeente, gen_random_uuid(), 'omkoppeling.geweigerd', '{}')", "bron")]
    [InlineData("SELECT dossiers.weiger_omkoppeling(@id, 'x', now(), 'aanvaller', 'Aanvaller', @gemeente, gen_random_uuid(), 'omkoppeling.geweigerd', '{}')", "derde")]
    public async Task Only_the_addressed_gemeente_can_accept_or_decline_and_the_database_checks_it_itself(string sql, string als)
    {
        var (aanbod, dossier) = await BiedAanAsync();
        var voor = (await RijAsync(aanbod), await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, dossier));
        var gemeente = als == "bron" ? AppFixture.TenantA : TenancySeeder.GemeenteId("Hengelo (O.)");

        await using var verbinding = await AppFixture.OpenAsync(app.Database.App);
        await using var transactie = await verbinding.BeginTransactionAsync();
        await using (var zet = new NpgsqlCommand("SELECT set_config('app.tenant_id', @t, true)", verbinding, transactie))
        {
            zet.Parameters.AddWithValue("t", gemeente.ToString());
            await zet.ExecuteNonQueryAsync();
        }

        await using var poging = new NpgsqlCommand(sql, verbinding, transactie);
        poging.Parameters.AddWithValue("id", aanbod);
        poging.Parameters.AddWithValue("gemeente", gemeente);
        var fout = await Assert.ThrowsAsync<PostgresException>(() => poging.ExecuteNonQueryAsync());
        await transactie.RollbackAsync();

        Assert.Equal("IB409", fout.SqlState);
        Assert.Equal(voor, (await RijAsync(aanbod), await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, dossier)));
    }

    [Fact]
    public async Task The_addressed_gemeente_accepts_through_the_database_and_the_whole_dossier_moves_once()
    {
        var (aanbod, dossier) = await BiedAanAsync();
        var bronVoor = await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, dossier);
        var rij = $"SELECT (to_jsonb(d) - 'tenant_id' - 'klantregisseur_id' - 'versie' - 'overgenomen_op')::text FROM dossiers.dossiers d WHERE id = '{dossier}'";
        var tijdlijn = $"SELECT string_agg((to_jsonb(t) - 'tenant_id')::text, '|' ORDER BY id) FROM dossiers.tijdlijn t WHERE dossier_id = '{dossier}'";
        var (rijVoor, tijdlijnVoor) = (await AppFixture.ScalarAsync<string>(app.Database.Admin, rij), await AppFixture.ScalarAsync<string>(app.Database.Admin, tijdlijn));
        var doel = await app.DossierApiAsync(AppFixture.TenantB, Roles.Klantregisseur, Roles.Teamleider);

        (await Antwoord.VanAsync(await doel.Client.PostAsync($"/api/v1/omkoppelingen/{aanbod}/accepteren", null))).Verwacht(HttpStatusCode.OK);
        var nogmaals = await Antwoord.VanAsync(await doel.Client.PostAsync($"/api/v1/omkoppelingen/{aanbod}/accepteren", null));

        Assert.Equal(HttpStatusCode.Conflict, nogmaals.Status);
        Assert.Equal(0L, await AppFixture.ScalarAsync<long>(app.Database.Admin, $"SELECT count(*) FROM dossiers.dossiers WHERE id = '{dossier}' AND tenant_id = '{AppFixture.TenantA}'"));
        Assert.Equal(1L, await AppFixture.ScalarAsync<long>(app.Database.Admin, $"SELECT count(*) FROM dossiers.dossiers WHERE id = '{dossier}' AND tenant_id = '{AppFixture.TenantB}' AND klantregisseur_id IS NULL"));
        // The receiving gemeente's own clocks (the KMG) start on the day it accepted.
        Assert.Equal(Vandaag, await AppFixture.ScalarAsync<DateOnly>(app.Database.Admin, $"SELECT overgenomen_op FROM dossiers.dossiers WHERE id = '{dossier}'"));
        // Every tijdlijn event of the source came along, and the source keeps exactly one processing-log entry of the move.
        Assert.True(await AppFixture.ScalarAsync<long>(app.Database.Admin, $"SELECT count(*) FROM dossiers.tijdlijn WHERE dossier_id = '{dossier}' AND tenant_id = '{AppFixture.TenantB}'") >= 2);
        Assert.Equal(0L, await AppFixture.ScalarAsync<long>(app.Database.Admin, $"SELECT count(*) FROM dossiers.tijdlijn WHERE dossier_id = '{dossier}' AND tenant_id = '{AppFixture.TenantA}'"));
        Assert.Equal(1L, await AppFixture.ScalarAsync<long>(app.Database.Admin,
            $"SELECT count(*) FROM auditing.logboek WHERE tenant_id = '{AppFixture.TenantA}' AND handeling = 'overdragen' AND dossier_id = '{dossier}'"));
        Assert.NotEqual(bronVoor, await DossierTabellen.MomentopnameAsync(app, AppFixture.TenantA, dossier));
        // Moved as it was, to the microsecond: only the gemeente, the klantregisseur and the version changed.
        Assert.Equal(rijVoor, await AppFixture.ScalarAsync<string>(app.Database.Admin, rij));
        var tijdlijnNa = await AppFixture.ScalarAsync<string>(app.Database.Admin, tijdlijn);
        Assert.Equal(tijdlijnVoor.Split('|'), tijdlijnNa.Split('|').Where(e => !e.Contains("omkoppeling.overgenomen", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_accept_racing_a_withdraw_ends_in_exactly_one_of_them()
    {
        var bron = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur, Roles.Teamleider);
        var doel = await app.DossierApiAsync(AppFixture.TenantB, Roles.Klantregisseur, Roles.Teamleider);
        for (var ronde = 0; ronde < 6; ronde++)
        {
            var (aanbod, dossier) = await BiedAanAsync();
            var accepteren = doel.Client.PostAsync($"/api/v1/omkoppelingen/{aanbod}/accepteren", null);
            var intrekken = bron.Client.PostAsync($"/api/v1/omkoppelingen/{aanbod}/intrekken", null);
            var statussen = new[] { (await accepteren).StatusCode, (await intrekken).StatusCode };

            var status = await AppFixture.ScalarAsync<string>(app.Database.Admin, $"SELECT status FROM dossiers.omkoppelingen WHERE id = '{aanbod}'");
            var bij = await AppFixture.ScalarAsync<Guid>(app.Database.Admin, $"SELECT tenant_id FROM dossiers.dossiers WHERE id = '{dossier}'");
            Assert.Single(statussen, HttpStatusCode.OK);
            Assert.Single(statussen, HttpStatusCode.Conflict);
            Assert.Equal(status == "Geaccepteerd" ? AppFixture.TenantB : AppFixture.TenantA, bij);
            Assert.Contains(status, new[] { "Geaccepteerd", "Ingetrokken" });
        }
    }

    private async Task<(Guid Aanbod, Guid Dossier)> BiedAanAsync()
    {
        var bron = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur, Roles.Teamleider);
        var dossier = (await bron.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-30)))).VerwachtAangemaakt();
        var aanbod = (await Antwoord.VanAsync(await bron.Client.PostAsJsonAsync($"/api/v1/dossiers/{dossier}/omkoppelingen", new { doelGemeenteId = AppFixture.TenantB })))
            .Verwacht(HttpStatusCode.Created).Id;
        return (aanbod, dossier);
    }

    private Task<string> RijAsync(Guid aanbod) =>
        AppFixture.ScalarAsync<string>(app.Database.Admin, $"SELECT row_to_json(o)::text FROM dossiers.omkoppelingen o WHERE id = '{aanbod}'");
}
