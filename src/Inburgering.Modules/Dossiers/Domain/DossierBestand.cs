using System.Text.Json.Serialization;
using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Dossiers.Domain;

/// <summary>
/// A document kept with a dossier (the klantprofiel COA sent, a diploma, a letter received): PDF or image only,
/// known by its content, never by its name. The bytes live in the configured store (PostgreSQL by default, or an
/// S3-compatible store); this row holds what a list shows and how to find them.
/// </summary>
internal sealed class DossierBestand : ITenantOwned
{
    private DossierBestand()
    {
        Naam = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
        Opslag = string.Empty;
        VastgelegdDoor = string.Empty;
    }

    public DossierBestand(Guid dossierId, BestandSoort soort, DateOnly datum, string naam, string contentType, long grootte, string sha256, string opslag,
        string door, DateTimeOffset nu)
    {
        Id = Guid.CreateVersion7(nu);
        DossierId = dossierId;
        Soort = soort;
        Datum = datum;
        Naam = naam;
        ContentType = contentType;
        Grootte = grootte;
        Sha256 = sha256;
        Opslag = opslag;
        VastgelegdDoor = door;
        VastgelegdOp = nu;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid DossierId { get; private set; }

    public BestandSoort Soort { get; private set; }

    /// <summary>The document's own date (of the letter, the diploma).</summary>
    public DateOnly Datum { get; private set; }

    public string Naam { get; private set; }

    /// <summary>As found in the content: application/pdf, image/png or image/jpeg.</summary>
    public string ContentType { get; private set; }

    public long Grootte { get; private set; }

    public string Sha256 { get; private set; }

    /// <summary>postgres or s3: where the bytes are.</summary>
    public string Opslag { get; private set; }

    public string VastgelegdDoor { get; private set; }

    public DateTimeOffset VastgelegdOp { get; private set; }
}

/// <summary>The bytes of a document kept in PostgreSQL, apart from its row so a list never reads them.</summary>
internal sealed class BestandInhoud : ITenantOwned
{
    private BestandInhoud()
    {
        Inhoud = [];
    }

    public BestandInhoud(Guid bestandId, Guid dossierId, byte[] inhoud)
    {
        BestandId = bestandId;
        DossierId = dossierId;
        Inhoud = inhoud;
    }

    public Guid BestandId { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid DossierId { get; private set; }

    public byte[] Inhoud { get; private set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<BestandSoort>))]
internal enum BestandSoort
{
    [JsonStringEnumMemberName("klantprofiel")] Klantprofiel = 1,
    [JsonStringEnumMemberName("diploma")] Diploma = 2,
    [JsonStringEnumMemberName("brief-ontvangen")] BriefOntvangen = 3,
    [JsonStringEnumMemberName("identiteit")] Identiteit = 4,
    [JsonStringEnumMemberName("overig")] Overig = 5,
}

/// <summary>What a document is, read from its first bytes: the name and the declared type say nothing.</summary>
internal static class Bestandsinhoud
{
    public static string? Herken(ReadOnlySpan<byte> begin) =>
        begin.StartsWith("%PDF-"u8) ? "application/pdf"
        : begin.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : begin.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : null;

    public static string Extensie(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/png" => ".png",
        _ => ".jpg",
    };

    /// <summary>A name without an extension, or with the one its content has; a PDF named .exe is a disguise, refused.</summary>
    public static bool NaamPast(string? naam, string contentType) =>
        Path.GetExtension(naam ?? string.Empty).ToLowerInvariant() is var extensie
        && (extensie.Length == 0 || extensie == Extensie(contentType) || (contentType == "image/jpeg" && extensie == ".jpeg"));
}
