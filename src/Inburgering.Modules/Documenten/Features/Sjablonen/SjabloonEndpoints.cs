using System.ComponentModel;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inburgering.Modules.Documenten.Features.Sjablonen;

internal sealed record SjabloonWeergave(string Sleutel, string Tekst);

[Description("A template text to try on sample data (a complete and a sparse dossier) before it is used.")]
internal sealed record Proefsjabloon(string? Tekst);

internal sealed record Proefweergave(string Volledig, string Schaars);

internal static class SjabloonEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var groep = api.MapGroup("/beheer/sjablonen").WithTags("Beheer: sjablonen").RequirePermission(Permissions.SjablonenBeheren);
        groep.MapGet("/", () => TypedResults.Ok(SjabloonRenderer.Standaard.Select(s => new SjabloonWeergave(s, SjabloonRenderer.StandaardTekst(s))).ToList()))
            .WithSummary("The default templates (Dutch, B1) with their text.");
        groep.MapPost("/proef", (Proefsjabloon invoer) =>
            {
                if (string.IsNullOrWhiteSpace(invoer.Tekst) || invoer.Tekst.Length > 100_000)
                {
                    throw new ValidationFailedException("Documenten:Validation", new Dictionary<string, string[]> { ["tekst"] = ["Geef een sjabloon van hoogstens 100.000 tekens."] });
                }

                try
                {
                    return TypedResults.Ok(new Proefweergave(SjabloonRenderer.Render(invoer.Tekst, Voorbeelden.Volledig()), SjabloonRenderer.Render(invoer.Tekst, Voorbeelden.Schaars())));
                }
                catch (SjabloonFout fout)
                {
                    throw new ValidationFailedException(fout.Code, new Dictionary<string, string[]> { ["tekst"] = [fout.Message] });
                }
            })
            .WithSummary("Renders a template on sample data in the sandbox. A template that breaks a rule or limit gets 400 with the reason under 'tekst'; nothing is stored.");
    }
}

/// <summary>Sample data for previews: a dossier with everything filled in, and one with almost nothing.</summary>
internal static class Voorbeelden
{
    private static readonly DateOnly Dag = new(2027, 1, 14);

    public static Dictionary<string, object?> Volledig() => SjabloonModel.Maak(
        ("Voorbeeldstad", "Stadhuisplein 1, 1234 AB Voorbeeldstad"), ("Klantregisseur Voorbeeld", "klantregisseur@voorbeeldstad.example", "012 345 6789"),
        ("Amal", "Voorbeeld", "1000000001", new DateOnly(2026, 11, 2)), Dag,
        kennismaking: (new DateOnly(2027, 1, 20), "10:00", "azc"),
        scenario: (3, new DateOnly(2027, 1, 20), ["gat-tot-verhuizing"]),
        bredeIntakeStart: new DateOnly(2027, 2, 1),
        pip: (Dag, "B1", ["KNM", "PVT", "MAP"]),
        termijn: (Dossiers.Contracts.Inburgeringstermijn.Start(Dag), Dossiers.Contracts.Inburgeringstermijn.Einde(Dag)),
        signalen: [SjabloonModel.Groep(("naam", "Amal Voorbeeld"), ("link", "/dossiers/voorbeeld"), ("soort", "pip-termijn"), ("uiterlijk", "20 januari 2027"))],
        afspraken: [SjabloonModel.Groep(("tijd", "10:00"), ("naam", "Amal Voorbeeld"), ("link", "/dossiers/voorbeeld"))]);

    public static Dictionary<string, object?> Schaars() =>
        SjabloonModel.Maak(("Voorbeeldstad", null), ("Klantregisseur Voorbeeld", null, null), ("Amal", "Voorbeeld", "1000000001", null), Dag);
}
