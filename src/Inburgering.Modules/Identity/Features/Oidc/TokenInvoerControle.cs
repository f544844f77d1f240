using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;
using static OpenIddict.Validation.OpenIddictValidationHandlerFilters;
using static OpenIddict.Validation.OpenIddictValidationHandlers.Protection;
using SR = OpenIddict.Abstractions.OpenIddictResources;

namespace Inburgering.Modules.Identity.Features.Oidc;

/// <summary>
/// OpenIddict's three checks of the token and authorization entries (restore the entry's properties, refuse a token
/// whose entry is no longer valid, refuse one whose authorization is no longer valid), in their places and with their
/// answers, reading the entries through <see cref="TokenInvoerCache"/>. Token-entry and authorization-entry validation
/// stay on: only where the entry comes from changes.
/// </summary>
internal static class TokenInvoerControle
{
    public static OpenIddictValidationBuilder MetTokenInvoerCache(this OpenIddictValidationBuilder validation) =>
        validation
            .RemoveEventHandler(RestoreTokenEntryProperties.Descriptor)
            .RemoveEventHandler(ValidateTokenEntry.Descriptor)
            .RemoveEventHandler(ValidateAuthorizationEntry.Descriptor)
            .AddEventHandler(HerstelTokenInvoer.Descriptor)
            .AddEventHandler(ControleerTokenInvoer.Descriptor)
            .AddEventHandler(ControleerAutorisatieInvoer.Descriptor);

    private static ValueTask<TokenInvoer?> TokenAsync(TokenInvoerCache cache, IServiceProvider diensten, ValidateTokenContext context, string id) =>
        cache.TokenAsync(id, async () =>
        {
            var manager = diensten.GetRequiredService<IOpenIddictTokenManager>();
            var ct = context.CancellationToken;
            return await manager.FindByIdAsync(id, ct) is not { } token
                ? null
                : new TokenInvoer(
                    await manager.GetIdAsync(token, ct) ?? id, await manager.GetReferenceIdAsync(token, ct),
                    await manager.GetCreationDateAsync(token, ct), await manager.GetExpirationDateAsync(token, ct),
                    await manager.GetAuthorizationIdAsync(token, ct),
                    await manager.GetTypeAsync(token, ct), await manager.HasStatusAsync(token, Statuses.Valid, ct));
        });

    // The entry the first handler read, for the second: without a listening cache it would be read from the database twice.
    private const string GelezenInvoer = "inburgering:token-invoer";

    private static void Weiger(ValidateTokenContext context, string id) =>
        context.Reject(error: Errors.InvalidToken, description: SR.GetResourceString(id), uri: SR.FormatID8000(id));

    internal sealed class HerstelTokenInvoer(TokenInvoerCache cache, IServiceProvider diensten) : IOpenIddictValidationHandler<ValidateTokenContext>
    {
        public static OpenIddictValidationHandlerDescriptor Descriptor { get; } = OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .AddFilter<RequireTokenEntryValidationEnabled>()
            .UseScopedHandler<HerstelTokenInvoer>()
            .SetOrder(RestoreTokenEntryProperties.Descriptor.Order)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

        public async ValueTask HandleAsync(ValidateTokenContext context)
        {
            // Without an id the token has no entry (token storage off): nothing to restore.
            if (context.Principal?.GetTokenId() is not { Length: > 0 } id)
            {
                return;
            }

            if (await TokenAsync(cache, diensten, context, id) is not { } invoer)
            {
                Weiger(context, SR.ID2019);
                return;
            }

            // An entry with a reference id was issued as a reference token: its payload used as a plain token has leaked.
            if (!context.IsReferenceToken && !string.IsNullOrEmpty(invoer.ReferentieId))
            {
                context.Logger.LogWarning("The payload of reference token {TokenId} was presented as a plain token", invoer.Id);
                Weiger(context, SR.ID2019);
                return;
            }

            context.Transaction.Properties[GelezenInvoer] = invoer;
            context.Principal
                .SetCreationDate(invoer.Aangemaakt)
                .SetExpirationDate(invoer.Verloopt)
                .SetAuthorizationId(context.AuthorizationId = invoer.AutorisatieId)
                .SetTokenId(context.TokenId = invoer.Id)
                .SetTokenType(invoer.Soort);
        }
    }

    internal sealed class ControleerTokenInvoer(TokenInvoerCache cache, IServiceProvider diensten) : IOpenIddictValidationHandler<ValidateTokenContext>
    {
        public static OpenIddictValidationHandlerDescriptor Descriptor { get; } = OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .AddFilter<RequireTokenEntryValidationEnabled>()
            .AddFilter<RequireTokenIdResolved>()
            .UseScopedHandler<ControleerTokenInvoer>()
            .SetOrder(ValidateTokenEntry.Descriptor.Order)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

        public async ValueTask HandleAsync(ValidateTokenContext context)
        {
            var invoer = (context.Transaction.Properties.TryGetValue(GelezenInvoer, out var gelezen) && gelezen is TokenInvoer eerder && eerder.Id == context.TokenId
                             ? eerder
                             : await TokenAsync(cache, diensten, context, context.TokenId!))
                         ?? throw new InvalidOperationException(SR.GetResourceString(SR.ID0021));
            if (!invoer.Geldig)
            {
                context.Logger.LogInformation("Token {TokenId} was refused: its entry is no longer valid", context.TokenId);
                Weiger(context, SR.ID2019);
            }
        }
    }

    internal sealed class ControleerAutorisatieInvoer(TokenInvoerCache cache, IServiceProvider diensten) : IOpenIddictValidationHandler<ValidateTokenContext>
    {
        public static OpenIddictValidationHandlerDescriptor Descriptor { get; } = OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .AddFilter<RequireAuthorizationEntryValidationEnabled>()
            .AddFilter<RequireAuthorizationIdResolved>()
            .UseScopedHandler<ControleerAutorisatieInvoer>()
            .SetOrder(ValidateAuthorizationEntry.Descriptor.Order)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

        public async ValueTask HandleAsync(ValidateTokenContext context)
        {
            var id = context.AuthorizationId!;
            var invoer = await cache.AutorisatieAsync(id, async () =>
            {
                var manager = diensten.GetRequiredService<IOpenIddictAuthorizationManager>();
                return await manager.FindByIdAsync(id, context.CancellationToken) is { } autorisatie
                    ? new AutorisatieInvoer(await manager.HasStatusAsync(autorisatie, Statuses.Valid, context.CancellationToken))
                    : null;
            });
            if (invoer is not { Geldig: true })
            {
                context.Logger.LogInformation("Token {TokenId} was refused: its authorization {AuthorizationId} is no longer valid", context.TokenId, id);
                Weiger(context, SR.ID2023);
            }
        }
    }
}
