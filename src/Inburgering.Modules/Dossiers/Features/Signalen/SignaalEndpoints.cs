using System.ComponentModel;
using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Dossiers.Features.Signalen;

internal sealed record SignaalWeergave(
    Guid Id, Guid DossierId, string VNummer, string Naam, Guid? KlantregisseurId, SignaalSoort Soort, string Cyclus, Ernst Ernst, SignaalStatus Status,
    DateOnly ZichtbaarVanaf, DateOnly Vervaldatum, string Tekst, string Uitleg, DateTimeOffset VerhoogdOp, DateTimeOffset? OpgelostOp,
    DateTimeOffset? ErkendOp, string? ErkendDoor, DateOnly? GesnoozedTot, string? SnoozeReden);

internal sealed record SignaalHistorieRegel(string Soort, DateTimeOffset Tijdstip, string? Door, string? Reden, DateOnly? Tot, Ernst? Ernst);

internal sealed record SignaalDetail(SignaalWeergave Signaal, IReadOnlyList<SignaalHistorieRegel> Historie);

internal sealed record SignalenPagina(IReadOnlyList<SignaalWeergave> Signalen, string? Volgende);

internal sealed record EvaluatieGestart(IReadOnlyList<string> Jobs);

internal sealed record SignaalTelling(Guid? KlantregisseurId, int Info, int Warning, int Overdue, int Totaal);

[Description("Hides the signal until a date (tomorrow up to 180 days ahead), with the reason; it comes back by itself if the condition still holds.")]
internal sealed record Snooze(DateOnly? Tot, string? Reden);

[Description("Evaluates the signals now: one gemeente (organisatieId) or every active gemeente (empty). As the schedule does, a later sweep on the same day looks only at dossiers written since; volledig=true evaluates every dossier (after a repair in the database, say).")]
internal sealed record EvaluatieVerzoek(Guid? OrganisatieId, bool? Volledig = null);

/// <summary>Binds the signal routes to <see cref="SignaalLezer"/>; every check lives there.</summary>
internal static class SignaalEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var signalen = api.MapGroup("/signalen").WithTags("Signalen");
        signalen.MapGet("/", async (string? wie, string? soort, string? ernst, string? status, Guid? dossierId, int? limit, string? cursor, ClaimsPrincipal user, SignaalLezer lezer, CancellationToken ct) =>
                TypedResults.Ok(await lezer.LijstAsync(wie, soort, ernst, status, dossierId, limit, cursor, user, ct))).RequirePermission(DossierPermissies.SignalenLezen)
            .WithSummary("Signals. wie=mij|team, soort, ernst=info|warning|overdue, status=open (default: not snoozed, acknowledged included)|erkend|gesnoozed|opgelost|alle, dossierId, limit (1-100), cursor. Earliest deadline first.");
        signalen.MapGet("/tellingen", async (string? wie, ClaimsPrincipal user, SignaalLezer lezer, CancellationToken ct) => TypedResults.Ok(await lezer.TellingenAsync(wie, user, ct))).RequirePermission(DossierPermissies.SignalenLezen)
            .WithSummary("Open signals (not snoozed) per klantregisseur, by severity; wie=mij|team.");
        signalen.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, SignaalLezer lezer, CancellationToken ct) => TypedResults.Ok(await lezer.DetailAsync(id, user, ct))).RequirePermission(DossierPermissies.SignalenLezen).WithSummary("One signal with its history.");
        signalen.MapPost("/{id:guid}/erkennen", async (Guid id, ClaimsPrincipal user, SignaalLezer lezer, CancellationToken ct) => TypedResults.Ok(await lezer.ErkenAsync(id, user, ct))).RequirePermission(DossierPermissies.SignalenBehandelen).WithSummary("Acknowledges the signal; it stays open until its condition clears.");
        signalen.MapPost("/{id:guid}/snoozen", async (Guid id, Snooze invoer, ClaimsPrincipal user, SignaalLezer lezer, CancellationToken ct) => TypedResults.Ok(await lezer.SnoozeAsync(id, invoer, user, ct))).RequirePermission(DossierPermissies.SignalenBehandelen).WithSummary("Snoozes the signal until a date, with a reason.")
            .ProducesValidationProblem();
        api.MapGet("/dossiers/{id:guid}/signalen", async (Guid id, string? status, ClaimsPrincipal user, SignaalLezer lezer, CancellationToken ct) => TypedResults.Ok(await lezer.VanDossierAsync(id, status, user, ct))).WithTags("Signalen").RequirePermission(DossierPermissies.SignalenLezen)
            .WithSummary("The dossier's signals: open ones by default, status=alle for the history as well.");
        api.MapPost("/beheer/signalen/evaluatie", async (EvaluatieVerzoek? verzoek, ClaimsPrincipal user, SignaalLezer lezer, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await lezer.EvalueerAsync(verzoek, user, ct))).WithTags("Beheer: signalen").RequirePermission(DossierPermissies.SignalenEvalueren)
            .WithSummary("Platform beheerder: evaluate now, for one gemeente or all, as the schedule does (volledig=true: every dossier). Returns the queued job ids (202).");
    }
}
