namespace Inburgering.ArchitectureTests;

/// <summary>Raw SQL stays in Data/Sql folders, where reviewers look for it; everything else goes through EF and its filters.</summary>
public sealed class SourceRulesTests
{
    private static readonly string[] RawSqlMarkers = ["new NpgsqlCommand(", "FromSql", "ExecuteSql", "SqlQuery", ".CreateCommand("];

    // The embedded development database creates roles and databases before any schema exists.
    private static readonly string[] AllowedOutsideSqlFolders = ["src/Inburgering.Platform/Data/Embedded/EmbeddedPostgres.cs"];

    [Fact]
    public void Raw_sql_appears_only_in_data_sql_folders()
    {
        var root = RepositoryRoot();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.Contains("/Data/Sql/", StringComparison.Ordinal) && !AllowedOutsideSqlFolders.Contains(f))
            .Where(f => RawSqlMarkers.Any(m => File.ReadAllText(Path.Combine(root, f)).Contains(m, StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_banned_api_list_covers_the_isolation_and_time_rules()
    {
        var banned = File.ReadAllText(Path.Combine(RepositoryRoot(), "BannedSymbols.txt"));

        Assert.Contains("EntityFrameworkQueryableExtensions.IgnoreQueryFilters``1(System.Linq.IQueryable{``0})", banned, StringComparison.Ordinal);
        Assert.Contains("RelationalDatabaseFacadeExtensions.ExecuteSqlRaw", banned, StringComparison.Ordinal);
        Assert.Contains("RelationalQueryableExtensions.FromSqlRaw", banned, StringComparison.Ordinal);
        Assert.Contains("P:System.DateTime.UtcNow", banned, StringComparison.Ordinal);
        Assert.Contains("P:System.DateTimeOffset.UtcNow", banned, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_text_on_a_page_has_an_english_translation()
    {
        var root = RepositoryRoot();
        var namen = System.Xml.Linq.XDocument.Load(Path.Combine(root, "src/Inburgering.Web/Resources/Texts.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToList();
        var english = namen.ToHashSet(StringComparer.Ordinal);

        // Resource names are unique regardless of case: the build keeps one of "Gemeente" and "gemeente" and drops the other.
        Assert.Empty(namen.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key));
        var missing = Directory.EnumerateFiles(Path.Combine(root, "src/Inburgering.Web/Pages"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "T\\[\"([^\"]+)\"\\]").Select(m => m.Groups[1].Value))
            .Where(key => !english.Contains(key))
            .Distinct()
            .ToList();

        Assert.True(english.Count > 50);
        Assert.Empty(missing);
    }

    [Fact]
    public void Tests_take_today_from_the_products_calendar_never_from_the_utc_date()
    {
        // Between 22:00 and 00:00 UTC the UTC date is yesterday in Amsterdam: a test built on it fails at night.
        var root = RepositoryRoot();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "etc/bench"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(f), @"DateOnly\.FromDateTime\([^;]*UtcDateTime|UtcNow\.Date\b|GetUtcNow\(\)\.Date\b"))
            .Select(f => Path.GetRelativePath(root, f))
            .ToList();

        Assert.Empty(offenders);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Inburgering.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
