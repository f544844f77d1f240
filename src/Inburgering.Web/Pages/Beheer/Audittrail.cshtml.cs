using Inburgering.Modules.Auditing.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inburgering.Web.Pages.Beheer;

/// <summary>Who changed users, rights, norms, templates and settings, newest first: the gemeente's own trail, or the platform's.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + AuditingPermissies.BeheerlogLezen + "|" + AuditingPermissies.PlatformlogLezen)]
public sealed class AudittrailModel(IBeheerTrail trail) : BeheerPage
{
    public static readonly string[] Onderwerpen =
        ["gebruiker", "lidmaatschap", "bevoegdheid", "client", "organisatie", "gemeente", "regio", "coa-locatie", "taakstelling", "beleid", "instelling", "sjabloon", "briefhoofd", "smtp"];

    [BindProperty(SupportsGet = true)]
    public string? Onderwerp { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public BeheerTrailPagina? Pagina { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        await TryAsync(async () => Pagina = await trail.LeesAsync(User, string.IsNullOrEmpty(Onderwerp) ? null : Onderwerp, null, null, 50, Cursor, ct));
}
