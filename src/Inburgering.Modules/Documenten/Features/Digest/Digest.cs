using System.Globalization;
using System.Security.Claims;
using Hangfire;
using Inburgering.Modules.Documenten.Contracts;
using Inburgering.Modules.Documenten.Data;
using Inburgering.Modules.Documenten.Domain;
using Inburgering.Modules.Documenten.Features.Sjablonen;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Jobs;
using Inburgering.Platform.Tenancy;
using Inburgering.Platform.Tijd;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Inburgering.Modules.Documenten.Features.Digest;

/// <summary>The morning e-mail's settings: the time per gemeente, and who opted out.</summary>
internal static class DigestInstellingen
{
    public const string TijdSleutel = "documenten.digest-tijd";
    public const string StandaardTijd = "07:30";

    public static IReadOnlyList<string> Tijden { get; } =
        [.. Enumerable.Range(12, 9).Select(halfuur => new TimeOnly(halfuur / 2, halfuur % 2 * 30).ToString("HH:mm", CultureInfo.InvariantCulture))];
}

internal sealed class DigestVoorkeur(DocumentenDbContext db, ICurrentTenant tenant, TimeProvider time) : IDigestVoorkeur
{
    public async Task<bool> OntvangtAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var id = Gebruiker(user);
        return !await db.DigestAfmeldingen.AnyAsync(a => a.GebruikerId == id, ct);
    }

    public async Task ZetAsync(ClaimsPrincipal user, bool ontvangen, CancellationToken ct)
    {
        var id = Gebruiker(user);
        var afmelding = await db.DigestAfmeldingen.SingleOrDefaultAsync(a => a.GebruikerId == id, ct);
        if (ontvangen && afmelding is not null)
        {
            db.DigestAfmeldingen.Remove(afmelding);
        }
        else if (!ontvangen && afmelding is null)
        {
            db.DigestAfmeldingen.Add(new DigestAfmelding(id, time.GetUtcNow()));
        }

        await db.SaveChangesAsync(ct);
    }

    private Guid Gebruiker(ClaimsPrincipal user)
    {
        tenant.Vereis("De dagelijkse e-mail");
        return Guid.TryParse(user.FindFirstValue(IdentityClaims.UserId), out var id)
            ? id
            : throw new DomainException(PlatformErrors.Forbidden, "De dagelijkse e-mail is voor mensen met een account.", StatusCodes.Status403Forbidden);
    }
}

