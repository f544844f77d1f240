using System.Globalization;
using System.Text;
using Inburgering.Modules.Dossiers.Features.Import;

namespace Inburgering.UnitTests.Dossiers;

/// <summary>How a TVS export is read: row by row from the stream, with bad encoding and formulas marked on their own row.</summary>
public sealed class KoppelingBestandTests
{
    [Fact]
    public void A_csv_of_twenty_thousand_rows_is_read_from_the_stream_row_by_row_never_whole()
    {
        var tekst = new StringBuilder("V-nummer;Voornamen;Achternaam;Datum koppeling\r\n");
        for (var i = 0; i < 20_000; i++)
        {
            tekst.Append(CultureInfo.InvariantCulture, $"{1_000_000_000 + i};Amal;Haddad;01-02-2026\r\n");
        }

        using var stroom = new TellendeStroom(Encoding.UTF8.GetBytes(tekst.ToString()));
        var (koppen, rijen) = KoppelingBestand.OpenCsv(stroom);
        Assert.Equal(["V-nummer", "Voornamen", "Achternaam", "Datum koppeling"], koppen);
        using var lezer = rijen.GetEnumerator();
        Assert.True(lezer.MoveNext());
        Assert.Equal("1000000000", lezer.Current.Cellen["v-nummer"]);
        // After the first row only a buffer's worth of the 900 kB has been read.
        Assert.True(stroom.Gelezen < stroom.Length / 10, $"{stroom.Gelezen} of {stroom.Length} bytes read for the first row");
        var aantal = 1;
        var laatste = 0;
        while (lezer.MoveNext())
        {
            aantal++;
            laatste = lezer.Current.Nummer;
        }

        Assert.Equal((20_000, 20_001), (aantal, laatste));
    }

    [Fact]
    public void A_row_in_another_encoding_is_marked_on_its_own_and_the_rows_around_it_read_well()
    {
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes("V-nummer;Achternaam\r\n1000000001;Çelik\r\n"));
        bytes.AddRange(Encoding.Latin1.GetBytes("1000000002;Çelik\r\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("1000000003;Öztürk\r\n"));
        var rijen = KoppelingBestand.OpenCsv(new MemoryStream([.. bytes])).Rijen.ToList();
        Assert.Equal([false, true, false], rijen.Select(r => r.OngeldigeTekens));
        Assert.Equal(["Çelik", "Öztürk"], new[] { rijen[0], rijen[2] }.Select(r => (string)r.Cellen["Achternaam"]!));
        Assert.Equal([2, 3, 4], rijen.Select(r => r.Nummer));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", true)]
    [InlineData("+31 6 1234", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("-cmd", true)]
    [InlineData("\t=1", true)]
    [InlineData("-12", false)]
    [InlineData("Amal", false)]
    [InlineData("Jean-Luc", false)]
    public void A_cell_a_spreadsheet_would_run_is_a_formula(string waarde, bool formule) => Assert.Equal(formule, KoppelingBestand.IsFormule(waarde));

    [Fact]
    public void Dates_are_read_from_dutch_and_iso_text_and_from_spreadsheet_dates()
    {
        DateOnly? Lees(object? waarde) => Assert.IsType<bool>(ImportVelden.TryDatum(waarde, out var d)) && d is not null ? d : throw new FormatException();
        var verwacht = new DateOnly(1990, 3, 12);
        Assert.Equal(verwacht, Lees("12-03-1990"));
        Assert.Equal(verwacht, Lees("1990-03-12"));
        Assert.Equal(verwacht, Lees("12/03/1990"));
        Assert.Equal(verwacht, Lees(new DateTime(1990, 3, 12, 0, 0, 0, DateTimeKind.Unspecified)));
        Assert.Equal(verwacht, Lees(new DateTime(1990, 3, 12, 0, 0, 0, DateTimeKind.Unspecified).ToOADate()));
        Assert.False(ImportVelden.TryDatum("31-02-1990", out _));
        Assert.False(ImportVelden.TryDatum("gisteren", out _));
        Assert.True(ImportVelden.TryDatum(null, out var leeg) && leeg is null);
    }

    private sealed class TellendeStroom(byte[] inhoud) : MemoryStream(inhoud, writable: false)
    {
        public long Gelezen { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = base.Read(buffer, offset, count);
            Gelezen += n;
            return n;
        }

        public override int Read(Span<byte> buffer)
        {
            var n = base.Read(buffer);
            Gelezen += n;
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await base.ReadAsync(buffer, cancellationToken);
            Gelezen += n;
            return n;
        }
    }
}
