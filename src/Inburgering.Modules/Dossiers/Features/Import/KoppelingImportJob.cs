using Hangfire;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inburgering.Modules.Dossiers.Features.Import;

/// <summary>
/// Runs a started import in the gemeente it was uploaded in, acting for the person who started it. Each row commits
/// in a transaction of its own together with its result row and the import's counters; after a crash Hangfire runs the
/// job again and it resumes at the first row without a result, so no row is lost or written twice.
/// </summary>
internal sealed class KoppelingImportJob(DossierWerkplaats werkplaats, ICurrentTenant tenant, TenantScope scopes, Tenancy.Contracts.IOrganisationDirectory organisaties,
    ILogger<KoppelingImportJob> logger)
{
    [AutomaticRetry(Attempts = 5)]
    public async Task VoerUitAsync(Guid importId, CancellationToken ct)
    {
        var gemeente = tenant.Vereis("Een import");
        var import = await werkplaats.ImportsVoorWijziging.SingleOrDefaultAsync(i => i.Id == importId, ct);
        if (import is null || import.Status is ImportStatus.Klaar or ImportStatus.Voorbeeld || import.Inhoud is not { } inhoud)
        {
            return;
        }

        import.Bezig();
        await werkplaats.SlaOpAsync(ct);
        var user = KoppelingImporteur.AlsOpdrachtgever(import.Opdrachtgever);
        var beoordeling = new Rijbeoordeling(ImportVelden.Indeling(KoppelingImporteur.Eigen(import.Kolommen)),
            await KoppelingImporteur.CoaLocatiesAsync(organisaties, ct), bron: $"import:{importId}");
        var gedaan = new HashSet<int>();
        await foreach (var r in werkplaats.Lees.ImportRegels.Where(r => r.ImportId == importId).OrderBy(r => r.Rij)
                           .Select(r => new { r.Rij, r.VNummer, r.Huishouden, r.DossierId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            gedaan.Add(r.Rij);
            beoordeling.AlGedaan(r.VNummer, r.Rij, r.Huishouden, r.DossierId);
        }

        if (gedaan.Count > 0)
        {
            logger.LogInformation("Import {ImportId} resumes after {Done} rows", importId, gedaan.Count);
        }

        beoordeling.TelHuishoudens(KoppelingBestand.Open(import.Bestandsnaam, inhoud).Rijen);
        foreach (var b in KoppelingBestand.Open(import.Bestandsnaam, inhoud).Rijen)
        {
            ct.ThrowIfCancellationRequested();
            if (gedaan.Contains(b.Nummer))
            {
                continue;
            }

            var rij = beoordeling.Lees(b);
            if (rij.Fouten.Count > 0)
            {
                await LegVastAsync(gemeente, importId, rij, ImportUitkomst.Geweigerd, null, rij.Fouten, ct);
                continue;
            }

            Guid? verwerkt = null;
            try
            {
                await scopes.RunAsync(gemeente, async rijDiensten =>
                {
                    var rijWerkplaats = rijDiensten.GetRequiredService<DossierWerkplaats>();
                    verwerkt = await rijWerkplaats.AllesOfNietsAsync(async () =>
                    {
                        var (uitkomst, dossierId) = await beoordeling.VerwerkAsync(rijDiensten, user, rij, proef: false, ct);
                        await RegelAsync(rijWerkplaats, importId, rij, uitkomst, dossierId, [], ct);
                        return dossierId;
                    }, ct);
                });
            }
            catch (Exception ex) when (beoordeling.Afwijzing(ex, rij) is { } fouten)
            {
                await LegVastAsync(gemeente, importId, rij, ImportUitkomst.Geweigerd, null, fouten, ct);
            }

            if (import.MetBrp && verwerkt is { } dossier)
            {
                await BrpAsync(gemeente, importId, rij.Nummer, dossier, user, ct);
            }
        }

        await scopes.RunAsync(gemeente, async diensten =>
        {
            var klaar = diensten.GetRequiredService<DossierWerkplaats>();
            (await klaar.ImportsVoorWijziging.SingleAsync(i => i.Id == importId, ct)).Afgerond(klaar.Nu);
            await klaar.SlaOpAsync(ct);
        });
        logger.LogInformation("Import {ImportId} done", importId);
    }

    /// <summary>
    /// The row is committed; now its person is looked up in the BRP and the registration date taken over through the
    /// same use case as on the dossier page. A BRP that does not answer leaves the row as imported, with that outcome.
    /// </summary>
    private Task BrpAsync(Guid gemeente, Guid importId, int rij, Guid dossierId, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
        scopes.RunAsync(gemeente, async diensten =>
        {
            string uitkomst;
            try
            {
                uitkomst = await diensten.GetRequiredService<Brp.BrpBevraging>().NeemInschrijvingOverAsync(user, dossierId, ct);
            }
            catch (Exception ex) when (ex is Platform.Errors.DomainException or Platform.Errors.ValidationFailedException or Platform.Errors.RuleViolationException)
            {
                uitkomst = "geweigerd: " + ex.Message;
            }

            await using var vastleggen = scopes.Enter(gemeente);
            var w = vastleggen.ServiceProvider.GetRequiredService<DossierWerkplaats>();
            (await w.ImportRegelsVoorWijziging.SingleAsync(r => r.ImportId == importId && r.Rij == rij, ct)).BrpUitkomst(uitkomst);
            await w.SlaOpAsync(ct);
        });

    private Task LegVastAsync(Guid gemeente, Guid importId, GelezenRij rij, ImportUitkomst uitkomst, Guid? dossierId, IReadOnlyList<Contracts.ImportFout> fouten, CancellationToken ct) =>
        scopes.RunAsync(gemeente, async diensten =>
        {
            var w = diensten.GetRequiredService<DossierWerkplaats>();
            await w.AllesOfNietsAsync(async () =>
            {
                await RegelAsync(w, importId, rij, uitkomst, dossierId, fouten, ct);
                return uitkomst;
            }, ct);
        });

    private static async Task RegelAsync(DossierWerkplaats w, Guid importId, GelezenRij rij, ImportUitkomst uitkomst, Guid? dossierId,
        IReadOnlyList<Contracts.ImportFout> fouten, CancellationToken ct)
    {
        w.VoegToe(new ImportRegel(importId, rij.Nummer, rij.VNummer is { Length: <= 10 } v ? v : null, rij.Huishouden is { Length: <= 50 } h ? h : null,
            dossierId, uitkomst, Rijbeoordeling.FoutenJson(fouten), w.Nu));
        (await w.ImportsVoorWijziging.SingleAsync(i => i.Id == importId, ct)).Tel(uitkomst);
    }
}
