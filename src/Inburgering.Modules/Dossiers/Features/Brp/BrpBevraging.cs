using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Registratie;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inburgering.Modules.Dossiers.Features.Brp;

/// <summary>
/// The BRP behind the API and the BRP page alike: the connection per gemeente (secrets encrypted, never returned),
/// a dossier compared with the BRP, a person found by name and birth date, and chosen fields taken over through
/// <see cref="DossierRegistratie.WijzigAsync"/>, marked in the tijdlijn as coming from the BRP. A value the BRP marks as
/// under investigation is shown, never taken over: the registration date starts the PIP clock.
/// </summary>
internal sealed partial class BrpBevraging(DossierWerkplaats werkplaats, DossierLezer lezer, DossierRegistratie registratie, IPermissionEvaluator rechten,
    BrpProtocol protocol, IDataProtectionProvider bescherming, IOptions<BrpOpties> opties, ILogger<BrpBevraging> logger) : IBrpBevraging
{
    public const string Onderdeel = "brp";

    /// <summary>The fields the dossier can take over, in the order the page shows them.</summary>
    public static readonly string[] Overneembaar = ["bsn", "voornamen", "achternaam", "geboortedatum", "geslacht", "nationaliteit", "brpInschrijving"];

    private IDataProtector Sleutel => bescherming.CreateProtector("Dossiers.Brp.Aansluiting");

    public async Task<BrpAansluitingWeergave> AansluitingAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.BrpBeheren, ct);
        return Weergave(await werkplaats.Lees.BrpAansluitingen.SingleOrDefaultAsync(ct));
    }

    public async Task<BrpAansluitingWeergave> BewaarAansluitingAsync(ClaimsPrincipal user, BrpAansluitingInvoer invoer, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.BrpBeheren, ct);
        var check = new Invoer(DossierFouten.Validatie);
        var endpoint = check.Tekst(invoer.Endpoint, "endpoint", verplicht: true, max: 500);
        if (endpoint is not null && (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0 || uri.Query.Length > 0
                                     || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && opties.Value.VertrouwdeServers.Contains(uri.Host, StringComparer.OrdinalIgnoreCase)))))
        {
            check.Fout("endpoint", "Geef het https-adres van BRP Personen Bevragen, zonder gebruikersnaam of parameters.");
        }

        var code = check.Tekst(invoer.GemeenteCode, "gemeenteCode", max: 4);
        if (code is not null && !GemeenteCodeVorm().IsMatch(code))
        {
            check.Fout("gemeenteCode", "De gemeentecode bestaat uit 4 cijfers, zoals 0141.");
        }

        check.Tekst(invoer.ApiSleutel, "apiSleutel", max: 500);
        X509Certificate2? certificaat = null;
        if (!string.IsNullOrEmpty(invoer.Certificaat))
        {
            try
            {
                certificaat = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(invoer.Certificaat), invoer.CertificaatWachtwoord, X509KeyStorageFlags.EphemeralKeySet);
                if (!certificaat.HasPrivateKey)
                {
                    check.Fout("certificaat", "Het certificaat bevat geen private sleutel.");
                }
                else if (certificaat.NotAfter.ToUniversalTime() < werkplaats.Nu.UtcDateTime)
                {
                    check.Fout("certificaat", "Het certificaat is verlopen.");
                }
            }
            catch (Exception ex) when (ex is FormatException or CryptographicException)
            {
                check.Fout("certificaat", "Dit is geen PKCS#12-certificaat (.pfx in base64), of het wachtwoord klopt niet.");
            }
        }

        var bestaand = await werkplaats.BrpAansluitingVoorWijziging.SingleOrDefaultAsync(ct);
        var heeftSleutel = invoer.ApiSleutel is null ? bestaand?.ApiSleutelVersleuteld is not null : invoer.ApiSleutel.Length > 0;
        var heeftCertificaat = invoer.Certificaat is null ? bestaand?.CertificaatVersleuteld is not null : invoer.Certificaat.Length > 0;
        if (!heeftSleutel && !heeftCertificaat)
        {
            check.Fout("apiSleutel", "Geef een API-sleutel, een clientcertificaat of beide.");
        }

        check.Klaar();
        using (certificaat)
        {
            var aansluiting = bestaand ?? new BrpAansluiting(werkplaats.Nu);
            aansluiting.Endpoint = endpoint!.TrimEnd('/');
            aansluiting.GemeenteCode = code;
            if (invoer.ApiSleutel is not null)
            {
                aansluiting.ApiSleutelVersleuteld = invoer.ApiSleutel.Length == 0 ? null : Sleutel.Protect(invoer.ApiSleutel);
            }

            if (invoer.Certificaat is not null)
            {
                aansluiting.CertificaatVersleuteld = certificaat is null ? null : Sleutel.Protect(invoer.Certificaat);
                aansluiting.CertificaatWachtwoordVersleuteld = certificaat is null || string.IsNullOrEmpty(invoer.CertificaatWachtwoord) ? null : Sleutel.Protect(invoer.CertificaatWachtwoord);
                aansluiting.CertificaatOnderwerp = certificaat?.Subject;
                aansluiting.CertificaatGeldigTot = certificaat is null ? null : new DateTimeOffset(certificaat.NotAfter.ToUniversalTime(), TimeSpan.Zero);
            }

            aansluiting.GewijzigdDoor = HandelendePartij.Van(user).Naam;
            aansluiting.GewijzigdOp = werkplaats.Nu;
            if (bestaand is null)
            {
                werkplaats.VoegToe(aansluiting);
            }

            await werkplaats.SlaOpAsync(ct);
            return Weergave(aansluiting);
        }
    }

    public async Task<BrpVergelijking> VergelijkAsync(ClaimsPrincipal user, Guid dossierId, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.BrpRaadplegen, ct);
        var dossier = await lezer.LaadAsync(user, dossierId, ct, alleenLezen: true);
        var nu = werkplaats.Nu;
        if (dossier.Bsn is not { } bsn)
        {
            return new BrpVergelijking("geen-bsn", "Dit dossier heeft nog geen BSN. Zoek de persoon op naam en geboortedatum.", Velden(dossier, null, null), nu, dossier.Versie);
        }

        var aansluiting = await werkplaats.Lees.BrpAansluitingen.SingleOrDefaultAsync(ct);
        if (aansluiting is null)
        {
            return new BrpVergelijking("niet-ingesteld", NietIngesteld, Velden(dossier, null, null), nu, dossier.Versie);
        }

        var (persoon, fout) = await VraagAsync(user, dossier.Id, () => protocol.RaadpleegAsync(Verbinding(aansluiting), bsn, ct), ct);
        if (fout is not null)
        {
            return new BrpVergelijking("niet-beschikbaar", fout, Velden(dossier, null, aansluiting), nu, dossier.Versie);
        }

        var p = persoon.Count > 0 ? persoon[0] : null;
        return p is null
            ? new BrpVergelijking("niet-gevonden", "De BRP kent geen persoon met dit BSN.", Velden(dossier, null, aansluiting), nu, dossier.Versie)
            : new BrpVergelijking("gevonden", Elders(p, aansluiting), Velden(dossier, p, aansluiting), nu, dossier.Versie);
    }

    public async Task<BrpZoekresultaat> ZoekAsync(ClaimsPrincipal user, Guid dossierId, BrpZoekvraag vraag, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.BrpRaadplegen, ct);
        var check = new Invoer(DossierFouten.Validatie);
        var naam = check.Tekst(vraag.Geslachtsnaam, "geslachtsnaam", verplicht: true, max: 200);
        if (naam is not null && !NaamVorm().IsMatch(naam))
        {
            check.Fout("geslachtsnaam", "Alleen letters, spaties, punten, koppeltekens en apostroffen.");
        }

        var voornamen = check.Tekst(vraag.Voornamen, "voornamen", max: 200);
        if (voornamen is not null && !NaamVorm().IsMatch(voornamen))
        {
            check.Fout("voornamen", "Alleen letters, spaties, punten, koppeltekens en apostroffen.");
        }

        var geboortedatum = check.Verplicht(vraag.Geboortedatum, "geboortedatum");
        check.Klaar();
        var dossier = await lezer.LaadAsync(user, dossierId, ct, alleenLezen: true);
        if (await werkplaats.Lees.BrpAansluitingen.SingleOrDefaultAsync(ct) is not { } aansluiting)
        {
            return new BrpZoekresultaat("niet-ingesteld", NietIngesteld, []);
        }

        var (personen, fout) = await VraagAsync(user, dossier.Id, () => protocol.ZoekAsync(Verbinding(aansluiting), naam!, geboortedatum, voornamen, ct), ct);
        return fout is not null
            ? new BrpZoekresultaat("niet-beschikbaar", fout, [])
            : new BrpZoekresultaat(personen.Count == 0 ? "niet-gevonden" : "gevonden", personen.Count == 0 ? "De BRP kent niemand met deze naam en geboortedatum." : null,
                [.. personen.Where(p => p.Burgerservicenummer is not null).Select(p => new BrpPersoonKort(p.Burgerservicenummer!, p.Naam?.VolledigeNaam ?? $"{p.Naam?.Voornamen} {p.Naam?.Achternaam}".Trim(),
                    p.Geboorte?.Datum?.Volledig, Adres(p), p.InOnderzoek?.Burgerservicenummer == true))]);
    }

    public async Task<int> NeemOverAsync(ClaimsPrincipal user, Guid dossierId, Versievoorwaarde versie, BrpOvername invoer, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.BrpRaadplegen, ct);
        await rechten.VereisAsync(user, DossierPermissies.Bewerken, ct);
        var check = new Invoer(DossierFouten.Validatie);
        var velden = invoer.Velden ?? [];
        if (velden.Count == 0)
        {
            check.Fout("velden", "Kies de velden die u uit de BRP wilt overnemen.");
        }

        foreach (var onbekend in velden.Where(v => !Overneembaar.Contains(v)))
        {
            check.Fout("velden", $"'{onbekend}' kan niet uit de BRP worden overgenomen.");
        }

        var gekozenBsn = check.BsnNummer(invoer.Bsn, "bsn");
        check.Klaar();
        var dossier = await lezer.LaadAsync(user, dossierId, ct, alleenLezen: true);
        DossierWerkplaats.ControleerVersie(versie, dossier);
        var bsn = gekozenBsn ?? dossier.Bsn ?? throw Invoer.Afgewezen(DossierFouten.Validatie, "bsn", "Dit dossier heeft geen BSN: kies de persoon die u in de BRP vond.");
        var aansluiting = await werkplaats.Lees.BrpAansluitingen.SingleOrDefaultAsync(ct)
                          ?? throw new DomainException(DossierFouten.BrpNietBeschikbaar, NietIngesteld, StatusCodes.Status409Conflict);
        var (personen, fout) = await VraagAsync(user, dossier.Id, () => protocol.RaadpleegAsync(Verbinding(aansluiting), bsn, ct), ct);
        if (fout is not null)
        {
            throw new DomainException(DossierFouten.BrpNietBeschikbaar, fout, StatusCodes.Status503ServiceUnavailable);
        }

        var p = (personen.Count > 0 ? personen[0] : null) ?? throw Invoer.Afgewezen(DossierFouten.Validatie, "bsn", "De BRP kent geen persoon met dit BSN.");
        var overzicht = Velden(dossier, p, aansluiting).ToDictionary(v => v.Veld);
        var inOnderzoek = velden.Where(v => overzicht[v].InOnderzoek).ToList();
        if (inOnderzoek.Count > 0)
        {
            throw new DomainException(DossierFouten.BrpInOnderzoek,
                $"De BRP onderzoekt {string.Join(", ", inOnderzoek)}; zo'n waarde wordt niet overgenomen tot het onderzoek is afgerond.", StatusCodes.Status409Conflict);
        }

        foreach (var leeg in velden.Where(v => !overzicht[v].Overneembaar))
        {
            check.Fout("velden", $"De BRP geeft voor '{leeg}' geen waarde die het dossier kan overnemen.");
        }

        check.Klaar();
        string? Kies(string veld) => velden.Contains(veld) ? overzicht[veld].Brp : null;
        DateOnly? Datum(string veld) => Kies(veld) is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;
        var wijziging = new DossierWijziging(Kies("bsn"), Kies("voornamen"), Kies("achternaam"), Datum("geboortedatum"), Kies("geslacht"), null, null, null, null, null, null, null, null,
            Datum("brpInschrijving"), Nationaliteit: Kies("nationaliteit"));
        return (await registratie.WijzigAsync(user, dossier.Id, versie, wijziging, null, ct, bron: Onderdeel)).Versie;
    }

    /// <summary>
    /// For the import: one lookup of the dossier's BSN, and the registration date taken over when the BRP has another one
    /// that is not under investigation and in this gemeente. Returns what happened, for the import's row.
    /// </summary>
    internal async Task<string> NeemInschrijvingOverAsync(ClaimsPrincipal user, Guid dossierId, CancellationToken ct)
    {
        await rechten.VereisAsync(user, DossierPermissies.BrpRaadplegen, ct);
        var dossier = await lezer.LaadAsync(user, dossierId, ct, alleenLezen: true);
        if (dossier.Bsn is not { } bsn)
        {
            return "geen-bsn";
        }

        if (await werkplaats.Lees.BrpAansluitingen.SingleOrDefaultAsync(ct) is not { } aansluiting)
        {
            return "niet-ingesteld";
        }

        var (personen, fout) = await VraagAsync(user, dossier.Id, () => protocol.RaadpleegAsync(Verbinding(aansluiting), bsn, ct), ct);
        if (fout is not null)
        {
            return "niet-beschikbaar";
        }

        if (personen.Count == 0)
        {
            return "niet-gevonden";
        }

        var inschrijving = Velden(dossier, personen[0], aansluiting).Single(v => v.Veld == "brpInschrijving");
        if (inschrijving.InOnderzoek)
        {
            return "in-onderzoek";
        }

        if (!inschrijving.Overneembaar || !inschrijving.Anders)
        {
            return inschrijving.Overneembaar ? "gelijk" : "niet-overneembaar";
        }

        var wijziging = new DossierWijziging(null, null, null, null, null, null, null, null, null, null, null, null, null,
            DateOnly.ParseExact(inschrijving.Brp!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await registratie.WijzigAsync(user, dossier.Id, Versievoorwaarde.Elke, wijziging, null, ct, bron: Onderdeel);
        return "overgenomen";
    }

    private const string NietIngesteld = "Uw gemeente heeft nog geen aansluiting op de BRP ingesteld (Beheer, BRP).";

    /// <summary>One lookup, logged as a processing of the person whether the BRP answered or not: the BSN or name left the product.</summary>
    private async Task<(IReadOnlyList<BrpPersoon> Personen, string? Fout)> VraagAsync(ClaimsPrincipal user, Guid dossierId, Func<Task<IReadOnlyList<BrpPersoon>>> vraag, CancellationToken ct)
    {
        try
        {
            return (await vraag(), null);
        }
        catch (BrpFout fout)
        {
            logger.LogWarning("BRP lookup for {TenantId} failed: {Code} {Status}", werkplaats.Gemeente, fout.Code, fout.Status);
            return ([], fout.Status switch
            {
                400 => $"De BRP begreep de vraag niet ({fout.Message}).",
                401 or 403 => "De BRP weigert de aansluiting van uw gemeente: controleer de API-sleutel of het certificaat (Beheer, BRP).",
                _ => "De BRP is nu niet bereikbaar. Probeer het over enkele minuten opnieuw; u kunt intussen verder werken.",
            });
        }
        finally
        {
            await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), Onderdeel, [dossierId], ct);
        }
    }

    private BrpVerbinding Verbinding(BrpAansluiting a) => new(a.TenantId, a.GewijzigdOp, new Uri(a.Endpoint),
        a.ApiSleutelVersleuteld is { } s ? Sleutel.Unprotect(s) : null,
        () => a.CertificaatVersleuteld is { } c
            ? X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(Sleutel.Unprotect(c)), a.CertificaatWachtwoordVersleuteld is { } w ? Sleutel.Unprotect(w) : null)
            : null);

    private static List<BrpVeld> Velden(Dossier d, BrpPersoon? p, BrpAansluiting? a)
    {
        static string? Datum(DateOnly? datum) => datum?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var hier = a?.GemeenteCode is null || p?.GemeenteVanInschrijving?.Code == a.GemeenteCode;
        var nationaliteit = p?.Nationaliteiten?.FirstOrDefault(n => n.Type == "Nationaliteit");
        var staatloos = p?.Nationaliteiten?.Any(n => n.Type == "Staatloos") == true;
        BrpVeld Veld(string naam, string? dossier, string? brp, bool? onderzoek, bool overneembaar = true) =>
            new(naam, dossier, brp, onderzoek == true, p is not null && brp != dossier, overneembaar && brp is not null);
        return
        [
            Veld("bsn", d.Bsn, p?.Burgerservicenummer, p?.InOnderzoek?.Burgerservicenummer),
            Veld("voornamen", d.Voornamen, p?.Naam?.Voornamen, p?.Naam?.InOnderzoek?.Voornamen),
            Veld("achternaam", d.Achternaam, p?.Naam?.Achternaam, p?.Naam?.InOnderzoek?.Geslachtsnaam == true || p?.Naam?.InOnderzoek?.Voorvoegsel == true),
            Veld("geboortedatum", Datum(d.Geboortedatum), Datum(p?.Geboorte?.Datum?.Volledig), p?.Geboorte?.InOnderzoek?.Datum),
            Veld("geslacht", Woorden.Naam(d.Geslacht), p?.Geslacht?.Code?.ToUpperInvariant() switch { "M" => "man", "V" => "vrouw", "O" => "onbekend", _ => null }, p?.InOnderzoek?.Geslacht),
            Veld("nationaliteit", d.Nationaliteit, nationaliteit?.Nationaliteit?.Omschrijving ?? (staatloos ? "Staatloos" : null), nationaliteit?.InOnderzoek?.Nationaliteit),
            Veld("brpInschrijving", Datum(d.BrpInschrijving), Datum(p?.DatumInschrijvingInGemeente?.Volledig),
                p?.InOnderzoek?.DatumInschrijvingInGemeente == true || p?.InOnderzoek?.GemeenteVanInschrijving == true, overneembaar: hier),
            Veld("adres", null, p is null ? null : Adres(p), null, overneembaar: false),
        ];
    }

    private static string? Elders(BrpPersoon p, BrpAansluiting a) =>
        a.GemeenteCode is { } code && p.GemeenteVanInschrijving?.Code is { } elders && elders != code
            ? $"De persoon staat ingeschreven in {p.GemeenteVanInschrijving.Omschrijving ?? elders}, niet in uw gemeente: de inschrijvingsdatum wordt niet overgenomen."
            : null;

    private static string? Adres(BrpPersoon p) =>
        p.Adressering is { } a && (a.Adresregel1 ?? a.Adresregel2) is not null ? string.Join(", ", new[] { a.Adresregel1, a.Adresregel2 }.Where(r => r is not null)) : null;

    private static BrpAansluitingWeergave Weergave(BrpAansluiting? a) => a is null
        ? new BrpAansluitingWeergave(false, null, false, false, null, null, null, null, null)
        : new BrpAansluitingWeergave(true, a.Endpoint, a.ApiSleutelVersleuteld is not null, a.CertificaatVersleuteld is not null, a.CertificaatOnderwerp,
            a.CertificaatGeldigTot, a.GemeenteCode, a.GewijzigdOp, a.GewijzigdDoor);

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex GemeenteCodeVorm();

    [GeneratedRegex(@"^[\p{L}0-9 .\-']{1,200}$")]
    private static partial Regex NaamVorm();
}
