using System.Security.Claims;
using System.Text.Json.Serialization;

namespace Inburgering.Modules.Documenten.Contracts;

/// <param name="Versie">The gemeente's version in use, or 0 when the default applies.</param>
public sealed record SjabloonOverzicht(string Sleutel, string Titel, int Versie, bool Eigen, bool VierOgen, DateTimeOffset? GewijzigdOp, string? GewijzigdDoor);

/// <param name="Herstel">This version put the default back.</param>
public sealed record SjabloonVersieRegel(int Nummer, bool Herstel, string? Toelichting, string Door, DateTimeOffset Op);

/// <param name="Soort"><c>gelijk</c>, <c>toegevoegd</c> (only in the gemeente's text) or <c>verwijderd</c> (only in the default).</param>
public sealed record VerschilRegel(string Soort, string Tekst);

/// <summary>A template as the functioneel beheerder edits it: the text in use, the default, every version, and the difference.</summary>
public sealed record SjabloonDetail(
    string Sleutel, string Titel, string Tekst, string Standaard, int Versie, bool Eigen, bool VierOgen,
    IReadOnlyList<SjabloonVersieRegel> Versies, IReadOnlyList<VerschilRegel> Verschil);

/// <summary>A template rendered on the sample dossiers: one with everything filled in, one with almost nothing.</summary>
/// <summary>
/// A template tried on the two sample dossiers: the rendered fragments (API), and each as a whole letter page with the
/// letter's own policy, for a sandboxed frame: a preview never runs in the app's own origin.
/// </summary>
public sealed record SjabloonProef(string Volledig, string Schaars)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string VolledigPagina { get; init; } = string.Empty;

    [System.Text.Json.Serialization.JsonIgnore]
    public string SchaarsPagina { get; init; } = string.Empty;
}

public sealed record Briefhoofd([property: JsonRequired] string? Adres, [property: JsonRequired] string? Telefoon);

/// <summary>The functioneel beheerder's templates: overrides are versioned, tried on sample data first, and can be reset.</summary>
public interface ISjabloonBeheer
{
    Task<IReadOnlyList<SjabloonOverzicht>> OverzichtAsync(CancellationToken ct);

    /// <summary>404 <c>Documenten:SjabloonOnbekend</c> for a key that is no template.</summary>
    Task<SjabloonDetail> DetailAsync(string sleutel, CancellationToken ct);

    /// <summary>Renders on both sample dossiers in the sandbox; a broken or unsafe template is refused (400 with its code) and nothing is stored.</summary>
    Task<SjabloonDetail> BewaarAsync(ClaimsPrincipal user, string sleutel, string? tekst, string? toelichting, CancellationToken ct);

    /// <summary>The default applies again, as a new version; old letters keep the version that made them.</summary>
    Task<SjabloonDetail> HerstelAsync(ClaimsPrincipal user, string sleutel, CancellationToken ct);

    SjabloonProef Proef(string? tekst);

    Task ZetVierOgenAsync(string sleutel, bool aan, CancellationToken ct);

    Task<Briefhoofd> BriefhoofdAsync(CancellationToken ct);

    Task<Briefhoofd> ZetBriefhoofdAsync(Briefhoofd briefhoofd, CancellationToken ct);
}

/// <param name="Status"><c>ter-goedkeuring</c> (four eyes: a colleague still has to approve it) or <c>verzonden</c>.</param>
/// <param name="SjabloonVersie">The gemeente's template version that produced it; 0 for the default.</param>
public sealed record DocumentOverzicht(
    Guid Id, Guid DossierId, string Sjabloon, string Titel, string Status, int SjabloonVersie, string GemaaktDoor, DateTimeOffset GemaaktOp,
    string? GoedgekeurdDoor, DateTimeOffset? VerzondenOp);

public sealed record DocumentInhoud(DocumentOverzicht Document, string Html);

/// <param name="DoorUzelf">The caller made it: four eyes forbid them to approve it.</param>
public sealed record BriefTerGoedkeuring(DocumentOverzicht Document, string VNummer, string Naam, bool DoorUzelf);

