using Inburgering.Modules.Tenancy.Data.ReferenceData;
using Inburgering.Platform.Data;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Tenancy.Features.GemeenteRegister;

internal sealed record TaakstellingDto(string Periode, int Aantal, int WaarvanAmv);

internal sealed record GemeenteDto(Guid Id, string Naam, string Slug, string Provincie, int Inwoners2022, string[] Regios, TaakstellingDto? Taakstelling);

internal sealed record RegioDto(Guid Id, string Naam, string Slug, string[] Gemeenten);

/// <summary>
/// The public gemeente register (CBS figures and the published taakstelling). It names no customers and no people,
/// so it is readable without login.
/// </summary>
internal static class GemeenteRegisterEndpoints
{
    public const string InvalidFilter = "Tenancy:InvalidRegisterFilter";
    public const string GemeenteNotFound = "Tenancy:GemeenteNotFound";

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/register").WithTags("Register");
        group.MapGet("/gemeenten", async (GemeenteRegister register, string? provincie, string? regio, string? zoek, CancellationToken ct) =>
            TypedResults.Ok(await register.LijstAsync(provincie, regio, zoek, ct))).AllowAnonymous();
        group.MapGet("/gemeenten/{slug}", async (GemeenteRegister register, string slug, CancellationToken ct) =>
            TypedResults.Ok(await register.ZoekAsync(slug, ct))).AllowAnonymous();
        group.MapGet("/regios", async (GemeenteRegister register, CancellationToken ct) => TypedResults.Ok(await register.RegiosAsync(ct))).AllowAnonymous();
    }
}
