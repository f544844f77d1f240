using Inburgering.Modules.Tenancy.Domain;
using Inburgering.Platform.Data;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inburgering.Modules.Tenancy.Data.ReferenceData;

/// <summary>
/// Keeps the register in line with the published files (all 342 gemeenten, taakstelling 2023-II, the regions),
/// COA and its locations, and activates the gemeenten listed in Tenancy:ActivateOnSeed (the demo tenants in Development).
/// </summary>
internal sealed class TenancySeeder(IConfiguration configuration, TimeProvider time, ILogger<TenancySeeder> logger) : IDataSeeder
{
    public static readonly Guid CoaId = DeterministicGuid.Create("organisatie:coa");
    public static readonly Guid PlatformId = DeterministicGuid.Create("organisatie:platform");

    private static readonly (string Naam, CoaLocatieSoort Soort, string Plaats, string Regio)[] CoaLocaties =
    [
        ("azc Oisterwijk", CoaLocatieSoort.RegionaleOpvanglocatie, "Oisterwijk", "Hart van Brabant"),
        ("Tussenvoorziening Tilburg", CoaLocatieSoort.Tussenvoorziening, "Tilburg", "Hart van Brabant"),
        ("azc Almelo", CoaLocatieSoort.Azc, "Almelo", "Twente"),
        ("azc Enschede", CoaLocatieSoort.Azc, "Enschede", "Twente"),
    ];

    public int Order => 0;

    public static Guid GemeenteId(string naam) => DeterministicGuid.Create("gemeente:" + naam);

    public static Guid RegioId(string naam) => DeterministicGuid.Create("regio:" + naam);

    public static Guid CoaLocatieId(string naam) => DeterministicGuid.Create("coa-locatie:" + naam);

    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<TenancyDbContext>();
        var organisaties = await db.Organisaties.ToDictionaryAsync(o => o.Id, cancellationToken);
        var gemeenten = await db.Gemeenten.ToDictionaryAsync(g => g.OrganisationId, cancellationToken);
        var taakstellingen = await db.Taakstellingen.Where(t => t.Periode == ReferenceDataFiles.TaakstellingPeriode)
            .ToDictionaryAsync(t => t.GemeenteId, cancellationToken);

        void Upsert(Guid id, OrganisationKind soort, string naam, string slug)
        {
            if (organisaties.TryGetValue(id, out var existing))
            {
                existing.Hernoem(naam, slug);
            }
            else
            {
                organisaties[id] = db.Organisaties.Add(new Organisation(id, soort, naam, slug)).Entity;
            }
        }

        Upsert(PlatformId, OrganisationKind.Platform, "Platformbeheer Inburgering", "platform");
        Upsert(CoaId, OrganisationKind.Coa, "COA", "coa");
        foreach (var row in ReferenceDataFiles.Gemeenten())
        {
            var id = GemeenteId(row.Naam);
            Upsert(id, OrganisationKind.Gemeente, row.Naam, Slug.From(row.Naam));
            if (gemeenten.TryGetValue(id, out var gemeente))
            {
                gemeente.Werkbij(row.Provincie, row.Inwoners2022);
            }
            else
            {
                db.Gemeenten.Add(new Gemeente(id, row.Provincie, row.Inwoners2022));
            }

            if (taakstellingen.TryGetValue(id, out var taakstelling))
            {
                taakstelling.Werkbij(row.Taakstelling, row.WaarvanAmv, row.Voetnoot4);
            }
            else
            {
                db.Taakstellingen.Add(new Taakstelling(id, ReferenceDataFiles.TaakstellingPeriode, row.Taakstelling, row.WaarvanAmv, row.Voetnoot4));
            }
        }

        var regioLeden = await db.RegioGemeenten.ToListAsync(cancellationToken);
        foreach (var regio in ReferenceDataFiles.Regios().GroupBy(r => r.Regio))
        {
            var regioId = RegioId(regio.Key);
            Upsert(regioId, OrganisationKind.Regio, regio.Key, "regio-" + Slug.From(regio.Key));
            foreach (var lid in regio)
            {
                var gemeenteId = GemeenteId(lid.Gemeente);
                if (!organisaties.ContainsKey(gemeenteId))
                {
                    throw new InvalidOperationException($"Regio {regio.Key} names '{lid.Gemeente}', which is not in the gemeente register.");
                }

                if (!regioLeden.Exists(r => r.RegioId == regioId && r.GemeenteId == gemeenteId))
                {
                    db.RegioGemeenten.Add(new RegioGemeente(regioId, gemeenteId));
                }
            }
        }

        var locaties = await db.CoaLocaties.ToDictionaryAsync(l => l.Id, cancellationToken);
        foreach (var (naam, soort, plaats, regio) in CoaLocaties)
        {
            var id = CoaLocatieId(naam);
            if (locaties.TryGetValue(id, out var locatie))
            {
                locatie.Werkbij(naam, soort, plaats, RegioId(regio));
            }
            else
            {
                db.CoaLocaties.Add(new CoaLocatie(id, naam, soort, plaats, RegioId(regio)));
            }
        }

        foreach (var naam in configuration.GetSection("Tenancy:ActivateOnSeed").Get<string[]>() ?? [])
        {
            var organisatie = organisaties.GetValueOrDefault(GemeenteId(naam))
                              ?? throw new InvalidOperationException($"Tenancy:ActivateOnSeed names '{naam}', which is not a gemeente in the register.");
            organisatie.Activeer(time.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Register seeded: {Organisaties} organisations, {Actief} active tenants",
            organisaties.Count, organisaties.Values.Count(o => o is { Soort: OrganisationKind.Gemeente, Actief: true }));
    }
}
