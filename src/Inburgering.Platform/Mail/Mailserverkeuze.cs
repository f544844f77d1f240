using System.Net;
using System.Net.Sockets;
using MailKit.Security;

namespace Inburgering.Platform.Mail;

/// <summary>
/// The rules for a mail server a gemeente chooses itself. A functioneel beheerder must not be able to point the
/// platform at its own network (the database, the cluster's services, a cloud metadata endpoint) nor send mail in the
/// clear: only submission ports with TLS, and only public addresses, checked when saved and again when connecting
/// (a name may resolve elsewhere later). An operator may trust relays of their own under <c>Smtp:VertrouwdeGemeenteServers</c>.
/// </summary>
public static class Mailserverkeuze
{
    public static IReadOnlySet<int> Poorten { get; } = new HashSet<int> { 465, 587 };

    public static IReadOnlySet<SecureSocketOptions> Beveiligingen { get; } = new HashSet<SecureSocketOptions> { SecureSocketOptions.StartTls, SecureSocketOptions.SslOnConnect };

    /// <summary>Loopback, private, shared (carrier/cluster), link-local, unique-local, multicast and unspecified addresses are not public.</summary>
    public static bool IsPubliek(IPAddress adres)
    {
        if (adres.IsIPv4MappedToIPv6)
        {
            adres = adres.MapToIPv4();
        }

        if (IPAddress.IsLoopback(adres) || adres.Equals(IPAddress.Any) || adres.Equals(IPAddress.IPv6Any) || adres.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (adres.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = adres.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] >= 224
                     || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                     || (b[0] == 169 && b[1] == 254)
                     || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                     || (b[0] == 192 && b[1] == 168)
                     || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                     || (b[0] == 198 && (b[1] == 18 || b[1] == 19)));
        }

        var v6 = adres.GetAddressBytes();
        return !(adres.IsIPv6LinkLocal || adres.IsIPv6SiteLocal || adres.IsIPv6Multicast || (v6[0] & 0xfe) == 0xfc || adres.IsIPv6Teredo);
    }

    /// <summary>The host's addresses when every one is public; null when any is not (or it does not resolve).</summary>
    public static async Task<IPAddress[]?> PubliekeAdressenAsync(string host, CancellationToken ct)
    {
        IPAddress[] adressen;
        try
        {
            adressen = IPAddress.TryParse(host, out var letterlijk) ? [letterlijk] : await Dns.GetHostAddressesAsync(host, ct);
        }
        catch (SocketException)
        {
            return null;
        }

        return adressen.Length > 0 && adressen.All(IsPubliek) ? adressen : null;
    }
}
