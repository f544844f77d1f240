using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Mijlpalen;
using Inburgering.Modules.Dossiers.Features.Registratie;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Modules.Dossiers.Features.Import;

/// <summary>A row as read: the person for the registration, the klantprofiel, and what could not even be read.</summary>
internal sealed record GelezenRij(int Nummer, string? VNummer, string? Huishouden, NieuwDossier Dossier, bool GrootteGegeven,
    string? Opleiding, string? Werkervaring, string? ZichtbareBeperkingen, List<ImportFout> Fouten)
{
    public bool HeeftProfiel => Opleiding is not null || Werkervaring is not null || ZichtbareBeperkingen is not null;
}

/// <summary>
/// How one row is judged, the same in the preview and in the job: read by the gemeente's column names, matched on the
/// V-nummer, then registered or changed through <see cref="DossierRegistratie"/> and the klantprofiel through
/// <see cref="DossierMijlpalen"/>, whose checks name what is wrong. Rows that share a V-nummer (or a BSN) with an
/// earlier row of the file are refused; rows that share a household number join one household.
/// </summary>
internal sealed class Rijbeoordeling(IReadOnlyList<ImportKolom> indeling, IReadOnlyDictionary<string, Guid> coaLocaties, string? bron)
{
    private readonly Dictionary<string, string> _kop = indeling.ToDictionary(k => k.Veld, k => k.Kop, StringComparer.Ordinal);
    private readonly Dictionary<string, int> _vNummers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _bsns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _huishoudens = new(StringComparer.Ordinal);

    /// <summary>Rows per household number in the file, for the household size when the file has no column for it.</summary>
    public Dictionary<string, int> Huishoudgrootte { get; } = new(StringComparer.Ordinal);

    public IEnumerable<ImportKolom> OntbrekendeKolommen(IReadOnlyList<string> koppen) =>
        indeling.Where(k => k.Verplicht && !koppen.Contains(k.Kop, StringComparer.OrdinalIgnoreCase));

    /// <summary>A row done before a restart: its V-nummer (and household) count as seen, as they did the first time.</summary>
    public void AlGedaan(string? vNummer, int rij, string? huishouden, Guid? dossierId)
    {
        if (vNummer is not null)
        {
            _vNummers.TryAdd(vNummer, rij);
        }

        if (huishouden is not null && dossierId is { } id)
        {
            _huishoudens.TryAdd(huishouden, id);
        }
    }

    public void TelHuishoudens(IEnumerable<BestandsRij> rijen)
    {
        foreach (var rij in rijen)
        {
            if (ImportVelden.Tekst(rij.Cellen.GetValueOrDefault(_kop[ImportVelden.Huishouden])) is { } h)
            {
                Huishoudgrootte[h] = Huishoudgrootte.GetValueOrDefault(h) + 1;
            }
        }
    }

