using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Documenten.Domain;

/// <summary>
/// The outbox of e-mail: a message is written here (once per <see cref="Sleutel"/>) in the transaction that decides
/// to send it, and a job sends it; it is marked sent in the same lock that sent it, so a retry never sends it again.
/// </summary>
internal sealed class UitgaandeMail : ITenantOwned
{
    private UitgaandeMail()
    {
        Sleutel = string.Empty;
        Adres = string.Empty;
        Onderwerp = string.Empty;
        Html = string.Empty;
    }

    public UitgaandeMail(string sleutel, Guid ontvangerId, string adres, string onderwerp, string html, DateTimeOffset nu)
    {
        Id = Guid.CreateVersion7(nu);
        Sleutel = sleutel;
        OntvangerId = ontvangerId;
        Adres = adres;
        Onderwerp = onderwerp;
        Html = html;
        AangemaaktOp = nu;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>What makes it unique, e.g. <c>digest:{user}:{date}</c>.</summary>
    public string Sleutel { get; private set; }

    public Guid OntvangerId { get; private set; }

    public string Adres { get; private set; }

    public string Onderwerp { get; private set; }

    public string Html { get; private set; }

    public DateTimeOffset AangemaaktOp { get; private set; }

    public DateTimeOffset? VerzondenOp { get; private set; }

    public int Pogingen { get; private set; }

    public string? LaatsteFout { get; private set; }

    public void Verzonden(DateTimeOffset nu)
    {
        VerzondenOp = nu;
        Pogingen++;
        LaatsteFout = null;
    }

    /// <summary>After sending, the body (names of the person's clients) is kept only for the retention period.</summary>
    public void WisInhoud() => Html = string.Empty;

    public void Mislukt(string fout)
    {
        Pogingen++;
        LaatsteFout = fout.Length > 1000 ? fout[..1000] : fout;
    }
}

/// <summary>A klantregisseur who does not want the morning e-mail (in this gemeente).</summary>
internal sealed class DigestAfmelding : ITenantOwned
{
    private DigestAfmelding()
    {
    }

    public DigestAfmelding(Guid gebruikerId, DateTimeOffset nu)
    {
        GebruikerId = gebruikerId;
        AfgemeldOp = nu;
    }

    public Guid TenantId { get; private set; }

    public Guid GebruikerId { get; private set; }

    public DateTimeOffset AfgemeldOp { get; private set; }
}

/// <summary>A gemeente's own mail server; without one, the platform's default is used. The password is stored encrypted.</summary>
internal sealed class SmtpInstelling : ITenantOwned
{
    private SmtpInstelling()
    {
        Host = string.Empty;
        Beveiliging = "StartTls";
        Afzender = string.Empty;
    }

    public SmtpInstelling(DateTimeOffset nu)
        : this() => GewijzigdOp = nu;

    public Guid TenantId { get; private set; }

    public string Host { get; set; }

    public int Poort { get; set; }

    /// <summary>MailKit's SecureSocketOptions name: StartTls, SslOnConnect, StartTlsWhenAvailable or None.</summary>
    public string Beveiliging { get; set; }

    public string? Gebruikersnaam { get; set; }

    public string? WachtwoordVersleuteld { get; set; }

    public string Afzender { get; set; }

    public DateTimeOffset GewijzigdOp { get; set; }
}
