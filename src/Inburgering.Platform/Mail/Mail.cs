using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Inburgering.Platform.Mail;

/// <summary>An e-mail to one person: plain text, optionally with an HTML alternative.</summary>
/// <param name="MessageId">A stable Message-ID (e.g. from an outbox row), so a receiving server can recognise a repeat.</param>
public sealed record OutgoingMail(string To, string Subject, string Body, string? Html = null, string? MessageId = null);

public interface IMailSender
{
    /// <summary>Sends through <paramref name="via"/> when given (a gemeente's own server), else the platform's <c>Smtp</c> settings.</summary>
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken, SmtpOptions? via = null);
}

/// <summary>Settings under <c>Smtp</c>. Outside Development a host is required.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>MailKit's <see cref="SecureSocketOptions"/>: StartTls (default), SslOnConnect, StartTlsWhenAvailable or None.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "Inburgering <noreply@inburgering.nl>";

    /// <summary>Hosts an operator trusts as a gemeente's own server although they are internal (a relay of their own).</summary>
    public List<string> VertrouwdeGemeenteServers { get; set; } = [];

    /// <summary>A gemeente's own server: connect only to a public address (<see cref="Mailserverkeuze"/>), checked again now.</summary>
    public bool AlleenPubliek { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

internal sealed class SmtpMailSender(IOptions<SmtpOptions> options, ILogger<SmtpMailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken, SmtpOptions? via = null)
    {
        var smtp = via ?? options.Value;
        if (!smtp.IsConfigured)
        {
            throw new InvalidOperationException("Smtp:Host is not configured.");
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        if (mail.MessageId is not null)
        {
            message.MessageId = mail.MessageId;
        }

        message.Body = mail.Html is null
            ? new TextPart("plain") { Text = mail.Body }
            : new BodyBuilder { TextBody = mail.Body, HtmlBody = mail.Html }.ToMessageBody();

        using var client = new SmtpClient();
        if (smtp.AlleenPubliek)
        {
            // Resolved and checked here, and the socket opened to the checked address: a name that now points inside is
            // refused, and MailKit cannot resolve it again to somewhere else.
            var adressen = await Mailserverkeuze.PubliekeAdressenAsync(smtp.Host!, cancellationToken)
                ?? throw new InvalidOperationException($"The mail server {smtp.Host} does not resolve to public addresses only; not connecting.");
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(adressen, smtp.Port, cancellationToken);
                await client.ConnectAsync(socket, smtp.Host!, smtp.Port, smtp.Security, cancellationToken);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        else
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security, cancellationToken);
        }

        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        // The subject only: bodies carry one-time links.
        logger.LogInformation("Mail sent: {Subject}", mail.Subject);
    }
}

/// <summary>Development without SMTP: the whole mail, links included, goes to the log.</summary>
internal sealed class LogMailSender(SmtpMailSender smtp, ILogger<LogMailSender> logger) : IMailSender
{
    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken, SmtpOptions? via = null)
    {
        if (via is { IsConfigured: true })
        {
            return smtp.SendAsync(mail, cancellationToken, via);
        }

        logger.LogWarning("Development mail to {To}: {Subject}\n{Body}", mail.To, mail.Subject, mail.Body);
        return Task.CompletedTask;
    }
}

internal static class MailRegistration
{
    public static IMailSender Create(IServiceProvider services)
    {
        var smtp = services.GetRequiredService<IOptions<SmtpOptions>>().Value;
        return !smtp.IsConfigured && services.GetRequiredService<IHostEnvironment>().IsDevelopment()
            ? ActivatorUtilities.CreateInstance<LogMailSender>(services, ActivatorUtilities.CreateInstance<SmtpMailSender>(services))
            : ActivatorUtilities.CreateInstance<SmtpMailSender>(services);
    }
}
