using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inburgering.Web.Pages;

/// <summary>
/// One dossier: who, where they stand, every legal clock on one strip, the open signals, and a form per milestone.
/// A refused form comes back with the entered values and each error next to its field; nothing is stored.
/// </summary>
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.DossiersLezen)]
public sealed class DossierModel(IDossierOverzichten overzichten, IDossierMijlpalen mijlpalen) : PageModel
{
    public DossierOverzicht Dossier { get; private set; } = null!;

    /// <summary>Which form was sent and refused, its errors per field, and a message for the whole form.</summary>
    public string? Formulier { get; private set; }

    public IReadOnlyDictionary<string, string[]> Fouten { get; private set; } = new Dictionary<string, string[]>();

    public string? Melding { get; private set; }

    [BindProperty]
    public int Versie { get; set; }

    [BindProperty]
    public string? Gehouden { get; set; }

    [BindProperty]
    public string? Locatie { get; set; }

    [BindProperty]
    public int? Scenario { get; set; }

    [BindProperty]
    public string? Besluitdatum { get; set; }

    [BindProperty]
    public List<string> TenzijRedenen { get; set; } = [];

    [BindProperty]
    public string? Toelichting { get; set; }

    [BindProperty]
    public string? Aanbieder { get; set; }

    [BindProperty]
    public string? Startdatum { get; set; }

    [BindProperty]
    public string? Dagtekening { get; set; }

    [BindProperty]
    public string? Leerroute { get; set; }

    [BindProperty]
    public bool Knm { get; set; }

    [BindProperty]
    public bool Pvt { get; set; }

    [BindProperty]
    public bool Map { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LaadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostKennismakingAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "kennismaking", datums => mijlpalen.KennismakingAsync(User, id, Versie, null, datums.Lees(Gehouden, "gehouden"), Locatie, false, datums.Fouten, ct), ct);

    public Task<IActionResult> OnPostScenarioAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "scenario", datums => mijlpalen.ScenarioAsync(User, id, Versie, Scenario, datums.Lees(Besluitdatum, "besluitdatum"), TenzijRedenen, Toelichting, datums.Fouten, ct), ct);

    public Task<IActionResult> OnPostBredeIntakeAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "brede-intake", datums => mijlpalen.BredeIntakeAsync(User, id, Versie, Aanbieder, datums.Lees(Startdatum, "startdatum"), null, datums.Fouten, ct), ct);

    public Task<IActionResult> OnPostPipAsync(Guid id, CancellationToken ct) =>
        BewaarAsync(id, "pip", datums => mijlpalen.PipAsync(User, id, Versie, datums.Lees(Dagtekening, "dagtekening"), Leerroute, Knm, Pvt, Map, datums.Fouten, ct), ct);

    /// <summary>The errors of one field of the refused form, for the message under it.</summary>
    public string[] FoutenVan(string formulier, string veld) => Formulier == formulier && Fouten.TryGetValue(veld, out var fouten) ? fouten : [];

    private async Task<IActionResult> BewaarAsync(Guid id, string formulier, Func<Datums, Task<int>> bewaar, CancellationToken ct)
    {
        try
        {
            // Dates are typed as dd-mm-jjjj (NL Design System: no native date picker); unreadable ones are refused with the rest.
            await bewaar(new Datums());
            return Redirect($"/dossiers/{id}#{formulier}");
        }
        catch (ValidationFailedException ex)
        {
            Fouten = ex.Errors;
            Melding = ex.Message;
        }
        catch (RuleViolationException ex)
        {
            // The rule's field is a path (scenario.tenzijRedenen); the form knows its last part.
            Fouten = ex.Violations.GroupBy(v => (v.Field ?? formulier).Split('.')[^1].Split('[')[0])
                .ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray());
            Melding = ex.Message;
        }
        catch (DomainException ex) when (ex.Status != StatusCodes.Status404NotFound)
        {
            Melding = ex.Message;
        }

        Formulier = formulier;
        if (!await LaadAsync(id, ct))
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LaadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Dossier = await overzichten.LeesAsync(User, id, ct);
            return true;
        }
        catch (DomainException ex) when (ex.Status == StatusCodes.Status404NotFound)
        {
            // The same answer whether the dossier is elsewhere or nowhere: nothing leaks.
            return false;
        }
    }
}
