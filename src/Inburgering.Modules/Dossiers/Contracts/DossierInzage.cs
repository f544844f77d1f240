using System.Security.Claims;
using System.Text.Json;

namespace Inburgering.Modules.Dossiers.Contracts;

/// <summary>A person a request is about, found by V-nummer or BSN; the version is the ETag a restriction names.</summary>
public sealed record InzageBetrokkene(Guid DossierId, string Naam, string VNummer, int Versie = 0, DateTimeOffset? BeperktSinds = null);

/// <summary>One event of the person's tijdlijn, with the data it recorded (health only with the health permission).</summary>
public sealed record InzageGebeurtenis(DateTimeOffset Tijdstip, string Soort, string Omschrijving, string ActorNaam, string Organisatie, JsonElement Gegevens);

/// <summary>An organisation that received the person's data from this gemeente, e.g. the gemeente an omkoppeling went to.</summary>
public sealed record InzageOntvanger(string Organisatie, string Waarom, DateTimeOffset Sinds, string? Status);

/// <summary>
/// Everything the Dossiers module holds about one person: the dossier as the API shows it, the tijdlijn, and the
/// recipients. <paramref name="MetGezondheid"/> says whether health was included (only with the health permission).
/// </summary>
public sealed record DossierInzageGegevens(InzageBetrokkene Betrokkene, JsonElement Dossier, IReadOnlyList<InzageGebeurtenis> Tijdlijn,
    IReadOnlyList<InzageOntvanger> Ontvangers, bool MetGezondheid);

/// <summary>The Dossiers part of an inzage report (AVG art. 15) for the privacy officer; every use is itself logged.</summary>
public interface IDossierInzage
{
    Task<InzageBetrokkene?> ZoekAsync(ClaimsPrincipal user, string? vNummer, string? bsn, CancellationToken ct);

    Task<DossierInzageGegevens> GegevensAsync(ClaimsPrincipal user, Guid dossierId, CancellationToken ct);
}

/// <summary>Restriction of processing (AVG art. 18), for the API and the privacy page alike; returns the dossier's new version.</summary>
public interface IDossierBeperking
{
    Task<int> BeperkAsync(ClaimsPrincipal user, Guid dossierId, Versievoorwaarde versie, string? reden, CancellationToken ct);

    Task<int> HefOpAsync(ClaimsPrincipal user, Guid dossierId, Versievoorwaarde versie, string? reden, CancellationToken ct);
}
