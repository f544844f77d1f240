using Microsoft.AspNetCore.Http;

namespace Inburgering.Platform.Http;

/// <summary>The site's own address as the request reached it, for links in mail (set-password, reset).</summary>
public static class RequestSite
{
    public static Uri Of(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/");
}