/// <summary>
/// One gemeente's morning e-mail. From the gemeente's time on, each klantregisseur with something new, overdue or
/// planned today gets one message: written once to the outbox (its key is per person per day), then sent. Run it as
/// often as you like: nobody gets it twice. Names and links only; never a BSN or health.
/// </summary>
internal sealed class DigestGemeenteJob(
    DocumentenDbContext db, IDossierBrieven dossiers, IPeopleDirectory mensen, IOrganisationDirectory organisaties, ITenantSettings instellingen,
    SjabloonBibliotheek sjablonen, MailVerzender verzender, ICurrentTenant tenant, TimeProvider time, Platform.Http.PublicSite site,
    ILogger<DigestGemeenteJob> logger)
{
    public const string Queue = "mail";

    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [60, 300, 900, 1800, 3600])]
    public async Task MaakEnVerstuurAsync(CancellationToken ct)
    {
        var gemeente = tenant.Id ?? throw new TenantIsolationException("The digest runs inside a gemeente.");
        var nu = time.GetUtcNow();
        var vandaag = Kalender.Vandaag(time);
        var tijd = TimeOnly.ParseExact(await instellingen.GetAsync(DigestInstellingen.TijdSleutel, ct) ?? DigestInstellingen.StandaardTijd, "HH:mm", CultureInfo.InvariantCulture);
        if (nu >= Kalender.Op(vandaag, tijd))
        {
            var nieuw = await MaakAsync(gemeente, vandaag, nu, ct);
            logger.LogInformation("Digest of {Datum}: {Aantal} new message(s) in the outbox", vandaag, nieuw);
        }

        var verzonden = await verzender.VerstuurOpenAsync(ct);
        logger.LogInformation("Outbox: {Aantal} message(s) sent", verzonden);
    }

    private async Task<int> MaakAsync(Guid gemeente, DateOnly vandaag, DateTimeOffset nu, CancellationToken ct)
    {
        var prefix = $"digest:%:{vandaag:yyyy-MM-dd}";
        var alGemaakt = (await db.UitgaandeMail.Where(m => EF.Functions.Like(m.Sleutel, prefix)).Select(m => m.OntvangerId).ToListAsync(ct)).ToHashSet();
        var afgemeld = (await db.DigestAfmeldingen.Select(a => a.GebruikerId).ToListAsync(ct)).ToHashSet();
        var regisseurs = (await mensen.MembersAsync(gemeente, Roles.Klantregisseur, ct))
            .Where(m => !alGemaakt.Contains(m.Id) && !afgemeld.Contains(m.Id) && !string.IsNullOrWhiteSpace(m.Email)).ToDictionary(m => m.Id);
        if (regisseurs.Count == 0)
        {
            return 0;
        }

        // New since the previous morning; the overdue ones come every day until they are handled.
        var inhoud = await dossiers.DigestAsync(vandaag, nu.AddDays(-1), ct);
        var naam = (await organisaties.FindAsync(gemeente, ct))?.Naam ?? string.Empty;
        var (tekst, _) = await sjablonen.HuidigAsync(SjabloonBibliotheek.DigestSleutel, ct);
        foreach (var deel in inhoud)
        {
            if (!regisseurs.TryGetValue(deel.KlantregisseurId, out var regisseur))
            {
                continue;
            }

            var model = SjabloonModel.Maak((naam, null), (regisseur.Naam, null, null), (string.Empty, string.Empty, string.Empty, null), vandaag,
                signalen: [.. deel.Signalen.Select(s => (IReadOnlyDictionary<string, object?>)SjabloonModel.Groep(("naam", s.Naam), ("link", site.Link($"dossiers/{s.DossierId}").AbsoluteUri),
                    ("soort", s.Soort.Replace('-', ' ')), ("ernst", s.Ernst), ("uiterlijk", SjabloonModel.Datum(s.Uiterlijk))))],
                afspraken: [.. deel.Afspraken.Select(a => (IReadOnlyDictionary<string, object?>)SjabloonModel.Groep(("tijd", a.Tijd), ("naam", a.Naam), ("link", site.Link($"dossiers/{a.DossierId}").AbsoluteUri)))]);
            db.UitgaandeMail.Add(new UitgaandeMail($"digest:{regisseur.Id}:{vandaag:yyyy-MM-dd}", regisseur.Id, regisseur.Email!,
                $"Inburgering: wat vandaag aandacht vraagt ({SjabloonModel.Datum(vandaag)})", Render(tekst, model), nu));
        }

        try
        {
            return await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another run wrote today's digests at the same moment: those stand, this run adds nothing.
            db.ChangeTracker.Clear();
            return 0;
        }
    }


    /// <summary>A gemeente's broken digest template must not stop the mail: then the default text is used, and the error logged.</summary>
    private string Render(string tekst, Dictionary<string, object?> model)
    {
        try
        {
            return SjabloonRenderer.Render(tekst, model);
        }
        catch (SjabloonFout fout)
        {
            logger.LogError("The gemeente's digest template failed ({Code}); the default was used", fout.Code);
            return SjabloonRenderer.Render(SjabloonRenderer.StandaardTekst(SjabloonBibliotheek.DigestSleutel), model);
        }
    }
}

/// <summary>Every quarter of an hour: one digest job per active gemeente; each decides by its own time whether it is due.</summary>
internal sealed class DigestPlanner(IOrganisationDirectory organisaties, ITenantJobs jobs)
{
    public const string RecurringId = "dagelijkse-email";

    [AutomaticRetry(Attempts = 3)]
    public async Task VerdeelAsync(CancellationToken ct)
    {
        foreach (var gemeente in await organisaties.ActiveTenantsAsync(ct))
        {
            jobs.Enqueue<DigestGemeenteJob>(gemeente.Id, j => j.MaakEnVerstuurAsync(CancellationToken.None), DigestGemeenteJob.Queue);
        }
    }
}

internal sealed class DigestRecurringJob : IRecurringJob
{
    public void Register(IRecurringJobManager manager) =>
        manager.AddOrUpdate<DigestPlanner>(DigestPlanner.RecurringId, DigestGemeenteJob.Queue, p => p.VerdeelAsync(CancellationToken.None), "*/15 * * * *",
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
}
