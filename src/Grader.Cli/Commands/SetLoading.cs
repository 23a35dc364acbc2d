using Grader.Diagnostics;
using Grader.Problems;

namespace Grader.Cli.Commands;

/// <summary>Loads a problem set and prints its diagnostics, one line each.</summary>
public static class SetLoading
{
    public static ProblemSet? Load(string path, CliConsole console)
    {
        var (set, diagnostics) = ProblemSetLoader.LoadFile(path);
        Print(diagnostics, console);
        return set;
    }

    public static void Print(IEnumerable<Diagnostic> diagnostics, CliConsole console)
    {
        foreach (var diagnostic in diagnostics)
        {
            console.Error.WriteLine(diagnostic.ToString());
        }
    }

    public static IReadOnlyList<Problem> Select(ProblemSet set, string? id, CliConsole console)
    {
        if (id is null)
        {
            return set.Problems;
        }

        var problem = set.Problems.FirstOrDefault(p => p.Id == id);
        if (problem is null)
        {
            var hint = Suggest.Hint(id, set.Problems.Select(p => p.Id));
            console.Error.WriteLine($"{set.File}:1:1: error: no problem `{id}` in set `{set.Id}`{hint}");
            return [];
        }

        return [problem];
    }
}
