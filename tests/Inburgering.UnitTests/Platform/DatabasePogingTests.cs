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
