using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inburgering.Web.Pages;

/// <summary>
/// Registering a koppeling: the person as TVS knows them, the COA location, the vergunning and koppeling dates and the
/// klantregisseur; a household member joins the household of the dossier it was opened from. A refused form comes back
/// with each error next to its field and nothing stored.
/// </summary>
[Authorize(Policy = PermissionPolicy.Prefix + DossierPermissies.Bewerken)]
public sealed class KoppelingModel(IDossierRegistratie registratie, IDossierOverzichten overzichten, IOrganisationDirectory organisaties, IPeopleDirectory mensen) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? HuishoudenVan { get; set; }

    public string? HuishoudenNaam { get; private set; }

    [BindProperty]
    public string? VNummer { get; set; }

    [BindProperty]
    public string? Bsn { get; set; }

    [BindProperty]
    public string? Voornamen { get; set; }

    [BindProperty]
    public string? Achternaam { get; set; }

    [BindProperty]
    public string? Geboortedatum { get; set; }

    [BindProperty]
    public string? Geslacht { get; set; }

    [BindProperty]
    public string? LandVanHerkomst { get; set; }

    [BindProperty]
    public string? Talen { get; set; }

    [BindProperty]
    public string? Doelgroep { get; set; }

    [BindProperty]
    public int? HuishoudenGrootte { get; set; }

    [BindProperty]
    public string? Vergunningdatum { get; set; }

    [BindProperty]
    public string? Koppelingsdatum { get; set; }

    [BindProperty]
    public Guid? CoaLocatieId { get; set; }

    [BindProperty]
    public Guid? KlantregisseurId { get; set; }

    public IReadOnlyList<CoaLocatieSummary> CoaLocaties { get; private set; } = [];

    public IReadOnlyList<Medewerker> Klantregisseurs { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Fouten { get; private set; } = new Dictionary<string, string[]>();

    public string? Melding { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LaadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var datums = new Datums();
        try
        {
            var id = await registratie.RegistreerAsync(User, new NieuwDossier(VNummer, Bsn, Voornamen, Achternaam, datums.Lees(Geboortedatum, "geboortedatum"), Geslacht,
                LandVanHerkomst, Datums.Lijst(Talen), Doelgroep, HuishoudenGrootte, HuishoudenVan, datums.Lees(Vergunningdatum, "vergunningdatum"),
                datums.Lees(Koppelingsdatum, "koppelingsdatum"), CoaLocatieId, KlantregisseurId), datums.Onleesbaar, ct);
            return Redirect($"/dossiers/{id}");
        }
        catch (DomainException ex) when (ex.Status == StatusCodes.Status403Forbidden)
        {
            return Forbid();
        }
        catch (DomainException ex)
        {
            (Fouten, Melding) = FormulierFout.Van(ex, "vNummer");
        }

        await LaadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string[] FoutenVan(string veld) => Fouten.TryGetValue(veld, out var fouten) ? fouten : [];

    private async Task<bool> LaadAsync(CancellationToken ct)
    {
        CoaLocaties = await organisaties.CoaLocatiesAsync(ct);
        if (Guid.TryParse(User.FindFirstValue(PlatformClaims.OrganisationId), out var gemeente))
        {
            Klantregisseurs = await mensen.MembersAsync(gemeente, Roles.Klantregisseur, ct);
        }

        if (HuishoudenVan is { } van)
        {
            try
            {
                var lid = await overzichten.LeesAsync(User, van, ct);
                HuishoudenNaam = lid.Naam;
                CoaLocatieId ??= lid.Details.Persoon.CoaLocatieId;
            }
            catch (DomainException ex) when (ex.Status == StatusCodes.Status404NotFound)
            {
                return false;
            }
        }

        return true;
    }
}