/// <summary>Letters from the dossier page and the API: made from the gemeente's template in use, stored as made.</summary>
public interface IBrieven
{
    /// <summary>The letter templates a klantregisseur can choose (the digest is e-mail, not a letter).</summary>
    IReadOnlyList<(string Sleutel, string Titel)> Soorten { get; }

    Task<IReadOnlyList<DocumentOverzicht>> LijstAsync(ClaimsPrincipal user, Guid dossierId, CancellationToken ct);

    /// <param name="afspraakId">For an invitation: the appointment it invites to (none: the next planned one).</param>
    Task<DocumentInhoud> MaakAsync(ClaimsPrincipal user, Guid dossierId, string? sjabloon, CancellationToken ct, Guid? afspraakId = null);

    Task<DocumentInhoud> LeesAsync(ClaimsPrincipal user, Guid dossierId, Guid documentId, CancellationToken ct);

    /// <summary>The letter as PDF, printed by headless Chromium from the stored HTML.</summary>
    Task<(byte[] Pdf, string Bestandsnaam)> PdfAsync(ClaimsPrincipal user, Guid dossierId, Guid documentId, CancellationToken ct);

    /// <summary>
    /// Every letter of the gemeente still waiting for a second pair of eyes, oldest first, across dossiers; only those
    /// of dossiers the caller may see.
    /// </summary>
    Task<IReadOnlyList<BriefTerGoedkeuring>> TerGoedkeuringAsync(ClaimsPrincipal user, CancellationToken ct);

    /// <summary>Four eyes: a colleague other than the maker approves; then the letter counts as sent.</summary>
    Task<DocumentOverzicht> KeurGoedAsync(ClaimsPrincipal user, Guid dossierId, Guid documentId, CancellationToken ct);
}

/// <summary>Each klantregisseur chooses whether the morning e-mail comes.</summary>
public interface IDigestVoorkeur
{
    Task<bool> OntvangtAsync(ClaimsPrincipal user, CancellationToken ct);

    Task ZetAsync(ClaimsPrincipal user, bool ontvangen, CancellationToken ct);
}

public static class DocumentenFouten
{
    public const string Validation = "Documenten:Validation";
    public const string SjabloonOnbekend = "Documenten:SjabloonOnbekend";
    public const string DocumentNietGevonden = "Documenten:DocumentNietGevonden";
    public const string AlVerzonden = "Documenten:AlVerzonden";
    public const string VierOgenZelfde = "Documenten:VierOgenZelfdePersoon";
    public const string PdfMislukt = "Documenten:PdfMislukt";
    public const string InzageNietGevonden = "Documenten:InzageNietGevonden";
}

/// <param name="Bron"><c>gemeente</c> (its own server) or <c>platform</c> (the default of the operator).</param>
/// <param name="WachtwoordIngesteld">The password itself is never shown again.</param>
public sealed record SmtpWeergave(string Bron, string? Host, int? Poort, string? Beveiliging, string? Gebruikersnaam, bool WachtwoordIngesteld, string? Afzender);

/// <param name="Wachtwoord">Empty: keep the stored one.</param>
/// <param name="Wachtwoord">Left out or empty: the stored password stays.</param>
public sealed record SmtpInvoer(
    [property: JsonRequired] string? Host, [property: JsonRequired] int? Poort, [property: JsonRequired] string? Beveiliging,
    [property: JsonRequired] string? Gebruikersnaam, [property: JsonRequired] string? Afzender, string? Wachtwoord = null);

/// <summary>The gemeente's e-mail settings for the functioneel beheerder: when the morning e-mail goes, and through which server.</summary>
public interface IMailInstellingen
{
    /// <summary>The time the morning e-mail goes (Dutch time), and the times to choose from.</summary>
    Task<(string Tijd, IReadOnlyList<string> Tijden)> DigestTijdAsync(CancellationToken ct);

    /// <summary>A time that is not one of the choices is refused (400, field <c>tijd</c>).</summary>
    Task ZetDigestTijdAsync(string? tijd, CancellationToken ct);

    Task<SmtpWeergave> SmtpAsync(CancellationToken ct);

    Task<SmtpWeergave> ZetSmtpAsync(SmtpInvoer invoer, CancellationToken ct);

    Task<SmtpWeergave> VerwijderSmtpAsync(CancellationToken ct);
}
