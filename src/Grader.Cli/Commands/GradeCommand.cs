using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Grader.Grading;
using Grader.Problems;
using Grader.Reports;

namespace Grader.Cli.Commands;

/// <summary>`grader grade SET SUBMISSION...`: grades files, or every YAML file below a folder.</summary>
public static class GradeCommand
{
    private const int ProgressThreshold = 20;

    /// <summary>
    /// Reads the percentage itself, so that text which is not a number is an argument
    /// error like one out of range, not an exception from a later conversion.
    /// </summary>
    private static double ReadPassMark(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "100";
        var number = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value);
        if (!number || value is not (>= 0 and <= 100))
        {
            result.AddError("--pass-mark must be a percentage from 0 to 100");
        }

        return value;
    }

    public static Command Create(CliConsole console)
    {
        var set = CommonOptions.Set();
        var submissions = new Argument<string[]>("SUBMISSION")
        {
            Description = "Submission files, or folders to search for *.yaml and *.yml.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = CommonOptions.Format("text", "json", "junit", "markdown", "csv", "gradescope");
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the report to this file (atomically).",
        };
        var reveal = new Option<bool>("--reveal")
        {
            Description = "Show the reference answers and accepted intervals.",
        };
        var passMark = new Option<double>("--pass-mark")
        {
            Description = "The percentage at or above which a submission passes (exit status 0).",
            DefaultValueFactory = _ => 100,
            CustomParser = ReadPassMark,
        };

        var command = new Command("grade", "Grade submissions against the problem set.")
        {
            set, submissions, format, output, reveal, passMark,
        };
        command.SetAction(result => Run(console, new Request(
            result.GetValue(set)!, result.GetValue(submissions)!, result.GetValue(format)!,
            result.GetValue(output), result.GetValue(reveal), result.GetValue(passMark))));
        return command;
    }

    private sealed record Request(
        string Set, string[] Submissions, string Format, string? Output, bool Reveal, double PassMark);

    private static int Run(CliConsole console, Request request)
    {
        var set = SetLoading.Load(request.Set, console);
        if (set is null)
        {
            return ExitCode.Unusable;
        }

        var (files, missing) = BatchGrader.Expand(request.Submissions);
        SetLoading.Print(missing, console);
        if (files.Count == 0)
        {
            console.Error.WriteLine("grader: error: no submissions found (give files, or folders with *.yaml files)");
            return ExitCode.Unusable;
        }

        if (request.Format == "gradescope" && files.Count != 1)
        {
            console.Error.WriteLine(
                $"grader: error: the gradescope format takes exactly one submission, got {files.Count}");
            return ExitCode.Unusable;
        }

        var results = BatchGrader.Grade(set, files, Progress(console, files.Count));
        foreach (var failed in results.Where(r => r.Error is not null))
        {
            console.Error.WriteLine(failed.Error!.ToString());
        }

        var options = new GradeReportOptions(request.Reveal, Colour(console, request), request.PassMark)
        {
            Timestamp = Timestamp(),
        };
        var report = Render(set, results, request.Format, options);
        if (!Write(console, report, request.Output))
        {
            return ExitCode.Unusable;
        }

        var allPass = missing.Count == 0 && results.All(r => r.Passes(request.PassMark));
        return allPass ? ExitCode.Ok : ExitCode.WorkWrong;
    }

    private static string Render(
        ProblemSet set, SubmissionResult[] results, string format, GradeReportOptions options) => format switch
    {
        "json" => GradeReport.Json(set.Id, results, options),
        "junit" => GradeExports.JUnit(set.Id, results, options),
        "markdown" => GradeReport.Markdown(set.Id, results, options),
        "csv" => GradeExports.Csv(results, set.Problems.Select(p => p.Id).ToList()),
        "gradescope" => GradeExports.Gradescope(results[0], options),
        _ => GradeReport.Text(set.Id, results, options),
    };

    /// <summary>Colour only for a person at a terminal: not into a file, not when NO_COLOR is set.</summary>
    private static bool Colour(CliConsole console, Request request) =>
        request.Output is null
        && request.Format == "text"
        && console.Terminal
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    private static DateTimeOffset Timestamp()
    {
        var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        if (long.TryParse(epoch, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return DateTimeOffset.UtcNow;
    }

    private static Action<int>? Progress(CliConsole console, int total)
    {
        if (total < ProgressThreshold || !console.Terminal)
        {
            return null;
        }

        var gate = new object();
        return done =>
        {
            lock (gate)
            {
                console.Error.Write(done == total ? $"\rgraded {done}/{total}\n" : $"\rgraded {done}/{total}");
            }
        };
    }

    /// <summary>Writes to a temporary file beside the target, then renames it: never half a report.</summary>
    private static bool Write(CliConsole console, string report, string? path)
    {
        if (path is null)
        {
            console.Out.Write(report);
            return true;
        }

        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(
            Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temporary, report);
            File.Move(temporary, full, overwrite: true);
            return true;
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            console.Error.WriteLine($"{path}:1:1: error: cannot write the report: {failure.Message}");
            return false;
        }
    }
}
