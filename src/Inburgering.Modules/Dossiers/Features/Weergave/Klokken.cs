using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Tenancy.Contracts;
using Microsoft.EntityFrameworkCore;
using Normen = Inburgering.Modules.Dossiers.Domain.SignaalRegels.Normen;

namespace Inburgering.Modules.Dossiers.Features.Weergave;

/// <summary>
/// Every legal clock of one dossier on one strip (domain guide, "Rules and deadlines"), each with its date under the
/// gemeente's norm and whether it was met, is still open, or has run out.
/// </summary>
internal sealed class DossierOverzichten(DossierWerkplaats werkplaats, DossierLezer lezer, IBeleidsregels regels, IOrganisationDirectory organisaties) : IDossierOverzichten
{
    public async Task<IReadOnlyList<TijdlijnItem>> TijdlijnAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var rijen = await GebeurtenissenAsync(user, id, ct);
        rijen.Reverse();
        var namen = (await organisaties.FindManyAsync(rijen.Select(r => r.OrganisatieId).Distinct(), ct)).ToDictionary(o => o.Id, o => o.Naam);
        return [.. rijen.Select(r => new TijdlijnItem(r.Tijdstip, r.Soort, Gebeurtenissen.Omschrijving(r.Soort), r.ActorNaam,
            namen.GetValueOrDefault(r.OrganisatieId, "?"), Toelichting(r.Gegevens)))];
    }

    /// <summary>The API's form of the same read: oldest first, with the section as it became.</summary>
    public async Task<IReadOnlyList<TijdlijnRegel>> TijdlijnRegelsAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var rijen = await GebeurtenissenAsync(user, id, ct);
        var magGezondheid = await lezer.MagGezondheidAsync(user, ct);
        return [.. rijen.Select(t => new TijdlijnRegel(t.Id, t.Tijdstip, t.Soort, t.ActorId, t.ActorNaam, t.OrganisatieId, Gegevens(t, magGezondheid)))];
    }

    /// <summary>The section as it became; a scenario's health reason only for those allowed to see health.</summary>
    internal static System.Text.Json.JsonElement Gegevens(TijdlijnGebeurtenis t, bool magGezondheid)
    {
        var gegevens = System.Text.Json.Nodes.JsonNode.Parse(t.Gegevens);
        if (!magGezondheid && t.Soort == Gebeurtenissen.Scenario && gegevens is System.Text.Json.Nodes.JsonObject scenario)
        {
            foreach (var veld in new[] { "tenzijRedenen", "eersteTenzijRedenen" })
            {
                if (scenario[veld] is System.Text.Json.Nodes.JsonArray redenen)
                {
                    foreach (var reden in redenen.Where(r => r?.GetValue<string>() == TenzijRedenen.Gezondheid).ToList())
                    {
                        redenen.Remove(reden);
                    }
                }
            }
        }

        return System.Text.Json.JsonSerializer.SerializeToElement(gegevens);
    }

    /// <summary>Every event of a dossier the caller may see, oldest first; the read is logged.</summary>
    private async Task<List<TijdlijnGebeurtenis>> GebeurtenissenAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var dossier = await lezer.LaadAsync(user, id, ct, alleenLezen: true, metOnderdelen: false);
        var rijen = await werkplaats.Lees.Tijdlijn.Where(t => t.DossierId == dossier.Id)
            .OrderBy(t => t.Tijdstip).ThenBy(t => t.Volgnummer).ToListAsync(ct);
        await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "tijdlijn", [dossier.Id], ct);
        return rijen;
    }

    /// <summary>The reason or note a person typed with the change; the rest of the stored section stays in the API.</summary>
    private static string? Toelichting(string gegevens)
    {
        using var json = System.Text.Json.JsonDocument.Parse(gegevens);
        return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
               && (json.RootElement.TryGetProperty("reden", out var tekst) || json.RootElement.TryGetProperty("toelichting", out tekst))
               && tekst.ValueKind == System.Text.Json.JsonValueKind.String
            ? tekst.GetString()
            : null;
    }

    public async Task<DossierOverzicht> LeesAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var d = await lezer.LaadAsync(user, id, ct, alleenLezen: true);
        var beleid = await regels.VanGemeenteAsync(ct);
        var vandaag = werkplaats.Vandaag;
        var signalen = await werkplaats.Lees.Signalen.Where(s => s.DossierId == id && s.OpgelostOp == null).OrderBy(s => s.Vervaldatum).ToListAsync(ct);
        var leden = await lezer.HuisgenotenAsync(d, ct);
        var (magGezondheid, gezondheid) = await lezer.GezondheidAsync(user, d, logLezen: true, ct);
        var locaties = (await organisaties.CoaLocatiesAsync(ct)).ToDictionary(l => l.Id, l => l.Naam);
        await werkplaats.LogInzageAsync(DossierWerkplaats.ActorVan(user), "dossier", [id], ct);
        var details = new DossierDetails(
            new PersoonGegevens(d.Voornamen, d.Achternaam, d.Geboortedatum, Woorden.Naam(d.Geslacht), d.LandVanHerkomst, d.Talen, Woorden.Naam(d.Doelgroep),
                d.HuishoudenGrootte, d.HuishoudenId, d.CoaLocatieId, d.KlantregisseurId, d.KennisgevingDuo, d.BrpInschrijving, d.Bsn is not null,
                d.PipInformatieGevraagd, d.PipInformatieOntvangen, d.Nationaliteit, d.HuishoudenRelatie is { } relatie ? Woorden.Naam(relatie) : null),
            [.. leden.Select(l => new HuishoudenLidRegel(l.Id, l.VNummer, l.Naam, l.Geboortedatum, Woorden.Naam(l.Fase), l.Relatie is { } r ? Woorden.Naam(r) : null))],
            d.Kennismakingsgesprek is { } k ? new KennismakingGegevens(k.Gepland, k.Gehouden, k.Locatie is { } l ? Woorden.Naam(l) : null, k.Driegesprek, k.Adres, k.Link) : null,
            d.Scenario?.Toelichting, d.Scenario?.Besluitdatum,
            d.BredeIntake is { } b ? new BredeIntakeGegevens(b.Aanbieder, b.Startdatum, b.Einddatum, b.LeerbaarheidstoetsDatum,
                b.LeerbaarheidstoetsUitkomst is { } u ? Woorden.Naam(u) : null, b.OpleidingEnWerk, b.PersoonlijkeOmstandigheden,
                b.GeplandeStartdatum, b.TeBevestigen(werkplaats.Vandaag)) : null,
            gezondheid, magGezondheid,
            new HuisvestingGegevens(d.WoningToegewezen, d.HuurcontractIngang, d.Verhuisdatum, d.VerblijfsdocumentOntvangen,
                d.GeplandeHuurcontractIngang, d.GeplandeVerhuisdatum, d.HuurcontractTeBevestigen(vandaag), d.VerhuizingTeBevestigen(vandaag)),
            DossierLezer.PipDeadline(d, beleid),
            [.. d.PipVersies.OrderBy(p => p.Nummer).Select(p => new PipVersieRegel(p.Nummer, p.Dagtekening, Woorden.Naam(p.Leerroute), p.Knm, p.Pvt, p.Map,
                p.OntzorgenStart, p.OntzorgenEinde, p.Ondersteuning, p.VastgesteldOp, p.VastgesteldDoor, p.Motivering))],
            [.. d.Activiteiten.OrderBy(a => a.Startdatum ?? a.GeplandeStartdatum).Select(a => new ActiviteitRegel(a.Id, Woorden.Naam(a.Soort), a.Startdatum, a.Einddatum,
                a.Omschrijving, a.Startdatum is { } start ? d.InAzcOp(start) : null, a.GeplandeStartdatum, a.TeBevestigen(vandaag)))],
            [.. d.Voortgangsgesprekken.OrderBy(v => v.Datum).Select(v => new VoortgangsgesprekRegel(v.Datum, v.Verslag))],
            [.. d.Termijnverlengingen.OrderBy(v => v.Besluitdatum).Select(v => new VerlengingRegel(v.Maanden, v.Reden, v.Besluitdatum, v.Weken, v.EindeVolgensDuo))],
            d.AfsluitingReden is { } reden && d.AfsluitingDatum is { } datum ? new AfsluitingGegevens(Woorden.Naam(reden), datum) : null,
            d.PipCorrectie is { } c ? new PipCorrectieRegel(c.Dagtekening, c.Reden, c.DoorNaam, c.DoorId == DossierWerkplaats.ActorVan(user).Id) : null,
            [.. d.Verlengingsverklaringen.OrderBy(v => v.Afgegeven).Select(v => new VerlengingsverklaringRegel(v.Afgegeven, v.VerwachteStart, v.Reden))],
            [.. d.Verblijfshistorie().Select(v => new VerblijfRegel(v.Soort, v.Van, v.Tot, v.CoaLocatieId is { } l ? locaties.GetValueOrDefault(l) : null))]);
        return new DossierOverzicht(d.Id, d.Versie, d.VNummer, d.Voornamen + " " + d.Achternaam, d.Geboortedatum, Woorden.Naam(d.Fase), d.Vergunningdatum, d.Koppelingsdatum,
            d.TermijnStart, d.TermijnEinde, d.TermijnEinde is { } einde ? einde.DayNumber - vandaag.DayNumber : null, Bepaal(d, beleid, vandaag),
            [.. signalen.Select(s => new SignaalKaart(s.Id, Woorden.Naam(s.Soort), Woorden.Naam(s.Ernst), s.Vervaldatum, s.Tekst, s.Uitleg, s.GesnoozedTot, s.ErkendDoor))],
            d.Kennismakingsgesprek?.Gehouden, d.Scenario?.Scenario, TenzijRedenen.Zichtbaar(d.Scenario?.TenzijRedenen ?? [], magGezondheid), d.BredeIntake?.Startdatum, d.PipVersies.Count,
            OverdrachtWeergave.Gegevens(d.Overdracht), d.Overdracht?.VastgelegdOp, d.Overdracht?.VastgelegdDoor, vandaag)
        {
            Details = details,
            Beperking = d.BeperktSinds is { } sinds ? (sinds, d.BeperkingReden ?? string.Empty) : null,
        };
    }

    /// <summary>The clocks alone, as the strip on the dossier page shows them.</summary>
    public async Task<IReadOnlyList<KlokRegel>> KlokkenAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var d = await lezer.LaadAsync(user, id, ct, alleenLezen: true);
        return Bepaal(d, await regels.VanGemeenteAsync(ct), werkplaats.Vandaag);
    }

    internal static List<KlokRegel> Bepaal(Dossier d, Beleid beleid, DateOnly vandaag)
    {
        var k = d.Koppelingsdatum;
        var pip = d.EerstePip?.Dagtekening;
        var leerroute = pip is { } p ? beleid.Na(d.HuidigePip?.Leerroute == Leerroute.Onderwijs ? Normen.LeerrouteStartOnderwijs : Normen.LeerrouteStart, p, p) : (DateOnly?)null;
        var ontzorgen = d.HuidigePip?.OntzorgenStart is { } os ? d.HuidigePip.OntzorgenEinde ?? beleid.Na(Normen.OntzorgenDuur, os, os) : (DateOnly?)null;
        var kmgStart = d.OvergenomenOp is { } over && over > k ? over : k;
        var klokken = new List<KlokRegel> { new("Vergunning", d.Vergunningdatum, "gehaald") };
        klokken.Add(d.Instroom switch
        {
            Instroom.Nareiziger => new KlokRegel("Aankomst nareiziger", k, "gehaald"),
            Instroom.Verhuizing => new KlokRegel("Instroom na verhuizing", k, "gehaald"),
            _ => Klok("Koppeling", beleid.Na(Normen.KoppelingNaVergunning, d.Vergunningdatum, d.Vergunningdatum), k),
        });
        klokken.Add(Klok("Kennismakingsgesprek", beleid.Na(Normen.KennismakingNaKoppeling, kmgStart, kmgStart), d.Kennismakingsgesprek?.Gehouden));
        klokken.Add(d.TermijnStart is { } lopend && pip is null
            ? new KlokRegel("PIP (elders vastgesteld)", lopend.AddDays(-1), "gehaald")
            : Klok("PIP (10 weken)", DossierLezer.PipDeadline(d, beleid), pip));
        if (d.ViaCoa)
        {
            klokken.Add(Klok("Huisvesting", beleid.Na(Normen.HuisvestingNaKoppeling, k, k), d.Verhuisdatum));
        }

        klokken.Add(Klok("Start leerroute", leerroute, d.Activiteiten.Where(a => a.Soort == ActiviteitSoort.Taalles).Select(a => a.Startdatum).Min()));
        klokken.Add(Klok("Einde termijn", d.TermijnEinde, d.AfsluitingDatum));
        klokken.Add(Klok("Einde ontzorgen", ontzorgen, null));
        return klokken;

        KlokRegel Klok(string naam, DateOnly? uiterlijk, DateOnly? gebeurd) => (uiterlijk, gebeurd) switch
        {
            (null, _) => new KlokRegel(naam, null, "onbekend"),
            ({ } u, { } g) => new KlokRegel(naam, u, g <= u ? "gehaald" : "te-laat"),
            ({ } u, null) => new KlokRegel(naam, u, vandaag > u ? "verlopen" : "open"),
        };
    }
}
