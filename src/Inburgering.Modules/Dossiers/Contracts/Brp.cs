using System.ComponentModel;
using System.Security.Claims;

namespace Inburgering.Modules.Dossiers.Contracts;

/// <summary>
/// Lookups in the BRP (Haal Centraal BRP Personen Bevragen v2) through the gemeente's own connection: compare a
/// dossier with the BRP, find a person by name and birth date, and take over chosen fields through the same use case
/// as a manual edit. Every lookup is logged as a processing of the dossier's person. When the BRP cannot be reached
/// the answer says so (status <c>niet-beschikbaar</c>) and nothing else changes.
/// </summary>
public interface IBrpBevraging
{
    Task<BrpAansluitingWeergave> AansluitingAsync(ClaimsPrincipal user, CancellationToken ct);

    Task<BrpAansluitingWeergave> BewaarAansluitingAsync(ClaimsPrincipal user, BrpAansluitingInvoer invoer, CancellationToken ct);

    Task<BrpVergelijking> VergelijkAsync(ClaimsPrincipal user, Guid dossierId, CancellationToken ct);

    Task<BrpZoekresultaat> ZoekAsync(ClaimsPrincipal user, Guid dossierId, BrpZoekvraag vraag, CancellationToken ct);

    /// <summary>Looks the person up again and takes over the chosen fields; returns the dossier's new version.</summary>
    Task<int> NeemOverAsync(ClaimsPrincipal user, Guid dossierId, Versievoorwaarde versie, BrpOvername invoer, CancellationToken ct);
}

[Description("The gemeente's connection to the BRP. Secrets are write-only: left out, they stay as they are; an empty string removes them.")]
public sealed record BrpAansluitingInvoer(
    [property: Description("The base address of BRP Personen Bevragen v2, e.g. https://brp.gemeente.nl/haalcentraal/api/brp; /personen is added.")] string? Endpoint,
    [property: Description("The API key, sent as X-API-KEY.")] string? ApiSleutel = null,
    [property: Description("A client certificate for mutual TLS: PKCS#12 (.pfx) in base64.")] string? Certificaat = null,
    string? CertificaatWachtwoord = null,
    [property: Description("The gemeente's four-digit code in the BRP (e.g. 0141 for Almelo): a registration elsewhere is shown as such.")] string? GemeenteCode = null);

public sealed record BrpAansluitingWeergave(
    bool Ingesteld, string? Endpoint, bool ApiSleutel, bool Certificaat, string? CertificaatOnderwerp, DateTimeOffset? CertificaatGeldigTot,
    string? GemeenteCode, DateTimeOffset? GewijzigdOp, string? GewijzigdDoor);

[Description("One field side by side: what the dossier holds and what the BRP says.")]
public sealed record BrpVeld(
    [property: Description("The dossier's field name: bsn, voornamen, achternaam, geboortedatum, geslacht, nationaliteit, brpInschrijving or adres.")] string Veld,
    string? Dossier, string? Brp,
    [property: Description("The BRP marks this value as under investigation: it cannot be taken over.")] bool InOnderzoek,
    bool Anders,
    [property: Description("Whether the field can be taken over into the dossier.")] bool Overneembaar);

[Description("The outcome of a lookup. status: gevonden, niet-gevonden, niet-beschikbaar (the BRP did not answer in time or refused), niet-ingesteld (no connection), geen-bsn.")]
public sealed record BrpVergelijking(string Status, string? Melding, IReadOnlyList<BrpVeld> Velden, DateTimeOffset Opgevraagd,
    [property: Description("The dossier's version the comparison was made against: send it as If-Match to take fields over.")] int Versie);

public sealed record BrpZoekvraag(string? Geslachtsnaam, DateOnly? Geboortedatum, string? Voornamen = null);

public sealed record BrpPersoonKort(string Bsn, string Naam, DateOnly? Geboortedatum, string? Adres, bool BsnInOnderzoek);

public sealed record BrpZoekresultaat(string Status, string? Melding, IReadOnlyList<BrpPersoonKort> Personen);

[Description("The fields to take over from the BRP. bsn: the BSN of a person found by name and birth date, for a dossier without one.")]
public sealed record BrpOvername(IReadOnlyList<string>? Velden, string? Bsn = null);
