using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Inburgering.Platform.Data;

/// <summary>
/// Time-ordered ids (RFC 9562 version 7, as <see cref="Guid.CreateVersion7(DateTimeOffset)"/>) for the rows of one
/// set-based write. <see cref="Guid.CreateVersion7(DateTimeOffset)"/> asks the operating system for randomness once per
/// id, a system call each on Linux; a sweep raising 400,000 signals or a caseload read logging 50 people makes one.
/// </summary>
public static class TijdGuids
{
    private const int WillekeurPerId = 10;

    public static Guid[] Maak(int aantal, DateTimeOffset tijdstip)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(aantal);
        var ids = new Guid[aantal];
        if (aantal == 0)
        {
            return ids;
        }

        var willekeur = new byte[aantal * WillekeurPerId];
        RandomNumberGenerator.Fill(willekeur);
        Span<byte> id = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(id, tijdstip.ToUnixTimeMilliseconds() << 16);
        for (var i = 0; i < aantal; i++)
        {
            var bron = willekeur.AsSpan(i * WillekeurPerId, WillekeurPerId);
            bron.CopyTo(id[6..]);
            id[6] = (byte)(0x70 | (id[6] & 0x0F));
            id[8] = (byte)(0x80 | (id[8] & 0x3F));
            ids[i] = new Guid(id, bigEndian: true);
        }

        return ids;
    }
}
