using System.Security.Cryptography;
using System.Text;

namespace Inburgering.Platform.Data;

/// <summary>
/// Name-based UUID (RFC 9562 version 5) so reference data (organisations, locations) has the same id
/// in every environment and seeding stays idempotent.
/// </summary>
public static class DeterministicGuid
{
    private static readonly Guid Namespace = new("5d3b0a3e-6f1c-4b7e-9a51-1f0c2b7f1e10");

    public static Guid Create(string name)
    {
        var ns = Namespace.ToByteArray(bigEndian: true);
        var input = ns.Concat(Encoding.UTF8.GetBytes(name)).ToArray();
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for version 5; not used for security.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
