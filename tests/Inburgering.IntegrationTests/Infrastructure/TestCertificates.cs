using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Inburgering.IntegrationTests.Infrastructure;

/// <summary>Self-signed OIDC signing and encryption certificates, and a TLS certificate for 127.0.0.1, as .pfx files made once per test run.</summary>
internal static class TestCertificates
{
    public const string Password = "test-certificaat-wachtwoord";

    private static readonly string Folder = Directory.CreateTempSubdirectory("inburgering-test-certs-").FullName;

    public static FileInfo Signing { get; } = Create("Signing", X509KeyUsageFlags.DigitalSignature);

    public static FileInfo Encryption { get; } = Create("Encryption", X509KeyUsageFlags.KeyEncipherment);

    /// <summary>For app processes listening on https://127.0.0.1 (authentication cookies are Secure).</summary>
    public static FileInfo Tls { get; } = Create("Tls", X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, tls: true);

    private static FileInfo Create(string purpose, X509KeyUsageFlags usage, bool tls = false)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=Inburgering Test {purpose}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        if (tls)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
            var namen = new SubjectAlternativeNameBuilder();
            namen.AddIpAddress(System.Net.IPAddress.Loopback);
            namen.AddDnsName("localhost");
            request.CertificateExtensions.Add(namen.Build());
        }

        using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(50), DateTimeOffset.UnixEpoch.AddYears(80));
        var file = new FileInfo(Path.Combine(Folder, purpose.ToLowerInvariant() + ".pfx"));
        File.WriteAllBytes(file.FullName, certificate.Export(X509ContentType.Pfx, Password));
        return file;
    }
}
