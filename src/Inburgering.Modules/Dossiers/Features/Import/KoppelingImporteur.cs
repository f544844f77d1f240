using System.Security.Claims;
using System.Text.Json;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Mijlpalen;
using Inburgering.Modules.Dossiers.Features.Registratie;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Jobs;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Modules.Dossiers.Features.Import;

/// <summary>
/// The import of koppelingen, behind the API and the import page alike. The preview and the job judge each row the
/// same way (<see cref="Rijbeoordeling"/>): the preview through the use cases' checks without storing, the job through
/// the use cases themselves, one row per transaction together with its result row, so a restart after a crash resumes
/// at the first row without one.
/// </summary>
internal sealed class KoppelingImporteur(DossierWerkplaats werkplaats, IPermissionEvaluator rechten, IServiceProvider services, ITenantJobs jobs,
    IOrganisationDirectory organisaties)
    : IKoppelingImport
{
    public const string Queue = "import";

    /// <summary>At most this many refused rows travel in the answer; the CSV report names them all.</summary>
    private const int FoutenInAntwoord = 1000;

    public async Task<ImportKolommen> KolommenAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await rechten.HasAsync(user, DossierPermissies.ImportKolommenBeheren, ct))
        {
            await rechten.VereisAsync(user, DossierPermissies.Importeren, ct);
        }

        var indeling = await werkplaats.Lees.Kolomindelingen.SingleOrDefaultAsync(ct);
        return new ImportKolommen(ImportVelden.Indeling(Eigen(indeling)), indeling?.GewijzigdOp, indeling?.GewijzigdDoor);
    }

    public async Task<ImportKolommen> BewaarKolommenAsync(ClaimsPrincipal user, KolommenInvoer invoer, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.ImportKolommenBeheren, ct);
        var check = new Invoer(DossierFouten.Validatie);
        var eigen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (veld, kop) in invoer.Kolommen ?? new Dictionary<string, string?>())
        {
            var bekend = ImportVelden.Alle.SingleOrDefault(v => v.Naam == veld);
            var tekst = check.Tekst(kop, $"kolommen.{veld}", max: 100);
            if (bekend is null)
            {
                check.Fout($"kolommen.{veld}", $"'{veld}' is geen veld van de import.");
            }
            else if (tekst is not null && tekst != bekend.Standaard)
            {
                eigen[veld] = tekst;
            }
        }

        foreach (var dubbel in ImportVelden.Indeling(eigen).GroupBy(k => k.Kop, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            foreach (var kolom in dubbel.Skip(1))
            {
                check.Fout($"kolommen.{kolom.Veld}", $"De kolom '{kolom.Kop}' is al gekozen voor {dubbel.First().Veld}.");
            }
        }

        check.Klaar();
        var door = HandelendePartij.Van(user).Naam;
        var json = JsonSerializer.Serialize(eigen);
        if (await werkplaats.KolomindelingenVoorWijziging.SingleOrDefaultAsync(ct) is { } bestaand)
        {
            bestaand.Werkbij(json, door, werkplaats.Nu);
        }
        else
        {
            werkplaats.VoegToe(new Kolomindeling(json, door, werkplaats.Nu));
        }

        await werkplaats.SlaOpAsync(ct);
        return new ImportKolommen(ImportVelden.Indeling(eigen), werkplaats.Nu, door);
    }

    public async Task<ImportVoorbeeld> BekijkAsync(ClaimsPrincipal user, ImportBestand? bestand, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.Importeren, ct);
        _ = werkplaats.Gemeente;
        var check = new Invoer(DossierFouten.Validatie);
        if (bestand is null || bestand.Lengte == 0)
        {
            check.Fout("bestand", "Kies het bestand met de koppelingen (CSV of XLSX).");
        }
        else if (bestand.Lengte > KoppelingBestand.MaxBytes)
        {
            check.Fout("bestand", "Het bestand is groter dan 20 MB. Splits het in delen.");
        }
        else if (!KoppelingBestand.IsCsv(bestand.Naam) && !KoppelingBestand.IsXlsx(bestand.Naam))
        {
            check.Fout("bestand", "Alleen CSV- en XLSX-bestanden worden gelezen.");
        }

        check.Klaar();
        byte[] inhoud;
        using (var kopie = new MemoryStream((int)bestand!.Lengte))
        {
            await bestand.Inhoud.CopyToAsync(kopie, ct);
            inhoud = kopie.ToArray();
        }

        var eigen = Eigen(await werkplaats.Lees.Kolomindelingen.SingleOrDefaultAsync(ct));
        var naam = Path.GetFileName(bestand.Naam);
        naam = naam.Length > 200 ? naam[^200..] : naam;
        var beoordeling = new Rijbeoordeling(ImportVelden.Indeling(eigen), await CoaLocatiesAsync(organisaties, ct), bron: null);
        var (koppen, _) = KoppelingBestand.Open(naam, inhoud);
        foreach (var ontbreekt in beoordeling.OntbrekendeKolommen(koppen))
        {
            check.Fout("bestand", $"De kolom '{ontbreekt.Kop}' ontbreekt ({ontbreekt.Omschrijving}). Pas de kolomnamen aan bij 'Kolommen' of in het bestand.");
        }

        check.Klaar();
        var import = new KoppelingImport(naam, inhoud, JsonSerializer.Serialize(eigen), Opdrachtgever(user), DossierWerkplaats.ActorVan(user), werkplaats.Nu);
        var fouten = new List<ImportFout>();
        var telling = new Dictionary<ImportUitkomst, int>();
        var aantal = 0;
        await foreach (var (rij, uitkomst, rijFouten) in beoordeling.ProefAsync(services, user, () => KoppelingBestand.Open(naam, inhoud).Rijen, ct))
        {
            aantal++;
            telling[uitkomst] = telling.GetValueOrDefault(uitkomst) + 1;
            fouten.AddRange(rijFouten.Take(FoutenInAntwoord - fouten.Count));
        }

        import.Bekeken(aantal, telling.GetValueOrDefault(ImportUitkomst.Nieuw), telling.GetValueOrDefault(ImportUitkomst.Gewijzigd),
            telling.GetValueOrDefault(ImportUitkomst.Ongewijzigd), telling.GetValueOrDefault(ImportUitkomst.Geweigerd));
        werkplaats.VoegToe(import);
        await werkplaats.SlaOpAsync(ct);
        return new ImportVoorbeeld(import.Id, import.Bestandsnaam, import.Rijen, import.Nieuw, import.Gewijzigd, import.Ongewijzigd, import.Geweigerd, fouten);
    }

    public async Task<ImportStand> StartAsync(ClaimsPrincipal user, Guid importId, bool metBrp, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.Importeren, ct);
        if (metBrp)
        {
            await rechten.VereisAsync(user, DossierPermissies.BrpRaadplegen, ct);
        }

        var import = await werkplaats.ImportsVoorWijziging.SingleOrDefaultAsync(i => i.Id == importId, ct) ?? throw NietGevonden();
        if (import.Status != ImportStatus.Voorbeeld)
        {
            throw new DomainException(DossierFouten.ImportGestart, "Deze import is al gestart.", StatusCodes.Status409Conflict);
        }

        import.Start(werkplaats.Nu, metBrp);
        await werkplaats.SlaOpAsync(ct);
        jobs.Enqueue<KoppelingImportJob>(werkplaats.Gemeente, j => j.VoerUitAsync(importId, CancellationToken.None), Queue);
        return Stand(import);
    }

    public async Task<ImportStand> StandAsync(ClaimsPrincipal user, Guid importId, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.Importeren, ct);
        return Stand(await werkplaats.Lees.Imports.SingleOrDefaultAsync(i => i.Id == importId, ct) ?? throw NietGevonden());
    }

    public async Task<IReadOnlyList<ImportStand>> RecentAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.Importeren, ct);
        return [.. (await werkplaats.Lees.Imports.OrderByDescending(i => i.AangemaaktOp).Take(20).ToListAsync(ct)).Select(Stand)];
    }

    public async Task<byte[]> VerslagAsync(ClaimsPrincipal user, Guid importId, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.Importeren, ct);
        var import = await werkplaats.Lees.Imports.SingleOrDefaultAsync(i => i.Id == importId, ct) ?? throw NietGevonden();
        var regels = new List<IReadOnlyList<object?>>();
        if (import.Status == ImportStatus.Voorbeeld && import.Inhoud is { } inhoud)
        {
            var beoordeling = new Rijbeoordeling(ImportVelden.Indeling(Eigen(import.Kolommen)), await CoaLocatiesAsync(organisaties, ct), bron: null);
            await foreach (var (rij, uitkomst, fouten) in beoordeling.ProefAsync(services, user, () => KoppelingBestand.Open(import.Bestandsnaam, inhoud).Rijen, ct))
            {
                regels.AddRange(Regels(rij.Nummer, rij.VNummer, uitkomst, fouten));
            }
        }
        else
        {
            await foreach (var r in werkplaats.Lees.ImportRegels.Where(r => r.ImportId == importId).OrderBy(r => r.Rij).AsAsyncEnumerable().WithCancellation(ct))
            {
                regels.AddRange(Regels(r.Rij, r.VNummer, r.Uitkomst, Rijbeoordeling.LeesFouten(r.Fouten, r.Rij, r.VNummer), r.Brp));
            }
        }

        return new Platform.Export.Tabel("importverslag", ["Rij", "V-nummer", "Uitkomst", "Kolom", "Reden", "BRP"], regels).Csv();
    }

    private static IEnumerable<IReadOnlyList<object?>> Regels(int rij, string? vNummer, ImportUitkomst uitkomst, IReadOnlyList<ImportFout> fouten, string? brp = null) =>
        fouten.Count == 0
            ? [[rij, vNummer, Woorden.Naam(uitkomst), null, null, brp]]
            : fouten.Select(f => (IReadOnlyList<object?>)[rij, vNummer, Woorden.Naam(uitkomst), f.Kolom, f.Reden, brp]);

    internal static ImportStand Stand(KoppelingImport i) => new(i.Id, i.Bestandsnaam, Woorden.Naam(i.Status), i.Rijen, i.Verwerkt, i.Nieuw, i.Gewijzigd,
        i.Ongewijzigd, i.Geweigerd, i.DoorNaam, i.AangemaaktOp, i.GestartOp, i.KlaarOp);

    internal static Dictionary<string, string> Eigen(Kolomindeling? indeling) => Eigen(indeling?.Kolommen);

    internal static Dictionary<string, string> Eigen(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    internal static async Task<IReadOnlyDictionary<string, Guid>> CoaLocatiesAsync(IOrganisationDirectory organisaties, CancellationToken ct) =>
        (await organisaties.CoaLocatiesAsync(ct))
        .GroupBy(l => l.Naam.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);

    private static DomainException NietGevonden() => new(DossierFouten.ImportNietGevonden, "Deze import bestaat niet in uw gemeente.", StatusCodes.Status404NotFound);

    /// <summary>The claims the job acts with: who (an id and a name), for which organisation, in which roles. No personal data of anyone imported.</summary>
    private static string Opdrachtgever(ClaimsPrincipal user) =>
        JsonSerializer.Serialize(user.Claims.Where(c => c.Type is HandelendePartij.PersoonClaim or HandelendePartij.ClientClaim or "name" or PlatformClaims.OrganisationId or IdentityClaims.Role)
            .Select(c => new[] { c.Type, c.Value }));

    internal static ClaimsPrincipal AlsOpdrachtgever(string json) =>
        new(new ClaimsIdentity((JsonSerializer.Deserialize<string[][]>(json) ?? []).Select(c => new Claim(c[0], c[1])), "koppeling-import", "name", IdentityClaims.Role));
}
