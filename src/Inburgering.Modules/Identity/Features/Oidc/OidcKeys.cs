using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;

namespace Inburgering.Modules.Identity.Features.Oidc;

/// <summary>
/// Signing and encryption keys. Production reads two PKCS#12 certificates from configuration (mounted secrets) and
/// refuses to start without them; Development makes its own in the user's certificate store so tokens survive restarts.
/// </summary>
internal sealed class OidcKeys(IHostEnvironment environment, IOptions<OidcOptions> settings, TimeProvider time)
    : IConfigureOptions<OpenIddictServerOptions>, IConfigureOptions<OpenIddictServerAspNetCoreOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        var oidc = settings.Value;
        options.Issuer = oidc.Issuer;
        options.TimeProvider = time;
        options.AccessTokenLifetime = TimeSpan.FromMinutes(oidc.AccessTokenMinutes);
        options.RefreshTokenLifetime = TimeSpan.FromHours(oidc.RefreshTokenHours);

        var signing = Load(oidc.SigningCertificate, "Oidc:SigningCertificate", "Signing", X509KeyUsageFlags.DigitalSignature);
        var encryption = Load(oidc.EncryptionCertificate, "Oidc:EncryptionCertificate", "Encryption", X509KeyUsageFlags.KeyEncipherment);
        options.SigningCredentials.Add(new SigningCredentials(new X509SecurityKey(signing), SecurityAlgorithms.RsaSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(new X509SecurityKey(encryption),
            SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    public void Configure(OpenIddictServerAspNetCoreOptions options) =>
        // The development host listens on plain http://localhost; everywhere else TLS is required.
        options.DisableTransportSecurityRequirement = environment.IsDevelopment();

    /// <summary>The configured .pfx with its private key, or null when no path is configured.</summary>
    public static X509Certificate2? FromFile(OidcOptions.CertificateFile? file, string key)
    {
        if (string.IsNullOrWhiteSpace(file?.Path))
        {
            return null;
        }

        if (!File.Exists(file.Path))
        {
            throw new InvalidOperationException($"{key}:Path points to '{file.Path}', which does not exist.");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(file.Path, file.Password, X509KeyStorageFlags.EphemeralKeySet);
        return certificate.HasPrivateKey ? certificate : throw new InvalidOperationException($"{key}:Path holds no private key.");
    }

    private X509Certificate2 Load(OidcOptions.CertificateFile file, string key, string purpose, X509KeyUsageFlags usage)
    {
        if (FromFile(file, key) is { } configured)
        {
            return configured;
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"{key}:Path (a .pfx file) is required outside Development. See the README, section 'Production keys'.");
        }

        return DevelopmentCertificate(purpose, usage);
    }

    private X509Certificate2 DevelopmentCertificate(string purpose, X509KeyUsageFlags usage)
    {
        var subject = new X500DistinguishedName($"CN=Inburgering Development {purpose}");
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        var now = time.GetUtcNow();
        var existing = store.Certificates.Find(X509FindType.FindBySubjectDistinguishedName, subject.Name, validOnly: false)
            .Where(c => c.HasPrivateKey && c.NotAfter > now.UtcDateTime.AddDays(7))
            .OrderByDescending(c => c.NotAfter)
            .FirstOrDefault();
        if (existing is not null)
        {
            return existing;
        }

        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(2));
        var persisted = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx, string.Empty), string.Empty,
            X509KeyStorageFlags.PersistKeySet);
        store.Add(persisted);
        return persisted;
    }
}
