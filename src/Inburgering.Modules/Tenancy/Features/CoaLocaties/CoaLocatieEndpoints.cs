using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Tenancy.Features.CoaLocaties;

internal sealed record CoaLocatieDto(Guid Id, string Naam, string Soort, string Plaats, string? Regio);

/// <summary>COA's reception locations: public facts that gemeenten and casemanagers pick from.</summary>
internal static class CoaLocatieEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/register/coa-locaties", async (CoaLocatieRegister register, CancellationToken ct) => TypedResults.Ok(await register.ActieveAsync(ct)))
            .WithTags("Register").AllowAnonymous();
}
