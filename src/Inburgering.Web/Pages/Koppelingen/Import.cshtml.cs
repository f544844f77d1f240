using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Web.Pages.Beheer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inburgering.Web.Pages.Koppelingen;

/// <summary>
/// Importing a TVS export: upload, read the report per row, start; the page then follows the job with a progress bar
/// and offers the result per row. The gemeente's column names are kept on the same page.
/// </summary>
[Authorize(Policy = PermissionPolicy.Prefix + DossierPermissies.Importeren + "|" + DossierPermissies.ImportKolommenBeheren)]
public sealed class ImportModel(IKoppelingImport import, IPermissionEvaluator rechten) : BeheerPage
{
    /// <summary>How many refused rows the page lists; the CSV report has them all.</summary>
    public const int FoutenOpPagina = 200;

    [BindProperty]
    public IFormFile? Bestand { get; set; }

    [BindProperty]
    public Dictionary<string, string?> Kolommen { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    /// <summary>Take over the registration date from the BRP after each row.</summary>
    [BindProperty]
    public bool Brp { get; set; }

    public bool MagBrp { get; private set; }

    public ImportVoorbeeld? Voorbeeld { get; private set; }

    public ImportStand? Stand { get; private set; }

    public IReadOnlyList<ImportStand> Recent { get; private set; } = [];

    public ImportKolommen? Indeling { get; private set; }

    public bool MagImporteren { get; private set; }

    public bool MagKolommen { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LaadAsync(ct);
        if (Id is { } id && MagImporteren)
        {
            await TryAsync(async () => Stand = await import.StandAsync(User, id, ct));
        }
    }

    public async Task OnPostVoorbeeldAsync(CancellationToken ct)
    {
        await using var inhoud = Bestand?.OpenReadStream() ?? Stream.Null;
        await TryAsync(async () => Voorbeeld = await import.BekijkAsync(User, Bestand is null ? null : new ImportBestand(Bestand.FileName, inhoud, Bestand.Length), ct));
        await LaadAsync(ct);
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        if (await TryAsync(async () => Stand = await import.StartAsync(User, Id ?? Guid.Empty, Brp, ct)))
        {
            return RedirectToPage(new { id = Id });
        }

        await LaadAsync(ct);
        return Page();
    }

    /// <summary>The progress block alone, fetched every second while the job runs.</summary>
    public async Task<IActionResult> OnGetStandAsync(CancellationToken ct)
    {
        Stand = await import.StandAsync(User, Id ?? Guid.Empty, ct);
        return Partial("_ImportStand", Stand);
    }

    public async Task<IActionResult> OnGetVerslagAsync(CancellationToken ct) =>
        File(await import.VerslagAsync(User, Id ?? Guid.Empty, ct), Platform.Export.Tabel.CsvType, $"importverslag-{Id}.csv");

    public async Task OnPostKolommenAsync(CancellationToken ct)
    {
        if (await TryAsync(async () => Indeling = await import.BewaarKolommenAsync(User, new KolommenInvoer(Kolommen), ct)))
        {
            Melding = "De kolomnamen zijn bewaard.";
        }

        await LaadAsync(ct, Indeling is null);
    }

    private async Task LaadAsync(CancellationToken ct, bool kolommen = true)
    {
        MagImporteren = await rechten.HasAsync(User, DossierPermissies.Importeren, ct);
        MagKolommen = await rechten.HasAsync(User, DossierPermissies.ImportKolommenBeheren, ct);
        MagBrp = await rechten.HasAsync(User, DossierPermissies.BrpRaadplegen, ct);
        if (kolommen && Fouten.Count == 0)
        {
            Indeling = await import.KolommenAsync(User, ct);
        }
        else
        {
            Indeling ??= await import.KolommenAsync(User, ct);
        }

        if (MagImporteren)
        {
            Recent = await import.RecentAsync(User, ct);
        }
    }
}
