using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inburgering.Web.Pages;

/// <summary>The klantregisseur's caseload: filters in the query string (bookmarkable), keyset paging, signals as badges.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.DossiersLezen)]
public sealed class WerkvoorraadModel(IWerkvoorraad werkvoorraad) : PageModel
{
    public static readonly IReadOnlyList<string> Fasen = ["gekoppeld", "overgedragen", "kennismaking", "scenario-gekozen", "brede-intake", "inburgering", "afgesloten"];

    [BindProperty(SupportsGet = true)]
    public string Wie { get; set; } = "mij";

    [BindProperty(SupportsGet = true)]
    public string? Fase { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Signaal { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public WerkvoorraadPagina Pagina { get; private set; } = new([], null);

    public IReadOnlyDictionary<string, string[]> Fouten { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        try
        {
            Pagina = await werkvoorraad.LeesAsync(User, Wie == "team" ? null : "me", Fase, Q, Signaal, Sort, Cursor, ct);
        }
        catch (ValidationFailedException ex)
        {
            Fouten = ex.Errors;
        }
    }

    /// <summary>The same filters with another cursor: the link to the next page.</summary>
    public string Volgende(string cursor) =>
        Url.Page("/Werkvoorraad", new { wie = Wie, fase = Fase, q = Q, signaal = Signaal, sort = Sort, cursor })!;
}
