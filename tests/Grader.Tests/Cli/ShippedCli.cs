namespace Grader.Tests.Cli;

/// <summary>Runs the command line in-process on the repository's problem sets.</summary>
internal static class ShippedCli
{
    public const string Section3 = "problems/section3.yaml";

    public static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var root = RepositoryRoot();
        var full = args.Select(a => a == Section3 ? Path.Combine(root, Section3) : a).ToArray();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = Grader.Cli.Cli.Run(full, output, error);

        // Reports name the file as given; show it relative to the repository, as a user types it.
        string Relative(string text) => text.Replace(Path.Combine(root, Section3), Section3, StringComparison.Ordinal);
        return (exit, Relative(output.ToString()), Relative(error.ToString()));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Grader.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Grader.sln not found above the test output");
    }
}
