using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inburgering.Web.Pages.Beheer;

[Authorize(Policy = PermissionPolicy.Prefix + IdentityPermissies.ClientsBeheren)]
public sealed class ClientsModel(IClientAdministration clients, IOrganisationDirectory organisations) : BeheerPage
{
    public IReadOnlyList<ClientView> Clients { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> OrganisatieNamen { get; private set; } = new Dictionary<Guid, string>();

    [BindProperty]
    public string? ClientId { get; set; }

    [BindProperty]
    public string? Naam { get; set; }

    [BindProperty]
    public string Soort { get; set; } = "interactief";

    [BindProperty]
    public string? RedirectUri { get; set; }

    [BindProperty]
    public Guid? OrganisatieId { get; set; }

    [BindProperty]
    public string? Rollen { get; set; }

    /// <summary>Shown once, right after registering a koppeling.</summary>
    public string? Geheim { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task OnPostRegistrerenAsync()
    {
        var rollen = Rollen?.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var registratie = new ClientRegistratie(ClientId, Naam, Soort, Soort == "koppeling" ? OrganisatieId : null, rollen,
            string.IsNullOrWhiteSpace(RedirectUri) ? [] : [RedirectUri.Trim()], null);
        ClientAangemaakt? created = null;
        if (await TryAsync(async () => created = await clients.RegisterAsync(registratie, HttpContext.RequestAborted)))
        {
            Melding = "De client is geregistreerd.";
            Geheim = created!.Secret;
        }

        await LoadAsync();
    }

    public async Task OnPostVerwijderenAsync(string clientId)
    {
        if (await TryAsync(() => clients.RemoveAsync(clientId, HttpContext.RequestAborted)))
        {
            Melding = "De client is verwijderd; zijn tokens werken niet meer.";
        }

        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        Clients = await clients.ListAsync(HttpContext.RequestAborted);
        var ids = Clients.Where(c => c.OrganisatieId is not null).Select(c => c.OrganisatieId!.Value).Distinct();
        OrganisatieNamen = (await organisations.FindManyAsync(ids, HttpContext.RequestAborted)).ToDictionary(o => o.Id, o => o.Naam);
    }
}
