using Inburgering.Modules.Documenten.Contracts;
using Inburgering.Modules.Documenten.Data;
using Inburgering.Modules.Documenten.Domain;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Mail;
using Inburgering.Platform.Tenancy;
using MailKit.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Documenten.Features.Digest;

/// <summary>
/// A gemeente may send its mail through its own server; without one, the platform's <c>Smtp</c> settings apply. The
/// password is encrypted with the shared Data Protection keys and never returned.
/// </summary>
internal sealed class SmtpBeheer(
    DocumentenDbContext db, IDataProtectionProvider bescherming, Tenancy.Contracts.ITenantSettings instellingen, ICurrentTenant tenant, TimeProvider time,
    Microsoft.Extensions.Options.IOptions<SmtpOptions> platform)
    : IMailInstellingen
{
    public async Task<(string Tijd, IReadOnlyList<string> Tijden)> DigestTijdAsync(CancellationToken ct)
    {
        Gemeente();
        return (await instellingen.GetAsync(DigestInstellingen.TijdSleutel, ct) ?? DigestInstellingen.StandaardTijd, DigestInstellingen.Tijden);
    }

    public async Task ZetDigestTijdAsync(string? tijd, CancellationToken ct)
    {
        Gemeente();
        if (tijd is null || !DigestInstellingen.Tijden.Contains(tijd))
        {
            throw Invoer.Afgewezen(DocumentenFouten.Validation, "tijd", [$"Kies een tijd van {DigestInstellingen.Tijden[0]} tot {DigestInstellingen.Tijden[^1]}."]);
        }

        await instellingen.SetAsync(DigestInstellingen.TijdSleutel, tijd, ct);
    }


    private IDataProtector Sleutel => bescherming.CreateProtector("Documenten.Smtp.Wachtwoord");

    /// <summary>The gemeente's own server, or null for the platform's default.</summary>
    private bool Vertrouwd(string host) => platform.Value.VertrouwdeGemeenteServers.Contains(host, StringComparer.OrdinalIgnoreCase);

    public async Task<SmtpOptions?> OptiesAsync(CancellationToken ct)
    {
        var eigen = await db.SmtpInstellingen.AsNoTracking().SingleOrDefaultAsync(ct);
        return eigen is null
            ? null
            : new SmtpOptions
            {
                Host = eigen.Host,
                Port = eigen.Poort,
                Security = Enum.Parse<SecureSocketOptions>(eigen.Beveiliging),
                UserName = eigen.Gebruikersnaam,
                Password = eigen.WachtwoordVersleuteld is { } versleuteld ? Sleutel.Unprotect(versleuteld) : null,
                From = eigen.Afzender,
                AlleenPubliek = !Vertrouwd(eigen.Host),
            };
    }

    public async Task<SmtpWeergave> SmtpAsync(CancellationToken ct)
    {
        Gemeente();
        var eigen = await db.SmtpInstellingen.AsNoTracking().SingleOrDefaultAsync(ct);
        return eigen is null
            ? new SmtpWeergave("platform", null, null, null, null, false, null)
            : new SmtpWeergave("gemeente", eigen.Host, eigen.Poort, eigen.Beveiliging, eigen.Gebruikersnaam, eigen.WachtwoordVersleuteld is not null, eigen.Afzender);
    }

    public async Task<SmtpWeergave> ZetSmtpAsync(SmtpInvoer invoer, CancellationToken ct)
    {
        Gemeente();
        var fouten = new Invoer(DocumentenFouten.Validation);
        var host = invoer.Host?.Trim();
        var hostGeldig = !(string.IsNullOrEmpty(host) || host.Length > 253 || Uri.CheckHostName(host) == UriHostNameType.Unknown);
        if (!hostGeldig)
        {
            fouten.Fout("host", "Geef de naam of het adres van de mailserver, bijvoorbeeld smtp.gemeente.nl.");
        }

        var vertrouwd = host is not null && Vertrouwd(host);
        if (invoer.Poort is not { } poort || !(Mailserverkeuze.Poorten.Contains(poort) || (vertrouwd && poort is >= 1 and <= 65535)))
        {
            fouten.Fout("poort", "Gebruik poort 587 (StartTls) of 465 (SslOnConnect).");
        }

        if (!Enum.TryParse<SecureSocketOptions>(invoer.Beveiliging, ignoreCase: false, out var beveiliging)
            || !(Mailserverkeuze.Beveiligingen.Contains(beveiliging) || (vertrouwd && beveiliging != SecureSocketOptions.Auto)))
        {
            fouten.Fout("beveiliging", "Kies StartTls of SslOnConnect: e-mail gaat nooit onversleuteld.");
        }

        if (string.IsNullOrWhiteSpace(invoer.Afzender) || invoer.Afzender.Length > 320 || !MimeKit.MailboxAddress.TryParse(invoer.Afzender, out _))
        {
            fouten.Fout("afzender", "Geef een afzender, bijvoorbeeld Gemeente Almelo <noreply@almelo.nl>.");
        }

        if (hostGeldig && !vertrouwd && await Mailserverkeuze.PubliekeAdressenAsync(host!, ct) is null)
        {
            fouten.Fout("host", "Deze mailserver is niet bereikbaar op een openbaar adres; interne adressen zijn niet toegestaan.");
        }

        if (invoer.Gebruikersnaam?.Length > 200)
        {
            fouten.Fout("gebruikersnaam", "Houd de gebruikersnaam onder 200 tekens.");
        }

        fouten.Klaar();

        var eigen = await db.SmtpInstellingen.SingleOrDefaultAsync(ct);
        if (eigen is null)
        {
            eigen = new SmtpInstelling(time.GetUtcNow());
            db.SmtpInstellingen.Add(eigen);
        }

        eigen.Host = host!;
        eigen.Poort = invoer.Poort!.Value;
        eigen.Beveiliging = beveiliging.ToString();
        eigen.Gebruikersnaam = string.IsNullOrWhiteSpace(invoer.Gebruikersnaam) ? null : invoer.Gebruikersnaam.Trim();
        if (!string.IsNullOrEmpty(invoer.Wachtwoord))
        {
            eigen.WachtwoordVersleuteld = Sleutel.Protect(invoer.Wachtwoord);
        }
        else if (eigen.Gebruikersnaam is null)
        {
            eigen.WachtwoordVersleuteld = null;
        }

        eigen.Afzender = invoer.Afzender!.Trim();
        eigen.GewijzigdOp = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await SmtpAsync(ct);
    }

    public async Task<SmtpWeergave> VerwijderSmtpAsync(CancellationToken ct)
    {
        Gemeente();
        await db.SmtpInstellingen.ExecuteDeleteAsync(ct);
        return await SmtpAsync(ct);
    }

    private void Gemeente() => tenant.Vereis("De mailserver");
}

internal static class SmtpEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var groep = api.MapGroup("/beheer/smtp").WithTags("Beheer: e-mail").RequirePermission(TenancyPermissies.InstellingenBeheren);
        groep.MapGet("/", (IMailInstellingen mail, CancellationToken ct) => mail.SmtpAsync(ct))
            .WithSummary("The gemeente's own mail server, or 'platform' when the operator's default is used. The password is never returned.");
        groep.MapPut("/", (SmtpInvoer invoer, IMailInstellingen mail, CancellationToken ct) => mail.ZetSmtpAsync(invoer, ct))
            .WithSummary("Sends the gemeente's e-mail through its own server from now on. An empty password keeps the stored one.").ProducesValidationProblem();
        groep.MapDelete("/", (IMailInstellingen mail, CancellationToken ct) => mail.VerwijderSmtpAsync(ct))
            .WithSummary("Back to the platform's mail server.");
    }
}
