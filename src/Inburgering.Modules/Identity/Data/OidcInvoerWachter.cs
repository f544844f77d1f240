using System.Data.Common;
using System.Text.RegularExpressions;
using Inburgering.Modules.Identity.Features.Oidc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using OpenIddict.EntityFrameworkCore.Models;

namespace Inburgering.Modules.Identity.Data;

/// <summary>
/// A write to a token or authorization entry in this process makes <see cref="TokenInvoerCache"/> forget it at once:
/// the announcement of the commit follows by LISTEN, and without this a request right after a revocation here could
/// arrive first. Saved entities by their ids; set-based revocations (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>) name
/// no ids, so they forget everything.
/// </summary>
internal sealed partial class OidcInvoerWachter : DbCommandInterceptor, ISaveChangesInterceptor
{
    public static readonly OidcInvoerWachter Instantie = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        VergeetGewijzigde(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        VergeetGewijzigde(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        VergeetNaSetbewerking(command, eventData);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        VergeetNaSetbewerking(command, eventData);
        return ValueTask.FromResult(result);
    }

    private static void VergeetGewijzigde(DbContext? context)
    {
        if (context is null || Cache(context) is not { } cache)
        {
            return;
        }

        var ids = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity switch
            {
                OpenIddictEntityFrameworkCoreToken<Guid> t => t.Id.ToString("D"),
                OpenIddictEntityFrameworkCoreAuthorization<Guid> a => a.Id.ToString("D"),
                _ => null,
            })
            .OfType<string>()
            .ToList();
        if (ids.Count > 0)
        {
            cache.Vergeet(ids);
        }
    }

    private static void VergeetNaSetbewerking(DbCommand command, CommandExecutedEventData eventData)
    {
        if (eventData.CommandSource is CommandSource.ExecuteUpdate or CommandSource.ExecuteDelete
            && eventData.Context is { } context
            && InvoerTabel().IsMatch(command.CommandText)
            && Cache(context) is { } cache)
        {
            cache.Vergeet(null);
        }
    }

    // The migrator's contexts are built without the app's services: there is no cache to keep current.
    private static TokenInvoerCache? Cache(DbContext context) =>
        context.GetInfrastructure().GetService(typeof(IDbContextOptions)) is IDbContextOptions options
        && options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(TokenInvoerCache)) is TokenInvoerCache cache
            ? cache
            : null;

    [GeneratedRegex(@"oidc_(tokens|authorizations)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InvoerTabel();
}
