using Inburgering.Modules.Auditing.Contracts;
using Inburgering.Modules.Dossiers.Data.Sql;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Bewaren;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Dossiers.Features.Rechten;

/// <summary>The national retention defaults of the Dossiers module; a gemeente sets its own versions through the beheer API.</summary>
internal static class Bewaarnormen
{
    public const string DossierNaAfsluiting = "bewaren.dossier-na-afsluiting";
    public const string GezondheidNaPip = "bewaren.gezondheid-na-pip";
    public const string OmkoppelingNaAfhandeling = "bewaren.omkoppeling-na-afhandeling";

    public static IReadOnlyList<BeleidsparameterDefinitie> Alle { get; } =
    [
        BeleidsparameterDefinitie.Maanden(DossierNaAfsluiting, 60, "Zoveel maanden na de afsluiting (of het einde van de termijn) wordt het dossier geanonimiseerd: namen, nummers en vrije tekst verdwijnen, de datums en keuzes voor de cijfers blijven.",
            "Wet inburgering 2021 (5 jaar), afwijkend van de Selectielijst 2020", maximum: 240),
        BeleidsparameterDefinitie.Maanden(GezondheidNaPip, 24, "Zoveel maanden na het eerste PIP worden de gezondheidsgegevens van de brede intake vernietigd.", "Productstandaard; AVG art. 5 lid 1 sub c en e", maximum: 120),
        BeleidsparameterDefinitie.Dagen(OmkoppelingNaAfhandeling, 90, "Zoveel dagen na de afhandeling wordt een geweigerd of ingetrokken aanbod tot omkoppeling vernietigd.", "Productstandaard; AVG art. 5 lid 1 sub e", maximum: 3650),
    ];

    /// <summary>Who carries out a retention rule: the product itself, for the gemeente.</summary>
    public static Actor Actor(Guid gemeente) => new("systeem:bewaartermijn", "Bewaartermijn", gemeente);
}

/// <summary>A closed dossier past its retention period is anonymised; its tijdlijn, health, signals and letters go.</summary>
internal sealed class DossierAnonimisering(DossierWerkplaats werkplaats, IBeleidsregels regels, IVernietigingsregister register, Bestanden.IBestandsopslag bestanden)
    : IBewaarstap
{
    public const string Soort = "dossier-anonimiseren";

    public async Task<IReadOnlyList<TeVernietigen>> PlanAsync(DateOnly vandaag, CancellationToken ct)
    {
        var maanden = (await regels.VanGemeenteAsync(ct)).Waarde(Bewaarnormen.DossierNaAfsluiting, vandaag);
        var grens = vandaag.AddMonths(-maanden);
        var rijen = await Kandidaten(grens).Select(d => new { d.Id, Datum = d.AfsluitingDatum ?? d.TermijnEinde }).ToListAsync(ct);
        return [.. rijen.Select(r => new TeVernietigen(Soort, r.Id, $"Afgesloten op {r.Datum:yyyy-MM-dd}; bewaartermijn {maanden} maanden"))];
    }

    public async Task<bool> VoerUitAsync(TeVernietigen item, DateOnly vandaag, CancellationToken ct)
    {
        var grens = vandaag.AddMonths(-(await regels.VanGemeenteAsync(ct)).Waarde(Bewaarnormen.DossierNaAfsluiting, vandaag));
        if (!await Kandidaten(grens).AnyAsync(d => d.Id == item.ObjectId, ct))
        {
            return false;
        }

        var dossier = await werkplaats.LaadAsync(item.ObjectId, ct);
        await bestanden.VergeetVanDossierAsync(dossier.Id, ct);
        var nu = werkplaats.Nu;
        dossier.Anonimiseer(nu);
        dossier.Gewijzigd(nu);
        werkplaats.LogSchrijven(Bewaarnormen.Actor(werkplaats.Gemeente), "bewaartermijn", [dossier.Id]);
        await werkplaats.InEenTransactieAsync(async (verbinding, transactie) =>
        {
            await BewaarSql.WisNaAnonimiseringAsync(verbinding, transactie, dossier.Id, ct);
            await register.SchrijfInTransactieAsync(verbinding, transactie, werkplaats.Gemeente, new Vernietiging(Soort, dossier.Id, item.Grond, nu), ct);
        }, null, ct);
        return true;
    }

    private IQueryable<Dossier> Kandidaten(DateOnly grens) => werkplaats.Lees.Dossiers.Where(d => d.GeanonimiseerdOp == null && d.BewaarplichtSinds == null
        && ((d.AfsluitingDatum != null && d.AfsluitingDatum < grens) || (d.AfsluitingDatum == null && d.TermijnEinde != null && d.TermijnEinde < grens)));
}

/// <summary>Health from the brede intake is destroyed earlier than the dossier: a set time after the first PIP.</summary>
internal sealed class GezondheidVernietiging(DossierWerkplaats werkplaats, IBeleidsregels regels, IVernietigingsregister register) : IBewaarstap
{
    public const string Soort = "gezondheid-vernietigen";

