using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inburgering.Web.Pages;

/// <summary>The klantregisseur's caseload: filters in the query string (bookmarkable), keyset paging, signals as badges.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + DossierPermissies.Lezen)]
public sealed class WerkvoorraadModel(IWerkvoorraad werkvoorraad, IWerkvoorraadFilters weergaven) : PageModel
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

    public IReadOnlyList<OpgeslagenFilter> Weergaven { get; private set; } = [];

    /// <summary>Errors of the "save this view" form, by field.</summary>
    public IReadOnlyDictionary<string, string[]> WeergaveFouten { get; private set; } = new Dictionary<string, string[]>();

    [BindProperty]
    public string? Naam { get; set; }

    [BindProperty]
    public bool Delen { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LaadAsync(ct);

    public async Task<IActionResult> OnPostBewaarAsync(CancellationToken ct)
    {
        try
        {
            var filter = await weergaven.BewaarAsync(User, Naam, new WerkvoorraadFilterInstelling(Wie, Fase, Q, Signaal, Sort), Delen, ct);
            return Redirect(Link(filter.Filter) + "&bewaard=1");
        }
        catch (ValidationFailedException ex)
        {
            WeergaveFouten = ex.Errors;
        }

        await LaadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostVerwijderAsync(Guid weergave, CancellationToken ct)
    {
        await weergaven.VerwijderAsync(User, weergave, ct);
        return Redirect("/werkvoorraad");
    }

    /// <summary>The werkvoorraad with a saved view's filters: an ordinary, bookmarkable link (wie is always in it).</summary>
    public string Link(WerkvoorraadFilterInstelling f) => Url.Page("/Werkvoorraad", new { wie = f.Wie, fase = f.Fase, q = f.Q, signaal = f.Signaal, sort = f.Sort })!;

    private async Task LaadAsync(CancellationToken ct)
    {
        Weergaven = await weergaven.LijstAsync(User, ct);
        try
        {
            Pagina = await werkvoorraad.LeesAsync(User, Wie == "team" ? null : "me", Fase, Q, Signaal, Sort, Cursor, ct);
        }
        catch (ValidationFailedException ex)
        {
            Fouten = ex.Errors;
        }
    }

    /// <summary>The current filters as the API reads them, for the export links.</summary>
    public string Query => string.Join("&", new (string, string?)[] { ("klantregisseur", Wie == "team" ? null : "me"), ("fase", Fase), ("q", Q), ("signaal", Signaal), ("sort", Sort) }
        .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));

    /// <summary>The same filters with another cursor: the link to the next page.</summary>
    public string Volgende(string cursor) =>
        Url.Page("/Werkvoorraad", new { wie = Wie, fase = Fase, q = Q, signaal = Signaal, sort = Sort, cursor })!;
}
