using System.Globalization;

namespace Grader.Diagnostics;

/// <summary>Counted nouns for messages: "1 element", "3 elements", "1 index", "2 indices".</summary>
public static class Words
{
    public static string Count(int n, string singular, string? plural = null)
    {
        var word = n == 1 ? singular : plural ?? singular + "s";
        return $"{n.ToString(CultureInfo.InvariantCulture)} {word}";
    }
}
