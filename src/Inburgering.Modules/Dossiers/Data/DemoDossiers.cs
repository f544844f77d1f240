using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Mijlpalen;
using Inburgering.Modules.Dossiers.Features.Signalen;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Data;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.Modules.Dossiers.Data;

/// <summary>
/// Fictional people at every stage, relative to today, so a Development start (and the README screenshots) show a
/// werkvoorraad with signals, COA handovers and a running termijn (Dossiers:SeedDemoDossiers). Idempotent per gemeente.
/// </summary>
internal sealed class DemoDossiers(IConfiguration configuration) : IDataSeeder
{
    public int Order => 20;

    private sealed record Demo(string Voornaam, string Achternaam, string Land, string Taal, int DagenGeleden, bool Toegewezen, int Stap);

    // Stap: 0 gekoppeld, 1 overdracht, 2 KMG gepland, 3 KMG, 4 scenario 3 (tenzij), 5 scenario 1 + brede intake, 6 scenario 2 + brede intake,
    // 7 PIP and moved, 8 brede intake without housing past 84 days, 9 DUO notice past 10 weeks without PIP.
    private static readonly Demo[] Almelo =
    [
        new("Yonas", "Tesfamariam", "Eritrea", "Tigrinya", 3, false, 0),
        new("Nour", "Saleh", "Jemen", "Arabisch", 8, true, 2),
        new("Amira", "Haddad", "Syrië", "Arabisch", 10, true, 1),
        new("Samir", "Khatib", "Syrië", "Arabisch", 20, true, 0),
        new("Hiwet", "Gebru", "Eritrea", "Tigrinya", 25, true, 4),
        new("Farah", "Nouri", "Afghanistan", "Dari", 35, true, 5),
        new("Karim", "Mansour", "Syrië", "Arabisch", 80, true, 9),
        new("Omar", "Yusuf", "Somalië", "Somalisch", 60, true, 6),
        new("Tesfay", "Berhane", "Eritrea", "Tigrinya", 95, true, 8),
        new("Leila", "Ahmadi", "Iran", "Farsi", 130, true, 7),
        new("Dawit", "Haile", "Ethiopië", "Amhaars", 12, false, 3),
    ];

    private static readonly Demo[] Enschede =
    [
        new("Rana", "Aziz", "Syrië", "Koerdisch", 6, true, 0),
        new("Ahmad", "Rahimi", "Afghanistan", "Pashto", 30, true, 6),
    ];

    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Dossiers:SeedDemoDossiers"))
        {
            return;
        }

