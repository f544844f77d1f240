using Inburgering.Modules.Tenancy.Data.ReferenceData;
using Inburgering.Modules.Tenancy.Domain;

namespace Inburgering.UnitTests.Tenancy;

public sealed class ReferenceDataTests
{
    [Fact]
    public void The_register_has_all_342_gemeenten_in_12_provinces()
    {
        var gemeenten = ReferenceDataFiles.Gemeenten();

        Assert.Equal(342, gemeenten.Count);
        Assert.Equal(12, gemeenten.Select(g => g.Provincie).Distinct().Count());
        Assert.Equal(342, gemeenten.Select(g => g.Naam).Distinct().Count());
    }

    [Fact]
    public void Quoted_names_with_commas_are_read_whole()
    {
        var nuenen = ReferenceDataFiles.Gemeenten().Single(g => g.Naam.StartsWith("Nuenen", StringComparison.Ordinal));

        Assert.Equal("Nuenen, Gerwen en Nederwetten", nuenen.Naam);
        Assert.Equal(23826, nuenen.Inwoners2022);
        Assert.Equal(37, nuenen.Taakstelling);
    }

    [Fact]
    public void The_taakstelling_figures_are_read_as_published()
    {
        var gemeenten = ReferenceDataFiles.Gemeenten().ToDictionary(g => g.Naam);

        Assert.Equal((347, 27), (gemeenten["Tilburg"].Taakstelling, gemeenten["Tilburg"].WaarvanAmv));
        Assert.Equal((51, 4), (gemeenten["Oisterwijk"].Taakstelling, gemeenten["Oisterwijk"].WaarvanAmv));
        Assert.True(gemeenten["Vlieland"].Voetnoot4);
        Assert.False(gemeenten["Tilburg"].Voetnoot4);
        Assert.All(gemeenten.Values, g => Assert.InRange(g.WaarvanAmv, 0, g.Taakstelling));
    }

    [Fact]
    public void Every_region_member_is_a_gemeente_in_the_register()
    {
        var names = ReferenceDataFiles.Gemeenten().Select(g => g.Naam).ToHashSet();
        var regios = ReferenceDataFiles.Regios();

        Assert.All(regios, r => Assert.Contains(r.Gemeente, names));
        Assert.Equal(14, regios.Count(r => r.Regio == "Twente"));
        Assert.Equal(11, regios.Count(r => r.Regio == "Hart van Brabant"));
    }

    [Theory]
    [InlineData("Hengelo (O.)", "hengelo-o")]
    [InlineData("Súdwest-Fryslân", "sudwest-fryslan")]
    [InlineData("'s-Hertogenbosch", "s-hertogenbosch")]
    [InlineData("Nuenen, Gerwen en Nederwetten", "nuenen-gerwen-en-nederwetten")]
    public void Slugs_are_readable_ascii(string naam, string slug)
    {
        Assert.Equal(slug, Slug.From(naam));
    }

    [Fact]
    public void Every_gemeente_has_a_distinct_slug()
    {
        var slugs = ReferenceDataFiles.Gemeenten().Select(g => Slug.From(g.Naam)).ToList();

        Assert.Equal(slugs.Count, slugs.Distinct().Count());
    }

    [Fact]
    public void Csv_fields_handle_doubled_quotes()
    {
        Assert.Equal(["a", "say \"hi\", then", "c"], ReferenceDataFiles.SplitCsvLine("a,\"say \"\"hi\"\", then\",c"));
    }
}
