using Inburgering.IntegrationTests.Infrastructure;
using Npgsql;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>Reads the dossier tables directly, as the owner role inside one gemeente, to prove what was (not) stored.</summary>
internal static class DossierTabellen
{
    private static readonly string[] Onderdelen = ["pip_versies", "activiteiten", "voortgangsgesprekken", "termijnverlengingen", "gezondheid", "tijdlijn"];

    /// <summary>The dossier row and the number of rows of each of its parts, as one comparable text.</summary>
    public static async Task<string> MomentopnameAsync(AppFixture app, Guid gemeente, Guid dossier)
    {
        var sql = $"select coalesce((select row_to_json(d)::text from dossiers.dossiers d where id = '{dossier}'), 'geen')"
                  + string.Concat(Onderdelen.Select(t => $" || '|{t}:' || (select count(*) from dossiers.{t} where dossier_id = '{dossier}')"));
        return await AlsGemeenteAsync<string>(app, gemeente, sql);
    }

    public static Task<long> AantalAsync(AppFixture app, Guid gemeente, string vanWaar) =>
        AlsGemeenteAsync<long>(app, gemeente, $"select count(*) from {vanWaar}");

    /// <summary>Read access is logged off the request path, within a second: wait for it, then report what is there.</summary>
    public static async Task<long> AantalNaInzageAsync(AppFixture app, Guid gemeente, string vanWaar, long verwacht)
    {
        var aantal = 0L;
        for (var poging = 0; poging < 50; poging++)
        {
            aantal = await AantalAsync(app, gemeente, vanWaar);
            if (aantal >= verwacht)
            {
                break;
            }

            await Task.Delay(100);
        }

        return aantal;
    }

    public static async Task<T> AlsGemeenteAsync<T>(AppFixture app, Guid gemeente, string sql)
    {
        await using var connection = await AppFixture.OpenAsync(app.Database.Owner);
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var zet = new NpgsqlCommand($"select set_config('app.tenant_id', '{gemeente}', true)", connection, transaction))
        {
            await zet.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Changes rows as the owner inside one gemeente, as an import or a repair script would.</summary>
    public static async Task VoerUitAlsGemeenteAsync(AppFixture app, Guid gemeente, string sql)
    {
        await using var connection = await AppFixture.OpenAsync(app.Database.Owner);
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var zet = new NpgsqlCommand($"select set_config('app.tenant_id', '{gemeente}', true)", connection, transaction))
        {
            await zet.ExecuteNonQueryAsync();
        }

        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>Lets the outbox relay finish with earlier changes, so a test's own evaluation is the last word.</summary>
    /// <summary>Until Hangfire has no job waiting or running (an accepted request may have queued some).</summary>
    public static async Task WachtOpTakenAsync(AppFixture app)
    {
        for (var poging = 0; poging < 300 && await AppFixture.ScalarAsync<long>(app.Database.Owner,
                 "select count(*) from hangfire.job where statename in ('Enqueued', 'Processing', 'Awaiting')") > 0; poging++)
        {
            await Task.Delay(100);
        }
    }

    public static async Task WachtOpSignaalWachtrijAsync(AppFixture app)
    {
        for (var poging = 0; poging < 100 && await AppFixture.ScalarAsync<long>(app.Database.Owner, "select count(*) from dossiers.signaal_wachtrij") > 0; poging++)
        {
            await Task.Delay(100);
        }
    }
}
