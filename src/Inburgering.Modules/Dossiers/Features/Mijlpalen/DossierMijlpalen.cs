using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Dossiers.Features.Mijlpalen;

/// <summary>
/// Every milestone write, behind the API and the dossier page alike: the right (<see cref="DossierPermissies.Bewerken"/>)
/// is checked here, then the input (400), the version (412) and the process rules on the whole dossier (422), and the
/// change is stored with its tijdlijn event in one transaction.
/// </summary>
internal sealed class DossierMijlpalen(DossierLezer lezer, DossierWerkplaats werkplaats, IPermissionEvaluator rechten, IBeleidsregels beleidsregels,
    IOrganisationDirectory organisaties) : IDossierMijlpalen
{
    /// <param name="bron">Where the klantprofiel came from when not typed in (an import), kept with the tijdlijn event.</param>
    public Task<Dossier> OverdrachtAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, OverdrachtInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct, string? bron = null) =>
        SchrijfAsync(user, id, versie, (d, check) =>
        {
            var overdracht = invoer.Lees(check, werkplaats.Nu, HandelendePartij.Van(user).Naam);
            d.LegOverdrachtVast(overdracht);
            return (Gebeurtenissen.Overdracht, bron is null ? overdracht : new { overdracht, bron });
        }, onleesbaar, ct);

    public Task<Dossier> KennismakingAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, KennismakingInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        SchrijfAsync(user, id, versie, (d, check) =>
        {
            var gesprek = invoer.Lees(check);
            d.LegKennismakingVast(gesprek);
            return (Gebeurtenissen.Kennismaking, gesprek);
        }, onleesbaar, ct);

    public async Task<Dossier> ScenarioAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, ScenarioInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct)
    {
        var magGezondheid = await rechten.HasAsync(user, DossierPermissies.GezondheidLezen, ct);
        if (!magGezondheid && invoer.TenzijRedenen?.Contains(TenzijRedenen.Gezondheid) == true)
        {
            throw new DomainException(DossierFouten.GeenToegang, "U mag gezondheid niet als reden vastleggen: dat is gezondheidsinformatie.", StatusCodes.Status403Forbidden);
        }

        Beleid? beleid = null;
        return await SchrijfAsync(user, id, versie, async _ => beleid = await beleidsregels.VanGemeenteAsync(ct), (d, check) =>
        {
            var keuze = invoer.Lees(check);
            // Whoever may not see the health reason cannot have meant to remove it: it stays with a scenario 3.
            if (!magGezondheid && keuze.Scenario == 3 && d.Scenario?.TenzijRedenen.Contains(TenzijRedenen.Gezondheid) == true)
            {
                keuze.TenzijRedenen.Insert(0, TenzijRedenen.Gezondheid);
            }

            keuze.JaTenzij = beleid!.Aan(DossierNormen.JaTenzij, keuze.Besluitdatum);
            d.KiesScenario(keuze);
            return (Gebeurtenissen.Scenario, keuze);
        }, onleesbaar, ct);
    }

    public async Task<Dossier> BredeIntakeAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, BredeIntakeInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct)
    {
        if (invoer.Gezondheid is not null && !await rechten.HasAsync(user, DossierPermissies.GezondheidLezen, ct))
        {
            throw new DomainException(DossierFouten.GeenToegang, "U mag gezondheidsinformatie niet vastleggen.", StatusCodes.Status403Forbidden);
        }

        GezondheidsInformatie? bestaand = null;
        return await SchrijfAsync(user, id, versie, async d =>
        {
            // Read only once the right and the dossier are known.
            bestaand = invoer.Gezondheid is null ? null : await werkplaats.GezondheidVoorWijziging.SingleOrDefaultAsync(g => g.DossierId == d.Id, ct);
        }, (d, check) =>
        {
            var intake = invoer.Lees(check);
            d.LegBredeIntakeVast(intake);
            if (invoer.Gezondheid is { } tekst)
            {
                LegGezondheidVast(d, bestaand, tekst.Trim(), user);
            }

            // One event per change; health is only marked as changed, its text never enters the tijdlijn.
            return (Gebeurtenissen.BredeIntake, new { bredeIntake = intake, gezondheidGewijzigd = invoer.Gezondheid is not null });
        }, onleesbaar, ct);
    }

    public Task<Dossier> PipAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, PipInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        SchrijfAsync(user, id, versie, (d, check) =>
        {
            var dagtekening = check.Verplicht(invoer.Dagtekening, "dagtekening");
            var leerroute = check.Verplicht(check.Woord<Leerroute>(invoer.Leerroute, "leerroute"), "leerroute");
            var ondersteuning = check.Tekst(invoer.Ondersteuning, "ondersteuning", max: 2000);
            var motivering = check.Tekst(invoer.Motivering, "motivering", max: 2000);
            check.Klaar();
            var pip = d.StelPipVast(dagtekening, leerroute, invoer.Knm ?? false, invoer.Pvt ?? false, invoer.Map ?? false,
                invoer.OntzorgenStart, invoer.OntzorgenEinde, ondersteuning, werkplaats.Nu, HandelendePartij.Van(user).Naam, motivering);
            return (Gebeurtenissen.Pip, new
            {
                pip.Nummer, invoer.Dagtekening, invoer.Leerroute, invoer.Knm, invoer.Pvt, invoer.Map, invoer.OntzorgenStart, invoer.OntzorgenEinde,
                d.TermijnStart, d.TermijnEinde,
            });
        }, onleesbaar, ct);

    public Task<Dossier> HuisvestingAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, HuisvestingInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        SchrijfAsync(user, id, versie, (d, _) =>
        {
            d.LegHuisvestingVast(invoer.WoningToegewezen, invoer.HuurcontractIngang, invoer.Verhuisdatum, invoer.VerblijfsdocumentOntvangen,
                invoer.GeplandeHuurcontractIngang, invoer.GeplandeVerhuisdatum);
            return (Gebeurtenissen.Huisvesting, invoer);
        }, onleesbaar, ct);

    public Task<Dossier> ActiviteitAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, ActiviteitInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        SchrijfAsync(user, id, versie, (d, check) =>
        {
            var soort = check.Verplicht(check.Woord<ActiviteitSoort>(invoer.Soort, "soort"), "soort");
            if ((invoer.Startdatum is null) == (invoer.GeplandeStartdatum is null))
            {
                check.Fout("startdatum", "Vul de dag in waarop de activiteit begon, of de geplande startdatum (één van beide).");
            }

            var omschrijving = check.Tekst(invoer.Omschrijving, "omschrijving", max: 500);
            check.Klaar();
            var activiteit = d.VoegActiviteitToe(soort, invoer.Startdatum, invoer.Einddatum, omschrijving, werkplaats.Nu, invoer.GeplandeStartdatum);
            return (Gebeurtenissen.Activiteit, new
            {
                activiteit.Id, invoer.Soort, invoer.Startdatum, invoer.GeplandeStartdatum, invoer.Einddatum,
                InAzc = invoer.Startdatum is { } start ? d.InAzcOp(start) : (bool?)null,
            });
        }, onleesbaar, ct);

    public Task<Dossier> ActiviteitGestartAsync(ClaimsPrincipal user, Guid id, Guid activiteitId, Versievoorwaarde versie, ActiviteitStartInvoer invoer, Onleesbaar? onleesbaar,
        CancellationToken ct) =>
        SchrijfAsync(user, id, versie, (d, check) =>
        {
            var activiteit = d.Activiteiten.SingleOrDefault(a => a.Id == activiteitId)
                ?? throw new DomainException(DossierFouten.NietGevonden, "Deze activiteit hoort niet bij dit dossier.", StatusCodes.Status404NotFound);
            if (activiteit.Startdatum is not null)
            {
                throw new DomainException(DossierFouten.AlGestart, "Deze activiteit is al begonnen.", StatusCodes.Status409Conflict);
            }

            var start = check.Verplicht(invoer.Startdatum, "startdatum");
            check.Klaar();
            activiteit.Bevestig(start);
            return (Gebeurtenissen.ActiviteitGestart, new { activiteit.Id, Soort = activiteit.Soort.ToString(), Startdatum = start, activiteit.GeplandeStartdatum, InAzc = d.InAzcOp(start) });
        }, onleesbaar, ct);

    public Task<Dossier> VerblijvenAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, VerblijvenInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        SchrijfVerblijvenAsync(user, id, versie, _ => invoer.Verblijven, alleenLaatste: false, onleesbaar, ct);

    /// <summary>One more stay after the recorded ones: the history as it was, with this one added.</summary>
    public Task<Dossier> VoegVerblijfToeAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, VerblijfInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        SchrijfVerblijvenAsync(user, id, versie, d => [.. d.Verblijven.Select(v => new VerblijfInvoer(Woorden.Naam(v.Soort), v.Van, v.CoaLocatieId, v.Omschrijving)), invoer],
            alleenLaatste: true, onleesbaar, ct);

    private async Task<Dossier> SchrijfVerblijvenAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, Func<Dossier, IReadOnlyList<VerblijfInvoer>?> nieuw,
        bool alleenLaatste, Onleesbaar? onleesbaar, CancellationToken ct)
    {
        IReadOnlyList<CoaLocatieSummary> locaties = [];
        return await SchrijfAsync(user, id, versie, async _ => locaties = await organisaties.CoaLocatiesAsync(ct), (d, check) =>
        {
            var lijst = new List<Verblijf>();
            if (nieuw(d) is not { } verblijven || verblijven.Count > 20)
            {
                check.Fout("verblijven", "Geef de verblijven als lijst van hoogstens 20.");
                verblijven = [];
            }

            // The one stay the page adds is named by its own fields; a whole history by position.
            string Veld(int index, string naam) => alleenLaatste && index == verblijven.Count - 1 ? naam : $"verblijven[{index}].{naam}";
            foreach (var (v, index) in verblijven.Select((v, i) => (v, i)))
            {
                var soort = check.Verplicht(check.Woord<VerblijfSoort>(v.Soort, Veld(index, "soort")), Veld(index, "soort"));
                var van = check.Verplicht(v.Van, Veld(index, "van"));
                if (soort is VerblijfSoort.Azc or VerblijfSoort.RegionaalAzc && v.CoaLocatieId is null)
                {
                    check.Fout(Veld(index, "coaLocatieId"), "Bij een azc hoort de COA-locatie.");
                }
                else if (v.CoaLocatieId is { } locatie && locaties.All(l => l.Id != locatie))
                {
                    check.Fout(Veld(index, "coaLocatieId"), "Deze COA-locatie bestaat niet.");
                }

                lijst.Add(new Verblijf { Soort = soort, Van = van, CoaLocatieId = v.CoaLocatieId, Omschrijving = check.Tekst(v.Omschrijving, Veld(index, "omschrijving")) });
            }

            check.Klaar();
            d.LegVerblijvenVast(lijst);
            return (Gebeurtenissen.Verblijven, new { verblijven = lijst });
        }, onleesbaar, ct);
    }

    public Task<Dossier> VerlengingsverklaringAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, VerlengingsverklaringInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        SchrijfAsync(user, id, versie, (d, check) =>
        {
            var afgegeven = check.Verplicht(invoer.Afgegeven, "afgegeven");
            var verwacht = check.Verplicht(invoer.VerwachteStart, "verwachteStart");
            var reden = check.Tekst(invoer.Reden, "reden", verplicht: true, max: 1000);
            check.Klaar();
            d.GeefVerlengingsverklaringAf(new Verlengingsverklaring { Afgegeven = afgegeven, VerwachteStart = verwacht, Reden = reden! });
            return (Gebeurtenissen.Verlengingsverklaring, new { afgegeven, verwachteStart = verwacht, reden });
        }, onleesbaar, ct);

    public Task<Dossier> VoortgangsgesprekAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, VoortgangsgesprekInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        SchrijfAsync(user, id, versie, (d, check) =>
        {
            var datum = check.Verplicht(invoer.Datum, "datum");
            var verslag = check.Tekst(invoer.Verslag, "verslag", max: 4000);
            check.Klaar();
            var gesprek = d.HoudVoortgangsgesprek(datum, verslag, werkplaats.Nu);
            return (Gebeurtenissen.Voortgangsgesprek, new { gesprek.Id, gesprek.Datum });
        }, onleesbaar, ct);

    public Task<Dossier> TermijnverlengingAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, TermijnverlengingInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        SchrijfAsync(user, id, versie, (d, check) =>
        {
            var genoemd = new[] { invoer.Maanden is not null, invoer.Weken is not null, invoer.Einddatum is not null }.Count(g => g);
            if (genoemd != 1)
            {
                check.Fout("maanden", "Leg de verlenging vast zoals DUO die besloot: in maanden, in weken of met de einddatum van DUO (één daarvan).");
            }

            var maanden = invoer.Maanden is null ? 0 : check.Bereik(invoer.Maanden, "maanden", 1, 36, verplicht: true);
            var weken = invoer.Weken is null ? 0 : check.Bereik(invoer.Weken, "weken", 1, 156, verplicht: true);
            var reden = check.Tekst(invoer.Reden, "reden", verplicht: true, max: 500);
            var besluit = check.Verplicht(invoer.Besluitdatum, "besluitdatum");
            if (invoer.Einddatum is { } einde && d.TermijnEinde is { } huidig && einde <= huidig)
            {
                check.Fout("einddatum", $"Een verlenging eindigt na het huidige einde van de termijn ({huidig:dd-MM-yyyy}).");
            }

            check.Klaar();
            d.VerlengTermijn(maanden, weken, invoer.Einddatum, reden!, besluit, werkplaats.Nu);
            return (Gebeurtenissen.Termijnverlenging, new { maanden, weken, einddatum = invoer.Einddatum, reden, besluit, d.TermijnEinde });
        }, onleesbaar, ct);

    public Task<Dossier> OnderdeelAsync(ClaimsPrincipal user, Guid id, string onderdeelNaam, Versievoorwaarde versie, OnderdeelInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        SchrijfAsync(user, id, versie, (d, check) =>
        {
            if (!Woorden.TryLees<Onderdeel>(onderdeelNaam, out var onderdeel))
            {
                throw new DomainException(DossierFouten.NietGevonden, "Dit onderdeel bestaat niet.", StatusCodes.Status404NotFound);
            }

            var uren = invoer.Uren;
            if (uren is < 0 or > 5000)
            {
                check.Fout("uren", "Vul een aantal uren in tussen 0 en 5000.");
            }

            if (onderdeel != Onderdeel.Map && onderdeel != Onderdeel.ZrouteTaal && invoer.Eindgesprek is not null)
            {
                check.Fout("eindgesprek", "Alleen de MAP en de Z-route hebben een eindgesprek.");
            }

            check.Klaar();
            var leeg = uren is null && invoer.Start is null && invoer.Afgerond is null && invoer.Eindgesprek is null;
            d.VoortgangVoorWijziging().Zet(onderdeel, leeg ? null : new OnderdeelStand { Uren = uren ?? 0, Start = invoer.Start, Afgerond = invoer.Afgerond, Eindgesprek = invoer.Eindgesprek });
            return (Gebeurtenissen.Onderdeel, new { onderdeel = Woorden.Naam(onderdeel), uren, invoer.Start, invoer.Afgerond, invoer.Eindgesprek });
        }, onleesbaar, ct);

    public Task<Dossier> ExamenAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, ExamenInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct, string bron = "hand") =>
        SchrijfAsync(user, id, versie, (d, check) =>
        {
            var onderdeel = check.Verplicht(check.Woord<ExamenOnderdeel>(invoer.Onderdeel, "onderdeel"), "onderdeel");
            var datum = check.Verplicht(invoer.Datum, "datum");
            var niveau = check.Verplicht(check.Woord<Taalniveau>(invoer.Niveau, "niveau"), "niveau");
            var uitslag = check.Verplicht(check.Woord<ExamenUitslag>(invoer.Uitslag, "uitslag"), "uitslag");
            check.Klaar();
            var examen = new Examen { Id = Guid.CreateVersion7(werkplaats.Nu), Onderdeel = onderdeel, Datum = datum, Niveau = niveau, Uitslag = uitslag, Bron = bron };
            var voortgang = d.VoortgangVoorWijziging();
            voortgang.Examens.Add(examen);
            return (Gebeurtenissen.Examen, new
            {
                examen.Id, invoer.Onderdeel, datum, invoer.Niveau, invoer.Uitslag, poging = voortgang.Examens.Count(e => e.Onderdeel == onderdeel), bron,
            });
        }, onleesbaar, ct);

    /// <summary>Scaling down is judged on the language hours recorded at the decision: the rule is checked on the whole dossier.</summary>
    public Task<Dossier> AfschalingAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, AfschalingInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        SchrijfAsync(user, id, versie, (d, check) =>
        {
            var besluit = check.Verplicht(invoer.Besluitdatum, "besluitdatum");
            var motivering = check.Tekst(invoer.Motivering, "motivering", verplicht: true, max: 2000);
            check.Klaar();
            var voortgang = d.VoortgangVoorWijziging();
            if (voortgang.Afschaling is not null)
            {
                throw new DomainException(DossierFouten.AlAfgeschaald, "Er is al afgeschaald naar A2.", StatusCodes.Status409Conflict);
            }

            voortgang.Afschaling = new Afschaling { Besluitdatum = besluit, Motivering = motivering!, UrenBijBesluit = voortgang.Taal?.Uren ?? 0 };
            return (Gebeurtenissen.Afschaling, new { besluit, uren = voortgang.Afschaling.UrenBijBesluit, motivering });
        }, onleesbaar, ct);

    public Task<Dossier> RoutewisselAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, RoutewisselInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        SchrijfAsync(user, id, versie, (d, check) =>
        {
            var naar = check.Verplicht(check.Woord<Leerroute>(invoer.Naar, "naar"), "naar");
            var besluit = check.Verplicht(invoer.Besluitdatum, "besluitdatum");
            var motivering = check.Tekst(invoer.Motivering, "motivering", verplicht: true, max: 2000);
            if (d.HuidigeLeerroute == naar)
            {
                check.Fout("naar", "Dit is al de leerroute.");
            }

            check.Klaar();
            var van = d.HuidigeLeerroute ?? naar;
            d.VoortgangVoorWijziging().Routewissels.Add(new Routewissel { Van = van, Naar = naar, Besluitdatum = besluit, Motivering = motivering! });
            return (Gebeurtenissen.Routewissel, new { van = Woorden.Naam(van), naar = invoer.Naar, besluit, motivering });
        }, onleesbaar, ct);

    /// <summary>
    /// Asks to correct a mistyped first PIP dagtekening. It moves the termijn, so it waits for a second person; the
    /// new date must satisfy every rule a first PIP does (checked now and again at the approval).
    /// </summary>
    public Task<Dossier> VraagPipCorrectieAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, PipCorrectieInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        SchrijfAsync(user, id, versie, (d, check) =>
        {
            var dagtekening = check.Verplicht(invoer.Dagtekening, "dagtekening");
            var reden = check.Tekst(invoer.Reden, "reden", verplicht: true, max: 1000);
            if (d.EerstePip is not { } eerste)
            {
                throw new DomainException(DossierFouten.GeenPipCorrectie, "Er is nog geen PIP om te corrigeren.", StatusCodes.Status409Conflict);
            }

            if (d.PipCorrectie is not null)
            {
                throw new DomainException(DossierFouten.PipCorrectieWacht, "Er wacht al een correctie op goedkeuring.", StatusCodes.Status409Conflict);
            }

            if (invoer.Dagtekening == eerste.Dagtekening)
            {
                check.Fout("dagtekening", "Dit is al de dagtekening van het eerste PIP.");
            }

            check.Klaar();
            var actor = DossierWerkplaats.ActorVan(user);
            d.VraagPipCorrectie(new PipCorrectie { Dagtekening = dagtekening, Reden = reden!, DoorId = actor.Id, DoorNaam = actor.Naam, Op = werkplaats.Nu });
            return (Gebeurtenissen.PipCorrectieGevraagd, new { van = eerste.Dagtekening, naar = dagtekening, reden });
        }, onleesbaar, ct);

    /// <summary>A second person approves (the first PIP and the termijn change) or declines the waiting correction.</summary>
    public Task<Dossier> BeoordeelPipCorrectieAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, PipCorrectieBeoordeling invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        SchrijfAsync(user, id, versie, (d, _) =>
        {
            var correctie = d.PipCorrectie
                ?? throw new DomainException(DossierFouten.GeenPipCorrectie, "Er wacht geen correctie van de dagtekening.", StatusCodes.Status409Conflict);
            if (correctie.DoorId == DossierWerkplaats.ActorVan(user).Id)
            {
                throw new DomainException(DossierFouten.VierOgen, "Een collega beoordeelt de correctie, niet wie haar vroeg.", StatusCodes.Status422UnprocessableEntity);
            }

            if (!invoer.Akkoord)
            {
                d.WijsPipCorrectieAf();
                return (Gebeurtenissen.PipCorrectieAfgewezen, new { naar = correctie.Dagtekening, gevraagdDoor = correctie.DoorNaam });
            }

            var oud = d.PasPipCorrectieToe();
            return (Gebeurtenissen.PipGecorrigeerd, new { van = oud, naar = correctie.Dagtekening, correctie.Reden, gevraagdDoor = correctie.DoorNaam, d.TermijnStart, d.TermijnEinde });
        }, onleesbaar, ct);

    public Task<Dossier> AfsluitingAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, AfsluitingInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        SchrijfAsync(user, id, versie, (d, check) =>
        {
            var reden = check.Verplicht(check.Woord<AfsluitingReden>(invoer.Reden, "reden"), "reden");
            var datum = check.Verplicht(invoer.Datum, "datum");
            check.Klaar();
            d.SluitAf(reden, datum);
            return (Gebeurtenissen.Afgesloten, invoer);
        }, onleesbaar, ct);

    async Task<int> IDossierMijlpalen.OverdrachtAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, OverdrachtInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        (await OverdrachtAsync(user, id, versie, invoer, onleesbaar, ct)).Versie;

    async Task<int> IDossierMijlpalen.KennismakingAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, KennismakingInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        (await KennismakingAsync(user, id, versie, invoer, onleesbaar, ct)).Versie;

    async Task<int> IDossierMijlpalen.ScenarioAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, ScenarioInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        (await ScenarioAsync(user, id, versie, invoer, onleesbaar, ct)).Versie;

    async Task<int> IDossierMijlpalen.BredeIntakeAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, BredeIntakeInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        (await BredeIntakeAsync(user, id, versie, invoer, onleesbaar, ct)).Versie;

    async Task<int> IDossierMijlpalen.PipAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, PipInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        (await PipAsync(user, id, versie, invoer, onleesbaar, ct)).Versie;

    async Task<int> IDossierMijlpalen.HuisvestingAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, HuisvestingInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        (await HuisvestingAsync(user, id, versie, invoer, onleesbaar, ct)).Versie;

    async Task<int> IDossierMijlpalen.ActiviteitAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, ActiviteitInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        (await ActiviteitAsync(user, id, versie, invoer, onleesbaar, ct)).Versie;

    async Task<int> IDossierMijlpalen.ActiviteitGestartAsync(ClaimsPrincipal user, Guid id, Guid activiteitId, Versievoorwaarde versie, ActiviteitStartInvoer invoer,
        Onleesbaar? onleesbaar, CancellationToken ct) => (await ActiviteitGestartAsync(user, id, activiteitId, versie, invoer, onleesbaar, ct)).Versie;

    async Task<int> IDossierMijlpalen.VerblijvenAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, VerblijvenInvoer invoer,
        Onleesbaar? onleesbaar, CancellationToken ct) => (await VerblijvenAsync(user, id, versie, invoer, onleesbaar, ct)).Versie;

    async Task<int> IDossierMijlpalen.VoegVerblijfToeAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, VerblijfInvoer invoer,
        Onleesbaar? onleesbaar, CancellationToken ct) => (await VoegVerblijfToeAsync(user, id, versie, invoer, onleesbaar, ct)).Versie;

    async Task<int> IDossierMijlpalen.VerlengingsverklaringAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, VerlengingsverklaringInvoer invoer,
        Onleesbaar? onleesbaar, CancellationToken ct) => (await VerlengingsverklaringAsync(user, id, versie, invoer, onleesbaar, ct)).Versie;

    async Task<int> IDossierMijlpalen.VoortgangsgesprekAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, VoortgangsgesprekInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        (await VoortgangsgesprekAsync(user, id, versie, invoer, onleesbaar, ct)).Versie;

    async Task<int> IDossierMijlpalen.TermijnverlengingAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, TermijnverlengingInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        (await TermijnverlengingAsync(user, id, versie, invoer, onleesbaar, ct)).Versie;

    async Task<int> IDossierMijlpalen.VraagPipCorrectieAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, PipCorrectieInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        (await VraagPipCorrectieAsync(user, id, versie, invoer, onleesbaar, ct)).Versie;

    async Task<int> IDossierMijlpalen.BeoordeelPipCorrectieAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, PipCorrectieBeoordeling invoer, CancellationToken ct) =>
        (await BeoordeelPipCorrectieAsync(user, id, versie, invoer, null, ct)).Versie;

    async Task<int> IDossierMijlpalen.AfsluitingAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, AfsluitingInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct) =>
        (await AfsluitingAsync(user, id, versie, invoer, onleesbaar, ct)).Versie;

    private Task<Dossier> SchrijfAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, Func<Dossier, Invoer, (string Gebeurtenis, object Gegevens)> wijziging,
        Onleesbaar? onleesbaar, CancellationToken ct) => SchrijfAsync(user, id, versie, null, wijziging, onleesbaar, ct);

    /// <param name="voorbereiding">Reads what the change needs, once the right, the dossier and its version are known.</param>
    private async Task<Dossier> SchrijfAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, Func<Dossier, Task>? voorbereiding,
        Func<Dossier, Invoer, (string Gebeurtenis, object Gegevens)> wijziging, Onleesbaar? onleesbaar, CancellationToken ct)
    {
        var dossier = await lezer.LaadVoorWijzigingAsync(user, id, versie, ct);
        if (voorbereiding is not null)
        {
            await voorbereiding(dossier);
        }

        var check = new Invoer(DossierFouten.Validatie, onleesbaar?.Velden);
        var (gebeurtenis, gegevens) = PasToe(dossier, check, wijziging);
        check.Klaar();
        await werkplaats.BewaarAsync(dossier, gebeurtenis, gegevens, DossierWerkplaats.ActorVan(user), ct);
        return dossier;
    }

    /// <summary>A rule judged on input that was itself invalid says nothing: the invalid fields are the answer then.</summary>
    private static (string Gebeurtenis, object Gegevens) PasToe(Dossier dossier, Invoer check, Func<Dossier, Invoer, (string, object)> wijziging)
    {
        try
        {
            return wijziging(dossier, check);
        }
        catch (RuleViolationException) when (check.HeeftFouten)
        {
            check.Klaar();
            throw;
        }
    }

    private void LegGezondheidVast(Dossier dossier, GezondheidsInformatie? bestaand, string tekst, ClaimsPrincipal user)
    {
        if (bestaand is null)
        {
            werkplaats.VoegToe(new GezondheidsInformatie(dossier.Id, tekst, werkplaats.Nu));
        }
        else
        {
            bestaand.Wijzig(tekst, werkplaats.Nu);
        }

        werkplaats.LogSchrijven(DossierWerkplaats.ActorVan(user), "gezondheid", [dossier.Id]);
    }
}