        var directory = services.GetRequiredService<IOrganisationDirectory>();
        var locaties = (await directory.CoaLocatiesAsync(cancellationToken)).ToDictionary(l => l.Naam, l => l.Id);
        foreach (var (reeks, slug, azc, mensen) in new[] { (1, "almelo", "azc Almelo", Almelo), (2, "enschede", "azc Enschede", Enschede) })
        {
            var gemeente = await directory.FindBySlugAsync(slug, cancellationToken);
            if (gemeente is not { Actief: true })
            {
                continue;
            }

            var klantregisseur = (await services.GetRequiredService<IPeopleDirectory>().MembersAsync(gemeente.Id, Roles.Klantregisseur, cancellationToken)) is [var eerste, ..] ? eerste : null;
            await services.GetRequiredService<TenantScope>().RunAsync(gemeente.Id, async scope =>
            {
                var werkplaats = scope.GetRequiredService<DossierWerkplaats>();
                if (await werkplaats.Lees.Dossiers.AnyAsync(d => d.VNummer.StartsWith("99"), cancellationToken))
                {
                    return;
                }

                var ids = new List<Guid>();
                var nummer = 0;
                foreach (var demo in mensen)
                {
                    ids.Add(await MaakAsync(werkplaats, demo, gemeente.Id, locaties[azc], demo.Toegewezen ? klantregisseur?.Id : null, reeks, ++nummer, cancellationToken));
                }

                await scope.GetRequiredService<SignaalEvaluatie>().EvalueerAsync(ids, cancellationToken);
            });
        }
    }

    private static async Task<Guid> MaakAsync(DossierWerkplaats werkplaats, Demo demo, Guid gemeente, Guid azc, Guid? klantregisseur, int reeks, int nummer, CancellationToken ct)
    {
        var vandaag = werkplaats.Vandaag;
        var k = vandaag.AddDays(-demo.DagenGeleden);
        var actor = new Actor("demo", "Demogegevens", gemeente);
        var kennisgeving = demo.Stap >= 7 ? k.AddDays(-5) : (DateOnly?)null;
        var dossier = new Dossier(Guid.CreateVersion7(werkplaats.Nu), $"99{reeks}{nummer:0000000}",
            null, new Persoon(demo.Voornaam, demo.Achternaam, vandaag.AddYears(-19 - (nummer * 3 % 30)).AddDays(-nummer * 37), nummer % 2 == 0 ? Geslacht.Vrouw : Geslacht.Man,
                demo.Land, [demo.Taal]), Doelgroep.Asielstatushouder, Guid.CreateVersion7(werkplaats.Nu), 1 + (nummer % 3), k.AddDays(-10), k, azc, klantregisseur, werkplaats.Nu);
        if (kennisgeving is not null)
        {
            dossier.WijzigGegevens(new Persoon(dossier.Voornamen, dossier.Achternaam, dossier.Geboortedatum, dossier.Geslacht, dossier.LandVanHerkomst, dossier.Talen),
                null, dossier.Doelgroep, dossier.HuishoudenGrootte, dossier.Vergunningdatum, k, azc, kennisgeving, k);
        }

        werkplaats.VoegToe(dossier);
        werkplaats.LegVast(dossier, Gebeurtenissen.Aangemaakt, new { dossier.VNummer }, actor);
        var check = new Invoer(DossierFouten.Validatie);
        if (demo.Stap >= 1)
        {
            dossier.LegOverdrachtVast(new OverdrachtInvoer("Middelbare school afgerond", "Werkte in de bouw", [demo.Taal, "Engels"], null, true, "Taalcafé in het azc, twee keer per week",
                null, null, "Doordeweeks overdag", demo.Stap % 2 == 0, k.AddDays(2)).Lees(check, werkplaats.Nu, "COA casemanager"));
            werkplaats.LegVast(dossier, Gebeurtenissen.Overdracht, new { }, actor with { Naam = "COA casemanager" });
        }

        if (demo.Stap == 2)
        {
            dossier.LegKennismakingVast(new KennismakingInvoer(werkplaats.Nu.AddDays(3), null, "azc", true).Lees(check));
            werkplaats.LegVast(dossier, Gebeurtenissen.Kennismaking, new { }, actor);
        }

        if (demo.Stap >= 3)
        {
            var kmg = k.AddDays(Math.Min(9, demo.DagenGeleden - 1));
            dossier.LegKennismakingVast(new KennismakingInvoer(null, kmg, "azc", true).Lees(check));
            werkplaats.LegVast(dossier, Gebeurtenissen.Kennismaking, new { }, actor);
            if (demo.Stap >= 4)
            {
                var scenario = demo.Stap switch { 4 => 3, 5 => 1, _ => 2 };
                string[] redenen = scenario == 3 ? ["gat-tot-verhuizing", "reistijd"] : [];
                var keuze = new ScenarioInvoer(scenario, kmg, redenen, scenario == 3 ? "Verhuist binnen vier weken; de aanbieder zit ver van het azc." : null).Lees(check);
                keuze.JaTenzij = true;
                dossier.KiesScenario(keuze);
                werkplaats.LegVast(dossier, Gebeurtenissen.Scenario, new { scenario }, actor);
            }

            if (demo.Stap >= 5)
            {
                dossier.LegBredeIntakeVast(new BredeIntakeInvoer("Taalschool Twente", kmg.AddDays(7), null, null, null, null, null, null).Lees(check));
                werkplaats.LegVast(dossier, Gebeurtenissen.BredeIntake, new { }, actor);
            }

            if (demo.Stap == 7)
            {
                dossier.LegHuisvestingVast(k.AddDays(50), k.AddDays(60), k.AddDays(62), k.AddDays(20));
                werkplaats.LegVast(dossier, Gebeurtenissen.Huisvesting, new { }, actor);
                dossier.StelPipVast(k.AddDays(70), Leerroute.B1, true, true, true, null, null, null, werkplaats.Nu, actor.Naam);
                werkplaats.LegVast(dossier, Gebeurtenissen.Pip, new { }, actor);
            }
        }

        check.Klaar();
        await werkplaats.WerkCoaVerblijfBijAsync(dossier, ct);
        await werkplaats.SlaOpAsync(ct);
        return dossier.Id;
    }
}
