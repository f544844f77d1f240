using System.Security.Claims;
using System.Security.Cryptography;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inburgering.Modules.Dossiers.Features.Webhooks;

/// <summary>Configuration section <c>Webhooks</c>.</summary>
internal sealed class WebhookOpties
{
    public const string Section = "Webhooks";

    /// <summary>Whether this worker delivers (the relay runs on the worker role).</summary>
    public bool Relay { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>After this many failed tries a delivery is dead-lettered.</summary>
    public int MaxPogingen { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles with each next one, up to <see cref="MaxWachttijd"/>.</summary>
    public TimeSpan EersteWachttijd { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxWachttijd { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Hosts the operator trusts as receivers without TLS or on an internal address; every other receiver must be https on a public address.</summary>
    public string[] VertrouwdeOntvangers { get; set; } = [];
}

/// <summary>The functioneel beheerder's subscriptions and deliveries, behind the API and the page alike.</summary>
internal sealed class WebhookBeheer(DossierWerkplaats werkplaats, IPermissionEvaluator rechten, IDataProtectionProvider bescherming, IOptions<WebhookOpties> opties) : IWebhooks
{
    private IDataProtector Sleutel => bescherming.CreateProtector("Dossiers.Webhooks.Geheim");

    public async Task<IReadOnlyList<WebhookWeergave>> LijstAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.WebhooksBeheren, ct);
        return [.. (await werkplaats.Lees.WebhookAbonnementen.OrderBy(a => a.Naam).ToListAsync(ct)).Select(Weergave)];
    }

    public async Task<WebhookMetGeheim> MaakAsync(ClaimsPrincipal user, WebhookInvoer invoer, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.WebhooksBeheren, ct);
        var (naam, url, soorten) = Controleer(invoer);
        if (await werkplaats.Lees.WebhookAbonnementen.AnyAsync(a => a.Naam == naam, ct))
        {
            throw Invoer.Afgewezen(DossierFouten.Validatie, "naam", "Er is al een abonnement met deze naam.");
        }

        var abonnement = new WebhookAbonnement(naam, url, soorten, HandelendePartij.Van(user).Naam, werkplaats.Nu) { Actief = invoer.Actief ?? true };
        var geheim = NieuwGeheim();
        abonnement.SleutelVersleuteld = Sleutel.Protect(geheim);
        werkplaats.VoegToe(abonnement);
        await werkplaats.SlaOpAsync(ct);
        return new WebhookMetGeheim(Weergave(abonnement), geheim);
    }

    public async Task<WebhookWeergave> WijzigAsync(ClaimsPrincipal user, Guid id, WebhookInvoer invoer, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.WebhooksBeheren, ct);
        var abonnement = await LaadAsync(id, ct);
        var (naam, url, soorten) = Controleer(invoer);
        (abonnement.Naam, abonnement.Url, abonnement.Soorten, abonnement.Actief, abonnement.GewijzigdOp) = (naam, url, soorten, invoer.Actief ?? abonnement.Actief, werkplaats.Nu);
        await werkplaats.SlaOpAsync(ct);
        return Weergave(abonnement);
    }

