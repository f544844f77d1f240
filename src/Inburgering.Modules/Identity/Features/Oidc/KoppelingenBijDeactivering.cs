using Inburgering.Modules.Tenancy.Contracts;
using OpenIddict.Abstractions;

namespace Inburgering.Modules.Identity.Features.Oidc;

/// <summary>
/// A deactivated gemeente's integrations stop at once: their tokens and authorizations are revoked (entry validation
/// then refuses them on the next call), and <see cref="TokenPrincipals.ForClientAsync"/> issues no new ones.
/// </summary>
internal sealed class KoppelingenBijDeactivering(
    IOpenIddictApplicationManager applications,
    IOpenIddictTokenManager tokens,
    IOpenIddictAuthorizationManager authorizations) : IBijDeactivering
{
    public async Task GedeactiveerdAsync(Guid organisatieId, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            if (TokenPrincipals.OrganisationOf(await applications.GetPropertiesAsync(application, cancellationToken)) == organisatieId
                && await applications.GetIdAsync(application, cancellationToken) is { } id)
            {
                ids.Add(id);
            }
        }

        foreach (var id in ids)
        {
            await tokens.RevokeByApplicationIdAsync(id, cancellationToken);
            await authorizations.RevokeByApplicationIdAsync(id, cancellationToken);
        }
    }
}
