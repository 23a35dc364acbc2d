using System.Text;
using Grader.Checking;
using Grader.Diagnostics;
using Grader.Values;

namespace Grader.Reports;

/// <summary>The problems of one file and their checks, or the diagnostics that stopped it loading.</summary>
public sealed record VerifiedSet(string File, string? SetId, IReadOnlyList<Verification> Problems);

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

    public static int WarningCount(IEnumerable<VerifiedSet> sets) =>
        sets.SelectMany(s => s.Problems).Sum(p => p.Warnings.Count);

    public static string Text(IReadOnlyList<VerifiedSet> sets)
    {
        var text = new StringBuilder();
        foreach (var set in sets)
        {
            var problems = set.Problems;
            var bad = problems.Count(p => p.Status != CheckStatus.Ok);
            text.Append(set.File)
                .Append(": ")
                .Append(problems.Count)
                .Append(problems.Count == 1 ? " problem, " : " problems, ");
            text.Append(bad == 0 ? "every gradient agrees with finite differences" : $"{bad} with findings")
                .Append('\n');
            foreach (var verification in problems)
            {
                var problem = verification.Check;
                text.Append('\n').Append(problem.Id).Append("  ").Append(Status(verification.Status));
                text.Append(problem.Message is null ? "\n" : $": {problem.Message}\n");
                AppendVariants(text, verification);
                foreach (var warning in verification.Warnings)
                {
                    text.Append("  warning: ").Append(warning).Append('\n');
                }

                if (problem.Checks.Count == 0)
                {
                    continue;
                }

                var table = new TextTable("gradient", "backprop", "numeric", "rel error", "verdict")
                    .AlignRight(1, 2, 3);
                foreach (var check in problem.Checks)
                {
                    var verdict = check.Message is null
                        ? Status(check.Status)
                        : $"{Status(check.Status)}: {check.Message}";
                    table.Add(check.Key, Numbers.Short(check.Backprop), Numbers.Short(check.Numeric),
                        check.RelError.ToString("0.0e+0", System.Globalization.CultureInfo.InvariantCulture), verdict);
                }

                text.Append(table.Render());
            }
        }

        return text.ToString();
    }

    private const int ShownFindings = 8;

    private static void AppendVariants(StringBuilder text, Verification verification)
    {
        if (verification.VariantsChecked == 0)
        {
            return;
        }

        var findings = verification.Findings;
        text.Append($"  variants: {verification.VariantsChecked} checked");
        text.Append(findings.Count == 0
            ? ", all ok\n"
            : $", {findings.Count} with findings; narrow the inputs to avoid them:\n");
        foreach (var finding in findings.Take(ShownFindings))
        {
            text.Append($"    {finding.Inputs}: {Status(finding.Status)}: {finding.Message}\n");
        }

        if (findings.Count > ShownFindings)
        {
            text.Append($"    and {findings.Count - ShownFindings} more\n");
        }
    }

    public static string Json(IReadOnlyList<VerifiedSet> sets) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteBoolean("ok", AllOk(sets));
        w.WriteStartArray("problems");
        foreach (var set in sets)
        {
            foreach (var verification in set.Problems)
            {
                var problem = verification.Check;
                w.WriteStartObject();
                w.WriteString("file", set.File);
                w.StringOrNull("set", set.SetId);
                w.WriteString("id", problem.Id);
                w.WriteString("status", Status(verification.Status));
                w.StringOrNull("message", problem.Message);
                w.WriteStartArray("warnings");
                foreach (var warning in verification.Warnings)
                {
                    w.WriteStringValue(warning);
                }

                w.WriteEndArray();
                w.WriteStartObject("variants");
                w.WriteNumber("checked", verification.VariantsChecked);
                w.WriteStartArray("findings");
                foreach (var finding in verification.Findings)
                {
                    w.WriteStartObject();
                    w.WriteString("inputs", finding.Inputs);
                    w.WriteString("status", Status(finding.Status));
                    w.WriteString("message", finding.Message);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
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