    public GelezenRij Lees(BestandsRij b)
    {
        var fouten = new List<ImportFout>();
        var vNummer = Tekst(b, ImportVelden.VNummer);
        void Fout(string veld, string reden) => fouten.Add(new ImportFout(b.Nummer, vNummer, _kop.GetValueOrDefault(veld, veld), reden));

        if (b.OngeldigeTekens)
        {
            fouten.Add(new ImportFout(b.Nummer, vNummer, "(rij)", "Deze rij bevat tekens die geen UTF-8 zijn. Sla het bestand op als 'CSV UTF-8'."));
        }

        if (b.Formule)
        {
            fouten.Add(new ImportFout(b.Nummer, vNummer, "(rij)", "Een cel in deze rij is een formule; die nemen wij niet over."));
        }

        DateOnly? Datum(string veld)
        {
            var waarde = b.Cellen.GetValueOrDefault(_kop[veld]);
            if (ImportVelden.TryDatum(waarde, out var datum))
            {
                return datum;
            }

            Fout(veld, $"'{ImportVelden.Tekst(waarde)}' is geen datum; schrijf dd-mm-jjjj.");
            return null;
        }

        string? Lang(string veld, int max)
        {
            var tekst = Tekst(b, veld);
            if (tekst is { Length: var n } && n > max)
            {
                Fout(veld, $"Deze tekst is langer dan {max} tekens.");
            }

            return tekst;
        }

        if (vNummer is not null)
        {
            if (_vNummers.TryGetValue(vNummer, out var eerder))
            {
                Fout(ImportVelden.VNummer, $"Dit V-nummer staat ook al in rij {eerder}.");
            }
            else
            {
                _vNummers[vNummer] = b.Nummer;
            }
        }

        var bsn = Tekst(b, "bsn");
        if (bsn is not null)
        {
            if (_bsns.TryGetValue(bsn, out var eerder))
            {
                Fout("bsn", $"Dit BSN staat ook al in rij {eerder}.");
            }
            else
            {
                _bsns[bsn] = b.Nummer;
            }
        }

        int? grootte = null;
        var grootteTekst = Tekst(b, "huishoudenGrootte");
        if (grootteTekst is not null)
        {
            if (int.TryParse(grootteTekst, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var g))
            {
                grootte = g;
            }
            else
            {
                Fout("huishoudenGrootte", $"'{grootteTekst}' is geen aantal.");
            }
        }

        var huishouden = Tekst(b, ImportVelden.Huishouden);
        if (huishouden is { Length: > 50 })
        {
            Fout(ImportVelden.Huishouden, "Een huishoudnummer heeft hoogstens 50 tekens.");
        }

        grootte ??= huishouden is not null && Huishoudgrootte.TryGetValue(huishouden, out var leden) ? Math.Min(leden, 20) : null;
        Guid? locatie = null;
        if (Tekst(b, ImportVelden.CoaLocatie) is { } locatieNaam)
        {
            if (coaLocaties.TryGetValue(locatieNaam, out var id))
            {
                locatie = id;
            }
            else
            {
                Fout(ImportVelden.CoaLocatie, $"'{locatieNaam}' staat niet in het register van COA-locaties.");
            }
        }

        var relatie = Tekst(b, "relatie")?.ToLowerInvariant();
        var dossier = new NieuwDossier(vNummer, bsn, Tekst(b, "voornamen"), Tekst(b, "achternaam"), Datum("geboortedatum"),
            ImportVelden.Geslacht(Tekst(b, "geslacht")), Tekst(b, "landVanHerkomst"), ImportVelden.Talen(Tekst(b, "talen")), null, grootte, null,
            Datum("vergunningdatum"), Datum("koppelingsdatum"), locatie, null, Tekst(b, "nationaliteit"), relatie);
        return new GelezenRij(b.Nummer, vNummer, huishouden, dossier, grootteTekst is not null,
            Lang("opleiding", 2000), Lang("werkervaring", 2000), Lang("zichtbareBeperkingen", 1000), fouten);
    }

    /// <summary>The preview: every row through the use cases' checks, nothing stored.</summary>
    public async IAsyncEnumerable<(GelezenRij Rij, ImportUitkomst Uitkomst, IReadOnlyList<ImportFout> Fouten)> ProefAsync(
        IServiceProvider services, ClaimsPrincipal user, Func<IEnumerable<BestandsRij>> bestand, [EnumeratorCancellation] CancellationToken ct)
    {
        // Two passes over the file, never the table in memory: the household sizes first, then the rows.
        TelHuishoudens(bestand());
        var werkplaats = services.GetRequiredService<DossierWerkplaats>();
        foreach (var b in bestand())
        {
            ct.ThrowIfCancellationRequested();
            var rij = Lees(b);
            if (rij.Fouten.Count > 0)
            {
                yield return (rij, ImportUitkomst.Geweigerd, rij.Fouten);
                continue;
            }

            ImportUitkomst uitkomst;
            IReadOnlyList<ImportFout> fouten = [];
            try
            {
                (uitkomst, _) = await VerwerkAsync(services, user, rij, proef: true, ct);
            }
            catch (Exception ex) when (Afwijzing(ex, rij) is { } afgewezen)
            {
                (uitkomst, fouten) = (ImportUitkomst.Geweigerd, afgewezen);
            }
            finally
            {
                werkplaats.Vergeet();
            }

            yield return (rij, uitkomst, fouten);
        }
    }

