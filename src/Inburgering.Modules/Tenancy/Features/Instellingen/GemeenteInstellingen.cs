using System.Security.Claims;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Http;

namespace Inburgering.Modules.Tenancy.Features.Instellingen;

internal sealed class GemeenteInstellingen(IEnumerable<TenantSettingDefinition> definities, ITenantSettings settings, ICurrentTenant tenant,
    IPermissionEvaluator toestemming) : IGemeenteInstellingen
{
    public async Task<IReadOnlyList<InstellingWeergave>> LijstAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        await toestemming.VereisAsync(user, TenancyPermissies.InstellingenBeheren, ct);
        tenant.Vereis("Instellingen");
        var waarden = await settings.AllAsync(ct);
        return [.. definities.OrderBy(d => d.Sleutel, StringComparer.Ordinal)
            .Select(d => new InstellingWeergave(d.Sleutel, d.Omschrijving, waarden.GetValueOrDefault(d.Sleutel, d.Standaard), d.Standaard, d.Waarden))];
    }

    public async Task<InstellingWeergave> ZetAsync(ClaimsPrincipal user, string sleutel, string? waarde, CancellationToken ct)
    {
        await toestemming.VereisAsync(user, TenancyPermissies.InstellingenBeheren, ct);
        tenant.Vereis("Instellingen");
        var definitie = definities.SingleOrDefault(d => d.Sleutel == sleutel)
            ?? throw new DomainException(TenancyErrors.SettingNotFound, $"Er is geen instelling '{sleutel}'.", StatusCodes.Status404NotFound);
        if (waarde is null || !definitie.Waarden.Contains(waarde))
        {
            throw Invoer.Afgewezen(TenancyErrors.Validation, "waarde", [$"Kies {string.Join(" of ", definitie.Waarden)}."]);
        }

        await settings.SetAsync(sleutel, waarde, ct);
        return new InstellingWeergave(definitie.Sleutel, definitie.Omschrijving, waarde, definitie.Standaard, definitie.Waarden);
    }
}
