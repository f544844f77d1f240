using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Dossiers;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Mail;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Inburgering.IntegrationTests.Documenten;

/// <summary>A gemeente's own mail server is a public one, with TLS, on a submission port: never the platform's own network.</summary>
public sealed class MailserverTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("10.0.0.5", 587, "StartTls", "host")]
    [InlineData("169.254.169.254", 465, "SslOnConnect", "host")]
    [InlineData("localhost", 587, "StartTls", "host")]
    [InlineData("192.168.1.20", 587, "StartTls", "host")]
    [InlineData("100.64.0.9", 587, "StartTls", "host")]
    [InlineData("203.0.113.25", 25, "StartTls", "poort")]
    [InlineData("203.0.113.25", 587, "None", "beveiliging")]
    [InlineData("203.0.113.25", 587, "StartTlsWhenAvailable", "beveiliging")]
    public async Task An_internal_address_a_plain_port_or_no_tls_is_refused_by_name_and_nothing_is_stored(string host, int poort, string beveiliging, string veld)
    {
        var beheer = await app.IntegrationAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder);

        var fout = await Antwoord.VanAsync(await beheer.PutAsJsonAsync("/api/v1/beheer/smtp", new
        {
            host, poort, beveiliging, gebruikersnaam = (string?)null, afzender = "Gemeente Almelo <noreply@almelo.example>",
        }));

        Assert.Equal((HttpStatusCode.BadRequest, "Documenten:Validation"), (fout.Status, fout.Code));
        Assert.Equal([veld], fout.Velden);
        Assert.Equal("platform", (await beheer.GetFromJsonAsync<JsonElement>("/api/v1/beheer/smtp")).GetProperty("bron").GetString());
    }

    [Fact]
    public async Task A_server_name_that_resolves_inside_is_refused_again_when_connecting_and_nothing_reaches_it()
    {
        await using var intern = new SmtpTestServer();
        var verzender = new SmtpMailSender(Options.Create(new SmtpOptions()), NullLogger<SmtpMailSender>.Instance);
        var mail = new OutgoingMail("kr@almelo.example", "Overzicht", "tekst");

        await Assert.ThrowsAsync<InvalidOperationException>(() => verzender.SendAsync(mail, CancellationToken.None,
            new SmtpOptions { Host = "localhost", Port = intern.Port, Security = MailKit.Security.SecureSocketOptions.None, AlleenPubliek = true }));
        Assert.Empty(intern.Received);

        // The same server, trusted by the operator: the mail arrives, so the refusal above was the check, not the sink.
        await verzender.SendAsync(mail, CancellationToken.None,
            new SmtpOptions { Host = "localhost", Port = intern.Port, Security = MailKit.Security.SecureSocketOptions.None, AlleenPubliek = false });
        Assert.Equal("Overzicht", (await intern.LastToAsync("kr@almelo.example")).Subject);
    }
}
