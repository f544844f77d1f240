using Inburgering.Modules.Documenten.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inburgering.Web.Pages.Beheer;

/// <summary>One template: edit, try on sample data, store as a new version, compare with the default, reset, four eyes.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + DocumentPermissies.SjablonenBeheren)]
public sealed class SjabloonModel(ISjabloonBeheer beheer) : BeheerPage
{
    public SjabloonDetail Sjabloon { get; private set; } = null!;

    public SjabloonProef? Voorbeeld { get; private set; }

    [BindProperty]
    public string? Tekst { get; set; }

    [BindProperty]
    public string? Toelichting { get; set; }

    [BindProperty]
    public bool VierOgen { get; set; }

    public async Task OnGetAsync(string sleutel, CancellationToken ct)
    {
        Sjabloon = await beheer.DetailAsync(sleutel, ct);
        Tekst = Sjabloon.Tekst;
        Melding = TempData["melding"] as string;
    }

    /// <summary>Renders the text in the form on the sample dossiers; nothing is stored.</summary>
    public async Task<IActionResult> OnPostVoorbeeldAsync(string sleutel, CancellationToken ct)
    {
        Sjabloon = await beheer.DetailAsync(sleutel, ct);
        if (!await TryAsync(() =>
            {
                Voorbeeld = beheer.Proef(Tekst);
                return Task.CompletedTask;
            }))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostBewaarAsync(string sleutel, CancellationToken ct)
    {
        if (await TryAsync(() => beheer.BewaarAsync(User, sleutel, Tekst, Toelichting, ct)))
        {
            TempData["melding"] = "Het sjabloon is opgeslagen als nieuwe versie.";
            return Redirect($"/beheer/sjablonen/{sleutel}");
        }

        Sjabloon = await beheer.DetailAsync(sleutel, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostHerstelAsync(string sleutel, CancellationToken ct)
    {
        await beheer.HerstelAsync(User, sleutel, ct);
        TempData["melding"] = "De standaardtekst is weer in gebruik.";
        return Redirect($"/beheer/sjablonen/{sleutel}");
    }

    public async Task<IActionResult> OnPostVierOgenAsync(string sleutel, CancellationToken ct)
    {
        await beheer.ZetVierOgenAsync(sleutel, VierOgen, ct);
        TempData["melding"] = VierOgen ? "Vier ogen staat aan voor deze brief." : "Vier ogen staat uit voor deze brief.";
        return Redirect($"/beheer/sjablonen/{sleutel}");
    }
}
