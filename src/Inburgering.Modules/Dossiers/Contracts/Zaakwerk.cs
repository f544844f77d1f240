using System.Security.Claims;

namespace Inburgering.Modules.Dossiers.Contracts;

/// <summary>A member of the household without a dossier of their own.</summary>
public sealed record LidItem(Guid Id, string Voornamen, DateOnly Geboortedatum, string Relatie, bool Minderjarig, DateOnly? Aankomst);

/// <summary>What the plicht still asks, by code (examen-lezen, pvt, map, zroute-taal, …), with the attempts so far for an exam.</summary>
public sealed record NogNodigItem(string Code, string Omschrijving, int? Pogingen);

public sealed record ContactmomentItem(Guid Id, string Soort, DateOnly Datum, string? Deelnemers, string? TolkTaal, string Tekst, bool Gezondheid, string VastgelegdDoor);

public sealed record BestandItem(Guid Id, string Soort, DateOnly Datum, string Naam, string ContentType, long Grootte);

/// <param name="Lokaal">The start in Dutch time.</param>
/// <param name="TeVolgen">Missed, and not yet followed up.</param>
public sealed record AgendaItem(Guid Id, Guid DossierId, string? Naam, string Soort, DateTime Lokaal, int DuurMinuten, string? Waar, string? TolkTaal, string Status, bool TeVolgen);

/// <summary>The case work of one dossier for its page: household, progress, notes, documents and appointments.</summary>
/// <param name="Instroom">koppeling, nareiziger or verhuizing.</param>
/// <param name="Wet">Wi2013 or Wi2021, by the day the plicht started.</param>
public sealed record Zaakwerk(
    string Instroom, string? VorigeGemeente, string Wet, DateOnly PlichtStart, bool BinnenLeeftijd,
    int Volwassenen, int Minderjarigen, int Nareizigers, int HuishoudenTotaal, IReadOnlyList<LidItem> ZonderDossier,
    string? Leerroute, string? Doelniveau, IReadOnlyList<NogNodigItem> NogNodig,
    IReadOnlyList<ContactmomentItem> Contactmomenten, IReadOnlyList<BestandItem> Bestanden, IReadOnlyList<AgendaItem> Afspraken);

public sealed record AgendaWeek(int Jaar, int Week, DateOnly Van, DateOnly Tot, IReadOnlyList<AgendaItem> Afspraken, IReadOnlyList<AgendaItem> TeVolgen);

public sealed record DuoVerschilItem(Guid Id, Guid DossierId, string VNummer, string Naam, string Veld, string? InDossier, string VolgensDuo, DateTimeOffset GevondenOp);

/// <summary>
/// The case work of the whole termijn for the pages: each call goes to the same use case as its API route, where
/// the right and every rule are checked.
/// </summary>
public interface IDossierZaakwerk
{
    Task<Zaakwerk> LeesAsync(ClaimsPrincipal user, Guid id, CancellationToken ct);

    Task LegContactmomentVastAsync(ClaimsPrincipal user, Guid id, ContactmomentInvoer invoer, CancellationToken ct);

    Task PlanAfspraakAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, AfspraakInvoer invoer, CancellationToken ct);

    Task AfspraakUitkomstAsync(ClaimsPrincipal user, Guid id, Guid afspraakId, Versievoorwaarde versie, AfspraakUitkomstInvoer invoer, CancellationToken ct);

    Task VoegLidToeAsync(ClaimsPrincipal user, Guid id, Versievoorwaarde versie, LidInvoer invoer, Onleesbaar? onleesbaar, CancellationToken ct);

    Task VoegBestandToeAsync(ClaimsPrincipal user, Guid id, string? soort, DateOnly? datum, string? naam, Stream? inhoud, long lengte, CancellationToken ct);

    Task<AgendaWeek> AgendaAsync(ClaimsPrincipal user, DateOnly? dag, bool iedereen, CancellationToken ct);

    Task<IReadOnlyList<DuoVerschilItem>> DuoVerschillenAsync(ClaimsPrincipal user, CancellationToken ct);

    Task HandelDuoVerschilAfAsync(ClaimsPrincipal user, Guid verschilId, DuoAfhandelingInvoer invoer, CancellationToken ct);
}
