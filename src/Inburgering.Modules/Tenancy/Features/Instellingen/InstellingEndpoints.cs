using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Tenancy.Features.Instellingen;

internal sealed record InstellingWeergave(string Sleutel, string Omschrijving, string Waarde, string Standaard, IReadOnlyList<string> Waarden);

internal sealed record InstellingWijziging(string? Waarde);

/// <summary><c>/beheer/instellingen</c>: the functioneel beheerder changes the gemeente's settings, only the declared ones and only to allowed values.</summary>
internal static class InstellingEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/beheer/instellingen").WithTags("Beheer: instellingen").RequirePermission(TenancyPermissies.InstellingenBeheren);
        group.MapGet("/", async (IEnumerable<TenantSettingDefinition> definities, ITenantSettings settings, ICurrentTenant tenant, CancellationToken ct) =>
        {
            Gemeente(tenant);
            var waarden = await settings.AllAsync(ct);
            return TypedResults.Ok(definities.OrderBy(d => d.Sleutel, StringComparer.Ordinal)
                .Select(d => new InstellingWeergave(d.Sleutel, d.Omschrijving, waarden.GetValueOrDefault(d.Sleutel, d.Standaard), d.Standaard, d.Waarden)).ToList());
        });
        group.MapPut("/{sleutel}", async (string sleutel, InstellingWijziging wijziging, IEnumerable<TenantSettingDefinition> definities, ITenantSettings settings,
            ICurrentTenant tenant, CancellationToken ct) =>
        {
            Gemeente(tenant);
            var definitie = definities.SingleOrDefault(d => d.Sleutel == sleutel)
                ?? throw new DomainException(TenancyErrors.SettingNotFound, $"Er is geen instelling '{sleutel}'.", StatusCodes.Status404NotFound);
            if (wijziging.Waarde is not { } waarde || !definitie.Waarden.Contains(waarde))
            {
                throw new ValidationFailedException(TenancyErrors.Validation, new Dictionary<string, string[]>
                {
                    ["waarde"] = [$"Kies {string.Join(" of ", definitie.Waarden)}."],
                });
            }

            await settings.SetAsync(sleutel, waarde, ct);
            return TypedResults.Ok(new InstellingWeergave(definitie.Sleutel, definitie.Omschrijving, waarde, definitie.Standaard, definitie.Waarden));
        });
    }

    private static void Gemeente(ICurrentTenant tenant)
    {
        if (tenant.Id is null)
        {
            throw new DomainException(TenancyErrors.NotAGemeente, "Instellingen horen bij een gemeente; u werkt nu niet voor een gemeente.", StatusCodes.Status403Forbidden);
        }
    }
}
