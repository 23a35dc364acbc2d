using System.CommandLine;

namespace Grader.Cli.Commands;

/// <summary>The arguments and options that several commands share, described once.</summary>
public static class CommonOptions
{
    public static Argument<string> Set() => new("SET") { Description = "The problem set (YAML)." };

    public static Option<string?> Student() =>
        new("--student") { Description = "The student id: use this student's own variant of the inputs." };

    /// <summary>`--format`, accepting only <paramref name="formats"/>; the first is the default.</summary>
    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format")
        {
            Description = "Output format.",
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }
}
