using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Grader.Grading;
using Grader.Problems;
using Grader.Syntax;
using Grader.Values;

namespace Grader.Tests.Fuzz;

/// <summary>
/// Randomly damaged copies of the shipped problem sets and submissions, and random
/// expression text, never make Grader throw: every failure is a one-line diagnostic
/// with a position. Each property draws its whole batch from one fixed seed, so a
/// run is the same every time.
/// </summary>
public partial class FuzzTests
{
    private const string Seed = "0N0XIzNsQ0O2";

    /// <summary>Writes a lone surrogate as U+FFFD, as an editor would, instead of throwing.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly string[] SetFiles = ["practice.yaml", "section3.yaml", "tensors.yaml"];

    private static readonly string[] SubmissionFiles = ["alice.yaml", "bob.yaml", "carol.yaml"];

    [GeneratedRegex(@"^(.+:\d+:\d+|grader): error: ")]
    private static partial Regex ErrorLine();

    private static Gen<(string Name, string Text)[]> Mutants(string folder, string[] files, int count) =>
        Gen.Int[0, files.Length - 1]
            .SelectMany(i => Mutation.Of(Shipped(folder, files[i])).Select(text => (files[i], text)))
            .Array[count];

    private static string Count<T>(T[] batch) => $"a batch of {batch.Length}";

    private static string Shipped(string folder, string file) =>
        File.ReadAllText(RepositoryPaths.Of(folder, file));

    [Fact]
    public void ProblemSetLoaderReportsDamagedSetsWithoutThrowing()
    {
        Mutants("problems", SetFiles, 400).Sample(mutants =>
        {
            foreach (var (name, text) in mutants)
            {
                var (set, diagnostics) = ProblemSetLoader.Load(text, name);

                Assert.True(set is not null || diagnostics.Count > 0, $"no set and no error for:\n{text}");
            }
        }, seed: Seed, iter: 1, print: Count);
    }

    [Fact]
    public void SubmissionLoaderReportsDamagedSubmissionsWithoutThrowing()
    {
        Mutants("submissions", SubmissionFiles, 400).Sample(mutants =>
        {
            foreach (var (name, text) in mutants)
            {
                var (submission, error) = SubmissionLoader.Load(text, name);

                Assert.True(submission is not null || error is not null, $"no submission and no error for:\n{text}");
            }
        }, seed: Seed, iter: 1, print: Count);
    }

    [Fact]
    public void ParserAndConstantEvaluatorReportRandomTextWithoutThrowing()
    {
        Mutation.Expression.Array[2000].Sample(texts =>
        {
            foreach (var text in texts)
            {
                var source = ExpressionSource.Detached(text);

                var parsed = Parser.Parse(source);
                var (value, error) = ConstantEvaluator.Evaluate(source);

                Assert.True(parsed.Expr is not null ^ parsed.Error is not null, $"parse of `{text}`");
                Assert.True(error is not null || double.IsFinite(value), $"value of `{text}`");
            }
        }, seed: Seed, iter: 1, print: Count);
    }

    [Fact]
    public void CommandsOnDamagedSetsPrintOnlyPositionedErrors()
    {
        var alice = RepositoryPaths.Of("submissions", "alice.yaml");
        Mutants("problems", SetFiles, 60).Sample(mutants =>
        {
            foreach (var (name, text) in mutants)
            {
                WithFile(name, text, path =>
                {
                    AssertCleanRun(text, "solve", path, "--format", "json");
                    AssertCleanRun(text, "verify", path);
                    AssertCleanRun(text, "template", path);
                    AssertCleanRun(text, "graph", path, "--problem", "sigmoid");
                    AssertCleanRun(text, "grade", path, alice, "--format", "junit");
                });
            }
        }, seed: Seed, iter: 1, print: Count);
    }

    [Fact]
    public void GradingDamagedSubmissionsPrintsOnlyPositionedErrors()
    {
        var set = RepositoryPaths.Of("problems", "section3.yaml");
        Mutants("submissions", SubmissionFiles, 150).Sample(mutants =>
        {
            foreach (var (name, text) in mutants)
            {
                WithFile(name, text, path =>
                {
                    AssertCleanRun(text, "grade", set, path);
                    AssertCleanRun(text, "grade", set, path, "--format", "json");
                });
            }
        }, seed: Seed, iter: 1, print: Count);
    }

    [Fact]
    public void CommandsOnRandomNodeExpressionsPrintOnlyPositionedErrors()
    {
        Gen.OneOf(Mutation.Expression, Mutation.Grammatical(4)).Array[400].Sample(texts =>
        {
            foreach (var text in texts)
            {
                var yaml = $"""
                    set: s
                    problems:
                      - id: p
                        nodes:
                          f: "{text.Replace("\\", "\\\\").Replace("\"", "\\\"")}"
                        inputs: {"{"} x: 0.5, y: -2, W: [[1, 2], [3, 4], [5, 6]], z1: [1, 0] {"}"}
                    """;
                WithFile("set.yaml", yaml, path =>
                {
                    AssertCleanRun(yaml, "solve", path, "--format", "json");
                    AssertCleanRun(yaml, "verify", path);
                    AssertCleanRun(yaml, "graph", path, "--problem", "p");
                });
            }
        }, seed: Seed, iter: 1, print: Count);
    }

    private static void WithFile(string name, string text, Action<string> use)
    {
        var folder = Directory.CreateTempSubdirectory("grader-fuzz-");
        try
        {
            var path = Path.Combine(folder.FullName, name);
            File.WriteAllText(path, text, Utf8);
            use(path);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void AssertCleanRun(string text, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var code = Grader.Cli.Cli.Run(args, output, error);

        var context = $"grader {string.Join(' ', args)} exited {code} on:\n{text}\n---\n{error}";
        Assert.InRange(code, 0, 2);
        Assert.DoesNotContain("internal error", error.ToString());
        foreach (var line in error.ToString().Split('\n').Where(l => l.Contains("error:")))
        {
            Assert.True(ErrorLine().IsMatch(line), context);
        }
    }
}
