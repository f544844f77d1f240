using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Web.Pages.Beheer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inburgering.Web.Pages.Duo;

/// <summary>The reconciliation queue: where DUO's data and the dossier disagree, each resolved here one way or the other.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + DossierPermissies.Lezen)]
public sealed class VerschillenModel(IDossierZaakwerk zaakwerk) : BeheerPage
{
    public IReadOnlyList<DuoVerschilItem> Verschillen { get; private set; } = [];

    [BindProperty]
    public Guid Verschil { get; set; }

    [BindProperty]
    public string? Besluit { get; set; }

    [BindProperty]
    public string? Toelichting { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Verschillen = await zaakwerk.DuoVerschillenAsync(User, ct);

    public async Task OnPostAsync(CancellationToken ct)
    {
        if (await TryAsync(() => zaakwerk.HandelDuoVerschilAfAsync(User, Verschil, new DuoAfhandelingInvoer(Besluit, Toelichting), ct)))
        {
            Melding = Besluit == "neem-duo-over" ? "Het dossier heeft de gegevens van DUO overgenomen." : "Het dossier blijft zoals het is; de reden is vastgelegd.";
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Verschillen = await zaakwerk.DuoVerschillenAsync(User, ct);
    }
}
