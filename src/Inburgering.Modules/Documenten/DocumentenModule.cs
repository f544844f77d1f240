using Inburgering.Modules.Documenten.Features.Sjablonen;
using Inburgering.Platform.Modularity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Modules.Documenten;

/// <summary>Letters and e-mail from templates a gemeente may word its own way, rendered in a sandbox.</summary>
public sealed class DocumentenModule : IModule
{
    public string Name => "Documenten";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => SjabloonEndpoints.Map(endpoints);
}
