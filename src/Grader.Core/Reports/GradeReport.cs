using System.Globalization;
using System.Text;
using Grader.Grading;
using Grader.Problems;
using Grader.Values;

namespace Grader.Reports;

/// <summary>How a grade report is written.</summary>
public sealed record GradeReportOptions(bool Reveal = false, bool Colour = false, double PassMark = 100)
{
    /// <summary>The report's time stamp: SOURCE_DATE_EPOCH when set, so that a report can be reproduced.</summary>
    public DateTimeOffset Timestamp { get; init; } = DateTimeOffset.UnixEpoch;
}

/// <summary>Grades as text for a person at a terminal, JSON for programs, and Markdown for CI summaries.</summary>
public static class GradeReport
{
    public static string Verdict(Verdict verdict) => verdict switch
    {
        Grading.Verdict.Correct => "correct",
        Grading.Verdict.Incorrect => "incorrect",
        Grading.Verdict.Missing => "missing",
        _ => "invalid",
    };

    public static string Status(SubmissionStatus status) => status == SubmissionStatus.Graded ? "graded" : "error";

    public static string Score(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Summary(SubmissionResult result) =>
        $"{Score(result.Score)}/{Score(result.MaxScore)} ({Numbers.Percent(result.Percent)} %)";

    /// <summary>
    /// A one-line account of the error: absolute and relative, at the worst element; empty when exact.
    /// </summary>
    public static string Error(AnswerResult answer)
    {
        // An error at the rounding of double arithmetic (-1.5 * 0.3 against -0.45) reads as exact.
        var magnitude = answer.Expected.Data.Max(Math.Abs);
        if (answer.AbsError is not { } abs || abs <= 1e-12 * Math.Max(1, magnitude))
        {
            return "";
        }

        var at = answer.WorstElement is null ? "" : $" at {answer.WorstElement}";
        var rel = answer.RelError is { } r ? $", rel {Relative(r)}" : "";
        return $"abs {Numbers.Short(abs, 3)}{rel}{at}";
    }

    /// <summary>A relative error as a percentage when it is large enough to read as one.</summary>
    public static string Relative(double rel) => rel >= 1e-3
        ? rel.ToString("0.##%", CultureInfo.InvariantCulture)
        : rel.ToString("0.##e+0", CultureInfo.InvariantCulture);

    /// <summary>What the report says about an answer: the reason it is invalid and the hint.</summary>
    public static string Note(AnswerResult answer)
    {
        var parts = new List<string>();
        if (answer.Reason is not null)
        {
            parts.Add(answer.Reason);
        }

        if (answer.Hint is not null)
        {
            parts.Add(answer.Hint);
        }

        return string.Join("; ", parts);
    }

    /// <summary>The accepted interval around the reference, for reports that reveal it.</summary>
    public static string Accepted(AnswerResult answer)
    {
        if (!answer.Expected.IsScalar)
        {
            return $"each element within {answer.Tolerance}";
        }

        return answer.Tolerance.Interval(answer.Expected.ScalarValue);
    }

    public static string Text(string setId, IReadOnlyList<SubmissionResult> results, GradeReportOptions options)
    {
        var text = new StringBuilder();
        foreach (var result in results)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            AppendSubmission(text, result, options);
        }

        if (results.Count > 1)
        {
            var passing = results.Count(r => r.Passes(options.PassMark));
            text.Append($"\n{results.Count} submissions: {passing} at or above the pass mark of "
                + $"{Numbers.Percent(options.PassMark)} %, {results.Count - passing} below\n");
        }

        return text.ToString();
    }

