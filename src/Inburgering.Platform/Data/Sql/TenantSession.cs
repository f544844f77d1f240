using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Inburgering.Platform.Data.Sql;

internal static class TenantSession
{
    public const string Setting = "app.tenant_id";

    public static NpgsqlCommand? SetCommand(DbConnection connection, DbTransaction transaction, DbContext? context)
    {
        if (context is not ModuleDbContext { CurrentTenantId: { } tenant })
        {
            return null;
        }

        var command = new NpgsqlCommand("SELECT set_config('app.tenant_id', @tenant, true)", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("tenant", tenant.ToString("D"));
        return command;
    }

    /// <summary>
    /// A DO block returns no result set, so readers still see the caller's first result.
    /// The value is a formatted Guid (hex and dashes only), never user text.
    /// </summary>
    public static string InlineStatement(Guid tenant) =>
        $"DO $tenant$ BEGIN PERFORM set_config('app.tenant_id', '{tenant:D}', true); END $tenant$;\n";
}

/// <summary>For a module's hand-written read in its own <c>Data/Sql</c> folder: the same tenant prefix the EF interceptor adds.</summary>
public static class TenantSql
{
    public static string Prefix(Guid tenant) => TenantSession.InlineStatement(tenant);
}
