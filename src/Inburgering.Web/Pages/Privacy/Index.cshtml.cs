using Inburgering.Modules.Auditing.Contracts;
using Inburgering.Modules.Documenten.Contracts;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inburgering.Web.Pages.Privacy;

/// <summary>
/// The privacy officer's desk: find the person of an inzage request and download the report, check the processing
/// log's chain, and take the register of processing activities into the gemeente's own AVG register.
/// </summary>
[Authorize(Policy = PermissionPolicy.Prefix + DossierPermissies.InzageMaken + "|" + AuditingPermissies.LogboekLezen)]
public sealed class IndexModel(IInzageRapporten rapporten, IVerwerkingenInzage logboek, IDossierBeperking beperking) : Beheer.BeheerPage
{
    [BindProperty]
    public string? VNummer { get; set; }

    [BindProperty]
    public string? Bsn { get; set; }

    [BindProperty]
    public string? Reden { get; set; }

    public InzageBetrokkene? Betrokkene { get; private set; }

    public LogboekControle? Controle { get; private set; }

    public IReadOnlyList<Verwerkingsactiviteit> Register => Verwerkingsregister.Alle;

    public void OnGet()
    {
    }

    public async Task OnPostZoekAsync(CancellationToken ct)
    {
        if (await TryAsync(async () => Betrokkene = await rapporten.ZoekAsync(User, VNummer, Bsn, ct)) && Betrokkene is null)
        {
            Melding = "Er is in uw gemeente geen dossier met dit V-nummer of BSN.";
        }

        // The BSN is not shown back once the search is done.
        Bsn = null;
        ModelState.Remove(nameof(Bsn));
    }

    /// <summary>Restricts or lifts, naming the version the officer saw; the page then shows the person as they now are.</summary>
    public async Task OnPostBeperkingAsync(Guid dossierId, int versie, bool opheffen, CancellationToken ct)
    {
        var gelukt = await TryAsync(async () => _ = opheffen
            ? await beperking.HefOpAsync(User, dossierId, Versievoorwaarde.Precies(versie), Reden, ct)
            : await beperking.BeperkAsync(User, dossierId, Versievoorwaarde.Precies(versie), Reden, ct));
        if (gelukt)
        {
            Melding = opheffen ? "De beperking is opgeheven." : "De verwerking is beperkt.";
            Reden = null;
        }

        Betrokkene = await rapporten.ZoekAsync(User, VNummer, null, ct);
    }

    public async Task OnPostControleerAsync(CancellationToken ct) =>
        await TryAsync(async () => Controle = await logboek.ControleerAsync(User, ct));
}
