using Inburgering.Modules.Tenancy.Data;
using Inburgering.Modules.Tenancy.Data.ReferenceData;
using Inburgering.Platform.Data;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Tenancy.Features.GemeenteRegister;

/// <summary>The register's reads, behind its public routes.</summary>
internal sealed class GemeenteRegister(TenancyDbContext db)
{
    private const string InvalidFilter = GemeenteRegisterEndpoints.InvalidFilter;
    private const string GemeenteNotFound = GemeenteRegisterEndpoints.GemeenteNotFound;

    public async Task<List<GemeenteDto>> LijstAsync(string? provincie, string? regio, string? zoek, CancellationToken cancellationToken)
    {
        var errors = new Invoer(InvalidFilter);
        var provincies = await db.Gemeenten.Select(g => g.Provincie).Distinct().ToListAsync(cancellationToken);
        if (provincie is not null && !provincies.Contains(provincie))
        {
            errors.Fout("provincie", $"Onbekende provincie. Kies uit: {string.Join(", ", provincies.Order())}.");
        }

        Guid? regioId = null;
        if (regio is not null)
        {
            regioId = await db.Organisaties.Where(o => o.Slug == regio && o.Soort == OrganisationKind.Regio)
                .Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken);
            if (regioId is null)
            {
                errors.Fout("regio", "Onbekende regio.");
            }
        }

        if (zoek is { Length: > 100 })
        {
            errors.Fout("zoek", "Zoek op hoogstens 100 tekens.");
        }

        errors.Klaar();

        string? pattern = null;
        if (!string.IsNullOrWhiteSpace(zoek))
        {
            pattern = SqlPatterns.Contains(zoek);
        }

        var rows = await Query(db, provincie, regioId, pattern).ToListAsync(cancellationToken);
        return await ToDtosAsync(db, rows, cancellationToken);
    }

    public async Task<GemeenteDto> ZoekAsync(string slug, CancellationToken cancellationToken)
    {
        var row = await Query(db, slug: slug).SingleOrDefaultAsync(cancellationToken)
                  ?? throw new DomainException(GemeenteNotFound, "Deze gemeente staat niet in het register.", StatusCodes.Status404NotFound);
        return (await ToDtosAsync(db, [row], cancellationToken))[0];
    }

    public async Task<List<RegioDto>> RegiosAsync(CancellationToken cancellationToken)
    {
        var regios = await db.Organisaties.AsNoTracking().Where(o => o.Soort == OrganisationKind.Regio).OrderBy(o => o.Naam).ToListAsync(cancellationToken);
        var leden = await (from r in db.RegioGemeenten
                           join o in db.Organisaties on r.GemeenteId equals o.Id
                           select new { r.RegioId, o.Naam }).ToListAsync(cancellationToken);
        return [.. regios.Select(r => new RegioDto(r.Id, r.Naam, r.Slug,
            leden.Where(l => l.RegioId == r.Id).Select(l => l.Naam).Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), true)).ToArray()))];
    }

    private sealed record Row(Guid Id, string Naam, string Slug, string Provincie, int Inwoners2022, List<Guid> RegioIds);

    private static IQueryable<Row> Query(
        TenancyDbContext db, string? provincie = null, Guid? regioId = null, string? namePattern = null, string? slug = null)
    {
        var query = from o in db.Organisaties.AsNoTracking()
                    join g in db.Gemeenten on o.Id equals g.OrganisationId
                    select new { o, g };
        if (provincie is not null)
        {
            query = query.Where(x => x.g.Provincie == provincie);
        }

        if (regioId is not null)
        {
            query = query.Where(x => db.RegioGemeenten.Any(r => r.GemeenteId == x.o.Id && r.RegioId == regioId));
        }

        if (namePattern is not null)
        {
            query = query.Where(x => EF.Functions.ILike(x.o.Naam, namePattern));
        }

        if (slug is not null)
        {
            query = query.Where(x => x.o.Slug == slug);
        }

        return query.OrderBy(x => x.o.Naam).Select(x => new Row(x.o.Id, x.o.Naam, x.o.Slug, x.g.Provincie, x.g.Inwoners2022,
            db.RegioGemeenten.Where(r => r.GemeenteId == x.o.Id).Select(r => r.RegioId).ToList()));
    }

    private static async Task<List<GemeenteDto>> ToDtosAsync(TenancyDbContext db, List<Row> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var taakstellingen = await db.Taakstellingen.AsNoTracking()
            .Where(t => ids.Contains(t.GemeenteId) && t.Periode == ReferenceDataFiles.TaakstellingPeriode)
            .ToDictionaryAsync(t => t.GemeenteId, cancellationToken);
        var regioNamen = await db.Organisaties.Where(o => o.Soort == OrganisationKind.Regio).ToDictionaryAsync(o => o.Id, o => o.Naam, cancellationToken);
        return rows.Select(r => new GemeenteDto(r.Id, r.Naam, r.Slug, r.Provincie, r.Inwoners2022,
            r.RegioIds.Select(id => regioNamen[id]).ToArray(),
            taakstellingen.TryGetValue(r.Id, out var t) ? new TaakstellingDto(t.Periode, t.Aantal, t.WaarvanAmv) : null)).ToList();
    }
}
