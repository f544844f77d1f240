using Inburgering.Modules.Documenten.Features.Digest;
using Inburgering.Modules.Documenten.Features.Sjablonen;

namespace Inburgering.UnitTests.Documenten;

/// <summary>A template's own markup is kept, so markup that would run or load something is refused when it is saved.</summary>
public sealed class SjabloonMarkupTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<SCRIPT src=x></SCRIPT>")]
    [InlineData("<p onclick=\"alert(1)\">x</p>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<iframe srcdoc=\"x\"></iframe>")]
    [InlineData("<form action=\"https://elders.example\"><input name=bsn></form>")]
    [InlineData("<img src=\"https://elders.example/pixel.gif\">")]
    [InlineData("<p style=\"background:url(https://elders.example/x)\">x</p>")]
    [InlineData("<svg><script>alert(1)</script></svg>")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://elders.example\">")]
    [InlineData("<img/src=x/onerror=alert(1)>")]
    [InlineData("<a href=\"&#106;avascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"java&#x09;script:alert(1)\">x</a>")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>")]
    [InlineData("<picture><source srcset=\"https://elders.example/x.png 1x\"></picture>")]
    [InlineData("<div hx-get=\"/api/v1/dossiers\" hx-trigger=\"load\">x</div>")]
    [InlineData("<p data-hx-post=\"/beheer/rechten\">x</p>")]
    [InlineData("<p style=\"background-image:u&#114;l(https://elders.example/x)\">x</p>")]
    [InlineData("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>")]
    public void Markup_that_runs_or_loads_something_is_refused_with_its_line(string markup)
    {
        var fout = Assert.Throws<SjabloonFout>(() => SjabloonRenderer.Render("<p>Beste {{ persoon.naam }},</p>\n" + markup, Model()));

        Assert.Equal("Documenten:OnveiligeHtml", fout.Code);
        Assert.StartsWith("Regel 2:", fout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_would_make_a_link_run_script_is_taken_out_of_the_rendered_letter()
    {
        var model = Model();
        model["persoon"] = SjabloonModel.Groep(("naam", "javascript:alert(1)"), ("voornamen", "x"), ("vnummer", "1"), ("koppelingsdatum", null));

        var html = SjabloonRenderer.Render("<p><a href=\"{{ persoon.naam }}\">open</a></p>", model);

        Assert.Equal("<p><a>open</a></p>", html);
    }

    [Fact]
    public void Plain_letter_markup_with_links_lists_and_emphasis_is_kept()
    {
        var html = SjabloonRenderer.Render("<h1>Brief</h1><p><strong>Let op:</strong> <a href=\"https://www.inburgeren.nl\">inburgeren.nl</a></p><ul><li>{{ persoon.naam }}</li></ul>", Model());

        Assert.Equal("<h1>Brief</h1><p><strong>Let op:</strong> <a href=\"https://www.inburgeren.nl\">inburgeren.nl</a></p><ul><li>Amal Haddad</li></ul>", html);
    }

    [Fact]
    public void The_difference_with_the_default_names_added_and_removed_lines_only()
    {
        var verschil = SjabloonBibliotheek.Verschil("<p>a</p>\n<p>b</p>\n<p>c</p>", "<p>a</p>\n<p>B</p>\n<p>c</p>\n<p>d</p>");

        Assert.Equal(
            [("gelijk", "<p>a</p>"), ("verwijderd", "<p>b</p>"), ("toegevoegd", "<p>B</p>"), ("gelijk", "<p>c</p>"), ("toegevoegd", "<p>d</p>")],
            verschil.Select(r => (r.Soort, r.Tekst)));
    }

    [Fact]
    public void The_plain_text_of_an_e_mail_keeps_its_words_and_writes_links_out()
    {
        var tekst = MailVerzender.Tekst("<p>Goedemorgen Fatma,</p><ul><li><a href=\"https://inburgering.example/dossiers/1\">Amal &amp; Omar</a>: pip termijn</li></ul>");

        Assert.Equal("Goedemorgen Fatma,\n- Amal & Omar (https://inburgering.example/dossiers/1): pip termijn", tekst);
    }

    private static Dictionary<string, object?> Model() =>
        SjabloonModel.Maak(("Almelo", null), ("Fatma Yilmaz", null, null), ("Amal", "Haddad", "1012345678", null), new DateOnly(2027, 1, 14));
}
