using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;
using Grader.Problems;

namespace Grader.Cli.Commands;

/// <summary>`grader new SET_FILE`: a starter problem set with one worked problem of each kind.</summary>
public static partial class NewCommand
{
    private const string SchemaFile = "problem-set.schema.json";

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex IdPattern();

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("SET_FILE") { Description = "The problem set file to create (YAML)." };
        var id = new Option<string?>("--id") { Description = "The set id. Default: made from the file name." };

        var command = new Command("new", "Write a starter problem set, with a worked problem of each kind.")
        {
            file, id,
        };
        command.SetAction(result => Run(console, result.GetValue(file)!, result.GetValue(id)));
        return command;
    }

    private static int Run(CliConsole console, string path, string? id)
    {
        var setId = id ?? StarterSet.IdFromFileName(path);
        if (!IdPattern().IsMatch(setId))
        {
            console.Error.WriteLine($"grader: error: invalid id `{setId}`: use lower case letters, digits, "
                + "`-` and `_`, starting with a letter or digit");
            return ExitCode.Unusable;
        }

        if (File.Exists(path) || Directory.Exists(path))
        {
            console.Error.WriteLine($"{path}:1:1: error: the file already exists; grader new never overwrites, "
                + "so choose another name or delete it first");
            return ExitCode.Unusable;
        }

        var text = StarterSet.Text(setId, SchemaReference(path));
        try
        {
            Write(path, text);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"{path}:1:1: error: cannot write the file: {failure.Message}");
            return ExitCode.Unusable;
        }

        console.Out.WriteLine($"Wrote {path}, problem set `{setId}`. Next: grader verify {path}");
        return ExitCode.Ok;
    }

    /// <summary>CreateNew, so that a file that appeared since the check is still not overwritten.</summary>
    private static void Write(string path, string text)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        var bytes = new UTF8Encoding(false).GetBytes(text);
        stream.Write(bytes);
    }

    /// <summary>
    /// The schema as a path relative to the new file: the nearest `schemas/` folder above it
    /// that holds the schema, or the layout of the repository (`problems/` beside `schemas/`).
    /// </summary>
    private static string SchemaReference(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        for (var directory = new DirectoryInfo(folder); directory is not null; directory = directory.Parent)
        {
            var schema = Path.Combine(directory.FullName, "schemas", SchemaFile);
            if (File.Exists(schema))
            {
                return Path.GetRelativePath(folder, schema).Replace('\\', '/');
            }
        }

        return StarterSet.DefaultSchemaPath;
    }
}
