using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Inburgering.Platform.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Inburgering.Platform.Jobs;

public static class JobsRegistration
{
    /// <summary>
    /// Hangfire on PostgreSQL in its own schema, through the app role. Storage, activator and filters are this
    /// container's own, never Hangfire's static globals, so several hosts in one process (tests) stay apart.
    /// Only the worker role runs the server; every role can enqueue.
    /// </summary>
    public static IServiceCollection AddPlatformJobs(this IServiceCollection services, IConfiguration configuration, bool runsServer)
    {
        services.Configure<JobsOptions>(configuration.GetSection(JobsOptions.Section));
        services.AddSingleton<AppRoleConnections>();
        services.AddSingleton<JobStorage>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            return new PostgreSqlStorage(sp.GetRequiredService<AppRoleConnections>(), new PostgreSqlStorageOptions
            {
                SchemaName = JobsOptions.Schema,
                PrepareSchemaIfNecessary = false,
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = options.InvisibilityTimeout,
                QueuePollInterval = options.QueuePollInterval,
                DistributedLockTimeout = TimeSpan.FromMinutes(1),
            });
        });
        services.AddSingleton<JobActivator, TenantJobActivator>();
        services.AddSingleton<IJobFilterProvider>(_ => new JobFilterCollection
        {
            // Ids only in arguments, so a failed job may stay visible; retried a few times, then left for the beheerder.
            new AutomaticRetryAttribute { Attempts = 5, OnAttemptsExceeded = AttemptsExceededAction.Fail },
            new Telemetrie.JobTelemetrie(),
        });
        services.AddHangfire((_, global) => global
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddSingleton<ITenantJobs, TenantJobs>();
        services.AddSingleton<DatabaseWekker>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseWekker>());
        if (runsServer)
        {
            services.AddHostedService<RecurringJobRegistration>();
            services.AddHangfireServer((sp, server) =>
            {
                var options = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
                server.WorkerCount = options.WorkerCount;
                server.Queues = options.Queues is { Length: > 0 } eigen ? eigen : [.. JobsOptions.AlleQueues];
                server.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            });
        }

        return services;
    }

    /// <summary>Installs or upgrades the Hangfire schema; run by the migrator as the owner role.</summary>
    public static void InstallSchema(NpgsqlConnection owner) => PostgreSqlObjectsInstaller.Install(owner, JobsOptions.Schema);

    /// <summary>
    /// Resolves the connection string on first use (in Development the database starts after the container is built);
    /// its pool closes with the host. Hangfire sends the same few statements for every job (fetch, state changes,
    /// parameters, counters): prepared once per connection, PostgreSQL stops parsing and planning them each time (its CPU
    /// for a sweep with nothing to do fell by a quarter, ADR 0019). Not behind a transaction pooler, where a prepared
    /// statement does not outlive its transaction.
    /// </summary>
    private sealed class AppRoleConnections(DatabaseConnections connections) : IConnectionFactory, IDisposable
    {
        private readonly Lazy<NpgsqlDataSource> _source = new(() => NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(connections.App)
            {
                Enlist = false,
                ApplicationName = "inburgering-jobs",
                MaxAutoPrepare = connections.TransactionPooling ? 0 : 50,
            }.ConnectionString));

        public NpgsqlConnection GetOrCreateConnection() => _source.Value.CreateConnection();

        public void Dispose()
        {
            if (_source.IsValueCreated)
            {
                _source.Value.Dispose();
            }
        }
    }
}
