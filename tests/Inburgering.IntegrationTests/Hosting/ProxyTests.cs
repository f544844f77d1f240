using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Identity.Features.Accounts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.IntegrationTests.Hosting;

/// <summary>
/// The deployment as the chart has it: a real reverse proxy (nginx, Debian's package) ends TLS for
/// <c>inburgering.test</c> and forwards plain HTTP to two web instances of the built app, which trust it as their only
/// proxy. Clients connect from different loopback addresses, so the proxy sees different clients.
/// </summary>
public sealed class ProxyFixture : AppFixture, IAsyncLifetime
{
    public const string Host = "inburgering.test";
    private static readonly TimeSpan Geduld = TimeSpan.FromMinutes(3);
    private readonly List<AppProcess> _instanties = [];
    private Process? _nginx;
    private DirectoryInfo? _map;

    public int Poort { get; private set; }

    public Uri Site => new($"https://{Host}:{Poort}/");

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Poort = Lokaal.VrijePoort();
        var poorten = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            var omgeving = MeerdereInstantiesFixture.Omgeving(Database, Mail.Port);
            omgeving["Kestrel__Certificates__Default__Path"] = null;
            omgeving["Kestrel__Certificates__Default__Password"] = null;
            omgeving["Oidc__Issuer"] = null;
            omgeving["PublicUrl"] = Site.ToString();
            omgeving["AllowedHosts"] = $"{Host};127.0.0.1";
            omgeving["Proxy__KnownProxies"] = "127.0.0.1";
            var instantie = AppProcess.Start(omgeving, ["--urls=http://127.0.0.1:0", "--role", "web"]);
            _instanties.Add(instantie);
            poorten.Add(new Uri(await instantie.WaitForUrlAsync(Geduld)).Port);
        }

        _map = Directory.CreateTempSubdirectory("inburgering-nginx-");
        StartNginx(poorten);
        for (var poging = 0; poging < 100 && !Bereikbaar(); poging++)
        {
            await Task.Delay(100);
        }
    }

    public new async Task DisposeAsync()
    {
        if (_nginx is { HasExited: false })
        {
            _nginx.Kill(entireProcessTree: true);
            await _nginx.WaitForExitAsync();
        }

        foreach (var instantie in _instanties)
        {
            await instantie.DisposeAsync();
        }

        _map?.Delete(recursive: true);
        await base.DisposeAsync();
    }

    /// <summary>A browser at <paramref name="bron"/> (a loopback address of its own), speaking TLS to the proxy only.</summary>
    public HttpClient Client(string bron, CookieContainer? koekjes = null) => new(new SocketsHttpHandler
    {
        CookieContainer = koekjes ?? new CookieContainer(),
        AllowAutoRedirect = false,
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            socket.Bind(new IPEndPoint(IPAddress.Parse(bron), 0));
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Poort), ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
        SslOptions = { RemoteCertificateValidationCallback = (_, certificaat, _, _) => certificaat is not null },
    })
    { BaseAddress = Site };

    private void StartNginx(List<int> poorten)
    {
        using (var pfx = X509CertificateLoader.LoadPkcs12FromFile(TestCertificates.Tls.FullName, TestCertificates.Password, X509KeyStorageFlags.Exportable))
        {
            File.WriteAllText(Path.Combine(_map!.FullName, "tls.crt"), pfx.ExportCertificatePem());
            File.WriteAllText(Path.Combine(_map.FullName, "tls.key"), pfx.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        }

        var map = _map.FullName;
        var upstream = string.Join('\n', poorten.Select(p => $"    server 127.0.0.1:{p};"));
        // The settings etc/ops/README.md gives: TLS here, the client's address and scheme from this proxy only, the
        // Host passed on as the client sent it (the app refuses any host it does not serve).
        File.WriteAllText(Path.Combine(map, "nginx.conf"), $$"""
            worker_processes 1;
            daemon off;
            pid {{map}}/nginx.pid;
            error_log {{map}}/error.log warn;
            events { worker_connections 256; }
            http {
              access_log off;
              client_body_temp_path {{map}}/body;
              proxy_temp_path {{map}}/proxy;
              fastcgi_temp_path {{map}}/fastcgi;
              uwsgi_temp_path {{map}}/uwsgi;
              scgi_temp_path {{map}}/scgi;
              upstream inburgering {
            {{upstream}}
              }
              server {
                listen 127.0.0.1:{{Poort}} ssl;
                server_name {{Host}};
                ssl_certificate {{map}}/tls.crt;
                ssl_certificate_key {{map}}/tls.key;
                ssl_protocols TLSv1.2 TLSv1.3;
                location / {
                  proxy_pass http://inburgering;
                  proxy_set_header Host $http_host;
                  proxy_set_header X-Forwarded-For $remote_addr;
                  proxy_set_header X-Forwarded-Proto $scheme;
                  proxy_set_header X-Forwarded-Host "";
                }
              }
            }
            """);
        _nginx = Process.Start(new ProcessStartInfo("nginx", ["-p", map, "-c", Path.Combine(map, "nginx.conf")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("nginx did not start");
    }

    private bool Bereikbaar()
    {
        try
        {
            using var tcp = new TcpClient();
            tcp.Connect(IPAddress.Loopback, Poort);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

public sealed partial class ProxyTests(ProxyFixture app) : IClassFixture<ProxyFixture>
{
    private const string RedirectUri = "https://portaal.example/callback";

    [Fact]
    public async Task A_person_signs_in_with_the_second_factor_and_an_app_gets_tokens_with_pkce_through_the_proxy()
    {
        var email = await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur));
        using var browser = app.Client("127.0.0.2");
        var ontdekking = await browser.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        Assert.Equal(app.Site.ToString(), ontdekking.GetProperty("issuer").GetString());

        var aangemeld = await PostFormAsync(browser, "/account/inloggen", new() { ["Email"] = email, ["Wachtwoord"] = People.Password });
        Assert.Equal("/account/instellen", aangemeld.Headers.Location?.OriginalString);
        var instellen = await browser.GetStringAsync("/account/instellen");
        var sleutel = People.SecretKey().Match(instellen).Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await PostFormAsync(browser, "/account/instellen",
            new() { ["Code"] = ReplayProtectedTotpProvider.CodeAt(sleutel, TimeProvider.System.GetUtcNow()) })).StatusCode);

        string clientId;
        await using (var scope = app.TenantScope.EnterHost())
        {
            clientId = (await scope.ServiceProvider.GetRequiredService<IClientAdministration>().RegisterAsync(new ClientRegistratie(
                "portaal-" + Guid.NewGuid().ToString("N")[..10], "Portaal", "interactief", null, null, [RedirectUri], null), CancellationToken.None)).Client.ClientId;
        }

        var verifier = Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlTextEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var autorisatie = await browser.GetAsync(QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["response_type"] = "code", ["redirect_uri"] = RedirectUri, ["scope"] = "openid inburgering",
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = "s",
        }));
        Assert.StartsWith(RedirectUri, autorisatie.Headers.Location?.ToString(), StringComparison.Ordinal);
        var code = QueryHelpers.ParseQuery(autorisatie.Headers.Location!.Query)["code"].ToString();

        using var portaal = app.Client("127.0.0.4");
        var tokens = await portaal.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RedirectUri, ["client_id"] = clientId, ["code_verifier"] = verifier,
        }));
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        var toegang = (await tokens.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        portaal.DefaultRequestHeaders.Authorization = new("Bearer", toegang);
        Assert.Equal(HttpStatusCode.OK, (await portaal.GetAsync("/api/v1/account")).StatusCode);
    }

    [Fact]
    public async Task An_integration_gets_a_client_credentials_token_through_the_proxy_and_uses_the_api()
    {
        ClientAangemaakt koppeling;
        await using (var scope = app.TenantScope.EnterHost())
        {
            koppeling = await scope.ServiceProvider.GetRequiredService<IClientAdministration>().RegisterAsync(new ClientRegistratie(
                "koppeling-" + Guid.NewGuid().ToString("N")[..10], "Zaaksysteem", "koppeling", AppFixture.TenantA, [Roles.Teamleider], null, null), CancellationToken.None);
        }

        using var client = app.Client("127.0.0.5");
        var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = koppeling.Client.ClientId, ["client_secret"] = koppeling.Secret!, ["scope"] = "inburgering",
        }));

        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/dossiers")).StatusCode);
    }

    [Fact]
    public async Task A_reset_asked_for_with_a_forged_host_mails_nothing_and_a_forged_forwarded_host_still_gets_the_public_address()
    {
        var email = await app.CreateUserAsync((AppFixture.TenantB, OrganisationKind.Gemeente, Roles.Klantregisseur));
        using var aanvaller = app.Client("127.0.0.6");
        var formulier = await aanvaller.GetStringAsync("/account/wachtwoord-vergeten");
        using var vervalst = new HttpRequestMessage(HttpMethod.Post, "/account/wachtwoord-vergeten")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["__RequestVerificationToken"] = People.TokenUit(formulier) }),
        };
        vervalst.Headers.Host = "aanvaller.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await aanvaller.SendAsync(vervalst)).StatusCode);

        aanvaller.DefaultRequestHeaders.Add("X-Forwarded-Host", "aanvaller.example");
        aanvaller.DefaultRequestHeaders.Add("X-Forwarded-Proto", "http");
        aanvaller.DefaultRequestHeaders.Add("X-Forwarded-For", "10.9.8.7");
        await PostFormAsync(aanvaller, "/account/wachtwoord-vergeten", new() { ["Email"] = email });

        var link = LinkPattern().Match((await app.Mail.LastToAsync(email)).TextBody ?? string.Empty).Value;
        Assert.StartsWith(app.Site + "account/nieuw-wachtwoord?", link, StringComparison.Ordinal);
        Assert.Single(app.Mail.Received, m => m.To.Mailboxes.Any(b => b.Address == email));
    }

    [Fact]
    public async Task One_clients_failed_logins_do_not_lock_out_another_client()
    {
        var doelwit = await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Teamleider));
        var ander = await app.CreateUserWithoutRoleAsync(AppFixture.TenantB, OrganisationKind.Gemeente);
        using var raden = app.Client("127.0.0.7");
        // The proxy writes the client's address itself: a header of the client's own cannot spread its guesses.
        raden.DefaultRequestHeaders.Add("X-Forwarded-For", "127.0.0.8");
        var statussen = new List<HttpStatusCode>();
        for (var poging = 0; poging < 45; poging++)
        {
            statussen.Add((await PostFormAsync(raden, "/account/inloggen", new() { ["Email"] = doelwit, ["Wachtwoord"] = $"fout wachtwoord {poging}" })).StatusCode);
        }

        using var collega = app.Client("127.0.0.8");
        var aangemeld = await PostFormAsync(collega, "/account/inloggen", new() { ["Email"] = ander, ["Wachtwoord"] = People.Password });

        Assert.Contains(HttpStatusCode.TooManyRequests, statussen);
        Assert.Equal(HttpStatusCode.TooManyRequests, statussen[^1]);
        Assert.Equal(HttpStatusCode.Redirect, aangemeld.StatusCode);
        Assert.Equal("/", aangemeld.Headers.Location?.OriginalString);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pad, Dictionary<string, string> velden)
    {
        velden["__RequestVerificationToken"] = People.TokenUit(await client.GetStringAsync(pad));
        return await client.PostAsync(pad, new FormUrlEncodedContent(velden));
    }

    [GeneratedRegex(@"\S+/account/nieuw-wachtwoord\?\S+")]
    private static partial Regex LinkPattern();
}
