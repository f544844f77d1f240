using System.Security.Claims;
using System.Text.Json;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Monitoring.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inburgering.Web.Pages.Monitoring;

/// <summary>The teamleider's ja-tenzij dashboard: the funnel, uptake per month, tenzij-redenen, housing, and a row per klantregisseur; every figure opens its dossiers.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + MonitoringPermissies.DashboardLezen)]
public sealed class DashboardModel(IMonitoring monitoring, IPeopleDirectory mensen, Inburgering.Modules.Tenancy.Contracts.IOrganisationDirectory organisaties) : Beheer.BeheerPage
{
    private static readonly string[] TrechterKengetallen = ["gekoppeld", "kmg", "scenario", "brede-intake", "pip"];

    [BindProperty(SupportsGet = true)]
    public string? Van { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tot { get; set; }

    /// <summary>The pilot's cohort: everyone who lived at this COA location during the period; empty: the koppeling cohort.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? CoaLocatieId { get; set; }

    public IReadOnlyList<Inburgering.Modules.Tenancy.Contracts.CoaLocatieSummary> Locaties { get; private set; } = [];

    public JaTenzijCijfers? Cijfers { get; private set; }

    public IReadOnlyList<JaTenzijMaand> Maanden { get; private set; } = [];

    public IReadOnlyList<JaTenzijKlantregisseur> PerKlantregisseur { get; private set; } = [];

    /// <summary>The current half-year's housing quota against the people housed, with what carried over.</summary>
    public TaakstellingRealisatie? Taakstelling { get; private set; }

    public IReadOnlyDictionary<Guid, string> Namen { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The query string of the chosen period, for drill-down and export links.</summary>
    public string Periode => Cijfers is null ? string.Empty
        : $"van={Cijfers.Van:yyyy-MM-dd}&tot={Cijfers.Tot:yyyy-MM-dd}" + (CoaLocatieId is { } locatie ? $"&coaLocatieId={locatie}" : string.Empty);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await TryAsync(async () =>
        {
            var datums = new Datums();
            var van = datums.Lees(Van, "van");
            var tot = datums.Lees(Tot, "tot");
            if (datums.Fouten.Count > 0)
            {
                throw new ValidationFailedException("Monitoring:Validation", datums.Fouten);
            }

            Locaties = await organisaties.CoaLocatiesAsync(ct);
            Cijfers = await monitoring.JaTenzijAsync(User, van, tot, null, ct, CoaLocatieId);
            Maanden = await monitoring.PerMaandAsync(User, van, tot, ct, CoaLocatieId);
            PerKlantregisseur = await monitoring.PerKlantregisseurAsync(User, van, tot, ct, CoaLocatieId);
            Taakstelling = await monitoring.TaakstellingAsync(User, null, ct);
            if (Guid.TryParse(User.FindFirstValue(PlatformClaims.OrganisationId), out var gemeente))
            {
                Namen = (await mensen.MembersAsync(gemeente, null, ct)).ToDictionary(m => m.Id, m => m.Naam);
            }
        });
        if (Fouten.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    public string NaamVan(Guid? id) => id is { } k ? Namen.GetValueOrDefault(k, "?") : "—";

    /// <summary>The chart data, read by /js/monitoring.js (no inline script under the content security policy).</summary>
    public string GrafiekJson() => Cijfers is not { } c ? "{}" : JsonSerializer.Serialize(new
    {
        trechter = new[] { c.Trechter.Gekoppeld.Waarde, c.Trechter.Kennismaking.Waarde, c.Trechter.Scenario.Waarde, c.Trechter.BredeIntake.Waarde, c.Trechter.Pip.Waarde },
        trechterKengetallen = TrechterKengetallen,
        maanden = Maanden.Select(m => m.Maand),
        kmgInAzc = Maanden.Select(m => m.KennismakingsgesprekInAzc.Percentage),
        scenario1of2 = Maanden.Select(m => m.AandeelScenario1of2.Percentage),
        bredeIntakeInAzc = Maanden.Select(m => m.BredeIntakeGestartInAzc.Percentage),
        redenen = c.TenzijRedenen.Select(r => r.Reden),
        redenAantallen = c.TenzijRedenen.Select(r => r.Aantal.Waarde),
        huisvesting = new[] { c.Huisvesting.Dagen.Mediaan, c.Huisvesting.Dagen.Gemiddelde, c.Huisvesting.Wachtdagen.Gemiddelde },
        norm = c.HuisvestingNormDagen,
        periode = Periode,
    });
}
