namespace Inburgering.Platform.Jobs;

/// <summary>Configuration section <c>Jobs</c>: the Hangfire server of the worker role.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    public const string Schema = "hangfire";

    /// <summary>Workers per process; the jobs are database-bound, so a few per core.</summary>
    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>How often an idle worker looks for new jobs.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A job whose process died becomes visible to other workers again after this; it slides while the job runs.</summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The queues this worker takes, in order of precedence. An operator can keep long imports on workers of their
    /// own by giving those only "import" and the others the rest.
    /// </summary>
    public string[]? Queues { get; set; }

    public static IReadOnlyList<string> AlleQueues { get; } = ["signalen", "mail", "default", "import"];
}
