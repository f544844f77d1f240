using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inburgering.Platform.Data;

/// <summary>A module's DbContext type and the schema it owns; the migrator and readiness check walk these.</summary>
public sealed record ModuleDbContextDescriptor(Type ContextType, string Schema);

public static class ModuleDbContextRegistration
{
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    private static readonly TenantTransactionInterceptor TransactionInterceptor = new();
    private static readonly TenantCommandInterceptor CommandInterceptor = new();
    private static readonly CommitWachter CommitWachter = new();
    // Before the tenant interceptor, which puts its setting in front of the statement.
    private static readonly AutocommitWachter AutocommitWachter = new();

    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string schema)
        where TContext : ModuleDbContext
    {
        // The options depend on singletons only; built once, not per request (every request creates several contexts).
        services.AddDbContext<TContext>((provider, options) =>
            UseModuleDefaults(options, provider.GetRequiredService<DatabaseConnections>().AppDataSource, schema),
            ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        services.AddSingleton(new ModuleDbContextDescriptor(typeof(TContext), schema));
        return services;
    }

    public static DbContextOptionsBuilder UseModuleDefaults(DbContextOptionsBuilder options, NpgsqlDataSource dataSource, string schema) =>
        Defaults(options.UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable, schema)));

    public static DbContextOptionsBuilder UseModuleDefaults(DbContextOptionsBuilder options, string connectionString, string schema) =>
        Defaults(options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable, schema)));

    private static DbContextOptionsBuilder Defaults(DbContextOptionsBuilder options) =>
        options.UseSnakeCaseNamingConvention().AddInterceptors(TransactionInterceptor, CommitWachter, AutocommitWachter, CommandInterceptor);

    /// <summary>Creates a module context that connects with another identity (the owner role, for migrations).</summary>
    internal static ModuleDbContext CreateWithConnection(IServiceProvider services, ModuleDbContextDescriptor descriptor, string connectionString)
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(descriptor.ContextType))!;
        UseModuleDefaults(builder, connectionString, descriptor.Schema);
        return (ModuleDbContext)ActivatorUtilities.CreateInstance(services, descriptor.ContextType, builder.Options);
    }
}
