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
public sealed class IndexModel(IInzageRapporten rapporten, IVerwerkingenInzage logboek, IDossierBeperking beperking, IBewaartermijnen bewaren,
    IPermissionEvaluator toestemming) : Beheer.BeheerPage
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

    /// <summary>Tonight's retention run, per kind: the dry run, for the officer who reads the logs.</summary>
    public IReadOnlyList<(string Soort, int Aantal)>? Bewaarplan { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LaadBewaarplanAsync(ct);

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        await next();
        if (HttpContext.Request.Method == "POST")
        {
            await LaadBewaarplanAsync(HttpContext.RequestAborted);
        }
    }

    private async Task LaadBewaarplanAsync(CancellationToken ct)
    {
        if (await toestemming.HasAsync(User, AuditingPermissies.LogboekLezen, ct))
        {
            Bewaarplan = [.. (await bewaren.PlanAsync(User, ct)).GroupBy(i => i.Soort).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key, StringComparer.Ordinal)];
        }
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
