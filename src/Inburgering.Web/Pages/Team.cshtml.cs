using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inburgering.Web.Pages;

/// <summary>The teamleider's view of the team's dossiers: who holds what, and reassignment in bulk with a reason.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + DossierPermissies.Toewijzen)]
public sealed class TeamModel(IWerkvoorraad werkvoorraad, IPeopleDirectory mensen) : Beheer.BeheerPage
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    /// <summary>Only this klantregisseur's dossiers in the list below the counts.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Kr { get; set; }

    public IReadOnlyList<TeamCaseload> Caseloads { get; private set; } = [];

    [BindProperty]
    public List<Guid> Dossiers { get; set; } = [];

    [BindProperty]
    public Guid? Klantregisseur { get; set; }

    [BindProperty]
    public string? Reden { get; set; }

    public WerkvoorraadPagina Pagina { get; private set; } = new([], null);

    public IReadOnlyList<Medewerker> Klantregisseurs { get; private set; } = [];

    public string NaamVan(Guid? id) => id is null ? "—" : Klantregisseurs.FirstOrDefault(k => k.Id == id)?.Naam ?? "?";

    public async Task OnGetAsync(CancellationToken ct) => await LaadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var aantal = 0;
        if (await TryAsync(async () => aantal = await werkvoorraad.WijsToeAsync(User, Dossiers, Klantregisseur, Reden, ct)))
        {
            return Redirect($"/team?toegewezen={aantal}");
        }

        await LaadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LaadAsync(CancellationToken ct)
    {
        Pagina = await werkvoorraad.LeesAsync(User, Kr?.ToString(), null, Q, null, "naam", Cursor, ct);
        Caseloads = await werkvoorraad.TeamAsync(User, ct);
        Klantregisseurs = Guid.TryParse(User.FindFirstValue(PlatformClaims.OrganisationId), out var gemeente)
            ? await mensen.MembersAsync(gemeente, Roles.Klantregisseur, ct)
            : [];
        // Everyone of the team gets a row, also with an empty caseload; the team queue (not assigned) comes first.
        Caseloads = [.. Caseloads.Where(c => c.KlantregisseurId is null),
            .. Klantregisseurs.Select(k => Caseloads.FirstOrDefault(c => c.KlantregisseurId == k.Id) ?? new TeamCaseload(k.Id, new Dictionary<string, int>(), 0, 0, 0)),
            .. Caseloads.Where(c => c.KlantregisseurId is { } id && Klantregisseurs.All(k => k.Id != id))];
    }
}
