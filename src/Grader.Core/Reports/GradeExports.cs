using System.Globalization;
using System.Text;
using System.Xml;
using Grader.Grading;
using Grader.Values;

namespace Grader.Reports;

/// <summary>Grades for other systems: JUnit XML for CI, a CSV gradebook, Gradescope's results.json.</summary>
public static class GradeExports
{
    /// <summary>
    /// JUnit XML that validates against both the Ant (windyroad) and the Jenkins schema:
    /// a testsuite per submission, a testcase per answer, a failure for every answer
    /// not correct, an error for a submission that could not be read.
    /// </summary>
    public static string JUnit(string setId, IReadOnlyList<SubmissionResult> results, GradeReportOptions options)
    {
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            Encoding = new UTF8Encoding(false),
            NewLineChars = "\n",
        };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            // No attributes here: the Ant schema allows none on `testsuites`; the totals are on each suite.
            xml.WriteStartElement("testsuites");
            for (var i = 0; i < results.Count; i++)
            {
                WriteSuite(xml, setId, i, results[i], options);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static int TestCount(SubmissionResult result) =>
        result.Status == SubmissionStatus.Error ? 1 : result.Answers.Count;

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static void WriteSuite(
        XmlWriter xml, string setId, int id, SubmissionResult result, GradeReportOptions options)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", result.Student);
        xml.WriteAttributeString("package", setId);
        xml.WriteAttributeString("id", Count(id));
        xml.WriteAttributeString("timestamp", options.Timestamp.UtcDateTime.ToString(
            "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        xml.WriteAttributeString("hostname", "localhost");
        xml.WriteAttributeString("tests", Count(TestCount(result)));
        xml.WriteAttributeString("failures", Count(result.Answers.Count(a => a.Verdict != Verdict.Correct)));
        xml.WriteAttributeString("errors", Count(result.Status == SubmissionStatus.Error ? 1 : 0));
        xml.WriteAttributeString("skipped", "0");
        xml.WriteAttributeString("time", "0");

        xml.WriteStartElement("properties");
        Property(xml, "file", result.File);
        Property(xml, "score", GradeReport.Score(result.Score));
        Property(xml, "maxScore", GradeReport.Score(result.MaxScore));
        Property(xml, "percent", Numbers.Percent(result.Percent));
        xml.WriteEndElement();

        if (result.Status == SubmissionStatus.Error)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("name", "read submission");
            xml.WriteAttributeString("classname", setId);
            xml.WriteAttributeString("time", "0");
            xml.WriteStartElement("error");
            xml.WriteAttributeString("message", result.Error!.ToString());
            xml.WriteAttributeString("type", "unreadable");
            xml.WriteString(result.Error.ToString());
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        foreach (var answer in result.Answers)
        {
            WriteCase(xml, answer, options);
        }

        xml.WriteElementString("system-out", $"{result.Student}: {GradeReport.Summary(result)}");
        xml.WriteElementString("system-err", string.Join("\n", result.Warnings.Concat(result.Failures)));
        xml.WriteEndElement();
    }

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }

    private static void WriteCase(XmlWriter xml, AnswerResult answer, GradeReportOptions options)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", answer.Key);
        xml.WriteAttributeString("classname", answer.Problem);
        xml.WriteAttributeString("time", "0");
        if (answer.Verdict != Verdict.Correct)
        {
            var message = Describe(answer, options);
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", message);
            xml.WriteAttributeString("type", GradeReport.Verdict(answer.Verdict));
            xml.WriteString(message);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string Describe(AnswerResult answer, GradeReportOptions options)
    {
        var parts = new List<string> { GradeReport.Verdict(answer.Verdict) };
        if (answer.Got is not null)
        {
            parts.Add($"got {Format.Inline(answer.Got)}");
        }

        if (options.Reveal)
        {
            parts.Add($"expected {Format.Inline(answer.Expected)}, accepted {GradeReport.Accepted(answer)}");
        }

        if (GradeReport.Error(answer) is { Length: > 0 } error)
        {
            parts.Add(error);
        }

        parts.Add($"tolerance {answer.Tolerance}");
        if (GradeReport.Note(answer) is { Length: > 0 } note)
        {
            parts.Add(note);
        }

        return string.Join("; ", parts);
    }

    /// <summary>An RFC 4180 gradebook: one row per submission, points per problem, CRLF line ends.</summary>
    public static string Csv(IReadOnlyList<SubmissionResult> results, IReadOnlyList<string> problemIds)
    {
        var text = new StringBuilder();
        var header = new List<string> { "student", "file" };
        header.AddRange(problemIds);
        header.AddRange(["score", "max_score", "percent"]);
        Row(text, header);
        foreach (var result in results)
        {
            var row = new List<string> { Text(result.Student), Text(result.File) };
            foreach (var id in problemIds)
            {
                var score = result.Problems.FirstOrDefault(p => p.Id == id)?.Score ?? 0;
                row.Add(GradeReport.Score(score));
            }

            row.AddRange(
            [
                GradeReport.Score(result.Score),
                GradeReport.Score(result.MaxScore),
                Numbers.Percent(result.Percent),
            ]);
            Row(text, row);
        }

        return text.ToString();
    }

    /// <summary>Text that a spreadsheet would read as a formula is prefixed with an apostrophe.</summary>
    private static string Text(string value) => value.Length > 0 && "=+-@\t\r".Contains(value[0]) ? "'" + value : value;

    private static void Row(StringBuilder text, IEnumerable<string> cells)
    {
        text.AppendJoin(",", cells.Select(Quote)).Append("\r\n");
    }

    private static string Quote(string cell)
    {
        if (cell.IndexOfAny([',', '"', '\r', '\n']) < 0)
        {
            return cell;
        }

        return "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Gradescope's autograder results.json for one submission: a test per answer.</summary>
    public static string Gradescope(SubmissionResult result, GradeReportOptions options) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.Number("score", result.Score);
        w.Number("max_score", result.MaxScore);
        var output = result.Error is { } error
            ? $"Your submission could not be read: {error}"
            : $"Score: {GradeReport.Summary(result)}";
        w.WriteString("output", output);
        w.WriteString("visibility", "visible");
        w.WriteString("stdout_visibility", "hidden");
        w.WriteStartArray("tests");
        foreach (var answer in result.Answers)
        {
            w.WriteStartObject();
            w.WriteString("name", $"{answer.Problem}: {answer.Key}");
            w.Number("score", answer.Points);
            w.Number("max_score", answer.MaxPoints);
            w.WriteString("status", answer.Verdict == Verdict.Correct ? "passed" : "failed");
            w.WriteString("output",
                answer.Verdict == Verdict.Correct ? GradeReport.Note(answer) : Describe(answer, options));
            w.WriteString("visibility", "visible");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });
}
