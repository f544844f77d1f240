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
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security, cancellationToken);
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
