using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Infrastructure;
using Inburgering.Modules.Dossiers.Data.Sql;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Signalen;
using Inburgering.Modules.Dossiers.Jobs;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Data.ReferenceData;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Data;
using Inburgering.Platform.Tenancy;
using Inburgering.Platform.Tijd;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inburgering.IntegrationTests.Dossiers;

/// <summary>
/// Small batches and a quick job poll, so a sweep spans many transactions and Hangfire answers within a second. The
/// clock starts in the morning, so the hours a test moves it stay on the same day.
/// </summary>
public sealed class SignaalSweepFixture : AppFixture
{
    protected override TimeOnly? StartTijd => new(9, 0);

    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
    {
        ["Signalen:Batchgrootte"] = "25",
        ["Jobs:QueuePollInterval"] = "00:00:01",
    };
}

/// <summary>The sweep as the worker runs it: crash-safe batches, Hangfire fan-out in groups of gemeenten (a failing one on its own), and who may start or watch it.</summary>
public sealed class SignaalSweepTests(SignaalSweepFixture app) : IClassFixture<SignaalSweepFixture>
{
    private DateOnly Vandaag => Kalender.Vandaag(app.Clock);

    [Fact]
    public async Task A_sweep_interrupted_half_way_and_run_again_leaves_exactly_what_a_clean_run_leaves()
    {
        // 60 dossiers with four overdue gaps each (overdracht, kennismaking, huisvesting, DUO kennisgeving): 240 signals, written 25 per transaction.
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var ids = new List<Guid>();
        for (var i = 0; i < 60; i++)
        {
            ids.Add((await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-100)))).Verwacht(HttpStatusCode.Created).Id);
        }

        await DossierTabellen.WachtOpSignaalWachtrijAsync(app);
        var lijst = string.Join(',', ids.Select(id => $"'{id}'"));
        await DossierTabellen.VoerUitAlsGemeenteAsync(app, AppFixture.TenantA, $"delete from dossiers.signalen where dossier_id in ({lijst})");

        // The batch with the last dossier fails inside its transaction, as a killed job or a lost connection would.
        var laatste = ids.Max();
        await VoerUitAlsEigenaarAsync($"""
            create function dossiers.storing_halverwege() returns trigger language plpgsql as $$
            begin if new.dossier_id = '{laatste}' then raise exception 'storing halverwege'; end if; return new; end $$;
            create trigger storing_halverwege before insert on dossiers.signalen for each row execute function dossiers.storing_halverwege();
            """);
        await Assert.ThrowsAsync<PostgresException>(() => EvalueerAsync());
        var halverwege = await AantalAsync(lijst);
        Assert.InRange(halverwege, 1, 239);
        await VoerUitAlsEigenaarAsync("drop trigger storing_halverwege on dossiers.signalen; drop function dossiers.storing_halverwege();");

        await EvalueerAsync();
        await EvalueerAsync();
        var naHerstart = await MomentopnameAsync(lijst);
        Assert.Equal(240, await AantalAsync(lijst));

        await DossierTabellen.VoerUitAlsGemeenteAsync(app, AppFixture.TenantA, $"delete from dossiers.signalen where dossier_id in ({lijst})");
        await EvalueerAsync();
        Assert.Equal(240, await AantalAsync(lijst));
        Assert.Equal(await MomentopnameAsync(lijst), naHerstart);
    }

    [Fact]
    public async Task The_platform_beheerder_starts_an_evaluation_that_Hangfire_fans_out_to_every_active_gemeente_with_ids_only()
    {
        var (inA, inB) = await ZonderSignalenInAlmeloEnEnschedeAsync();

        var beheerder = await app.IntegrationAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder);
        Assert.Equal(HttpStatusCode.Forbidden, (await beheerder.PostAsJsonAsync("/api/v1/beheer/signalen/evaluatie", new { })).StatusCode);

        var platform = await app.IntegrationAsync(TenancySeeder.PlatformId, Roles.PlatformBeheerder);
        var onbekend = await Antwoord.VanAsync(await platform.PostAsJsonAsync("/api/v1/beheer/signalen/evaluatie", new { organisatieId = TenancySeeder.PlatformId }));
        onbekend.Verwacht(HttpStatusCode.BadRequest);
        Assert.Equal(["organisatieId"], onbekend.Velden);

        var gestart = await Antwoord.VanAsync(await platform.PostAsJsonAsync("/api/v1/beheer/signalen/evaluatie", new { }));
        gestart.Verwacht(HttpStatusCode.Accepted);
        Assert.Single(gestart.Json.GetProperty("jobs").EnumerateArray());

        Assert.True(await WachtOpAsync(AppFixture.TenantA, inA), "Hangfire did not evaluate Almelo");
        Assert.True(await WachtOpAsync(AppFixture.TenantB, inB), "Hangfire did not evaluate Enschede");

        // The fan-out job and one job per group of gemeenten; their arguments and parameters hold ids, no personal data.
        await using var connection = await AppFixture.OpenAsync(app.Database.Owner);
        await using var command = new NpgsqlCommand("select j.invocationdata::text || ' ' || j.arguments::text || ' ' || coalesce(string_agg(p.name || '=' || p.value, ' '), '') from hangfire.job j left join hangfire.jobparameter p on p.jobid = j.id group by j.id", connection);
        var jobs = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                jobs.Add(reader.GetString(0));
            }
        }

        Assert.Contains(jobs, j => j.Contains("SignaalSweep", StringComparison.Ordinal));
        Assert.Contains(jobs, j => j.Contains(AppFixture.TenantB.ToString(), StringComparison.Ordinal) && j.Contains("SignaalGroepJob", StringComparison.Ordinal));
        Assert.All(jobs, j => Assert.DoesNotContain("Haddad", j, StringComparison.Ordinal));
        Assert.All(jobs, j => Assert.DoesNotContain("Amal", j, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_gemeente_whose_evaluation_fails_gets_a_job_of_its_own_and_the_rest_of_its_group_is_still_evaluated()
    {
        var (inA, inB) = await ZonderSignalenInAlmeloEnEnschedeAsync();
        var voor = await AppFixture.ScalarAsync<long>(app.Database.Admin, "select coalesce(max(id), 0) from hangfire.job");

        // Enschede's evaluation fails once, as a lost connection would; Almelo comes after it in the group.
        await VoerUitAlsEigenaarAsync($"""
            create sequence dossiers.storing_enschede_teller;
            create function dossiers.storing_enschede() returns trigger language plpgsql security definer as $$
            begin if new.tenant_id = '{AppFixture.TenantB}' and nextval('dossiers.storing_enschede_teller') = 1 then raise exception 'storing in Enschede'; end if; return new; end $$;
            create trigger storing_enschede before insert on dossiers.signalen for each row execute function dossiers.storing_enschede();
            """);
        try
        {
            await using var host = app.TenantScope.EnterHost();
            await host.ServiceProvider.GetRequiredService<SignaalGroepJob>().EvalueerAsync([AppFixture.TenantB, AppFixture.TenantA], volledig: false, CancellationToken.None);
        }
        finally
        {
            await VoerUitAlsEigenaarAsync("drop trigger storing_enschede on dossiers.signalen; drop function dossiers.storing_enschede(); drop sequence dossiers.storing_enschede_teller;");
        }

        Assert.True(await DossierTabellen.AantalAsync(app, AppFixture.TenantA, $"dossiers.signalen where dossier_id = '{inA}' and soort = 'OverdrachtOntbreekt'") > 0,
            "Almelo was not evaluated after Enschede failed");
        var eigen = await AppFixture.ScalarAsync<long>(app.Database.Admin, $"""
            select count(*) from hangfire.job j join hangfire.jobparameter p on p.jobid = j.id
            where j.id > {voor} and j.invocationdata::text like '%SignaalGemeenteJob%' and p.name = 'tenant' and p.value like '%{AppFixture.TenantB}%'
            """);
        Assert.Equal(1, eigen);
        Assert.True(await WachtOpAsync(AppFixture.TenantB, inB), "Enschede's own job did not evaluate it");
    }

    [Fact]
    public async Task A_later_sweep_on_the_same_day_looks_only_at_dossiers_written_since_and_a_new_day_or_norm_looks_at_all()
    {
        var ouder = await NieuwAsync(AppFixture.TenantA);
        await DossierTabellen.WachtOpSignaalWachtrijAsync(app);

        // Past what this class wrote at the fixture's start, and past the sweep's overlap.
        app.Clock.Advance(TimeSpan.FromMinutes(15));
        var alles = await SweepAsync(volledig: true);
        Assert.True(alles.Volledig);
        var aantal = await DossierTabellen.AantalAsync(app, AppFixture.TenantA, "dossiers.dossiers");
        Assert.Equal(aantal, alles.Dossiers);

        // A dossier written through the product after the full sweep is looked at by the later ones, and only that dossier.
        var nieuw = await NieuwAsync(AppFixture.TenantA);
        await DossierTabellen.WachtOpSignaalWachtrijAsync(app);
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        var later = await SweepAsync(volledig: false);
        Assert.False(later.Volledig);
        Assert.Equal(1, later.Dossiers);

        // Signals removed behind the product's back (a repair in the database) come back only with a full sweep.
        await DossierTabellen.VoerUitAlsGemeenteAsync(app, AppFixture.TenantA, $"delete from dossiers.signalen where dossier_id = '{ouder}'");
        var nogLater = await SweepAsync(volledig: false);
        Assert.Equal((false, 1, 0), (nogLater.Volledig, nogLater.Dossiers, nogLater.Verhoogd));
        Assert.Equal(0, await DossierTabellen.AantalAsync(app, AppFixture.TenantA, $"dossiers.signalen where dossier_id = '{ouder}'"));
        var hersteld = await SweepAsync(volledig: true);
        Assert.True(hersteld.Verhoogd > 0);
        Assert.True(await DossierTabellen.AantalAsync(app, AppFixture.TenantA, $"dossiers.signalen where dossier_id = '{ouder}' and opgelost_op is null") > 0);

        // A new norm of the gemeente, even one from tomorrow on, and a new day: every dossier again.
        var beheer = await app.IntegrationAsync(AppFixture.TenantA, Roles.FunctioneelBeheerder);
        (await Antwoord.VanAsync(await beheer.PostAsJsonAsync("/api/v1/beheer/beleid/kennismaking.na-koppeling/versies",
            new { waarde = 21, geldigVanaf = Vandaag.AddDays(1), toelichting = "Meer tijd voor een gesprek met tolk" }))).Verwacht(HttpStatusCode.Created);
        Assert.True((await SweepAsync(volledig: false)).Volledig);
        Assert.False((await SweepAsync(volledig: false)).Volledig);
        app.Clock.Advance(TimeSpan.FromDays(1));
        var morgen = await SweepAsync(volledig: false);
        Assert.True(morgen.Volledig);
        Assert.Equal(aantal + 1, morgen.Dossiers);
    }

    [Fact]
    public async Task An_evaluation_that_meets_a_deletion_in_progress_waits_for_it_and_leaves_no_signal_of_the_deleted_dossier()
    {
        var dossier = await NieuwAsync(AppFixture.TenantA);
        var ander = await NieuwAsync(AppFixture.TenantA);
        await DossierTabellen.WachtOpSignaalWachtrijAsync(app);
        await DossierTabellen.VoerUitAlsGemeenteAsync(app, AppFixture.TenantA, $"delete from dossiers.signalen where dossier_id in ('{dossier}', '{ander}')");
        var teamleider = await app.DossierApiAsync(AppFixture.TenantA, Roles.Teamleider);
        var verzoek = (await Antwoord.VanAsync(await teamleider.Client.PostAsJsonAsync($"/api/v1/dossiers/{dossier}/verwijderverzoek",
            new { reden = "dubbel", toelichting = "Tweede registratie" }))).Verwacht(HttpStatusCode.Created).Id;

        // The second person's yes runs, and has not committed yet, while the evaluation reads the dossier and raises for it.
        await using var verwijdering = await AppFixture.OpenAsync(app.Database.Owner);
        await using var transactie = await verwijdering.BeginTransactionAsync();
        await using (var vernietig = new NpgsqlCommand(
            $"select set_config('app.tenant_id', '{AppFixture.TenantA}', true); select dossiers.vernietig_dossier('{verzoek}', 'tweede', 'Tweede teamleider', now())", verwijdering, transactie))
        {
            await vernietig.ExecuteNonQueryAsync();
        }

        var evaluatie = app.TenantScope.RunAsync(AppFixture.TenantA, scope => scope.GetRequiredService<SignaalEvaluatie>().EvalueerAsync([dossier, ander], CancellationToken.None));
        var gewacht = false;
        for (var poging = 0; poging < 200 && !gewacht && !evaluatie.IsCompleted; poging++)
        {
            gewacht = await AppFixture.ScalarAsync<long>(app.Database.Admin,
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and wait_event = 'advisory' and query like '%pg_advisory_xact_lock_shared(hashtextextended(''dossiers.signalen:''%'") > 0;
            await Task.Delay(50);
        }

        Assert.True(gewacht, "The evaluation did not wait for the deletion's lock on its gemeente's signals");
        await transactie.CommitAsync();

        // The batch finds the gemeente's deletion count moved since it read the facts, and looks its dossiers up: the
        // deleted one gets nothing, the other what it should.
        var resultaat = await evaluatie;
        Assert.Equal(2, resultaat.Dossiers);
        Assert.Equal(0L, await AppFixture.ScalarAsync<long>(app.Database.Admin, $"select count(*) from dossiers.signalen where dossier_id = '{dossier}'"));
        Assert.True(await AppFixture.ScalarAsync<long>(app.Database.Admin, $"select count(*) from dossiers.signalen where dossier_id = '{ander}' and soort = 'OverdrachtOntbreekt'") > 0);
        Assert.Equal(0L, await AppFixture.ScalarAsync<long>(app.Database.Admin, $"select count(*) from dossiers.dossiers where id = '{dossier}'"));
    }

    [Fact]
    public async Task A_batch_that_meets_a_signal_another_evaluation_raised_meanwhile_keeps_that_one_and_raises_the_rest()
    {
        var api = await app.DossierApiAsync(AppFixture.TenantA, Roles.Klantregisseur);
        var al = (await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-100)))).Verwacht(HttpStatusCode.Created).Id;
        var nog = (await api.MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-100)))).Verwacht(HttpStatusCode.Created).Id;
        await DossierTabellen.WachtOpSignaalWachtrijAsync(app);
        var bestaand = await OpenSignalenAsync(al);
        var gewenst = await OpenSignalenAsync(nog);
        Assert.NotEmpty(bestaand);
        Assert.NotEmpty(gewenst);
        await DossierTabellen.VoerUitAlsGemeenteAsync(app, AppFixture.TenantA, $"delete from dossiers.signalen where dossier_id = '{nog}'");

        // This evaluation read no open signals for either dossier; another raised the first one's before it wrote.
        var batch = new SignaalWijzigingen([.. bestaand.Select(g => new NieuwSignaal(al, g)), .. gewenst.Select(g => new NieuwSignaal(nog, g))], [], []);
        await SignaalSql.SchrijfAsync(app.Services.GetRequiredService<DatabaseConnections>().AppDataSource, AppFixture.TenantA, batch, app.Clock.GetUtcNow(), verwijderingen: null, CancellationToken.None);

        Assert.Equal(bestaand.Count, await DossierTabellen.AantalAsync(app, AppFixture.TenantA, $"dossiers.signalen where dossier_id = '{al}'"));
        Assert.Equal(
            gewenst.Select(g => (g.Soort, g.Cyclus)).Order(),
            (await OpenSignalenAsync(nog)).Select(g => (g.Soort, g.Cyclus)).Order());
    }

    private async Task<List<GewenstSignaal>> OpenSignalenAsync(Guid dossier)
    {
        var rijen = await DossierTabellen.AlsGemeenteAsync<string>(app, AppFixture.TenantA, $"""
            select coalesce(string_agg(soort || '|' || cyclus || '|' || ernst || '|' || zichtbaar_vanaf || '|' || vervaldatum, ';'), '')
            from dossiers.signalen where dossier_id = '{dossier}' and opgelost_op is null
            """);
        return [.. rijen.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split('|')).Select(v => new GewenstSignaal(
            Enum.Parse<SignaalSoort>(v[0]), v[1], Enum.Parse<Ernst>(v[2]),
            DateOnly.Parse(v[3], CultureInfo.InvariantCulture), DateOnly.Parse(v[4], CultureInfo.InvariantCulture)))];
    }

    [Fact]
    public async Task Only_a_platform_beheerder_reaches_the_job_dashboard()
    {
        var platform = await app.SignedInBrowserAsync(await app.CreateUserAsync((TenancySeeder.PlatformId, OrganisationKind.Platform, Roles.PlatformBeheerder)));
        var dashboard = await platform.GetAsync("/beheer/taken");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Inburgering: taken", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var klantregisseur = await app.SignedInBrowserAsync(await app.CreateUserAsync((AppFixture.TenantA, OrganisationKind.Gemeente, Roles.Klantregisseur)));
        var geweigerd = await klantregisseur.GetAsync("/beheer/taken");
        Assert.Equal(HttpStatusCode.Redirect, geweigerd.StatusCode);
        Assert.Contains("/account/geen-toegang", geweigerd.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var anoniem = await app.NewBrowser().GetAsync("/beheer/taken");
        Assert.Equal(HttpStatusCode.Redirect, anoniem.StatusCode);
        Assert.Contains("/account/inloggen", anoniem.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private async Task<Guid> NieuwAsync(Guid gemeente) =>
        (await (await app.DossierApiAsync(gemeente, Roles.Klantregisseur)).MaakAanAsync(DossierApi.Nieuw(DossierApi.NieuwVNummer(), Vandaag.AddDays(-30))))
        .Verwacht(HttpStatusCode.Created).Id;

    private Task<EvaluatieResultaat> SweepAsync(bool volledig) =>
        app.TenantScope.RunAsync(AppFixture.TenantA, scope => scope.GetRequiredService<SignaalEvaluatie>().SweepAsync(volledig, CancellationToken.None));

    private Task<EvaluatieResultaat> EvalueerAsync() =>
        app.TenantScope.RunAsync(AppFixture.TenantA, scope => scope.GetRequiredService<SignaalEvaluatie>().EvalueerAsync(null, CancellationToken.None));

    private async Task<int> AantalAsync(string lijst) =>
        (int)await DossierTabellen.AantalAsync(app, AppFixture.TenantA, $"dossiers.signalen where dossier_id in ({lijst})");

    private Task<string> MomentopnameAsync(string lijst) => DossierTabellen.AlsGemeenteAsync<string>(app, AppFixture.TenantA,
        $"select string_agg(dossier_id || ' ' || soort || ' ' || cyclus || ' ' || ernst || ' ' || vervaldatum || ' ' || (opgelost_op is null), ',' order by dossier_id, soort, cyclus) from dossiers.signalen where dossier_id in ({lijst})");

    /// <summary>A new dossier in Almelo and one in Enschede, both without the signals the outbox raised for them.</summary>
    private async Task<(Guid InA, Guid InB)> ZonderSignalenInAlmeloEnEnschedeAsync()
    {
        var inA = await NieuwAsync(AppFixture.TenantA);
        var inB = await NieuwAsync(AppFixture.TenantB);
        await DossierTabellen.WachtOpSignaalWachtrijAsync(app);
        await DossierTabellen.VoerUitAlsGemeenteAsync(app, AppFixture.TenantA, $"delete from dossiers.signalen where dossier_id = '{inA}'");
        await DossierTabellen.VoerUitAlsGemeenteAsync(app, AppFixture.TenantB, $"delete from dossiers.signalen where dossier_id = '{inB}'");
        return (inA, inB);
    }

    private async Task<bool> WachtOpAsync(Guid gemeente, Guid dossier)
    {
        for (var poging = 0; poging < 200; poging++)
        {
            if (await DossierTabellen.AantalAsync(app, gemeente, $"dossiers.signalen where dossier_id = '{dossier}' and soort = 'OverdrachtOntbreekt'") > 0)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }


    private async Task VoerUitAlsEigenaarAsync(string sql)
    {
        await using var connection = await AppFixture.OpenAsync(app.Database.Owner);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
