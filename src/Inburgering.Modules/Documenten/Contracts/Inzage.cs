using System.Security.Claims;
using System.Text.Json;
using Inburgering.Modules.Auditing.Contracts;
using Inburgering.Modules.Dossiers.Contracts;

namespace Inburgering.Modules.Documenten.Contracts;

/// <summary>A letter or document the gemeente made for the person.</summary>
public sealed record InzageDocument(string Titel, string Soort, DateTimeOffset GemaaktOp, DateTimeOffset? VerzondenOp);

/// <summary>One processing of the person's data, with names: who, for which organisation, which activity and ground.</summary>
public sealed record InzageVerwerking(DateTimeOffset Tijdstip, string Wie, string Organisatie, string Handeling, string Onderdeel, string Activiteit, string Doel, string Grondslag);

/// <summary>
/// The answer to an inzage request (AVG art. 15), for the privacy officer to check and send: everything held, every
/// processing, the recipients, and the activities with their purpose and ground.
/// </summary>
public sealed record InzageRapport(
    DateTimeOffset GemaaktOp,
    string Gemeente,
    string GemaaktDoor,
    InzageBetrokkene Betrokkene,
    bool MetGezondheid,
    JsonElement Dossier,
    IReadOnlyList<InzageGebeurtenis> Tijdlijn,
    IReadOnlyList<InzageDocument> Documenten,
    IReadOnlyList<InzageVerwerking> Verwerkingen,
    IReadOnlyList<InzageOntvanger> Ontvangers,
    IReadOnlyList<Verwerkingsactiviteit> Activiteiten);

/// <summary>The privacy officer's inzage reports, as JSON or PDF; making one is logged as a processing of the person's data.</summary>
public interface IInzageRapporten
{
    Task<InzageBetrokkene?> ZoekAsync(ClaimsPrincipal user, string? vNummer, string? bsn, CancellationToken ct);

    Task<InzageRapport> MaakAsync(ClaimsPrincipal user, Guid dossierId, CancellationToken ct);

    Task<(byte[] Pdf, string Bestandsnaam)> PdfAsync(ClaimsPrincipal user, Guid dossierId, CancellationToken ct);
}
