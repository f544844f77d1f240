using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Inburgering.Modules.Auditing.Contracts;
using Inburgering.Modules.Documenten.Contracts;
using Inburgering.Modules.Documenten.Data;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Pdf;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Documenten.Features.Inzage;

/// <summary>
/// Puts an inzage report together from the modules that hold the data: the dossier and its tijdlijn (Dossiers), the
/// letters (here), every processing from the log (Auditing), with names for the people and organisations.
/// </summary>
internal sealed class InzageRapporten(IDossierInzage dossiers, IVerwerkingenInzage verwerkingen, DocumentenDbContext db, IOrganisationDirectory organisaties,
    IPeopleDirectory mensen, ICurrentTenant tenant, IPdfMaker pdf, Platform.Http.Verzoeklimieten limieten, TimeProvider time) : IInzageRapporten
{
    public Task<InzageBetrokkene?> ZoekAsync(ClaimsPrincipal user, string? vNummer, string? bsn, CancellationToken ct) => dossiers.ZoekAsync(user, vNummer, bsn, ct);

    public async Task<InzageRapport> MaakAsync(ClaimsPrincipal user, Guid dossierId, CancellationToken ct)
    {
        var gemeente = tenant.Vereis("Een inzageverzoek");
        var gegevens = await dossiers.GegevensAsync(user, dossierId, ct);
        var log = await verwerkingen.VanBetrokkeneAsync(user, dossierId, ct);
        var brieven = await db.Documenten.AsNoTracking().Where(d => d.DossierId == dossierId).OrderBy(d => d.GemaaktOp)
            .Select(d => new InzageDocument(d.Titel, d.Sleutel, d.GemaaktOp, d.VerzondenOp)).ToListAsync(ct);

        var organisatieIds = log.Select(v => v.OrganisatieId).Append(gemeente).Distinct().ToList();
        var namen = (await organisaties.FindManyAsync(organisatieIds, ct)).ToDictionary(o => o.Id, o => o.Naam);
        var wie = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var organisatie in organisatieIds)
        {
            foreach (var m in await mensen.MembersAsync(organisatie, null, ct))
            {
                wie.TryAdd(m.Id.ToString(), m.Naam);
            }
        }

        var activiteiten = log.Select(v => v.Activiteit).Distinct().ToHashSet(StringComparer.Ordinal);
        var ontvangers = gegevens.Ontvangers.Concat(log.Where(v => v.OrganisatieId != gemeente).GroupBy(v => v.OrganisatieId)
            .Select(g => new InzageOntvanger(namen.GetValueOrDefault(g.Key, "Onbekende organisatie"), "Heeft gegevens " + Woorden(g.Select(v => v.Handeling)) + " voor "
                + string.Join(", ", g.Select(v => v.ActiviteitNaam.ToLowerInvariant()).Distinct()), g.Min(v => v.Tijdstip), null)))
            .ToList();
        var door = HandelendePartij.Van(user);
        return new InzageRapport(time.GetUtcNow(), namen.GetValueOrDefault(gemeente, "?"), door.Naam, gegevens.Betrokkene, gegevens.MetGezondheid, gegevens.Dossier,
            gegevens.Tijdlijn, brieven,
            [.. log.Select(v => new InzageVerwerking(v.Tijdstip, wie.GetValueOrDefault(v.ActorId, v.ActorId), namen.GetValueOrDefault(v.OrganisatieId, "?"), v.Handeling, v.Onderdeel,
                v.ActiviteitNaam, Verwerkingsregister.Alle.FirstOrDefault(a => a.Id == v.Activiteit)?.Doel ?? string.Empty, v.Grondslag))],
            ontvangers,
            [.. Verwerkingsregister.Alle.Where(a => activiteiten.Contains(a.Id))]);
    }

    public async Task<(byte[] Pdf, string Bestandsnaam)> PdfAsync(ClaimsPrincipal user, Guid dossierId, CancellationToken ct)
    {
        limieten.Vereis(Platform.Http.Verzoeksoort.Pdf, user);
        var rapport = await MaakAsync(user, dossierId, ct);
        return (await pdf.MaakAsync(Html(rapport), ct), $"inzage-{rapport.Betrokkene.VNummer}-{Platform.Tijd.Kalender.Vandaag(time):yyyy-MM-dd}.pdf");
    }

    private static string Woorden(IEnumerable<string> handelingen) => string.Join(" en ", handelingen.Distinct().Order(StringComparer.Ordinal).Select(h => h switch
    {
        "lezen" => "ingezien",
        "schrijven" => "vastgelegd",
        "overdragen" => "overgedragen",
        _ => h,
    }));

    /// <summary>The report as the privacy officer sends it: plain sections, every value escaped, dates in Dutch.</summary>
    internal static string Html(InzageRapport r)
    {
        var h = HtmlEncoder.Default;
        var nl = CultureInfo.GetCultureInfo("nl-NL");
        string Tijd(DateTimeOffset t) => Platform.Tijd.Kalender.Lokaal(t).ToString("d MMMM yyyy HH:mm", nl);
        var s = new StringBuilder();
        s.Append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Inzage persoonsgegevens</title><style>")
            .Append("body{font-family:sans-serif;font-size:10pt;margin:2cm}table{border-collapse:collapse;width:100%;margin-bottom:1em}")
            .Append("th,td{border:1px solid #999;padding:3px;text-align:left;vertical-align:top}h1{font-size:16pt}h2{font-size:13pt;margin-top:1.5em}</style></head><body>");
        s.Append("<h1>Inzage in persoonsgegevens (artikel 15 AVG)</h1>");
        s.Append("<p>Betrokkene: <strong>").Append(h.Encode(r.Betrokkene.Naam)).Append("</strong>, V-nummer ").Append(h.Encode(r.Betrokkene.VNummer)).Append("</p>");
        s.Append("<p>Gemeente ").Append(h.Encode(r.Gemeente)).Append(". Opgesteld op ").Append(h.Encode(Tijd(r.GemaaktOp))).Append(" door ").Append(h.Encode(r.GemaaktDoor)).Append(".</p>");
        if (!r.MetGezondheid)
        {
            s.Append("<p>Gezondheidsgegevens zijn niet in dit overzicht opgenomen: de opsteller heeft daarvoor geen bevoegdheid.</p>");
        }

        s.Append("<h2>Gegevens in het dossier</h2><table>");
        foreach (var (veld, waarde) in Velden(r.Dossier, string.Empty))
        {
            s.Append("<tr><th>").Append(h.Encode(veld)).Append("</th><td>").Append(h.Encode(waarde)).Append("</td></tr>");
        }

        s.Append("</table><h2>Wat er in het dossier gebeurde</h2><table><tr><th>Wanneer</th><th>Wat</th><th>Wie</th><th>Organisatie</th></tr>");
        foreach (var g in r.Tijdlijn)
        {
            s.Append("<tr><td>").Append(h.Encode(Tijd(g.Tijdstip))).Append("</td><td>").Append(h.Encode(g.Omschrijving)).Append("</td><td>").Append(h.Encode(g.ActorNaam))
                .Append("</td><td>").Append(h.Encode(g.Organisatie)).Append("</td></tr>");
        }

        s.Append("</table><h2>Brieven</h2><table><tr><th>Titel</th><th>Gemaakt</th><th>Verzonden</th></tr>");
        foreach (var d in r.Documenten)
        {
            s.Append("<tr><td>").Append(h.Encode(d.Titel)).Append("</td><td>").Append(h.Encode(Tijd(d.GemaaktOp))).Append("</td><td>")
                .Append(h.Encode(d.VerzondenOp is { } v ? Tijd(v) : "niet verzonden")).Append("</td></tr>");
        }

        s.Append("</table><h2>Ontvangers</h2><table><tr><th>Organisatie</th><th>Waarom</th><th>Sinds</th></tr>");
        foreach (var o in r.Ontvangers)
        {
            s.Append("<tr><td>").Append(h.Encode(o.Organisatie)).Append("</td><td>").Append(h.Encode(o.Waarom + (o.Status is null ? string.Empty : $" ({o.Status})")))
                .Append("</td><td>").Append(h.Encode(Tijd(o.Sinds))).Append("</td></tr>");
        }

        s.Append("</table><h2>Verwerkingen</h2><table><tr><th>Wanneer</th><th>Wie</th><th>Organisatie</th><th>Handeling</th><th>Verwerkingsactiviteit</th></tr>");
        foreach (var v in r.Verwerkingen)
        {
            s.Append("<tr><td>").Append(h.Encode(Tijd(v.Tijdstip))).Append("</td><td>").Append(h.Encode(v.Wie)).Append("</td><td>").Append(h.Encode(v.Organisatie))
                .Append("</td><td>").Append(h.Encode(v.Handeling)).Append("</td><td>").Append(h.Encode(v.Activiteit)).Append("</td></tr>");
        }

        s.Append("</table><h2>Doelen en grondslagen</h2><table><tr><th>Verwerkingsactiviteit</th><th>Doel</th><th>Grondslag</th><th>Bewaartermijn</th></tr>");
        foreach (var a in r.Activiteiten)
        {
            s.Append("<tr><td>").Append(h.Encode(a.Naam)).Append("</td><td>").Append(h.Encode(a.Doel)).Append("</td><td>").Append(h.Encode(a.Grondslag))
                .Append("</td><td>").Append(h.Encode(a.Bewaartermijn)).Append("</td></tr>");
        }

        return s.Append("</table></body></html>").ToString();
    }

    /// <summary>The dossier's fields as "path: value" rows, in the order the API gives them; empty values are left out.</summary>
    private static IEnumerable<(string Veld, string Waarde)> Velden(JsonElement element, string pad)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    foreach (var rij in Velden(p.Value, pad.Length == 0 ? p.Name : $"{pad}.{p.Name}"))
                    {
                        yield return rij;
                    }
                }

                break;
            case JsonValueKind.Array:
                var i = 1;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var rij in Velden(item, $"{pad} {i++}"))
                    {
                        yield return rij;
                    }
                }

                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                break;
            default:
                yield return (pad, element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText());
                break;
        }
    }
}
