using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inburgering.Web.Pages.Beheer;

[Authorize(Policy = PermissionPolicy.Prefix + IdentityPermissies.RechtenBeheren)]
public sealed class RechtenModel(IGrantAdministration grants) : BeheerPage
{
    /// <summary>What a gemeente may grant: everything but the platform permissions.</summary>
    public static readonly string[] Toekenbaar = [.. Modules.ModuleCatalog.Permissies.All.Except(Modules.ModuleCatalog.Permissies.Platform).Order(StringComparer.Ordinal)];

    public IReadOnlyList<RolRechten> Rollen { get; private set; } = [];

    public async Task OnGetAsync() => Rollen = await grants.ListAsync(HttpContext.RequestAborted);

    public async Task OnPostAsync(string rol, List<string> permissies)
    {
        if (await TryAsync(() => grants.SetAsync(rol, permissies, HttpContext.RequestAborted)))
        {
            Melding = "De rechten zijn opgeslagen.";
        }

        Rollen = await grants.ListAsync(HttpContext.RequestAborted);
    }
}
