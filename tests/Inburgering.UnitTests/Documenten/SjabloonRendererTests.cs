using Inburgering.Modules.Documenten.Features.Sjablonen;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Platform.Tijd;

namespace Inburgering.UnitTests.Documenten;

/// <summary>Templates are written by tenant users: the defaults render for any dossier, and hostile ones are stopped with a clear error.</summary>
public sealed class SjabloonRendererTests
{
    private static readonly DateOnly Vandaag = new(2027, 1, 14);

    private static Dictionary<string, object?> Volledig() => SjabloonModel.Maak(
        ("Almelo", "Haven Noordzijde 1, 7607 EN Almelo"), ("Fatma Yilmaz", "f.yilmaz@almelo.example", "0546 541 111"),
        ("Amal", "Haddad", "1012345678", new DateOnly(2026, 11, 2)), Vandaag,
        kennismaking: (new DateOnly(2027, 1, 20), "10:00", "op het asielzoekerscentrum", "Azc-laan 4, 7601 AA Almelo", null),
        scenario: (3, new DateOnly(2027, 1, 20), ["gat-tot-verhuizing", "reistijd"]),
        bredeIntakeStart: new DateOnly(2027, 2, 1),
        pip: (Vandaag, "de B1-route", ["Kennismaking", "Participatieverklaring", "Arbeidsmarkt"], "U leert Nederlands tot taalniveau B1.", null, null, null, null),
        termijn: (WetInburgering.TermijnStart(Vandaag), WetInburgering.TermijnEinde(Vandaag)),
        overdracht: SjabloonModel.Groep(("vastgelegd_op", "10 januari 2027"), ("vastgelegd_door", "COA casemanager"), ("opleiding", "Bachelor"), ("werkervaring", "Bouw"),
            ("talen", "Arabisch, Engels"), ("voorinburgering", "ja"), ("beschikbaarheid", "overdag"), ("driegesprek", "ja")),
        signalen: [SjabloonModel.Groep(("naam", "Amal Haddad"), ("link", "https://inburgering.example/dossiers/1"), ("soort", "pip-termijn"), ("uiterlijk", "20 januari 2027"))],
        afspraken: [SjabloonModel.Groep(("tijd", "10:00"), ("naam", "Amal Haddad"), ("link", "https://inburgering.example/dossiers/1"))]);

    private static Dictionary<string, object?> Schaars() => SjabloonModel.Maak(("Almelo", null), ("Fatma Yilmaz", null, null), ("Amal", "Haddad", "1012345678", null), Vandaag);

    public static TheoryData<string> Standaard() => [.. SjabloonRenderer.Standaard];

    [Theory]
    [MemberData(nameof(Standaard))]
    public void Every_default_template_renders_for_a_complete_and_a_sparse_dossier(string sleutel)
    {
        var tekst = SjabloonRenderer.StandaardTekst(sleutel);

        var volledig = SjabloonRenderer.Render(tekst, Volledig());
        var schaars = SjabloonRenderer.Render(tekst, Schaars());

        Assert.Contains("Almelo", volledig, StringComparison.Ordinal);
        Assert.Contains("Almelo", schaars, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", schaars, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pip_beschikking_shows_the_termijn_of_the_law_and_the_bezwaar_clause()
    {
        var brief = SjabloonRenderer.Render(SjabloonRenderer.StandaardTekst("pip-beschikking"), Volledig());

        Assert.Contains("van 15 januari 2027 tot en met 14 januari 2030", brief, StringComparison.Ordinal);
        Assert.Contains("bezwaar", brief, StringComparison.Ordinal);
        Assert.Contains("B1", brief, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ while true }}x{{ end }}", "Documenten:SjabloonLimiet")]
    [InlineData("{{ for i in 1..9000 }}{{ for j in 1..9000 }}{{ for k in 1..9000 }}{{ end }}{{ end }}{{ end }}", "Documenten:SjabloonLimiet")]
    [InlineData("{{ func diep; diep; end; diep }}", "Documenten:SjabloonLimiet")]
    [InlineData("{{ for i in 1..100000000 }}0123456789{{ end }}", "Documenten:SjabloonLimiet")]
    [InlineData("{{ \"x\" | string.pad_left 100000000 }}", "Documenten:SjabloonLimiet")]
    [InlineData("{{ persoon.GetType }}", "Documenten:SjabloonFout")]
    [InlineData("{{ persoon.naam.GetType().Assembly }}", "Documenten:SjabloonFout")]
    [InlineData("{{ include 'pip-beschikking' }}", "Documenten:SjabloonFout")]
    [InlineData("{{ if }", "Documenten:SjabloonSyntax")]
    public void A_hostile_template_is_stopped_with_a_clear_error_and_the_renderer_stays_healthy(string sjabloon, string code)
    {
        var fout = Assert.Throws<SjabloonFout>(() => SjabloonRenderer.Render(sjabloon, Volledig()));

        Assert.Equal(code, fout.Code);
        Assert.DoesNotContain("System.", fout.Message, StringComparison.Ordinal);
        Assert.Contains("Haddad", SjabloonRenderer.Render("{{ persoon.naam }}", Volledig()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ for i in 1..9000 }}{{ x = \"ab\" | string.pad_left 99000 | string.replace \" \" \"b\" | string.replace \"b\" \"c\" | string.replace \"c\" \"d\" | string.replace \"d\" \"e\" | string.replace \"e\" \"f\" | string.replace \"f\" \"g\" | string.replace \"g\" \"h\" | string.replace \"h\" \"i\" | string.replace \"i\" \"j\" | string.size }}{{ end }}")]
    public void A_template_that_stays_within_every_count_but_runs_too_long_is_stopped_at_the_time_limit(string sjabloon)
    {
        var fout = Assert.Throws<SjabloonFout>(() => SjabloonRenderer.Render(sjabloon, Volledig()));

        Assert.True(fout.Code == "Documenten:SjabloonTeTraag", fout.Message);
    }

    [Fact]
    public void Script_in_dossier_data_is_written_as_text_never_as_markup()
    {
        var model = Volledig();
        model["persoon"] = SjabloonModel.Groep(("naam", "<script>alert('x')</script>"), ("voornamen", "<img src=x onerror=alert(1)>"), ("vnummer", "1"), ("koppelingsdatum", null));

        var brief = SjabloonRenderer.Render(SjabloonRenderer.StandaardTekst("pip-beschikking") + SjabloonRenderer.StandaardTekst("uitnodiging-kennismakingsgesprek"), model);

        Assert.DoesNotContain("<script>", brief, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", brief, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", brief, StringComparison.Ordinal);
    }
}
