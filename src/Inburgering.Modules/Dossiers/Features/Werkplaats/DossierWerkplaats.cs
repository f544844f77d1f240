using System.Security.Claims;
using System.Text.Json;
using Inburgering.Modules.Auditing.Contracts;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Data;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inburgering.Modules.Dossiers.Features.Werkplaats;

/// <summary>
/// The dossier store, the one way dossier data is read and stored: 404 outside the tenant, If-Match against the
/// version, every rule checked on the whole state, then one transaction with the change, its tijdlijn event, the
/// processing-log entry, COA's routing row and the signal outbox row. Its database context is never handed out:
/// reads get untracked queries (<see cref="Lees"/>), changes go through the verbs below, so the history and outbox
/// guarantees hold by construction. A refused write stores nothing.
/// </summary>
internal sealed class DossierWerkplaats(IServiceProvider services, ICurrentTenant tenant, TimeProvider time, IVerwerkingslog logboek)
{
    private readonly List<Verwerking> _schrijven = [];

    private DossiersDbContext? _db;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The part of the product that sets and lifts a restriction: the one write a restricted dossier takes.</summary>
    public const string Beperking = "beperking";

    /// <summary>Created on first use: the caseload page reads without it.</summary>
    private DossiersDbContext Db => _db ??= services.GetRequiredService<DossiersDbContext>();

    /// <summary>Untracked queries of the active gemeente's data: nothing read here can be stored by accident.</summary>
    public DossierLeesbron Lees => new(Db);

    /// <summary>Tracked rows a use case changes, stored by <see cref="SlaOpAsync"/> or <see cref="BewaarAsync"/>.</summary>
    public IQueryable<Dossier> DossiersVoorWijziging => Db.Dossiers;

    public IQueryable<Domain.Omkoppeling> OmkoppelingenVoorWijziging => Db.Omkoppelingen;

    public IQueryable<Signaal> SignalenVoorWijziging => Db.Signalen;

    public IQueryable<WerkvoorraadFilter> FiltersVoorWijziging => Db.WerkvoorraadFilters;

    public IQueryable<GezondheidsInformatie> GezondheidVoorWijziging => Db.Gezondheid;

    public IQueryable<Verwijdering> VerwijderingenVoorWijziging => Db.Verwijderingen;

    public void VoegToe(Verwijdering verwijdering) => Db.Verwijderingen.Add(verwijdering);

    public void VoegToe(Dossier dossier) => Db.Dossiers.Add(dossier);

    public IQueryable<LidZonderDossier> LedenZonderDossierVoorWijziging => Db.LedenZonderDossier;

    public void VoegToe(LidZonderDossier lid) => Db.LedenZonderDossier.Add(lid);

    public void Verwijder(LidZonderDossier lid) => Db.LedenZonderDossier.Remove(lid);

    public void VoegToe(DuoBericht bericht) => Db.DuoBerichten.Add(bericht);

    public void VoegToe(DuoVerschil verschil) => Db.DuoVerschillen.Add(verschil);

    public IQueryable<DuoVerschil> DuoVerschillenVoorWijziging => Db.DuoVerschillen;

    public void VoegToe(Contactmoment moment) => Db.Contactmomenten.Add(moment);

    public void VoegToe(Afspraak afspraak) => Db.Afspraken.Add(afspraak);

    public IQueryable<Afspraak> AfsprakenVoorWijziging => Db.Afspraken;

    public void VoegToe(DossierBestand bestand) => Db.Bestanden.Add(bestand);

    public void VoegToe(BestandInhoud inhoud) => Db.BestandInhoud.Add(inhoud);

    public void VoegToe(Domain.Omkoppeling omkoppeling) => Db.Omkoppelingen.Add(omkoppeling);

    public void VoegToe(GezondheidsInformatie gezondheid) => Db.Gezondheid.Add(gezondheid);

    public void VoegToe(WerkvoorraadFilter filter) => Db.WerkvoorraadFilters.Add(filter);

    public IQueryable<KoppelingImport> ImportsVoorWijziging => Db.Imports;

    public IQueryable<Kolomindeling> KolomindelingenVoorWijziging => Db.Kolomindelingen;

    public IQueryable<ImportRegel> ImportRegelsVoorWijziging => Db.ImportRegels;

    public void VoegToe(KoppelingImport import) => Db.Imports.Add(import);

    public void VoegToe(ImportRegel regel) => Db.ImportRegels.Add(regel);

    public void VoegToe(Kolomindeling indeling) => Db.Kolomindelingen.Add(indeling);