    /// <summary>
    /// One row through the use cases. In the job it runs inside the row's transaction: anything it throws rolls the
    /// whole row back, the dossier and its klantprofiel together.
    /// </summary>
    public async Task<(ImportUitkomst Uitkomst, Guid? DossierId)> VerwerkAsync(IServiceProvider services, ClaimsPrincipal user, GelezenRij rij, bool proef, CancellationToken ct)
    {
        var werkplaats = services.GetRequiredService<DossierWerkplaats>();
        var registratie = services.GetRequiredService<DossierRegistratie>();
        var bestaand = await werkplaats.Lees.Dossiers.SingleOrDefaultAsync(d => d.VNummer == rij.VNummer, ct);
        if (bestaand is null)
        {
            if (rij.Dossier.Bsn is { } bsn && await werkplaats.Lees.Dossiers.AnyAsync(d => d.Bsn == bsn, ct))
            {
                throw new DomainException(DossierFouten.BsnBestaatAl, "Er is al een dossier met dit BSN in uw gemeente.", 409);
            }

            var van = await HuishoudenVanAsync(werkplaats, rij.Huishouden, ct);
            var nieuw = await registratie.MaakAanAsync(user, rij.Dossier with { HuishoudenVan = van }, null, ct, proef, bron);
            if (!proef && rij.HeeftProfiel)
            {
                await KlantprofielAsync(services, user, nieuw.Id, null, rij, ct);
            }

            if (!proef && rij.Huishouden is { } h)
            {
                _huishoudens.TryAdd(h, nieuw.Id);
            }

            return (ImportUitkomst.Nieuw, proef ? null : nieuw.Id);
        }

        if (rij.Huishouden is { } huishouden)
        {
            _huishoudens.TryAdd(huishouden, bestaand.Id);
        }

        var wijziging = Verschil(bestaand, rij);
        var profiel = rij.HeeftProfiel && (bestaand.Overdracht?.Opleiding != (rij.Opleiding ?? bestaand.Overdracht?.Opleiding)
                                           || bestaand.Overdracht?.Werkervaring != (rij.Werkervaring ?? bestaand.Overdracht?.Werkervaring)
                                           || bestaand.Overdracht?.ZichtbareBeperkingen != (rij.ZichtbareBeperkingen ?? bestaand.Overdracht?.ZichtbareBeperkingen));
        if (wijziging is null && !profiel)
        {
            return (ImportUitkomst.Ongewijzigd, bestaand.Id);
        }

        if (wijziging is not null)
        {
            await registratie.WijzigAsync(user, bestaand.Id, Versievoorwaarde.Elke, wijziging, null, ct, proef, bron);
        }

        if (profiel && !proef)
        {
            await KlantprofielAsync(services, user, bestaand.Id, bestaand.Overdracht, rij, ct);
        }

        return (ImportUitkomst.Gewijzigd, bestaand.Id);
    }

    /// <summary>The klantprofiel's hard information through the overdracht use case; what TVS does not carry (contact, the handover talk) stays.</summary>
    private async Task KlantprofielAsync(IServiceProvider services, ClaimsPrincipal user, Guid dossierId, Overdracht? nu, GelezenRij rij, CancellationToken ct) =>
        await services.GetRequiredService<DossierMijlpalen>().OverdrachtAsync(user, dossierId, Versievoorwaarde.Elke, new OverdrachtInvoer(
            rij.Opleiding ?? nu?.Opleiding, rij.Werkervaring ?? nu?.Werkervaring, nu?.Talen ?? [], rij.ZichtbareBeperkingen ?? nu?.ZichtbareBeperkingen,
            nu?.VoorinburgeringDeelname ?? false, nu?.VoorinburgeringVoortgang, nu?.Telefoon, nu?.Email, nu?.Beschikbaarheid, nu?.DriegesprekGewenst ?? false,
            nu?.PersoonlijkeOverdrachtOp), null, ct, bron);

