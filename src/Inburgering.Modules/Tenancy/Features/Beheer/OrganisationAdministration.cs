using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Modules.Tenancy.Data;
using Inburgering.Modules.Tenancy.Domain;
using Inburgering.Platform.Data;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inburgering.Modules.Tenancy.Features.Beheer;

internal sealed class OrganisationAdministration(TenancyDbContext db, TimeProvider time, IEnumerable<IBijDeactivering> bijDeactivering, ILogger<OrganisationAdministration> logger) : IOrganisationAdministration
{
    public async Task<IReadOnlyList<OrganisatieView>> ListAsync(string? soort, bool? actief, string? zoek, CancellationToken cancellationToken)
    {
        var query = db.Organisaties.AsNoTracking();
        if (Enum.TryParse<OrganisationKind>(soort, ignoreCase: true, out var kind))
        {
            query = query.Where(o => o.Soort == kind);
        }

        if (actief is { } a)
        {
            query = query.Where(o => o.Actief == a);
        }

        if (!string.IsNullOrWhiteSpace(zoek))
        {
            var pattern = SqlPatterns.Contains(zoek);
            query = query.Where(o => EF.Functions.ILike(o.Naam, pattern));
        }

        var rows = await query.OrderBy(o => o.Soort).ThenBy(o => o.Naam).ToListAsync(cancellationToken);
        return [.. rows.Select(View)];
    }

    public async Task<OrganisatieView> SetActiveAsync(Guid id, bool actief, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisaties.SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw new DomainException(TenancyErrors.NotFound, "Deze organisatie bestaat niet.", StatusCodes.Status404NotFound);
        if (organisation.Soort != OrganisationKind.Gemeente)
        {
            throw new DomainException(TenancyErrors.NotAGemeente, "Alleen een gemeente wordt als klant geactiveerd of gedeactiveerd.", StatusCodes.Status409Conflict);
        }

        if (actief)
        {
            organisation.Activeer(time.GetUtcNow());
        }
        else
        {
            organisation.Deactiveer();
        }

        await db.SaveChangesAsync(cancellationToken);
        if (!actief)
        {
            foreach (var module in bijDeactivering)
            {
                await module.GedeactiveerdAsync(id, cancellationToken);
            }
        }

        logger.LogInformation("Gemeente {OrganisationId} {Change}", id, actief ? "activated" : "deactivated");
        return View(organisation);
    }

    public async Task<OrganisatieView> CreateRegioAsync(RegioAanmaak aanmaak, CancellationToken cancellationToken)
    {
        var errors = new Invoer(TenancyErrors.Validation);
        var naam = aanmaak.Naam?.Trim() ?? string.Empty;
        if (naam.Length is < 3 or > 200)
        {
            errors.Fout("naam", "Vul een naam in van 3 tot 200 tekens.");
        }

        var gemeenten = aanmaak.Gemeenten?.Distinct().ToList() ?? [];
        if (gemeenten.Count == 0)
        {
            errors.Fout("gemeenten", "Kies de gemeenten van de regio.");
        }

        var known = await db.Organisaties.Where(o => gemeenten.Contains(o.Id) && o.Soort == OrganisationKind.Gemeente).Select(o => o.Id).ToListAsync(cancellationToken);
        foreach (var onbekend in gemeenten.Except(known))
        {
            errors.Fout("gemeenten", $"{onbekend} is geen gemeente uit het register.");
        }

        errors.Klaar();
        var slug = Slug.From("regio " + naam);
        if (await db.Organisaties.AnyAsync(o => o.Slug == slug, cancellationToken))
        {
            throw new DomainException(TenancyErrors.NameTaken, $"Er is al een organisatie '{naam}'.", StatusCodes.Status409Conflict);
        }

        var regio = new Organisation(Guid.CreateVersion7(time.GetUtcNow()), OrganisationKind.Regio, naam, slug);
        db.Organisaties.Add(regio);
        db.RegioGemeenten.AddRange(gemeenten.Select(g => new RegioGemeente(regio.Id, g)));
        await db.SaveChangesAsync(cancellationToken);
        return View(regio);
    }

    public async Task<IReadOnlyList<CoaLocatieView>> CoaLocatiesAsync(CancellationToken cancellationToken) =>
        [.. (await db.CoaLocaties.AsNoTracking().OrderBy(l => l.Naam).ToListAsync(cancellationToken)).Select(View)];

    public async Task<CoaLocatieView> SaveCoaLocatieAsync(Guid? id, CoaLocatieInvoer invoer, CancellationToken cancellationToken)
    {
        var errors = new Invoer(TenancyErrors.Validation);
        var naam = invoer.Naam?.Trim() ?? string.Empty;
        var plaats = invoer.Plaats?.Trim() ?? string.Empty;
        if (naam.Length is < 3 or > 200)
        {
            errors.Fout("naam", "Vul een naam in van 3 tot 200 tekens.");
        }

        if (plaats.Length is < 2 or > 100)
        {
            errors.Fout("plaats", "Vul de plaats in.");
        }

        if (!Enum.TryParse<CoaLocatieSoort>(invoer.Soort, ignoreCase: true, out var soort) || !Enum.IsDefined(soort) || int.TryParse(invoer.Soort, out _))
        {
            errors.Fout("soort", $"Kies {string.Join(", ", Enum.GetNames<CoaLocatieSoort>())}.");
        }

        if (invoer.RegioId is { } regio && !await db.Organisaties.AnyAsync(o => o.Id == regio && o.Soort == OrganisationKind.Regio, cancellationToken))
        {
            errors.Fout("regioId", "Deze regio bestaat niet.");
        }

        errors.Klaar();
        CoaLocatie locatie;
        if (id is { } existing)
        {
            locatie = await db.CoaLocaties.SingleOrDefaultAsync(l => l.Id == existing, cancellationToken)
                ?? throw new DomainException(TenancyErrors.CoaLocatieNotFound, "Deze locatie bestaat niet.", StatusCodes.Status404NotFound);
            locatie.Werkbij(naam, soort, plaats, invoer.RegioId, invoer.Actief);
        }
        else
        {
            locatie = new CoaLocatie(Guid.CreateVersion7(time.GetUtcNow()), naam, soort, plaats, invoer.RegioId);
            db.CoaLocaties.Add(locatie);
        }

        await db.SaveChangesAsync(cancellationToken);
        return View(locatie);
    }

    private static OrganisatieView View(Organisation o) => new(o.Id, o.Soort.ToString(), o.Naam, o.Slug, o.Actief, o.ActiefSinds);

    private static CoaLocatieView View(CoaLocatie l) => new(l.Id, l.Naam, l.Soort.ToString(), l.Plaats, l.RegioId, l.Actief);
}
