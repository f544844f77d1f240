using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;
using Npgsql;

namespace Inburgering.IntegrationTests.Auditing;

/// <summary>
/// The processing log and the tijdlijn are append-only by the database itself: the application's role may add an entry
/// but can neither change nor remove one, not even in its own gemeente, so a bug or an attacker in the application
/// cannot rewrite who saw what, or what happened to a person.
/// </summary>
public sealed class AlleenToevoegenTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("auditing.logboek", "UPDATE auditing.logboek SET actor_id = 'iemand anders' WHERE dossier_id = @dossier")]
    [InlineData("auditing.logboek", "DELETE FROM auditing.logboek WHERE dossier_id = @dossier")]
    [InlineData("auditing.logboek", "TRUNCATE auditing.logboek")]
    [InlineData("dossiers.tijdlijn", "UPDATE dossiers.tijdlijn SET actor_naam = 'iemand anders' WHERE dossier_id = @dossier")]
    [InlineData("dossiers.tijdlijn", "DELETE FROM dossiers.tijdlijn WHERE dossier_id = @dossier")]
    [InlineData("dossiers.tijdlijn", "TRUNCATE dossiers.tijdlijn CASCADE")]
    public async Task The_app_role_cannot_change_or_remove_an_entry(string tabel, string sql)
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var id = (await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Inburgering.Platform.Tijd.Kalender.Vandaag(app.Clock).AddDays(-10)))).Verwacht(System.Net.HttpStatusCode.Created).Id;
        var rij = $"SELECT string_agg(to_jsonb(v)::text, '|' ORDER BY id) FROM {tabel} v WHERE dossier_id = '{id}'";
        var voor = await AppFixture.ScalarAsync<string>(app.Database.Admin, rij);
        Assert.False(string.IsNullOrEmpty(voor));

        await using var verbinding = await AppFixture.OpenAsync(app.Database.App);
        await using var transactie = await verbinding.BeginTransactionAsync();
        await using (var gemeente = new NpgsqlCommand("SELECT set_config('app.tenant_id', @t, true)", verbinding, transactie))
        {
            gemeente.Parameters.AddWithValue("t", AppFixture.TenantA.ToString());
            await gemeente.ExecuteNonQueryAsync();
        }

        await using var poging = new NpgsqlCommand(sql, verbinding, transactie);
        poging.Parameters.AddWithValue("dossier", id);
        var fout = await Assert.ThrowsAsync<PostgresException>(() => poging.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, fout.SqlState);
        await transactie.RollbackAsync();
        Assert.Equal(voor, await AppFixture.ScalarAsync<string>(app.Database.Admin, rij));
    }
}
