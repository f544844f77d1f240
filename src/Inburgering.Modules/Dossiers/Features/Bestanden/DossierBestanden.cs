using System.Security.Claims;
using System.Security.Cryptography;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inburgering.Modules.Dossiers.Features.Bestanden;

/// <summary>
/// Documents with a dossier, behind the API and the dossier page alike: PDF, PNG or JPEG only, recognised by their
/// content; at most the configured size; every download logged. Another gemeente's dossier does not exist (404).
/// </summary>
internal sealed class DossierBestanden(DossierLezer lezer, DossierWerkplaats werkplaats, IPermissionEvaluator rechten, IBestandsopslag opslag,
    IOptions<BestandenOptions> options)
{
    public const string TeGroot = "Dossiers:FileTooLarge";
    public const string Soort = "Dossiers:FileType";

    public long MaxBytes => options.Value.MaxBytes;

    public async Task<BestandRegel> VoegToeAsync(ClaimsPrincipal user, Guid id, string? soortNaam, DateOnly? datum, string? naam, Stream? inhoud, long lengte, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.Bewerken, ct);
        var dossier = await lezer.LaadAsync(user, id, ct, alleenLezen: true, metOnderdelen: false);
        DossierWerkplaats.NietAfgesloten(dossier);
        var check = new Invoer(DossierFouten.Validatie);
        var soort = check.Verplicht(check.Woord<BestandSoort>(soortNaam, "soort"), "soort");
        var dag = check.Verplicht(datum, "datum");
        if (datum > werkplaats.Vandaag)
        {
            check.Fout("datum", "De datum van het document ligt niet in de toekomst.");
        }

        if (inhoud is null || lengte == 0)
        {
            check.Fout("bestand", "Kies een bestand (PDF, PNG of JPEG).");
        }

        check.Klaar();
        if (lengte > MaxBytes)
        {
            throw new DomainException(TeGroot, $"Het bestand is groter dan {options.Value.MaxMegabytes} MB.", StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        await inhoud!.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var type = Bestandsinhoud.Herken(bytes.AsSpan(0, Math.Min(bytes.Length, 16)))
            ?? throw new DomainException(Soort, "Dit is geen PDF en geen afbeelding (PNG of JPEG): de inhoud telt, niet de naam.", StatusCodes.Status415UnsupportedMediaType);
        if (!Bestandsinhoud.NaamPast(naam, type))
        {
            throw new DomainException(Soort, $"De naam van het bestand ({Path.GetExtension(naam)}) past niet bij de inhoud ({Bestandsinhoud.Extensie(type)}): het wordt niet bewaard.",
                StatusCodes.Status415UnsupportedMediaType);
        }

        var schoon = Naam(naam, type);
        var actor = DossierWerkplaats.ActorVan(user);
        var bestand = new DossierBestand(dossier.Id, soort, dag, schoon, type, bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(bytes)), opslag.Naam, actor.Naam, werkplaats.Nu);
        await opslag.BewaarAsync(bestand, bytes, ct);
        try
        {
            werkplaats.VoegToe(bestand);
            werkplaats.Noteer(dossier.Id, Gebeurtenissen.BestandToegevoegd, new { bestand.Id, soort = Woorden.Naam(soort), datum = dag, naam = schoon, type, grootte = bytes.LongLength }, actor, "bestand");
            await werkplaats.SlaOpAsync(ct);
        }
        catch
        {
            await opslag.VergeetAsync(bestand, CancellationToken.None);
            throw;
        }

        return Regel(bestand);
    }

    public async Task<IReadOnlyList<BestandRegel>> LijstAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        await LijstAsync(user, await lezer.LaadAsync(user, id, ct, alleenLezen: true, metOnderdelen: false), ct);

    /// <summary>The documents of a dossier the caller has already been allowed to read.</summary>
    public async Task<IReadOnlyList<BestandRegel>> LijstAsync(ClaimsPrincipal user, Dossier dossier, CancellationToken ct)
    {
        var lijst = await werkplaats.Lees.Bestanden.Where(b => b.DossierId == dossier.Id).OrderByDescending(b => b.Datum).ThenByDescending(b => b.VastgelegdOp).ToListAsync(ct);
        await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "bestand", [dossier.Id], ct);
        return [.. lijst.Select(Regel)];
    }

    public async Task<(BestandRegel Bestand, byte[] Inhoud)> DownloadAsync(ClaimsPrincipal user, Guid id, Guid bestandId, CancellationToken ct)
    {
        var dossier = await lezer.LaadAsync(user, id, ct, alleenLezen: true, metOnderdelen: false);
        var bestand = await werkplaats.Lees.Bestanden.SingleOrDefaultAsync(b => b.Id == bestandId && b.DossierId == dossier.Id, ct)
            ?? throw new DomainException(DossierFouten.NietGevonden, "Dit document hoort niet bij dit dossier.", StatusCodes.Status404NotFound);
        var inhoud = await opslag.LeesAsync(bestand, ct);
        await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "bestand", [dossier.Id], ct);
        return (Regel(bestand), inhoud);
    }

    /// <summary>Only letters, digits and a few marks survive, and the extension follows the content.</summary>
    private static string Naam(string? naam, string type)
    {
        var basis = Path.GetFileNameWithoutExtension(naam ?? "document");
        var schoon = new string([.. basis.Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ' or '.')]).Trim();
        return (schoon.Length == 0 ? "document" : schoon[..Math.Min(schoon.Length, 100)]) + Bestandsinhoud.Extensie(type);
    }

    private static BestandRegel Regel(DossierBestand b) => new(b.Id, b.Soort, b.Datum, b.Naam, b.ContentType, b.Grootte, b.Sha256, b.VastgelegdDoor, b.VastgelegdOp);
}

internal sealed record BestandRegel(Guid Id, BestandSoort Soort, DateOnly Datum, string Naam, string ContentType, long Grootte, string Sha256, string VastgelegdDoor,
    DateTimeOffset VastgelegdOp);
