using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inburgering.Web.Pages.Beheer;

/// <summary>
/// The platform beheerder loads a half-year's quotas: upload, read the report per row, then load. The file travels
/// back with the form (at most 2 MB), so what is loaded is exactly what was previewed.
/// </summary>
[Authorize(Policy = PermissionPolicy.Prefix + TenancyPermissies.TaakstellingenBeheren)]
public sealed class TaakstellingenModel(ITaakstellingBeheer beheer) : BeheerPage
{
    [BindProperty]
    public string? Halfjaar { get; set; }

    [BindProperty]
    public IFormFile? Bestand { get; set; }

    [BindProperty]
    public string? Inhoud { get; set; }

    [BindProperty]
    public string? Bestandsnaam { get; set; }

    public TaakstellingVoorbeeld? Voorbeeld { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostVoorbeeldAsync(CancellationToken ct)
    {
        TaakstellingBestand? gelezen = null;
        if (await TryAsync(async () => Voorbeeld = await beheer.BekijkAsync(User, Halfjaar, async () => gelezen = await TaakstellingBestand.LeesAsync(Bestand, ct), ct)) && gelezen is not null)
        {
            (Inhoud, Bestandsnaam) = (Convert.ToBase64String(gelezen.Inhoud), gelezen.Naam);
        }
    }

    public async Task OnPostLadenAsync(CancellationToken ct)
    {
        var bestand = Inhoud is null || Bestandsnaam is null ? null : new TaakstellingBestand(Bestandsnaam, Convert.FromBase64String(Inhoud));
        if (await TryAsync(async () => Voorbeeld = await beheer.LaadAsync(User, Halfjaar, () => Task.FromResult(bestand), ct)))
        {
            Melding = $"De taakstelling {Halfjaar} is geladen: {Voorbeeld!.Nieuw} nieuw, {Voorbeeld.Gewijzigd} gewijzigd, {Voorbeeld.Ongewijzigd} ongewijzigd.";
            (Inhoud, Bestandsnaam) = (null, null);
        }
    }
}
