using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Inburgering.Modules.Documenten.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Tijd;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

using Inburgering.Modules.Documenten.Features.Brieven;

namespace Inburgering.Modules.Documenten.Features.Sjablonen;

[Description("A template text to try on sample data (a complete and a sparse dossier) before it is used.")]
internal sealed record Proefsjabloon(string? Tekst);

[Description("A new version of the gemeente's template; it is tried on both sample dossiers first and refused (400, nothing stored) when it fails there.")]
internal sealed record SjabloonWijziging([property: JsonRequired] string? Tekst, string? Toelichting = null);

[Description("Four eyes: whether a colleague other than the maker must approve a letter of this kind before it counts as sent.")]
internal sealed record VierOgenWijziging([property: JsonRequired] bool Aan);

/// <summary><c>/beheer/sjablonen</c>: the functioneel beheerder's templates, versions, preview, difference and reset.</summary>
internal static class SjabloonEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var groep = api.MapGroup("/beheer/sjablonen").WithTags("Beheer: sjablonen").RequirePermission(DocumentPermissies.SjablonenBeheren);
        groep.MapGet("/", (ISjabloonBeheer beheer, CancellationToken ct) => beheer.OverzichtAsync(ct))
            .WithSummary("Every template: its title, the version in use (0: the default), and four eyes.");
        groep.MapGet("/{sleutel}", (string sleutel, ISjabloonBeheer beheer, CancellationToken ct) => beheer.DetailAsync(sleutel, ct))
            .WithSummary("A template: the text in use, the default, every version, and the difference with the default line by line.");
        groep.MapPut("/{sleutel}", (string sleutel, SjabloonWijziging wijziging, ClaimsPrincipal user, ISjabloonBeheer beheer, CancellationToken ct) =>
                beheer.BewaarAsync(user, sleutel, wijziging.Tekst, wijziging.Toelichting, ct))
            .WithSummary("Stores the gemeente's own text as a new version. A broken or unsafe template gets 400 with its code and the reason under 'tekst'.")
            .ProducesValidationProblem();
        groep.MapPost("/{sleutel}/herstel", (string sleutel, ClaimsPrincipal user, ISjabloonBeheer beheer, CancellationToken ct) => beheer.HerstelAsync(user, sleutel, ct))
            .WithSummary("Back to the default, as a new version; letters made before keep the version that made them.");
        groep.MapPut("/{sleutel}/vier-ogen", async (string sleutel, VierOgenWijziging wijziging, ISjabloonBeheer beheer, CancellationToken ct) =>
            {
                await beheer.ZetVierOgenAsync(sleutel, wijziging.Aan, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Switches four-eyes approval of this kind of letter on or off.");
        groep.MapPost("/proef", (Proefsjabloon invoer, ISjabloonBeheer beheer) => TypedResults.Ok(beheer.Proef(invoer.Tekst)))
            .WithSummary("Renders a template on sample data in the sandbox. A template that breaks a rule or limit gets 400 with the reason under 'tekst'; nothing is stored.")
            .ProducesValidationProblem();
        api.MapGet("/beheer/briefhoofd", (ISjabloonBeheer beheer, CancellationToken ct) => beheer.BriefhoofdAsync(ct))
            .WithTags("Beheer: sjablonen").RequirePermission(DocumentPermissies.SjablonenBeheren).WithSummary("The gemeente's postal address and telephone number on letters.");
        api.MapPut("/beheer/briefhoofd", (Briefhoofd briefhoofd, ISjabloonBeheer beheer, CancellationToken ct) => beheer.ZetBriefhoofdAsync(briefhoofd, ct))
            .WithTags("Beheer: sjablonen").RequirePermission(DocumentPermissies.SjablonenBeheren).WithSummary("Changes the letterhead.").ProducesValidationProblem();
    }
}

/// <summary>Sample data for previews: a dossier with everything filled in, and one with almost nothing.</summary>
internal static class Voorbeelden
{
    private static readonly DateOnly Dag = new(2027, 1, 14);

    private static readonly string[] Onderdelen = ["KNM", "PVT", "MAP"];

    public static Dictionary<string, object?> Volledig() => SjabloonModel.Maak(
        ("Voorbeeldstad", "Stadhuisplein 1, 1234 AB Voorbeeldstad"), ("Klantregisseur Voorbeeld", "klantregisseur@voorbeeldstad.example", "012 345 6789"),
        ("Amal", "Voorbeeld", "1000000001", new DateOnly(2026, 11, 2)), Dag,
        kennismaking: (new DateOnly(2027, 1, 20), "10:00", "op het asielzoekerscentrum", "Azc-laan 1, 1234 CD Voorbeeldstad", null),
        scenario: (3, new DateOnly(2027, 1, 20), ["de tijd tot uw verhuizing is kort"]),
        bredeIntakeStart: new DateOnly(2027, 2, 1),
        pip: (Dag, BriefWoorden.Leerroute("B1"), [.. Onderdelen.Select(BriefWoorden.Onderdeel)], BriefWoorden.RouteUitleg("B1"),
            "Een taalcoach helpt u één keer per week met oefenen.", new DateOnly(2027, 2, 1), new DateOnly(2027, 7, 31),
            "Uit de brede intake blijkt dat u het niveau B1 kunt halen. U wilt graag werken als verpleegkundige."),
        termijn: (WetInburgering.TermijnStart(Dag), WetInburgering.TermijnEinde(Dag)),
        afspraak: ("een voortgangsgesprek", new DateOnly(2027, 4, 12), "14:00", 60, "Wijkcentrum De Bron", "Brinkstraat 4, 1234 EF Voorbeeldstad", null, "Tigrinya"),
        verklaring: (new DateOnly(2027, 4, 20), new DateOnly(2027, 9, 1), "Er is nog geen plaats bij een taalschool met keurmerk."),
        signalen: [SjabloonModel.Groep(("naam", "Amal Voorbeeld"), ("link", "https://inburgering.example/dossiers/voorbeeld"), ("soort", "pip-termijn"), ("uiterlijk", "20 januari 2027"))],
        afspraken: [SjabloonModel.Groep(("tijd", "10:00"), ("naam", "Amal Voorbeeld"), ("link", "https://inburgering.example/dossiers/voorbeeld"))]);

    public static Dictionary<string, object?> Schaars() =>
        SjabloonModel.Maak(("Voorbeeldstad", null), ("Klantregisseur Voorbeeld", null, null), ("Amal", "Voorbeeld", "1000000001", null), Dag);
}
