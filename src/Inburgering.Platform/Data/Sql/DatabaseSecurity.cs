using Npgsql;

namespace Inburgering.Platform.Data.Sql;

/// <summary>
/// Grants and row-level security, applied after every migration run so that no tenant-owned table can be
/// added without them: any table with a tenant_id column gets FORCE ROW LEVEL SECURITY and the policy.
/// </summary>
internal static class DatabaseSecurity
{
    public const string PlatformSchema = "platform";
    public const string PolicyName = "tenant_isolation";

    public static async Task LockAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task UnlockAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
        command.Parameters.AddWithValue("key", key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task ApplyAsync(NpgsqlConnection owner, IReadOnlyList<string> schemas, string appRole, CancellationToken cancellationToken)
    {
        var role = Quote(appRole);
        await ExecuteAsync(owner, $"""
            CREATE SCHEMA IF NOT EXISTS {PlatformSchema};
            CREATE OR REPLACE FUNCTION {PlatformSchema}.current_tenant_id() RETURNS uuid
              LANGUAGE sql STABLE SECURITY INVOKER
              AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
            REVOKE ALL ON SCHEMA {PlatformSchema} FROM PUBLIC;
            GRANT USAGE ON SCHEMA {PlatformSchema} TO {role};
            GRANT EXECUTE ON FUNCTION {PlatformSchema}.current_tenant_id() TO {role};
            """, cancellationToken);

        foreach (var schema in schemas)
        {
            var s = Quote(schema);
            await ExecuteAsync(owner, $"""
                REVOKE ALL ON SCHEMA {s} FROM PUBLIC;
                GRANT USAGE ON SCHEMA {s} TO {role};
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {role};
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {role};
                """, cancellationToken);
        }

        // A record of what happened is only ever added to: the app role may not change or remove it, whatever a bug
        // or an attacker in the application tries. A module marks such a table with a comment starting "append-only".
        foreach (var table in await AppendOnlyTablesAsync(owner, schemas, cancellationToken))
        {
            await ExecuteAsync(owner, $"REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM {role};", cancellationToken);
        }

        foreach (var table in await TenantTablesAsync(owner, schemas, cancellationToken))
        {
            await ExecuteAsync(owner, $"""
                ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
                ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS {PolicyName} ON {table};
                CREATE POLICY {PolicyName} ON {table}
                  USING (tenant_id = (SELECT {PlatformSchema}.current_tenant_id()))
                  WITH CHECK (tenant_id = (SELECT {PlatformSchema}.current_tenant_id()));
                """, cancellationToken);
        }
    }

    private static async Task<List<string>> AppendOnlyTablesAsync(NpgsqlConnection connection, IReadOnlyList<string> schemas, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT format('%I.%I', n.nspname, c.relname)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'r' AND n.nspname = ANY(@schemas) AND obj_description(c.oid, 'pg_class') LIKE 'append-only%'
            ORDER BY 1
            """, connection);
        command.Parameters.AddWithValue("schemas", schemas.ToArray());
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static async Task<List<string>> TenantTablesAsync(NpgsqlConnection connection, IReadOnlyList<string> schemas, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT format('%I.%I', c.table_schema, c.table_name)
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE' AND c.table_schema = ANY(@schemas)
            ORDER BY 1
            """, connection);
        command.Parameters.AddWithValue("schemas", schemas.ToArray());
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    /// <summary>The app role must be neither superuser nor BYPASSRLS, or row-level security means nothing.</summary>
    public static async Task<string?> AppRoleProblemAsync(NpgsqlConnection app, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user", app);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return "app role not found";
        }

        return reader.GetBoolean(0) ? "the app role is a superuser"
            : reader.GetBoolean(1) ? "the app role has BYPASSRLS"
            : null;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