    public async Task VerwijderAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.WebhooksBeheren, ct);
        werkplaats.Verwijder(await LaadAsync(id, ct));
        await werkplaats.SlaOpAsync(ct);
    }

    public async Task<WebhookMetGeheim> NieuwGeheimAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.WebhooksBeheren, ct);
        var abonnement = await LaadAsync(id, ct);
        var geheim = NieuwGeheim();
        (abonnement.VorigeSleutelVersleuteld, abonnement.VorigeSleutelTot) = (abonnement.SleutelVersleuteld, werkplaats.Nu.AddDays(1));
        abonnement.SleutelVersleuteld = Sleutel.Protect(geheim);
        abonnement.GewijzigdOp = werkplaats.Nu;
        await werkplaats.SlaOpAsync(ct);
        return new WebhookMetGeheim(Weergave(abonnement), geheim);
    }

    public async Task<IReadOnlyList<AfleveringWeergave>> AfleveringenAsync(ClaimsPrincipal user, string? status, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.WebhooksBeheren, ct);
        var check = new Invoer(DossierFouten.Validatie);
        check.Keuze(status, "status", ["wachtend", "afgeleverd", "dood"]);
        check.Klaar();
        var query = werkplaats.AfleveringenVoorWijziging.AsNoTracking();
        if (status is not null)
        {
            query = query.Where(a => a.Status == status);
        }

        return [.. (await query.OrderByDescending(a => a.Volgnummer).Take(200).ToListAsync(ct)).Select(Weergave)];
    }

    public async Task<AfleveringWeergave> OpnieuwAsync(ClaimsPrincipal user, long afleveringId, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.WebhooksBeheren, ct);
        var aflevering = await werkplaats.AfleveringenVoorWijziging.SingleOrDefaultAsync(a => a.Id == afleveringId, ct)
                         ?? throw new DomainException(DossierFouten.WebhookNietGevonden, "Deze aflevering bestaat niet in uw gemeente.", StatusCodes.Status404NotFound);
        if (aflevering.Status != "dood")
        {
            throw new DomainException(PlatformErrors.Conflict, "Alleen een aflevering die is opgegeven kan opnieuw worden verstuurd.", StatusCodes.Status409Conflict);
        }

        aflevering.Opnieuw(werkplaats.Nu);
        await werkplaats.SlaOpAsync(ct);
        return Weergave(aflevering);
    }

    /// <summary>What the relay needs to deliver: the address and every secret that signs now. Null when the subscription is gone or off.</summary>
    internal async Task<(string Url, IReadOnlyList<string> Geheimen)?> VoorAfleveringAsync(Guid id, CancellationToken ct)
    {
        var a = await werkplaats.Lees.WebhookAbonnementen.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null || !a.Actief || a.SleutelVersleuteld is null)
        {
            return null;
        }

        var geheimen = new List<string> { Sleutel.Unprotect(a.SleutelVersleuteld) };
        if (a.VorigeSleutelVersleuteld is { } vorig && a.VorigeSleutelTot > werkplaats.Nu)
        {
            geheimen.Add(Sleutel.Unprotect(vorig));
        }

        return (a.Url, geheimen);
    }

    private async Task<WebhookAbonnement> LaadAsync(Guid id, CancellationToken ct) =>
        await werkplaats.WebhooksVoorWijziging.SingleOrDefaultAsync(a => a.Id == id, ct)
        ?? throw new DomainException(DossierFouten.WebhookNietGevonden, "Dit abonnement bestaat niet in uw gemeente.", StatusCodes.Status404NotFound);

    private (string Naam, string Url, string[] Soorten) Controleer(WebhookInvoer invoer)
    {
        var check = new Invoer(DossierFouten.Validatie);
        var naam = check.Tekst(invoer.Naam, "naam", verplicht: true, max: 100);
        var url = check.Tekst(invoer.Url, "url", verplicht: true, max: 500);
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0 || uri.Fragment.Length > 0
                                || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && opties.Value.VertrouwdeOntvangers.Contains(uri.Host, StringComparer.OrdinalIgnoreCase)))))
        {
            check.Fout("url", "Geef het https-adres van de ontvanger, zonder gebruikersnaam.");
        }

        var soorten = check.Lijst(invoer.Soorten, "soorten", maxAantal: WebhookSoorten.Alle.Count);
        if (soorten.Count == 0)
        {
            check.Fout("soorten", "Kies minstens één soort gebeurtenis.");
        }

        foreach (var onbekend in soorten.Where(s => !WebhookSoorten.Alle.Contains(s)))
        {
            check.Fout("soorten", $"'{onbekend}' is geen soort gebeurtenis van dit product.");
        }

        check.Klaar();
        return (naam!, url!, [.. soorten.Distinct(StringComparer.Ordinal)]);
    }

    private static string NieuwGeheim() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private WebhookWeergave Weergave(WebhookAbonnement a) =>
        new(a.Id, a.Naam, a.Url, a.Soorten, a.Actief, a.VorigeSleutelVersleuteld is not null && a.VorigeSleutelTot > werkplaats.Nu, a.AangemaaktOp, a.AangemaaktDoor);

    private static AfleveringWeergave Weergave(WebhookAflevering a) =>
        new(a.Id, a.AbonnementId, a.EventId, a.Soort, a.DossierId, a.Tijdstip, a.Status, a.Pogingen, a.VolgendePoging, a.LaatsteStatus, a.LaatsteFout, a.AfgeleverdOp);
}
