using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Inburgering.Web.Hosting;

/// <summary>
/// Behind a TLS-ending proxy (the chart's ingress, nginx): the client's address and scheme are taken from
/// X-Forwarded-For and X-Forwarded-Proto, but only when the connection comes from a configured proxy. Anyone else's
/// forwarded headers are ignored, so a client cannot pick the address the rate limits count it under.
/// Settings under <c>Proxy</c>: <c>KnownProxies</c> (addresses) and <c>KnownNetworks</c> (CIDR, e.g. 10.0.0.0/8).
/// </summary>
internal static class ProxyInstellingen
{
    public const string Section = "Proxy";

    public static IServiceCollection AddProxyInstellingen(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Lijst(configuration, "KnownProxies").Select(p => IPAddress.TryParse(p, out var adres)
            ? adres
            : throw new InvalidOperationException($"{Section}:KnownProxies: '{p}' is not an IP address.")).ToList();
        var netwerken = Lijst(configuration, "KnownNetworks").Select(n => System.Net.IPNetwork.TryParse(n, out var netwerk)
            ? netwerk
            : throw new InvalidOperationException($"{Section}:KnownNetworks: '{n}' is not a network in CIDR notation.")).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies; the defaults (loopback) are not trusted unless listed.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            o.ForwardLimit = Math.Max(1, configuration.GetValue($"{Section}:ForwardLimit", 1));
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }

            foreach (var netwerk in netwerken)
            {
                o.KnownIPNetworks.Add(netwerk);
            }
        });
        return services;
    }

    private static IEnumerable<string> Lijst(IConfiguration configuration, string naam)
    {
        var sectie = configuration.GetSection($"{Section}:{naam}");
        // A list from the chart arrives as one comma-separated environment variable, or as indexed keys.
        return (sectie.Value is { } enkel ? enkel.Split(',') : sectie.GetChildren().Select(c => c.Value ?? string.Empty))
            .Select(s => s.Trim()).Where(s => s.Length > 0);
    }
}
