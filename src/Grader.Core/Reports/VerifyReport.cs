using System.Text;
using Grader.Checking;
using Grader.Diagnostics;
using Grader.Values;

namespace Grader.Reports;

/// <summary>The problems of one file and their checks, or the diagnostics that stopped it loading.</summary>
public sealed record VerifiedSet(string File, string? SetId, IReadOnlyList<ProblemCheck> Problems, IReadOnlyList<Diagnostic> Warnings);

/// <summary>The cross-check of backprop against finite differences, as text or JSON.</summary>
public static class VerifyReport
{
    public static string Status(CheckStatus status) => status switch
    {
        CheckStatus.Ok => "ok",
        CheckStatus.Kink => "kink",
        CheckStatus.Mismatch => "mismatch",
        _ => "error",
    };

    public static bool AllOk(IEnumerable<VerifiedSet> sets) =>
        sets.SelectMany(s => s.Problems).All(p => p.Status == CheckStatus.Ok);

    public static string Text(IReadOnlyList<VerifiedSet> sets)
    {
        var text = new StringBuilder();
        foreach (var set in sets)
        {
            var problems = set.Problems;
            var bad = problems.Count(p => p.Status != CheckStatus.Ok);
            text.Append(set.File).Append(": ").Append(problems.Count).Append(problems.Count == 1 ? " problem, " : " problems, ");
            text.Append(bad == 0 ? "every gradient agrees with finite differences" : $"{bad} with findings").Append('\n');
            foreach (var problem in problems)
            {
                text.Append('\n').Append(problem.Id).Append("  ").Append(Status(problem.Status));
                text.Append(problem.Message is null ? "\n" : $": {problem.Message}\n");
                if (problem.Checks.Count == 0)
                {
                    continue;
                }

                var table = new TextTable("gradient", "backprop", "numeric", "rel error", "verdict").AlignRight(1, 2, 3);
                foreach (var check in problem.Checks)
                {
                    var verdict = check.Message is null ? Status(check.Status) : $"{Status(check.Status)}: {check.Message}";
                    table.Add(check.Key, Numbers.Short(check.Backprop), Numbers.Short(check.Numeric),
                        check.RelError.ToString("0.0e+0", System.Globalization.CultureInfo.InvariantCulture), verdict);
                }

                text.Append(table.Render());
            }
        }

        return text.ToString();
    }

    public static string Json(IReadOnlyList<VerifiedSet> sets) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteBoolean("ok", AllOk(sets));
        w.WriteStartArray("problems");
        foreach (var set in sets)
        {
            foreach (var problem in set.Problems)
            {
                w.WriteStartObject();
                w.WriteString("file", set.File);
                w.StringOrNull("set", set.SetId);
                w.WriteString("id", problem.Id);
                w.WriteString("status", Status(problem.Status));
                w.StringOrNull("message", problem.Message);
                w.WriteStartArray("checks");
                foreach (var check in problem.Checks)
                {
                    w.WriteStartObject();
                    w.WriteString("key", check.Key);
                    w.Number("backprop", check.Backprop);
                    w.Number("numeric", check.Numeric);
                    w.Number("absError", check.AbsError);
                    w.Number("relError", check.RelError);
                    w.WriteString("status", Status(check.Status));
                    if (check.Message is not null)
                    {
                        w.WriteString("message", check.Message);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });
}
