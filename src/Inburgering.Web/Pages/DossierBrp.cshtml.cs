using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Web.Pages.Beheer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inburgering.Web.Pages;

/// <summary>
/// The dossier beside the BRP: each field as the dossier holds it and as the BRP says it, the ones that differ to tick
/// and take over; a dossier without a BSN finds the person by name and birth date first. When the BRP does not answer,
/// the page says so and the dossier stays as it was.
/// </summary>
[Authorize(Policy = PermissionPolicy.Prefix + DossierPermissies.BrpRaadplegen)]
public sealed class DossierBrpModel(IBrpBevraging brp) : BeheerPage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public List<string> Velden { get; set; } = [];

    [BindProperty]
    public string? Bsn { get; set; }

    [BindProperty]
    public int Versie { get; set; }

    [BindProperty]
    public string? Geslachtsnaam { get; set; }

    [BindProperty]
    public string? Geboortedatum { get; set; }

    [BindProperty]
    public string? Voornamen { get; set; }

    public BrpVergelijking? Vergelijking { get; private set; }

    public BrpZoekresultaat? Zoekresultaat { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Vergelijking = await brp.VergelijkAsync(User, Id, ct);

    public async Task OnPostZoekAsync(CancellationToken ct)
    {
        var datums = new Datums();
        var datum = datums.Lees(Geboortedatum, "geboortedatum");
        await TryAsync(async () =>
        {
            if (datums.Fouten.Count > 0)
            {
                throw new ValidationFailedException(PlatformErrors.Validation, datums.Fouten);
            }

            Zoekresultaat = await brp.ZoekAsync(User, Id, new BrpZoekvraag(Geslachtsnaam, datum, Voornamen), ct);
        });
        Vergelijking = await brp.VergelijkAsync(User, Id, ct);
    }

    public async Task<IActionResult> OnPostOvernemenAsync(CancellationToken ct)
    {
        if (await TryAsync(() => brp.NeemOverAsync(User, Id, Versievoorwaarde.Precies(Versie), new BrpOvername(Velden, string.IsNullOrWhiteSpace(Bsn) ? null : Bsn), ct)))
        {
            return Redirect($"/dossiers/{Id}#kop-gegevens");
        }

        Vergelijking = await brp.VergelijkAsync(User, Id, ct);
        return Page();
    }
}
