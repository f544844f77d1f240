using System.Security.Claims;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Monitoring.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inburgering.Web.Pages.Monitoring;

/// <summary>The regio-coördinator's view: the gemeenten side by side and their taakstelling, small counts suppressed.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + MonitoringPermissies.RegioLezen)]
public sealed class RegioModel(IMonitoring monitoring) : Beheer.BeheerPage
{
    [BindProperty(SupportsGet = true)]
    public string? Periode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Halfjaar { get; set; } = "2023-II";

    public RegioCijfers? Cijfers { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var gelukt = await TryAsync(async () =>
            Cijfers = await monitoring.RegioAsync(User, Guid.TryParse(User.FindFirstValue(PlatformClaims.OrganisationId), out var regio) ? regio : Guid.Empty, Periode, Halfjaar, ct));
        if (!gelukt)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