    private static void AppendSubmission(StringBuilder text, SubmissionResult result, GradeReportOptions options)
    {
        var colour = new Colour(options.Colour);
        var pass = result.Passes(options.PassMark);
        text.Append(colour.Bold(result.Student)).Append("  ").Append(result.File).Append("  ");
        if (result.Status == SubmissionStatus.Error)
        {
            text.Append(colour.Red("error")).Append('\n');
            text.Append("  ").Append(result.Error).Append('\n');
            return;
        }

        text.Append(Summary(result))
            .Append("  ")
            .Append(pass ? colour.Green("pass") : colour.Red("below the pass mark"))
            .Append('\n');
        foreach (var warning in result.Warnings.Concat(result.Failures))
        {
            text.Append("  ").Append(colour.Yellow(warning.ToString())).Append('\n');
        }

        foreach (var problem in result.Problems)
        {
            var answers = result.Answers.Where(a => a.Problem == problem.Id).ToList();
            text.Append('\n').Append(problem.Id).Append("  ").Append(Score(problem.Score)).Append('/')
                .Append(Score(problem.MaxScore));
            if (answers.All(a => a.Verdict == Grading.Verdict.Missing))
            {
                text.Append($"  all {answers.Count} answers missing\n");
                continue;
            }

            var tolerances = answers.Select(a => a.Tolerance.ToString()).Distinct().ToList();
            if (tolerances.Count == 1)
            {
                text.Append("  (tolerance: ").Append(tolerances[0]).Append(')');
            }

            text.Append('\n').Append(AnswerTable(answers, options, tolerances.Count > 1, colour));
        }
    }

    private static string AnswerTable(
        List<AnswerResult> answers, GradeReportOptions options, bool tolerance, Colour colour)
    {
        var headers = new List<string> { "answer", "verdict", "got" };
        if (options.Reveal)
        {
            headers.AddRange(["expected", "accepted"]);
        }

        headers.Add("error");
        if (tolerance)
        {
            headers.Add("tolerance");
        }

        var table = new TextTable(headers.ToArray());
        foreach (var answer in answers)
        {
            var row = new List<string>
            {
                answer.Key, Verdict(answer.Verdict), answer.Got is null ? "" : Format.Grid(answer.Got),
            };
            if (options.Reveal)
            {
                row.AddRange([Format.Grid(answer.Expected), Accepted(answer)]);
            }

            row.Add(Error(answer));
            if (tolerance)
            {
                row.Add(answer.Tolerance.ToString());
            }

            table.Add(row.ToArray());
        }

        // Notes go under the table, one line each, so that the table stays narrow.
        var notes = new StringBuilder();
        foreach (var answer in answers.Where(a => Note(a).Length > 0))
        {
            notes.Append($"  - {answer.Key}: {Note(answer)}\n");
        }

        return colour.Verdicts(table.Render()) + notes;
    }

