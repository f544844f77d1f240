using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Platform.Modularity;

/// <summary>A module's registration entry point: its services, its endpoints. Listed explicitly in the host.</summary>
public interface IModule
{
    string Name { get; }

    /// <summary>The permissions this module checks, declared in its own Contracts.</summary>
    IReadOnlyList<Authorization.Permissie> Permissies => [];

    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>API endpoints, mapped under <c>/api/v1</c>.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints);

    /// <summary>Protocol endpoints whose paths are fixed by a standard (OpenID Connect), mapped at the root.</summary>
    void MapProtocolEndpoints(IEndpointRouteBuilder root)
    {
    }
}
