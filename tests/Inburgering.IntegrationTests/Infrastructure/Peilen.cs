namespace Inburgering.IntegrationTests.Infrastructure;

/// <summary>
/// Waits for work that finishes in the background (a job, a relay, a breaker's pause) by asking again a bounded number
/// of times. It bounds patience only; how fast the work is belongs in the benchmarks.
/// </summary>
public static class Peilen
{
    public static async Task<bool> TotAsync(Func<Task<bool>> klaar, int keer = 600, int tussenpozeMs = 300)
    {
        for (var i = 0; i < keer; i++)
        {
            if (await klaar())
            {
                return true;
            }

            await Task.Delay(tussenpozeMs);
        }

        return await klaar();
    }
}