    public static string Json(string setId, IReadOnlyList<SubmissionResult> results, GradeReportOptions options) =>
        JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("set", setId);
            w.WriteNumber("passMark", options.PassMark);
            w.WriteStartArray("submissions");
            foreach (var result in results)
            {
                w.WriteStartObject();
                w.WriteString("file", result.File);
                w.WriteString("student", result.Student);
                w.WriteString("status", Status(result.Status));
                w.StringOrNull("error", result.Error?.ToString());
                w.Number("score", result.Score);
                w.Number("maxScore", result.MaxScore);
                w.Number("percent", result.Percent);
                w.WriteBoolean("passed", result.Passes(options.PassMark));
                w.WriteStartArray("problems");
                foreach (var problem in result.Problems)
                {
                    w.WriteStartObject();
                    w.WriteString("id", problem.Id);
                    w.Number("score", problem.Score);
                    w.Number("maxScore", problem.MaxScore);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("answers");
                foreach (var answer in result.Answers)
                {
                    WriteAnswer(w, answer, options);
                }

                w.WriteEndArray();
                w.WriteStartArray("warnings");
                foreach (var warning in result.Warnings.Concat(result.Failures))
                {
                    w.WriteStringValue(warning.ToString());
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });

    private static void WriteAnswer(System.Text.Json.Utf8JsonWriter w, AnswerResult answer, GradeReportOptions options)
    {
        w.WriteStartObject();
        w.WriteString("problem", answer.Problem);
        w.WriteString("key", answer.Key);
        w.WriteString("verdict", Verdict(answer.Verdict));
        w.Number("points", answer.Points);
        w.Number("maxPoints", answer.MaxPoints);
        if (answer.Got is null)
        {
            w.WriteNull("got");
        }
        else
        {
            w.Tensor("got", answer.Got);
        }

        if (options.Reveal)
        {
            w.Tensor("expected", answer.Expected);
            w.WriteString("accepted", Accepted(answer));
        }

        if (answer.AbsError is { } abs)
        {
            w.Number("absError", abs);
        }
        else
        {
            w.WriteNull("absError");
        }

        if (answer.RelError is { } rel)
        {
            w.Number("relError", rel);
        }
        else
        {
            w.WriteNull("relError");
        }

        w.StringOrNull("worstElement", answer.WorstElement);
        w.WriteString("tolerance", answer.Tolerance.ToString());
        w.StringOrNull("reason", answer.Reason);
        w.StringOrNull("hint", answer.Hint);
        w.WriteBoolean("carriedForward", answer.CarriedForward);
        w.WriteEndObject();
    }

    public static string Markdown(string setId, IReadOnlyList<SubmissionResult> results, GradeReportOptions options)
    {
        var text = new StringBuilder();
        var passing = results.Count(r => r.Passes(options.PassMark));
        text.Append($"# Grades for `{setId}`\n\n");
        text.Append($"{results.Count} submissions, {passing} at or above the pass mark of "
            + $"{Numbers.Percent(options.PassMark)} %.\n\n");
        text.Append("| student | file | score | percent | result |\n| --- | --- | ---: | ---: | --- |\n");
        foreach (var result in results)
        {
            var outcome = result.Status == SubmissionStatus.Error ? ":x: error"
                : result.Passes(options.PassMark) ? ":white_check_mark: pass"
                : ":x: below";
            text.Append($"| {Format.MarkdownCell(result.Student)} | `{Format.MarkdownCell(result.File)}` | ")
                .Append($"{Score(result.Score)}/{Score(result.MaxScore)} | "
                    + $"{Numbers.Percent(result.Percent)} % | {outcome} |\n");
        }

        foreach (var result in results)
        {
            var wrong = result.Answers.Where(a => a.Verdict != Grading.Verdict.Correct).ToList();
            if (result.Status == SubmissionStatus.Graded && wrong.Count == 0)
            {
                continue;
            }

            text.Append($"\n## {Format.MarkdownCell(result.Student)}\n\n");
            if (result.Error is { } error)
            {
                text.Append($"Could not be read: `{error}`\n");
                continue;
            }

            text.Append("| problem | answer | verdict | got | error | note |\n"
                + "| --- | --- | --- | ---: | --- | --- |\n");
            foreach (var answer in wrong)
            {
                var got = answer.Got is null ? "" : Format.Inline(answer.Got);
                text.Append($"| {answer.Problem} | `{answer.Key}` | {Verdict(answer.Verdict)} | "
                        + $"{Format.MarkdownCell(got)} | ")
                    .Append($"{Error(answer)} | {Format.MarkdownCell(Note(answer))} |\n");
            }
        }

        return text.ToString();
    }
}

/// <summary>ANSI colours for a terminal; plain text when off.</summary>
internal readonly partial struct Colour(bool on)
{
    [System.Text.RegularExpressions.GeneratedRegex("  (correct|incorrect|missing|invalid)(?=  |\\n|$)")]
    private static partial System.Text.RegularExpressions.Regex VerdictWord();

    public string Bold(string text) => Wrap("1", text);

    public string Red(string text) => Wrap("31", text);

    public string Green(string text) => Wrap("32", text);

    public string Yellow(string text) => Wrap("33", text);

    /// <summary>Colours the verdict words of a rendered table, after it is padded, so columns stay aligned.</summary>
    public string Verdicts(string table)
    {
        if (!on)
        {
            return table;
        }

        var self = this;
        return VerdictWord().Replace(table, match => match.Groups[1].Value switch
        {
            "correct" => "  " + self.Green("correct"),
            "missing" => "  " + self.Yellow("missing"),
            var word => "  " + self.Red(word),
        });
    }

    private string Wrap(string code, string text) => on ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
