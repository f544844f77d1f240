using Inburgering.Platform.Data;
using Inburgering.Platform.Errors;

namespace Inburgering.UnitTests.Platform;

/// <summary>The one paging cursor: opaque, bound to its list and sort order, and refused with a named field otherwise.</summary>
public sealed class PagingCursorTests
{
    private static readonly Guid Id = Guid.Parse("0190a0b0-0000-7000-8000-000000000001");

    [Fact]
    public void A_cursor_reads_back_as_written_and_shows_nothing_of_its_content()
    {
        var tekst = PagingCursor.Na("signalen-vervaldatum", new DateOnly(2026, 12, 31), Id).Schrijf();

        Assert.DoesNotContain("2026", tekst, StringComparison.Ordinal);
        var check = new Invoer("Test:Validation");
        var gelezen = check.Cursor(tekst, "signalen-vervaldatum", sleutelIsDatum: true);
        Assert.Equal(new DateOnly(2026, 12, 31), gelezen?.Datum);
        Assert.Equal(Id, gelezen?.Id);
        Assert.False(check.HeeftFouten);
    }

    [Theory]
    [InlineData("caseload-naam")]
    [InlineData("caseload-koppeling")]
    public void A_cursor_of_another_list_or_sort_order_or_a_tampered_one_names_the_field(string andereLijst)
    {
        var vanElders = new PagingCursor(andereLijst, "Haddad", Id).Schrijf();
        var check = new Invoer("Test:Validation");

        Assert.Null(check.Cursor(vanElders, "signalen-vervaldatum", sleutelIsDatum: true));
        Assert.Null(check.Cursor("xyz", "signalen-vervaldatum", sleutelIsDatum: true));
        Assert.Null(check.Cursor(new PagingCursor("signalen-vervaldatum", "geen datum", Id).Schrijf(), "signalen-vervaldatum", sleutelIsDatum: true));
        var fout = Assert.Throws<ValidationFailedException>(check.Klaar);
        Assert.Equal("Test:Validation", fout.Code);
        Assert.Equal(3, fout.Errors["cursor"].Length);
    }
}
