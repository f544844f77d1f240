using Inburgering.Platform.Data;

namespace Inburgering.UnitTests.Platform;

/// <summary>
/// A request that met a database fault runs again only if its attempt committed nothing a repeat would double; a read's
/// processing-log entry is not such a thing (the repeat reads again and is logged again).
/// </summary>
public sealed class DatabasePogingTests
{
    [Fact]
    public async Task A_commit_marks_the_attempt_uncertain_unless_it_only_logged_a_read()
    {
        var poging = DatabasePoging.Begin();
        using (DatabasePoging.Herhaalbaar())
        {
            await Task.Yield();
            DatabasePoging.MarkeerOnzeker();
        }

        Assert.False(poging.Onzeker);

        DatabasePoging.MarkeerOnzeker();

        Assert.True(poging.Onzeker);
    }

    [Fact]
    public void Each_attempt_starts_certain()
    {
        DatabasePoging.Begin();
        DatabasePoging.MarkeerOnzeker();

        Assert.False(DatabasePoging.Begin().Onzeker);
    }
}

/// <summary>The answer to a committed write is a read that may run again; the write may not.</summary>
public sealed class HerhaalLezenTests
{
    private static readonly DatabaseConnections Verbindingen = new(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());

    [Fact]
    public async Task A_read_that_meets_a_passing_fault_is_run_again_until_it_answers()
    {
        var pogingen = 0;

        var antwoord = await DatabaseStoring.HerhaalLezenAsync(
            () => ++pogingen < 3 ? throw new Npgsql.PostgresException("beëindigd", "FATAL", "FATAL", "57P01") : Task.FromResult("weergave"),
            Verbindingen, CancellationToken.None);

        Assert.Equal("weergave", antwoord);
        Assert.Equal(3, pogingen);
    }

    [Fact]
    public async Task Any_other_error_reaches_the_caller_at_once()
    {
        var pogingen = 0;

        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => DatabaseStoring.HerhaalLezenAsync<string>(
            () => { pogingen++; throw new Npgsql.PostgresException("fout", "ERROR", "ERROR", "42P01"); }, Verbindingen, CancellationToken.None));
        Assert.Equal(1, pogingen);
    }
}
