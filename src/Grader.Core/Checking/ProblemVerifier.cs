using System.Globalization;
using Grader.Graphs;
using Grader.Grading;
using Grader.Problems;
using Grader.Values;

namespace Grader.Checking;

/// <summary>A variant of the inputs on which a problem fails its check.</summary>
public sealed record VariantFinding(string Inputs, CheckStatus Status, string Message);

/// <summary>
/// Everything `verify` finds about one problem: the check at the default inputs,
/// the variants that hit a kink or a failing forward pass, and the common mistakes
/// that the problem's tolerance would let through.
/// </summary>
public sealed record Verification(ProblemCheck Check, int VariantsChecked, IReadOnlyList<VariantFinding> Findings,
    IReadOnlyList<string> Warnings)
{
    public CheckStatus Status => Findings.Select(f => f.Status).Append(Check.Status).Max();

    public string Id => Check.Id;
}

public static class ProblemVerifier
{

    /// <summary>Variant spaces up to this size are checked whole; larger ones by a sample of this size.</summary>
    public const int VariantBudget = 64;

    public static Verification Verify(Problem problem, string setId)
    {
        var compiled = ProblemCompiler.Compile(problem, setId, null);
        var check = GradientChecker.Check(compiled);
        var warnings = check.Solution.Failed ? [] : InvisibleMistakes(problem, setId, check);
        var variants = Variants(problem, setId).ToList();
        var findings = new List<VariantFinding>();
        foreach (var (label, inputs) in variants)
        {
            var result = GradientChecker.Check(ProblemCompiler.Compile(problem, setId, null, inputs));
            if (result.Status != CheckStatus.Ok)
            {
                findings.Add(new VariantFinding(label, result.Status, Describe(result)));
            }
        }

        return new Verification(check, variants.Count, findings, warnings);
    }

    private static string Describe(ProblemCheck check)
    {
        var worst = check.Checks.Where(c => c.Status == check.Status).Select(c => c.Key).FirstOrDefault();
        return check.Status switch
        {
            CheckStatus.Error when check.Solution.Failure is { } failure =>
                failure.Message.Replace($"problem `{check.Id}`: ", "", StringComparison.Ordinal),
            CheckStatus.Kink => $"kink at `{worst}`",
            CheckStatus.Mismatch => $"backprop disagrees with finite differences at `{worst}`",
            _ => check.Message ?? "",
        };
    }

    /// <summary>Every combination of a small variant space, or a fixed sample of a large one.</summary>
    private static IEnumerable<(string Label, Dictionary<string, Tensor> Inputs)> Variants(
        Problem problem, string setId)
    {
        var varying = problem.Inputs.Where(i => i.Variant is not null).ToList();
        if (varying.Count == 0)
        {
            yield break;
        }

        long space = 1;
        foreach (var input in varying)
        {
            space = input.Variant!.SpaceSize is { } size && space <= VariantBudget ? space * size : long.MaxValue;
        }

        if (space <= VariantBudget)
        {
            var combinations = new List<Dictionary<string, Tensor>> { new() };
            foreach (var input in varying)
            {
                combinations = combinations
                    .SelectMany(c => input.Variant!.Enumerate()
                        .Select(v => new Dictionary<string, Tensor>(c) { [input.Name] = v }))
                    .ToList();
            }

            foreach (var combination in combinations)
            {
                yield return (Label(combination), combination);
            }

            yield break;
        }

        for (var k = 1; k <= VariantBudget; k++)
        {
            var student = "sample-" + k.ToString(CultureInfo.InvariantCulture);
            var inputs = varying.ToDictionary(i => i.Name, i => i.Variant!.Draw(setId, problem.Id, i.Name, student));
            yield return (Label(inputs), inputs);
        }
    }

    private static string Label(Dictionary<string, Tensor> inputs) =>
        string.Join(", ", inputs.Select(p => $"{p.Key} = {p.Value}"));

    /// <summary>
    /// Common wrong answers that the tolerance accepts at the problem's inputs, so that the
    /// problem cannot tell them from right. A mistake that coincides with the answer at any
    /// inputs (df/dy and df/dq when q = y + z) is structural, not a weakness of these
    /// inputs: it is recognised by coinciding again at other inputs, and left out.
    /// </summary>
    private static List<string> InvisibleMistakes(Problem problem, string setId, ProblemCheck check)
    {
        var solution = check.Solution;
        var mistakes = new Mistakes(solution, []);
        var elsewhere = Elsewhere(problem, setId, solution);
        var elsewhereMistakes = elsewhere is null ? null : new Mistakes(elsewhere, []);
        var warnings = new List<string>();
        foreach (var answer in solution.Answers)
        {
            var structural = elsewhere is null ? [] : Coinciding(elsewhereMistakes!, elsewhere, answer.Key.Text);
            var invisible = mistakes.CommonMistakes(answer.Key)
                .Where(m => Comparison.Matches(answer.Value, m.Value, answer.Key.Tolerance))
                .Select(m => m.Mistake)
                // A flipped sign is worth a warning even where it holds at any input: nothing catches it.
                .Where(m => m == Mistakes.FlippedSign || !structural.Contains(m))
                .Distinct()
                .ToList();
            if (invisible.Count > 0)
            {
                warnings.Add($"`{answer.Key.Text}`: the tolerance accepts {string.Join("; ", invisible)}, "
                    + "so the problem cannot catch that mistake; choose other inputs");
            }
        }

        return warnings;
    }

    private static HashSet<string> Coinciding(Mistakes mistakes, Solving.Solution solution, string key)
    {
        var answer = solution.Find(key)!;
        return mistakes.CommonMistakes(answer.Key)
            .Where(m => Comparison.Matches(answer.Value, m.Value, answer.Key.Tolerance))
            .Select(m => m.Mistake)
            .ToHashSet();
    }

    /// <summary>The problem solved at other, nearby inputs; null when it cannot be solved there.</summary>
    private static Solving.Solution? Elsewhere(Problem problem, string setId, Solving.Solution solution)
    {
        var moved = solution.Problem.Inputs.ToDictionary(
            p => p.Key,
            p => ProblemCompiler.IsIndexOnly(solution.Problem, solution.Problem.Find(p.Key)!)
                ? p.Value
                : p.Value.Map(v => v * 1.13 + 0.37));
        var elsewhere = Solving.Solver.Solve(ProblemCompiler.Compile(problem, setId, null, moved));
        return elsewhere.Failed ? null : elsewhere;
    }
}