    public async Task<IReadOnlyList<TeVernietigen>> PlanAsync(DateOnly vandaag, CancellationToken ct)
    {
        var maanden = (await regels.VanGemeenteAsync(ct)).Waarde(Bewaarnormen.GezondheidNaPip, vandaag);
        var rijen = await Kandidaten(vandaag.AddMonths(-maanden)).ToListAsync(ct);
        return [.. rijen.Select(r => new TeVernietigen(Soort, r.DossierId, $"Eerste PIP op {r.Dagtekening:yyyy-MM-dd}; bewaartermijn {maanden} maanden"))];
    }

    public async Task<bool> VoerUitAsync(TeVernietigen item, DateOnly vandaag, CancellationToken ct)
    {
        var grens = vandaag.AddMonths(-(await regels.VanGemeenteAsync(ct)).Waarde(Bewaarnormen.GezondheidNaPip, vandaag));
        if (!await Kandidaten(grens, item.ObjectId).AnyAsync(ct))
        {
            return false;
        }

        var gezondheid = await werkplaats.GezondheidVoorWijziging.SingleAsync(g => g.DossierId == item.ObjectId, ct);
        werkplaats.Verwijder(gezondheid);
        var nu = werkplaats.Nu;
        werkplaats.LogSchrijven(Bewaarnormen.Actor(werkplaats.Gemeente), "bewaartermijn", [item.ObjectId]);
        await werkplaats.InEenTransactieAsync((verbinding, transactie) =>
            register.SchrijfInTransactieAsync(verbinding, transactie, werkplaats.Gemeente, new Vernietiging(Soort, item.ObjectId, item.Grond, nu), ct), null, ct);
        return true;
    }

    private IQueryable<Kandidaat> Kandidaten(DateOnly grens, Guid? alleen = null)
    {
        var gehouden = werkplaats.Lees.Dossiers.Where(d => d.BewaarplichtSinds != null).Select(d => d.Id);
        var metGezondheid = werkplaats.Lees.Gezondheid.Select(g => g.DossierId);
        return werkplaats.Lees.PipVersies
            .Where(p => p.Nummer == 1 && p.Dagtekening < grens && metGezondheid.Contains(p.DossierId) && !gehouden.Contains(p.DossierId))
            .Where(p => alleen == null || p.DossierId == alleen)
            .Select(p => new Kandidaat(p.DossierId, p.Dagtekening));
    }

    private sealed record Kandidaat(Guid DossierId, DateOnly Dagtekening);
}

/// <summary>A declined or withdrawn offer holds a name and a V-nummer for nothing once it is settled: destroyed after a short time.</summary>
internal sealed class OmkoppelingOpruiming(DossierWerkplaats werkplaats, IBeleidsregels regels, IVernietigingsregister register) : IBewaarstap
{
    public const string Soort = "omkoppeling-vernietigen";

    public async Task<IReadOnlyList<TeVernietigen>> PlanAsync(DateOnly vandaag, CancellationToken ct)
    {
        var dagen = (await regels.VanGemeenteAsync(ct)).Waarde(Bewaarnormen.OmkoppelingNaAfhandeling, vandaag);
        var grens = Platform.Tijd.Kalender.BeginVan(vandaag.AddDays(-dagen));
        var gemeente = werkplaats.Gemeente;
        var rijen = await werkplaats.Lees.Omkoppelingen
            .Where(o => o.BronGemeenteId == gemeente && (o.Status == OmkoppelingStatus.Geweigerd || o.Status == OmkoppelingStatus.Ingetrokken) && o.AfgehandeldOp < grens)
            .Select(o => new { o.Id, o.AfgehandeldOp }).ToListAsync(ct);
        return [.. rijen.Select(r => new TeVernietigen(Soort, r.Id, $"Afgehandeld op {Platform.Tijd.Kalender.Lokaal(r.AfgehandeldOp!.Value):yyyy-MM-dd}; bewaartermijn {dagen} dagen"))];
    }

    public async Task<bool> VoerUitAsync(TeVernietigen item, DateOnly vandaag, CancellationToken ct)
    {
        var grens = Platform.Tijd.Kalender.BeginVan(vandaag.AddDays(-(await regels.VanGemeenteAsync(ct)).Waarde(Bewaarnormen.OmkoppelingNaAfhandeling, vandaag)));
        var nu = werkplaats.Nu;
        var gedaan = false;
        await werkplaats.InEenTransactieAsync(async (verbinding, transactie) =>
        {
            gedaan = await BewaarSql.VernietigOmkoppelingAsync(verbinding, transactie, item.ObjectId, grens, ct);
            if (gedaan)
            {
                await register.SchrijfInTransactieAsync(verbinding, transactie, werkplaats.Gemeente, new Vernietiging(Soort, item.ObjectId, item.Grond, nu), ct);
            }
        }, null, ct);
        return gedaan;
    }
}
