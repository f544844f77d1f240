using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inburgering.Web.Pages.Beheer;

/// <summary>The gemeente's settings, each with its allowed values, its default and the value in use; the functioneel beheerder changes them here.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + TenancyPermissies.InstellingenBeheren)]
public sealed class InstellingenModel(IGemeenteInstellingen instellingen) : BeheerPage
{
    /// <summary>How a value reads on the page; a value not named here is shown as it is stored.</summary>
    private static readonly Dictionary<string, string> Woorden = new(StringComparer.Ordinal)
    {
        ["dossiers.klantregisseur-ziet:alle"] = "Alle dossiers van de gemeente",
        ["dossiers.klantregisseur-ziet:eigen"] = "Alleen de eigen caseload",
    };

    public IReadOnlyList<InstellingWeergave> Lijst { get; private set; } = [];

    [BindProperty]
    public string? Sleutel { get; set; }

    [BindProperty]
    public string? Waarde { get; set; }

    public string? Gewijzigd { get; private set; }

    public static string Woord(string sleutel, string waarde) => Woorden.GetValueOrDefault($"{sleutel}:{waarde}", waarde);

    public async Task OnGetAsync(string? gewijzigd, CancellationToken ct)
    {
        Gewijzigd = gewijzigd;
        Lijst = await instellingen.LijstAsync(User, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await TryAsync(() => instellingen.ZetAsync(User, Sleutel ?? string.Empty, Waarde, ct)))
        {
            return Redirect($"/beheer/instellingen?gewijzigd={Uri.EscapeDataString(Sleutel ?? string.Empty)}#{Sleutel}");
        }

        Lijst = await instellingen.LijstAsync(User, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
