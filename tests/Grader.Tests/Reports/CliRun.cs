using Grader.Tests.Grading;
using CommandLine = Grader.Cli.Cli;

namespace Grader.Tests.Reports;

/// <summary>
/// Runs the command line on the repository's files with SOURCE_DATE_EPOCH and NO_COLOR
/// fixed, restoring them after; paths in the output are made relative to the repository.
/// </summary>
public static class CliRun
{
    /// <summary>2024-01-02T03:04:05Z.</summary>
    public const string Epoch = "1704164645";

    private static readonly object Gate = new();

    public static (int Code, string Output, string Error) Grader(params string[] args)
    {
        var root = GradingFixture.RepositoryRoot() + Path.DirectorySeparatorChar;
        var resolved = args.Select(a => Path.Exists(root + a) && !a.StartsWith('-') ? root + a : a).ToArray();
        lock (Gate)
        {
            var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
            var noColour = Environment.GetEnvironmentVariable("NO_COLOR");
            try
            {
                Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", Epoch);
                Environment.SetEnvironmentVariable("NO_COLOR", "1");
                var (output, error) = (new StringWriter(), new StringWriter());
                var code = CommandLine.Run(resolved, output, error);
                return (code, output.ToString().Replace(root, ""), error.ToString().Replace(root, ""));
            }
            finally
            {
                Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", epoch);
                Environment.SetEnvironmentVariable("NO_COLOR", noColour);
            }
        }
    }
}
