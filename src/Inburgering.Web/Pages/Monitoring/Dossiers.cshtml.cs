using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Monitoring.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inburgering.Web.Pages.Monitoring;

/// <summary>The dossiers behind one dashboard figure.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + MonitoringPermissies.DashboardLezen)]
public sealed class DossiersModel(IMonitoring monitoring) : Beheer.BeheerPage
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? Van { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Tot { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? KlantregisseurId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kengetal { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? CoaLocatieId { get; set; }

    public IReadOnlyList<KengetalDossier> Dossiers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!await TryAsync(async () => Dossiers = await monitoring.DossiersAsync(User, Van, Tot, KlantregisseurId, Kengetal, ct, CoaLocatieId)))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
