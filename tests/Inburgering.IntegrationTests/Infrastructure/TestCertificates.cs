using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Inburgering.IntegrationTests.Infrastructure;

/// <summary>Self-signed OIDC signing and encryption certificates as .pfx files, made once per test run.</summary>
internal static class TestCertificates
{
    public const string Password = "test-certificaat-wachtwoord";

    private static readonly string Folder = Directory.CreateTempSubdirectory("inburgering-test-certs-").FullName;

    public static FileInfo Signing { get; } = Create("Signing", X509KeyUsageFlags.DigitalSignature);

    public static FileInfo Encryption { get; } = Create("Encryption", X509KeyUsageFlags.KeyEncipherment);

    private static FileInfo Create(string purpose, X509KeyUsageFlags usage)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=Inburgering Test {purpose}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(50), DateTimeOffset.UnixEpoch.AddYears(80));
        var file = new FileInfo(Path.Combine(Folder, purpose.ToLowerInvariant() + ".pfx"));
        File.WriteAllBytes(file.FullName, certificate.Export(X509ContentType.Pfx, Password));
        return file;
    }
}
