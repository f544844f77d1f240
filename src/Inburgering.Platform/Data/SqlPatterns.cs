namespace Inburgering.Platform.Data;

/// <summary>Search text as a LIKE/ILIKE pattern: the user's <c>%</c>, <c>_</c> and <c>\</c> match themselves.</summary>
public static class SqlPatterns
{
    public static string Contains(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