    public IQueryable<BrpAansluiting> BrpAansluitingVoorWijziging => Db.BrpAansluitingen;

    public void VoegToe(BrpAansluiting aansluiting) => Db.BrpAansluitingen.Add(aansluiting);

    public IQueryable<CbsLevering> CbsLeveringenVoorWijziging => Db.CbsLeveringen;

    public IQueryable<WebhookAbonnement> WebhooksVoorWijziging => Db.WebhookAbonnementen;

    public void VoegToe(WebhookAbonnement abonnement) => Db.WebhookAbonnementen.Add(abonnement);

    public void Verwijder(WebhookAbonnement abonnement) => Db.WebhookAbonnementen.Remove(abonnement);

    /// <summary>The active gemeente's deliveries only (the table is shared; its policy and this filter both hold it to the gemeente).</summary>
    public IQueryable<WebhookAflevering> AfleveringenVoorWijziging => Db.WebhookAfleveringen.Where(a => a.GemeenteId == Gemeente);

    public void VoegToe(CbsLevering levering) => Db.CbsLeveringen.Add(levering);

    /// <summary>Every dossier of the gemeente with what a snapshot of its history needs (PIP versions, extensions).</summary>
    public IQueryable<Dossier> DossiersMetPipEnVerlengingen => Db.Dossiers.AsNoTracking().Include(d => d.PipVersies).Include(d => d.Termijnverlengingen).AsSplitQuery();

    /// <summary>
    /// One unit that commits whole or not at all: a use case's writes (which store inside it) and what is recorded
    /// about them afterwards (an import's row). A failure leaves this store unusable: take a new scope.
    /// </summary>
    public async Task<T> AllesOfNietsAsync<T>(Func<Task<T>> werk, CancellationToken cancellationToken)
    {
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        var uitkomst = await werk();
        await SlaOpAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return uitkomst;
    }

    public void VoegToe(SignaalGebeurtenis gebeurtenis) => Db.SignaalHistorie.Add(gebeurtenis);

    public void Verwijder(WerkvoorraadFilter filter) => Db.WerkvoorraadFilters.Remove(filter);

    public void Verwijder(GezondheidsInformatie gezondheid) => Db.Gezondheid.Remove(gezondheid);

    /// <summary>
    /// Something that happened to a dossier without changing its own fields (a letter, a step of an omkoppeling):
    /// its tijdlijn event and its processing-log entry, stored by the next <see cref="SlaOpAsync"/>.
    /// </summary>
    public void Noteer(Guid dossierId, string gebeurtenis, object gegevens, Actor actor, string onderdeel)
    {
        Db.Tijdlijn.Add(new TijdlijnGebeurtenis(dossierId, gebeurtenis, actor, JsonSerializer.Serialize(gegevens, Json), Nu));
        LogSchrijven(actor, onderdeel, [dossierId]);
    }

    /// <summary>A write of personal data in the processing log, in the same transaction as the write.</summary>
    public void LogSchrijven(Actor actor, string onderdeel, IReadOnlyCollection<Guid> dossierIds) =>
        _schrijven.Add(new Verwerking(actor.Id, actor.OrganisatieId, "schrijven", onderdeel, [.. dossierIds], Nu));

