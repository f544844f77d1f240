using System.Net;
using Inburgering.Platform.Mail;

namespace Inburgering.UnitTests.Platform;

public sealed class MailserverkeuzeTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.0.10")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.1.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::5")]
    [InlineData("::ffff:10.0.0.1")]
    public void Internal_addresses_are_not_public(string adres) => Assert.False(Mailserverkeuze.IsPubliek(IPAddress.Parse(adres)));

    [Theory]
    [InlineData("203.0.113.25")]
    [InlineData("145.97.39.155")]
    [InlineData("172.32.0.1")]
    [InlineData("2001:610:1908:a000::149:20")]
    public void Public_addresses_are(string adres) => Assert.True(Mailserverkeuze.IsPubliek(IPAddress.Parse(adres)));
}
