using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Inburgering.Platform.Http;

/// <summary>
/// The site's public address (<c>PublicUrl</c>), the only base of a link in mail. Never the request's Host or scheme:
/// a reset asked for with a forged Host would otherwise mail the victim a genuine link to the attacker's site.
/// Checked at start-up: outside Development it must be an https address without path parameters or credentials.
/// </summary>
public sealed class PublicSite
{
    public const string Key = "PublicUrl";

    public PublicSite(IConfiguration configuration, IHostEnvironment environment)
    {
        var waarde = configuration[Key];
        if (string.IsNullOrWhiteSpace(waarde))
        {
            Adres = environment.IsDevelopment()
                ? new Uri("http://localhost:5080/")
                : throw new InvalidOperationException($"{Key} is required outside Development: every mailed link is built from it.");
            return;
        }

        if (!Uri.TryCreate(waarde.EndsWith('/') ? waarde : waarde + "/", UriKind.Absolute, out var adres)
            || (adres.Scheme != Uri.UriSchemeHttps && !(environment.IsDevelopment() && adres.Scheme == Uri.UriSchemeHttp))
            || !string.IsNullOrEmpty(adres.UserInfo) || !string.IsNullOrEmpty(adres.Query) || !string.IsNullOrEmpty(adres.Fragment))
        {
            throw new InvalidOperationException($"{Key} '{waarde}' is not an https address without credentials, query or fragment (http is for Development only).");
        }

        Adres = adres;
    }

    public Uri Adres { get; }

    /// <summary>An absolute link to a page of this site, e.g. <c>dossiers/{id}</c>.</summary>
    public Uri Link(string relatief) => new(Adres, relatief.TrimStart('/'));
}