    /// <summary>
    /// One transaction around the pending changes and SQL that must commit with them (an omkoppeling moves a dossier to
    /// another gemeente); <paramref name="daarna"/> records what follows, stored in the same transaction.
    /// </summary>
    public async Task InEenTransactieAsync(Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, Task> sql, Func<Task>? daarna, CancellationToken cancellationToken)
    {
        await using (var transaction = await Db.Database.BeginTransactionAsync(cancellationToken))
        {
            await BewaarMetLogAsync(cancellationToken);
            await sql(Db.Database.GetDbConnection(), transaction.GetDbTransaction());
            if (daarna is not null)
            {
                await daarna();
                await BewaarMetLogAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        Db.ChangeTracker.Clear();
    }

    public DateTimeOffset Nu => time.GetUtcNow();

    /// <summary>Drops what a checked but unsaved change left behind (a preview), so the next write starts clean.</summary>
    public void Vergeet()
    {
        _db?.ChangeTracker.Clear();
        _schrijven.Clear();
    }

    /// <summary>Dates in this domain are Dutch calendar dates.</summary>
    public DateOnly Vandaag => VandaagVolgens(time);

    public static DateOnly VandaagVolgens(TimeProvider time) => Platform.Tijd.Kalender.Vandaag(time);

    public Guid Gemeente => tenant.Vereis("Een dossier");

    public static Actor ActorVan(ClaimsPrincipal user)
    {
        var partij = HandelendePartij.Van(user);
        return new Actor(partij.Id, partij.Naam, partij.OrganisatieId);
    }

    public async Task<Dossier> LaadAsync(Guid id, CancellationToken cancellationToken, bool metOnderdelen = true, bool alleenLezen = false)
    {
        _ = Gemeente;
        var query = alleenLezen ? Db.Dossiers.AsNoTracking() : Db.Dossiers.AsQueryable();
        if (metOnderdelen)
        {
            query = query.Include(d => d.PipVersies).Include(d => d.Activiteiten).Include(d => d.Voortgangsgesprekken)
                .Include(d => d.Termijnverlengingen).AsSplitQuery();
        }

        return await query.SingleOrDefaultAsync(d => d.Id == id, cancellationToken)
               ?? throw new DomainException(DossierFouten.NietGevonden, "Dit dossier bestaat niet in uw gemeente.", StatusCodes.Status404NotFound);
    }

    /// <summary>Writes name the version they were based on: a stale one gets 412 and nothing is lost.</summary>
    public static void ControleerVersie(Versievoorwaarde versie, Dossier dossier)
    {
        if (!versie.Genoemd)
        {
            throw new DomainException(PlatformErrors.PreconditionRequired, "Stuur de ETag van het dossier mee in If-Match.", StatusCodes.Status428PreconditionRequired);
        }

        if (!versie.Past(dossier.Versie))
        {
            throw Gewijzigd();
        }
    }

    private static DomainException Gewijzigd() =>
        new(PlatformErrors.PreconditionFailed, "Het dossier is intussen gewijzigd. Laad het opnieuw en probeer het nog eens.", StatusCodes.Status412PreconditionFailed);

    public static string ETag(Dossier dossier) => $"\"{dossier.Versie}\"";

    public static void NietAfgesloten(Dossier dossier)
    {
        if (dossier.AfsluitingReden is not null)
        {
            throw new DomainException(DossierFouten.Afgesloten, "Dit dossier is afgesloten en kan niet meer worden gewijzigd.", StatusCodes.Status409Conflict);
        }
    }

    /// <summary>Checks the rules and stores the change with its history in one transaction.</summary>
    public async Task BewaarAsync(Dossier dossier, string gebeurtenis, object gegevens, Actor actor, CancellationToken cancellationToken, string onderdeel = "dossier")
    {
        LegVast(dossier, gebeurtenis, gegevens, actor);
        LogSchrijven(actor, onderdeel, [dossier.Id]);
        await WerkCoaVerblijfBijAsync(dossier, cancellationToken);
        await SlaOpAsync(cancellationToken);
    }

    /// <summary>Rules, fase and version, and the tijdlijn event of one change; stored by the next <see cref="SlaOpAsync"/>.</summary>
    public void LegVast(Dossier dossier, string gebeurtenis, object gegevens, Actor actor)
    {
        RuleViolationException.ThrowIfAny(dossier.Controleer(Vandaag));
        var nu = Nu;
        dossier.Gewijzigd(nu);
        Db.Tijdlijn.Add(new TijdlijnGebeurtenis(dossier.Id, gebeurtenis, actor, JsonSerializer.Serialize(gegevens, Json), nu));
    }

    public async Task LogInzageAsync(Actor actor, string onderdeel, IReadOnlyCollection<Guid> dossierIds, CancellationToken cancellationToken)
    {
        if (dossierIds.Count == 0)
        {
            return;
        }

        await logboek.LogLezenAsync(Gemeente, new Verwerking(actor.Id, actor.OrganisatieId, "lezen", onderdeel, [.. dossierIds], Nu), cancellationToken);
    }

    public async Task SlaOpAsync(CancellationToken cancellationToken)
    {
        // The outbox row commits with the change itself, so no change is ever missed by the signals.
        foreach (var gewijzigd in Db.ChangeTracker.Entries<Dossier>().Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity.Id).ToList())
        {
            Db.SignaalWachtrij.Add(new SignaalWachtrij(Gemeente, gewijzigd, Nu));
        }

        try
        {
            if (_schrijven.Count == 0 || Db.Database.CurrentTransaction is not null)
            {
                await BewaarMetLogAsync(cancellationToken);
            }
            else
            {
                await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
                await BewaarMetLogAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(PlatformErrors.PreconditionFailed, "Het dossier is intussen gewijzigd. Laad het opnieuw en probeer het nog eens.", StatusCodes.Status412PreconditionFailed);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            throw unique.ConstraintName?.Contains("bsn", StringComparison.Ordinal) == true
                ? new DomainException(DossierFouten.BsnBestaatAl, "Er is al een dossier met dit BSN in uw gemeente.", StatusCodes.Status409Conflict)
                : new DomainException(DossierFouten.VNummerBestaatAl, "Er is al een dossier met dit V-nummer in uw gemeente.", StatusCodes.Status409Conflict);
        }
    }

    /// <summary>The pending changes, then their processing-log entries on the same connection and transaction (when there are any).</summary>
    private async Task BewaarMetLogAsync(CancellationToken cancellationToken)
    {
        // Every write of personal data passes here with its log entry: a restricted dossier (AVG art. 18) takes none but
        // the restriction's own and the retention rules', whichever use case tries.
        var geschreven = _schrijven.Where(v => v.Onderdeel is not (Beperking or "bewaartermijn" or "bewaarplicht")).SelectMany(v => v.DossierIds).Distinct().ToList();
        if (geschreven.Count > 0 && await Db.Dossiers.AsNoTracking().AnyAsync(d => geschreven.Contains(d.Id) && d.BeperktSinds != null, cancellationToken))
        {
            throw new DomainException(DossierFouten.Beperkt, "De verwerking van dit dossier is beperkt op verzoek van de betrokkene. Het kan niet worden gewijzigd tot de beperking is opgeheven.",
                StatusCodes.Status409Conflict);
        }

        await Db.SaveChangesAsync(cancellationToken);
        if (_schrijven.Count == 0)
        {
            return;
        }

        var regels = _schrijven.ToList();
        _schrijven.Clear();
        await logboek.SchrijfInTransactieAsync(Db.Database.GetDbConnection(), Db.Database.CurrentTransaction!.GetDbTransaction(), Gemeente, regels, cancellationToken);
    }

    /// <summary>After an omkoppeling COA's routing row names the new gemeente; the location and move date stay.</summary>
    public async Task VerhuisCoaVerblijfAsync(Guid dossierId, Guid naarGemeente, CancellationToken cancellationToken)
    {
        if (await Db.CoaVerblijven.SingleOrDefaultAsync(c => c.DossierId == dossierId, cancellationToken) is { } verblijf)
        {
            verblijf.Werkbij(naarGemeente, verblijf.CoaLocatieId, verblijf.Verhuisdatum);
        }
    }

    /// <summary>Keeps the host-level routing row COA reads by; <see cref="BewaarAsync"/> calls it, as must any other writer.</summary>
    public async Task WerkCoaVerblijfBijAsync(Dossier dossier, CancellationToken cancellationToken)
    {
        var verblijf = await Db.CoaVerblijven.SingleOrDefaultAsync(c => c.DossierId == dossier.Id, cancellationToken);
        switch (verblijf, dossier.CoaLocatieId)
        {
            case (null, { } locatie):
                Db.CoaVerblijven.Add(new CoaVerblijf(dossier.Id, Gemeente, locatie, dossier.Verhuisdatum));
                break;
            case ({ } bestaand, { } locatie):
                bestaand.Werkbij(Gemeente, locatie, dossier.Verhuisdatum);
                break;
            case ({ } bestaand, null):
                Db.CoaVerblijven.Remove(bestaand);
                break;
        }
    }
}

/// <summary>Untracked queries of the active gemeente's dossier data (the tenant filter and row-level security apply).</summary>
internal sealed class DossierLeesbron(DossiersDbContext db)
{
    public IQueryable<Dossier> Dossiers => db.Dossiers.AsNoTracking();

    /// <summary>The dossiers a caseload or signal list may show: a restricted one (AVG art. 18) is in none until lifted.</summary>
    public IQueryable<Dossier> InLijsten => Dossiers.Where(d => d.BeperktSinds == null);

    public IQueryable<TijdlijnGebeurtenis> Tijdlijn => db.Tijdlijn.AsNoTracking();

    public IQueryable<Signaal> Signalen => db.Signalen.AsNoTracking();

    public IQueryable<LidZonderDossier> LedenZonderDossier => db.LedenZonderDossier.AsNoTracking();

    public IQueryable<DuoBericht> DuoBerichten => db.DuoBerichten.AsNoTracking();

    public IQueryable<DuoVerschil> DuoVerschillen => db.DuoVerschillen.AsNoTracking();

    public IQueryable<Contactmoment> Contactmomenten => db.Contactmomenten.AsNoTracking();

    public IQueryable<Afspraak> Afspraken => db.Afspraken.AsNoTracking();

    public IQueryable<DossierBestand> Bestanden => db.Bestanden.AsNoTracking();

    public IQueryable<BestandInhoud> BestandInhoud => db.BestandInhoud.AsNoTracking();

    public IQueryable<SignaalGebeurtenis> SignaalHistorie => db.SignaalHistorie.AsNoTracking();

    public IQueryable<Domain.Omkoppeling> Omkoppelingen => db.Omkoppelingen.AsNoTracking();

    public IQueryable<GezondheidsInformatie> Gezondheid => db.Gezondheid.AsNoTracking();

    public IQueryable<WerkvoorraadFilter> WerkvoorraadFilters => db.WerkvoorraadFilters.AsNoTracking();

    public IQueryable<PipVersie> PipVersies => db.PipVersies.AsNoTracking();

    public IQueryable<Activiteit> Activiteiten => db.Activiteiten.AsNoTracking();

    public IQueryable<Voortgangsgesprek> Voortgangsgesprekken => db.Voortgangsgesprekken.AsNoTracking();

    public IQueryable<Termijnverlenging> Termijnverlengingen => db.Termijnverlengingen.AsNoTracking();

    public IQueryable<Verwijdering> Verwijderingen => db.Verwijderingen.AsNoTracking();

    public IQueryable<KoppelingImport> Imports => db.Imports.AsNoTracking();

    public IQueryable<ImportRegel> ImportRegels => db.ImportRegels.AsNoTracking();

    public IQueryable<Kolomindeling> Kolomindelingen => db.Kolomindelingen.AsNoTracking();

    public IQueryable<BrpAansluiting> BrpAansluitingen => db.BrpAansluitingen.AsNoTracking();

    public IQueryable<CbsLevering> CbsLeveringen => db.CbsLeveringen.AsNoTracking();

    public IQueryable<WebhookAbonnement> WebhookAbonnementen => db.WebhookAbonnementen.AsNoTracking();

    /// <summary>COA's routing rows: host-level, read outside any gemeente to find where a resident's dossier lives.</summary>
    public IQueryable<CoaVerblijf> CoaVerblijven => db.CoaVerblijven.AsNoTracking();
}

internal static class DossierFouten
{
    public const string Validatie = "Dossiers:Validation";
    public const string NietGevonden = "Dossiers:NotFound";
    public const string VNummerBestaatAl = "Dossiers:DuplicateVNummer";
    public const string BsnBestaatAl = "Dossiers:DuplicateBsn";
    public const string Afgesloten = "Dossiers:Closed";
    public const string OmkoppelingNietGevonden = "Dossiers:TransferNotFound";
    public const string OmkoppelingAlAangeboden = "Dossiers:TransferAlreadyOffered";
    public const string OmkoppelingAfgehandeld = "Dossiers:TransferAlreadyHandled";
    public const string GeenToegang = "Dossiers:NoAccess";
    public const string AlleenVoorMensen = "Dossiers:PeopleOnly";
    public const string GeenPipCorrectie = "Dossiers:NoPipCorrection";
    public const string AlGestart = "Dossiers:AlreadyStarted";
    public const string AlAfgeschaald = "Dossiers:AlreadyScaledDown";
    public const string DuoVerschilAfgehandeld = "Dossiers:DuoDifferenceResolved";
    public const string AfspraakAfgehandeld = "Dossiers:AppointmentClosed";
    public const string PipCorrectieWacht = "Dossiers:PipCorrectionWaiting";
    public const string VierOgen = "Dossiers:FourEyes";
    public const string Beperkt = "Dossiers:Restricted";
    public const string NietBeperkt = "Dossiers:NotRestricted";
    public const string VerwijderingLoopt = "Dossiers:DeletionPending";
    public const string Bewaarplicht = "Dossiers:LegalHold";
    public const string VerwijderingNietGevonden = "Dossiers:DeletionNotFound";
    public const string ImportNietGevonden = "Dossiers:ImportNotFound";
    public const string ImportGestart = "Dossiers:ImportStarted";
    public const string BrpInOnderzoek = "Dossiers:BrpUnderInvestigation";
    public const string BrpNietBeschikbaar = "Dossiers:BrpUnavailable";
    public const string CbsNogNiet = "Dossiers:CbsQuarterNotEnded";
    public const string CbsNietGemaakt = "Dossiers:CbsNotMade";
    public const string WebhookNietGevonden = "Dossiers:WebhookNotFound";
}
