using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inburgering.Web.Pages.Beheer;

/// <summary>The gemeente's norms: national default, its own versions from a date on, and the value that applies today.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + TenancyPermissies.InstellingenBeheren)]
public sealed class BeleidModel(IBeleidsbeheer beheer) : BeheerPage
{
    public IReadOnlyList<BeleidsparameterOverzicht> Normen { get; private set; } = [];

    [BindProperty]
    public string? Sleutel { get; set; }

    [BindProperty]
    public string? Waarde { get; set; }

    [BindProperty]
    public string? GeldigVanaf { get; set; }

    [BindProperty]
    public string? Toelichting { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Normen = await beheer.LijstAsync(User, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var datums = new Datums();
        var vanaf = datums.Lees(GeldigVanaf, "geldigVanaf");
        int? waarde = int.TryParse(Waarde, out var w) ? w : null;
        if (await TryAsync(async () =>
            {
                if (datums.Fouten.Count > 0 || (!string.IsNullOrWhiteSpace(Waarde) && waarde is null))
                {
                    var fouten = new Dictionary<string, string[]>(datums.Fouten);
                    if (!string.IsNullOrWhiteSpace(Waarde) && waarde is null)
                    {
                        fouten["waarde"] = ["Vul een heel getal in, of laat het leeg voor de landelijke norm."];
                    }

                    throw new Platform.Errors.ValidationFailedException(TenancyErrors.Validation, fouten);
                }

                await beheer.VoegToeAsync(User, Sleutel ?? string.Empty, waarde, vanaf, Toelichting, ct);
            }))
        {
            return Redirect($"/beheer/beleid#{Sleutel}");
        }

        Normen = await beheer.LijstAsync(User, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
