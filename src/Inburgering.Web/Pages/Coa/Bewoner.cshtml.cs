using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inburgering.Web.Pages.Coa;

/// <summary>
/// One person as COA sees them: the overdracht form, and what the gemeente decided (KMG, scenario, brede intake) so
/// voorinburgering can be aligned. Anyone outside the casemanager's locations is "not found", with nothing shown.
/// </summary>
[Authorize(Policy = PermissionPolicy.Prefix + DossierPermissies.OverdrachtBewerken)]
public sealed class BewonerModel(ICoaBewoners bewoners) : Beheer.BeheerPage
{
    public CoaBewoner Bewoner { get; private set; } = null!;

    /// <summary>Whether the form shows what was just posted (a refusal) rather than what is stored.</summary>
    public bool Ingevuld { get; private set; }

    [BindProperty]
    public int Versie { get; set; }

    [BindProperty]
    public string? Opleiding { get; set; }

    [BindProperty]
    public string? Werkervaring { get; set; }

    [BindProperty]
    public string? Talen { get; set; }

    [BindProperty]
    public string? ZichtbareBeperkingen { get; set; }

    [BindProperty]
    public bool VoorinburgeringDeelname { get; set; }

    [BindProperty]
    public string? VoorinburgeringVoortgang { get; set; }

    [BindProperty]
    public string? Telefoon { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Beschikbaarheid { get; set; }

    [BindProperty]
    public bool DriegesprekGewenst { get; set; }

    [BindProperty]
    public string? PersoonlijkeOverdrachtOp { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LaadAsync(id, ct))
        {
            return NotFound();
        }

        if (Bewoner.Overdracht is { } o)
        {
            (Opleiding, Werkervaring, Talen, ZichtbareBeperkingen, VoorinburgeringDeelname, VoorinburgeringVoortgang) =
                (o.Opleiding, o.Werkervaring, string.Join(", ", o.Talen), o.ZichtbareBeperkingen, o.VoorinburgeringDeelname, o.VoorinburgeringVoortgang);
            (Telefoon, Email, Beschikbaarheid, DriegesprekGewenst) = (o.Telefoon, o.Email, o.Beschikbaarheid, o.DriegesprekGewenst);
            PersoonlijkeOverdrachtOp = o.PersoonlijkeOverdrachtOp?.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var bewaard = await TryAsync(async () =>
        {
            var datums = new Datums();
            var op = datums.Lees(PersoonlijkeOverdrachtOp, "persoonlijkeOverdrachtOp");

            var talen = (Talen ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            await bewoners.LegOverdrachtVastAsync(User, id, Versie, new CoaOverdrachtGegevens(Opleiding, Werkervaring, talen, ZichtbareBeperkingen,
                VoorinburgeringDeelname, VoorinburgeringVoortgang, Telefoon, Email, Beschikbaarheid, DriegesprekGewenst, op), datums.Fouten, ct);
        });
        if (bewaard)
        {
            return Redirect($"/coa/bewoners/{id}?bewaard=1");
        }

        if (!await LaadAsync(id, ct))
        {
            return NotFound();
        }

        Ingevuld = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LaadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Bewoner = await bewoners.LeesAsync(User, id, ct);
            return true;
        }
        catch (DomainException ex) when (ex.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }
    }
}
