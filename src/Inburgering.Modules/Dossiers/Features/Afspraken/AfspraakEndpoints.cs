using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Dossiers.Features.Afspraken;

/// <summary>Binds appointments and the agenda to <see cref="DossierAfspraken"/>; every check lives there.</summary>
internal static class AfspraakEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var groep = api.MapGroup("/dossiers/{id:guid}/afspraken").WithTags("Dossiers: afspraken");
        groep.MapPost("/", async (Guid id, AfspraakInvoer? invoer, HttpContext http, ClaimsPrincipal user, DossierAfspraken afspraken) =>
            {
                var (dossier, afspraak) = await afspraken.PlanAsync(user, id, IfMatch.Versie(http),
                    invoer ?? throw Invoer.Afgewezen(DossierFouten.Validatie, "body", ["Stuur de gegevens als JSON-object."]), http.RequestAborted);
                http.Response.Headers.ETag = $"\"{dossier.Versie}\"";
                return TypedResults.Created($"/api/v1/dossiers/{id}/afspraken/{afspraak.Id}", (await afspraken.LijstAsync(user, id, http.RequestAborted)).Single(a => a.Id == afspraak.Id));
            })
            .RequirePermission(DossierPermissies.Bewerken).Produces<AfspraakRegel>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Plans an appointment; a kennismakingsgesprek also plans the KMG milestone. A missed one of the same kind counts as followed up. Needs If-Match.");
        groep.MapGet("/", async (Guid id, ClaimsPrincipal user, DossierAfspraken afspraken, CancellationToken ct) => TypedResults.Ok(await afspraken.LijstAsync(user, id, ct)))
            .RequirePermission(DossierPermissies.Lezen).Produces<List<AfspraakRegel>>().WithSummary("The dossier's appointments, newest first.");
        groep.MapPost("/{afspraakId:guid}/uitkomst", async (Guid id, Guid afspraakId, AfspraakUitkomstInvoer? invoer, HttpContext http, ClaimsPrincipal user, DossierAfspraken afspraken) =>
            {
                var (dossier, afspraak) = await afspraken.UitkomstAsync(user, id, afspraakId, IfMatch.Versie(http), invoer ?? new AfspraakUitkomstInvoer(null, null), http.RequestAborted);
                http.Response.Headers.ETag = $"\"{dossier.Versie}\"";
                return TypedResults.Ok((await afspraken.LijstAsync(user, id, http.RequestAborted)).Single(a => a.Id == afspraak.Id));
            })
            .RequirePermission(DossierPermissies.Bewerken).Produces<AfspraakRegel>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Records the outcome: gehouden (records its milestone), gemist (stays in the agenda to follow up) or geannuleerd. Needs If-Match.");
        groep.MapPost("/{afspraakId:guid}/opvolging", async (Guid id, Guid afspraakId, AfspraakUitkomstInvoer? invoer, ClaimsPrincipal user, DossierAfspraken afspraken, CancellationToken ct) =>
            {
                var afspraak = await afspraken.VolgOpAsync(user, id, afspraakId, invoer?.Toelichting, ct);
                return TypedResults.Ok((await afspraken.LijstAsync(user, id, ct)).Single(a => a.Id == afspraak.Id));
            })
            .RequirePermission(DossierPermissies.Bewerken).Produces<AfspraakRegel>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Closes the follow-up of a missed appointment without planning a new one, with why (toelichting).");
        groep.MapGet("/{afspraakId:guid}/ics", async (Guid id, Guid afspraakId, ClaimsPrincipal user, DossierAfspraken afspraken, IOrganisationDirectory organisaties,
                ICurrentTenant tenant, CancellationToken ct) =>
            {
                var gemeente = (await organisaties.FindAsync(tenant.Vereis("Een afspraak"), ct))?.Naam ?? string.Empty;
                var ics = await afspraken.IcsAsync(user, id, afspraakId, gemeente, ct);
                return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"afspraak-{afspraakId:N}.ics");
            })
            .RequirePermission(DossierPermissies.Lezen).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The appointment as an iCalendar file (RFC 5545) for any calendar.");

        api.MapGet("/agenda", async (DateOnly? datum, bool? iedereen, ClaimsPrincipal user, DossierAfspraken afspraken, CancellationToken ct) =>
                TypedResults.Ok(await afspraken.AgendaAsync(user, datum, iedereen ?? false, ct)))
            .WithTags("Dossiers: afspraken").RequirePermission(DossierPermissies.Lezen).Produces<Agenda>()
            .WithSummary("The week (Monday to Sunday, Dutch time) around datum (default today): the caller's appointments, or everyone's (iedereen=true), and every missed one still to follow up.");
    }
}
