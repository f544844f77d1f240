using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Web.Pages.Beheer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inburgering.Web.Pages;

/// <summary>The quarterly delivery to CBS: each ended quarter with its due date and state, made and downloaded here.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + DossierPermissies.CbsLeveren)]
public sealed class CbsModel(ICbsLevering cbs) : BeheerPage
{
    public IReadOnlyList<CbsKwartaal> Kwartalen { get; private set; } = [];

    [BindProperty]
    public string? Kwartaal { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Kwartalen = await cbs.KwartalenAsync(User, ct);

    public async Task OnPostAsync(CancellationToken ct)
    {
        if (await TryAsync(async () => await cbs.MaakAsync(User, Kwartaal, ct)))
        {
            Melding = "De levering is gemaakt. Download het bestand en lever het aan via databestanden.cbs.nl.";
        }

        Kwartalen = await cbs.KwartalenAsync(User, ct);
    }

    public async Task<IActionResult> OnGetDownloadAsync(string kwartaal, CancellationToken ct)
    {
        var (naam, inhoud) = await cbs.DownloadAsync(User, kwartaal, ct);
        return File(inhoud, Platform.Export.Tabel.CsvType, naam);
    }
}
