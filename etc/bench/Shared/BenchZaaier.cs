// Dossiers at every stage, written straight into the tables with COPY: the benchmarks' and the reliability run's data.
using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

internal static class BenchZaaier
{
    /// <summary>A realistic spread of stages, with dates relative to today: fresh koppelingen, KMG and scenario, brede intake, PIP and termijn.</summary>
    /// <remarks>
    /// <paramref name="achternaam"/> starts every surname (a tenant's canary in the reliability run); with
    /// <paramref name="tijdlijn"/> each dossier gets the tijdlijn events of its dates, written as history is: without the
    /// outbox triggers, which would announce two years of events at once.
    /// </remarks>
    public static async Task<List<Guid>> SeedAsync(string admin, Guid tenant, int count, string achternaam = "Haddad", bool tijdlijn = false)
    {
        var random = new Random(tenant.GetHashCode());
        var today = DateOnly.FromDateTime(DateTime.Today);
        var ids = new List<Guid>(count);
        var pips = new List<(Guid Dossier, DateOnly Dagtekening, DateOnly? OntzorgenStart)>();
        var taalles = new List<(Guid Dossier, DateOnly Start)>();
        var gesprekken = new List<(Guid Dossier, DateOnly Datum)>();
        var gebeurtenissen = new List<(Guid Dossier, DateOnly Datum, string Soort)>();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY dossiers.dossiers (id, tenant_id, v_nummer, voornamen, achternaam, geboortedatum, geslacht, land_van_herkomst, talen, doelgroep,
              huishouden_id, huishouden_grootte, vergunningdatum, koppelingsdatum, klantregisseur_id, fase, versie, aangemaakt_op, gewijzigd_op,
              overdracht, kennismakingsgesprek, scenario, brede_intake, kennisgeving_duo, brp_inschrijving, termijn_start, termijn_einde,
              woning_toegewezen, huurcontract_ingang, verhuisdatum, verblijfsdocument_ontvangen)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < count; i++)
            {
                var id = Guid.CreateVersion7();
                ids.Add(id);
                var stage = random.Next(100) switch { < 20 => 0, < 35 => 1, < 50 => 2, _ => 3 };
                var koppeling = stage switch
                {
                    0 => today.AddDays(-random.Next(0, 40)),
                    1 => today.AddDays(-random.Next(20, 90)),
                    2 => today.AddDays(-random.Next(60, 200)),
                    _ => today.AddDays(-random.Next(200, 1100)),
                };
                var kmg = Feit(stage >= 1 ? koppeling.AddDays(random.Next(3, 20)) : null);
                var besluit = stage >= 1 && random.Next(10) > 0 ? kmg : null;
                var scenario = random.Next(3) + 1;
                var biStart = Feit(stage >= 2 ? koppeling.AddDays(random.Next(25, 50)) : null);
                var biEinde = Feit(stage >= 3 || (stage == 2 && random.Next(2) == 0) ? biStart?.AddDays(random.Next(30, 60)) : null);
                var verhuis = Feit(stage >= 2 && random.Next(4) > 0 ? koppeling.AddDays(random.Next(60, 160)) : null);
                var pip = Feit(stage >= 3 ? biEinde!.Value.AddDays(random.Next(5, 30)) : null);
                gebeurtenissen.Add((id, koppeling, "dossier.aangemaakt"));
                if (kmg is { } gehouden)
                {
                    gebeurtenissen.Add((id, gehouden, "kennismakingsgesprek.vastgelegd"));
                }

                if (biStart is { } intake)
                {
                    gebeurtenissen.Add((id, intake, "brede-intake.vastgelegd"));
                }

                if (pip is { } vastgesteld)
                {
                    gebeurtenissen.Add((id, vastgesteld, "pip.vastgesteld"));
                }
                if (pip is { } dagtekening)
                {
                    pips.Add((id, dagtekening, random.Next(2) == 0 ? verhuis : null));
                    // Language classes that have started; one that has yet to start is a plan, which the product does not take.
                    if (random.Next(3) > 0 && dagtekening.AddDays(random.Next(10, 120)) is var start && start < today)
                    {
                        taalles.Add((id, start));
                    }

                    if (random.Next(2) == 0)
                    {
                        gesprekken.Add((id, Feit(dagtekening.AddDays(random.Next(60, 200)))!.Value));
                    }
                }

                await copy.StartRowAsync();
                await copy.WriteAsync(id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(tenant, NpgsqlDbType.Uuid);
                await copy.WriteAsync((1_000_000_000L + i).ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                await copy.WriteAsync("Amal", NpgsqlDbType.Varchar);
                await copy.WriteAsync(achternaam + " " + i.ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                await copy.WriteAsync(today.AddYears(-random.Next(18, 60)), NpgsqlDbType.Date);
                await copy.WriteAsync("Vrouw", NpgsqlDbType.Varchar);
                await copy.WriteAsync("Syrië", NpgsqlDbType.Varchar);
                await copy.WriteAsync(new[] { "Arabisch" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync("Asielstatushouder", NpgsqlDbType.Varchar);
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(1 + random.Next(5), NpgsqlDbType.Integer);
                await copy.WriteAsync(koppeling.AddDays(-10), NpgsqlDbType.Date);
                await copy.WriteAsync(koppeling, NpgsqlDbType.Date);
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(stage switch { 0 => "Gekoppeld", 1 => "ScenarioGekozen", 2 => "BredeIntake", _ => "Inburgering" }, NpgsqlDbType.Varchar);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
                // Created on the koppeling, last written on its latest fact: the history a real gemeente's dossiers have.
                DateOnly?[] feiten = [kmg, biStart, biEinde, verhuis, pip, gesprekken.Count > 0 && gesprekken[^1].Dossier == id ? gesprekken[^1].Datum : null];
                await copy.WriteAsync(Tijdstip(koppeling), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(Tijdstip(feiten.Max() is { } laatste && laatste > koppeling ? laatste : koppeling), NpgsqlDbType.TimestampTz);
                await Json(copy, stage >= 1 || random.Next(2) == 0 ? new { Opleiding = "Mbo", Talen = new[] { "Arabisch" }, VastgelegdOp = DateTime.UtcNow, VastgelegdDoor = "COA" } : null);
                await Json(copy, kmg is { } k ? new { Gehouden = k, Locatie = "Azc", Driegesprek = false } : null);
                await Json(copy, besluit is { } b ? new { Scenario = scenario, Besluitdatum = b, TenzijRedenen = scenario == 3 ? new[] { "reistijd" } : [] } : null);
                await Json(copy, biStart is { } s ? new { Startdatum = s, Einddatum = biEinde } : null);
                await Date(copy, Feit(stage >= 2 ? koppeling.AddDays(random.Next(5, 30)) : null));
                await Date(copy, verhuis);
                await Date(copy, pip?.AddDays(1));
                await Date(copy, pip?.AddDays(1).AddYears(3).AddDays(-1));
                await Date(copy, verhuis?.AddDays(-20));
                await Date(copy, verhuis?.AddDays(-5));
                await Date(copy, verhuis);
                await Date(copy, verhuis is null ? null : verhuis.Value.AddDays(-30));
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY dossiers.pip_versies (id, tenant_id, dossier_id, nummer, dagtekening, leerroute, knm, pvt, map, ontzorgen_start, vastgesteld_op, vastgesteld_door) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (dossier, dagtekening, ontzorgen) in pips)
            {
                await copy.WriteRowAsync(default, Guid.CreateVersion7(), tenant, dossier, 1, dagtekening, "B1", true, true, false, (object?)ontzorgen ?? DBNull.Value, DateTime.UtcNow, "Bench");
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY dossiers.activiteiten (id, tenant_id, dossier_id, soort, startdatum) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (dossier, start) in taalles)
            {
                await copy.WriteRowAsync(default, Guid.CreateVersion7(), tenant, dossier, "Taalles", start);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY dossiers.voortgangsgesprekken (id, tenant_id, dossier_id, datum) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (dossier, datum) in gesprekken)
            {
                await copy.WriteRowAsync(default, Guid.CreateVersion7(), tenant, dossier, datum);
            }

            await copy.CompleteAsync();
        }

        if (tijdlijn)
        {
            await using (var replica = new NpgsqlCommand("SET session_replication_role = replica", connection))
            {
                await replica.ExecuteNonQueryAsync();
            }

            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY dossiers.tijdlijn (id, tenant_id, dossier_id, tijdstip, soort, actor_id, actor_naam, organisatie_id, gegevens) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (dossier, datum, soort) in gebeurtenissen)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(tenant, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(dossier, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(new DateTimeOffset(datum.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(soort, NpgsqlDbType.Varchar);
                    await copy.WriteAsync("bench", NpgsqlDbType.Varchar);
                    await copy.WriteAsync("Klantregisseur", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(tenant, NpgsqlDbType.Uuid);
                    await copy.WriteAsync("{}", NpgsqlDbType.Jsonb);
                }

                await copy.CompleteAsync();
            }

            await using (var terug = new NpgsqlCommand("SET session_replication_role = origin", connection))
            {
                await terug.ExecuteNonQueryAsync();
            }
        }

        return ids;

        // What happened lies before today (the product refuses a fact in the future); capping keeps every order of dates.
        DateOnly? Feit(DateOnly? datum) => datum is { } d && d >= today ? today.AddDays(-1) : datum;

        // A dossier coupled today was written an hour ago at the latest: never after the run starts.
        static DateTime Tijdstip(DateOnly dag) =>
            dag.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc) is var tijdstip && tijdstip < DateTime.UtcNow.AddHours(-1) ? tijdstip : DateTime.UtcNow.AddHours(-1);

        static Task Json(NpgsqlBinaryImporter copy, object? value) =>
            value is null ? copy.WriteNullAsync() : copy.WriteAsync(JsonSerializer.Serialize(value), NpgsqlDbType.Jsonb);

        static Task Date(NpgsqlBinaryImporter copy, DateOnly? value) =>
            value is { } d ? copy.WriteAsync(d, NpgsqlDbType.Date) : copy.WriteNullAsync();
    }
}
