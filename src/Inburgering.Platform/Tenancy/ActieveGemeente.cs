using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Inburgering.Platform.Tenancy;

/// <summary>The one answer when tenant-owned work is asked for while no gemeente is active: 403 with one stable code, in every module.</summary>
public static class ActieveGemeente
{
    /// <param name="wat">What belongs to a gemeente, as the sentence's subject ("Dossiers", "Sjablonen").</param>
    public static Guid Vereis(this ICurrentTenant tenant, string wat = "Dit") =>
        tenant.Id ?? throw new DomainException(PlatformErrors.NoActiveGemeente, $"{wat} hoort bij een gemeente; u werkt nu niet voor een gemeente.", StatusCodes.Status403Forbidden);
}