    /// <summary>A member of a household started earlier (in this file or an earlier import) joins it.</summary>
    private async Task<Guid?> HuishoudenVanAsync(DossierWerkplaats werkplaats, string? huishouden, CancellationToken ct)
    {
        if (huishouden is null)
        {
            return null;
        }

        if (_huishoudens.TryGetValue(huishouden, out var id) && await werkplaats.Lees.Dossiers.AnyAsync(d => d.Id == id, ct))
        {
            return id;
        }

        var eerder = await werkplaats.Lees.ImportRegels.Where(r => r.Huishouden == huishouden && r.DossierId != null)
            .Join(werkplaats.Lees.Dossiers, r => r.DossierId, d => d.Id, (r, d) => d.Id).FirstOrDefaultAsync(ct);
        if (eerder != Guid.Empty)
        {
            _huishoudens[huishouden] = eerder;
            return eerder;
        }

        return null;
    }

    /// <summary>Only what the file says and the dossier does not: an empty cell never clears a field.</summary>
    private static DossierWijziging? Verschil(Dossier d, GelezenRij rij)
    {
        var n = rij.Dossier;
        static string? Anders(string? nieuw, string? oud) => nieuw is not null && !string.Equals(nieuw, oud, StringComparison.Ordinal) ? nieuw : null;
        static DateOnly? AndereDatum(DateOnly? nieuw, DateOnly? oud) => nieuw is { } w && w != oud ? w : null;
        var wijziging = new DossierWijziging(
            Anders(n.Bsn, d.Bsn), Anders(n.Voornamen, d.Voornamen), Anders(n.Achternaam, d.Achternaam), AndereDatum(n.Geboortedatum, d.Geboortedatum),
            Anders(n.Geslacht, Woorden.Naam(d.Geslacht)), Anders(n.LandVanHerkomst, d.LandVanHerkomst),
            n.Talen is { } talen && !talen.SequenceEqual(d.Talen, StringComparer.Ordinal) ? talen : null,
            null, rij.GrootteGegeven && n.HuishoudenGrootte != d.HuishoudenGrootte ? n.HuishoudenGrootte : null,
            AndereDatum(n.Vergunningdatum, d.Vergunningdatum), AndereDatum(n.Koppelingsdatum, d.Koppelingsdatum),
            n.CoaLocatieId is { } locatie && locatie != d.CoaLocatieId ? locatie : null, null, null,
            Nationaliteit: Anders(n.Nationaliteit, d.Nationaliteit), Relatie: Anders(n.Relatie, d.HuishoudenRelatie is { } r ? Woorden.Naam(r) : null));
        return wijziging == Leeg ? null : wijziging;
    }

    private static readonly DossierWijziging Leeg = new(null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /// <summary>What the use cases refuse, as the rows' reasons; anything else (the database gone) is no answer about the row and stops the job.</summary>
    public List<ImportFout>? Afwijzing(Exception ex, GelezenRij rij) => ex switch
    {
        ValidationFailedException v => [.. v.Errors.SelectMany(e => e.Value.Select(reden => new ImportFout(rij.Nummer, rij.VNummer, Kolom(e.Key), reden)))],
        RuleViolationException r => [.. r.Violations.Select(v => new ImportFout(rij.Nummer, rij.VNummer, v.Field is { } f ? Kolom(f) : "(rij)", v.Message))],
        DomainException d => [new ImportFout(rij.Nummer, rij.VNummer, d.Code == DossierFouten.BsnBestaatAl ? Kolom("bsn") : "(rij)", d.Message)],
        _ => null,
    };

    private string Kolom(string veld) => veld switch
    {
        "coaLocatieId" => _kop[ImportVelden.CoaLocatie],
        "huishoudenVan" => _kop[ImportVelden.Huishouden],
        _ => _kop.GetValueOrDefault(veld, veld),
    };

    private string? Tekst(BestandsRij b, string veld) => ImportVelden.Tekst(b.Cellen.GetValueOrDefault(_kop[veld]));

    public static string FoutenJson(IReadOnlyList<ImportFout> fouten) => JsonSerializer.Serialize(fouten.Select(f => new { kolom = f.Kolom, reden = f.Reden }));

    public static IReadOnlyList<ImportFout> LeesFouten(string json, int rij, string? vNummer) =>
        [.. JsonSerializer.Deserialize<List<JsonElement>>(json)!.Select(e => new ImportFout(rij, vNummer, e.GetProperty("kolom").GetString()!, e.GetProperty("reden").GetString()!))];
}
