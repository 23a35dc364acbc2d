using Grader.Diagnostics;
using Grader.Graphs;
using Grader.Problems;

namespace Grader.Tests;

/// <summary>Loads problem sets written in a test, always as the file `set.yaml`.</summary>
internal static class Sets
{
    public const string File = "set.yaml";

    /// <summary>
    /// A set with one problem `p` whose only node is `f: EXPRESSION`.
    /// The expression starts at line 5, column 10.
    /// </summary>
    public static string OneNode(string expression, string inputs = "x: 1") => $"""
        set: s
        problems:
          - id: p
            nodes:
              f: {expression}
            inputs: {"{"} {inputs} {"}"}

        """;

    /// <summary>A set with one problem `p` given as `function: NAME = EXPRESSION`.</summary>
    public static string OneFunction(string function, string inputs) => $"""
        set: s
        problems:
          - id: p
            function: {function}
            inputs: {"{"} {inputs} {"}"}

        """;

    public static (ProblemSet? Set, List<Diagnostic> Diagnostics) Load(string yaml) =>
        ProblemSetLoader.Load(yaml, File);

    /// <summary>Every error, one `FILE:LINE:COLUMN: error: MESSAGE` line each; warnings left out.</summary>
    public static string[] Errors(string yaml) =>
        Load(yaml).Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()).ToArray();

    /// <summary>The first problem of a set that must load without errors.</summary>
    public static CompiledProblem Compile(string yaml)
    {
        var (set, diagnostics) = Load(yaml);
        Assert.True(set is not null, string.Join("\n", diagnostics));
        return ProblemCompiler.Compile(set!.Problems[0], set.Id, student: null);
    }
}
