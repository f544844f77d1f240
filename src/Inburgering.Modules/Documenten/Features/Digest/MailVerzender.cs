using Inburgering.Modules.Documenten.Data;
using Inburgering.Modules.Documenten.Data.Sql;
using Inburgering.Modules.Documenten.Domain;
using Inburgering.Platform.Mail;
using MailKit.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inburgering.Modules.Documenten.Features.Digest;

/// <summary>
/// Sends the gemeente's outbox one message at a time. A message is locked while it is sent and marked sent before the
/// lock is released, so two senders (instances, retries) never send it twice; a failure counts an attempt and is retried.
/// </summary>
internal sealed class MailVerzender(DocumentenDbContext db, IMailSender mail, SmtpBeheer smtp, TimeProvider time, ILogger<MailVerzender> logger)
{
    /// <returns>How many were sent; throws after trying them all when any failed, so the job is retried.</returns>
    public async Task<int> VerstuurOpenAsync(CancellationToken ct)
    {
        var via = await smtp.OptiesAsync(ct);
        var verzonden = 0;
        var mislukt = new List<Guid>();
        while (true)
        {
            await using var transactie = await db.Database.BeginTransactionAsync(ct);
            var bericht = await MailSql.ClaimVolgendeAsync(db, [.. mislukt], ct);
            if (bericht is null)
            {
                break;
            }

            try
            {
                await mail.SendAsync(new OutgoingMail(bericht.Adres, bericht.Onderwerp, Tekst(bericht.Html), bericht.Html, $"{bericht.Id}@inburgering"), ct, via);
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException
                                           or AuthenticationException or SslHandshakeException or InvalidOperationException)
            {
                await transactie.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                mislukt.Add(bericht.Id);
                await NoteerMisluktAsync(bericht.Id, ex, ct);
                continue;
            }

            bericht.Verzonden(time.GetUtcNow());
            await db.SaveChangesAsync(ct);
            await transactie.CommitAsync(ct);
            verzonden++;
        }

        if (mislukt.Count > 0)
        {
            throw new InvalidOperationException($"{mislukt.Count} e-mail(s) could not be sent; the job is retried.");
        }

        return verzonden;
    }

    private async Task NoteerMisluktAsync(Guid id, Exception ex, CancellationToken ct)
    {
        logger.LogWarning(ex, "Sending mail {MailId} failed", id);
        var bericht = await db.UitgaandeMail.SingleAsync(m => m.Id == id, ct);
        bericht.Mislukt(ex.GetType().Name + ": " + ex.Message);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The plain-text alternative: the HTML's text, one block per line, links written out.</summary>
    public static string Tekst(string html)
    {
        var tekst = System.Text.RegularExpressions.Regex.Replace(html, "<a [^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>", "$2 ($1)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        tekst = System.Text.RegularExpressions.Regex.Replace(tekst, "<(br|/p|/li|/h[1-6]|/ul)[^>]*>", "\n", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        tekst = System.Text.RegularExpressions.Regex.Replace(tekst, "<li[^>]*>", "- ", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        tekst = System.Text.RegularExpressions.Regex.Replace(tekst, "<[^>]+>", string.Empty);
        tekst = System.Net.WebUtility.HtmlDecode(tekst);
        return string.Join('\n', tekst.Split('\n').Select(r => r.Trim()).Where(r => r.Length > 0));
    }
}
