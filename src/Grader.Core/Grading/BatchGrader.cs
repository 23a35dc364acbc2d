using System.IO.Enumeration;
using Grader.Diagnostics;
using Grader.Problems;

namespace Grader.Grading;

/// <summary>
/// Grades many submission files in parallel and returns the results in a stable
/// order (by path). A file that cannot be read, or that fails while graded, is
/// an error result that scores zero; the others are graded as usual.
/// </summary>
public static class BatchGrader
{
    /// <summary>Files as given, and every `*.yaml`/`*.yml` below each folder, sorted and without repeats.</summary>
    public static (List<string> Files, List<Diagnostic> Errors) Expand(IEnumerable<string> paths)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var errors = new List<Diagnostic>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.UnionWith(YamlFilesBelow(path));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                errors.Add(Diagnostic.Error(new SourcePosition(path, 1, 1), "no such file or folder"));
            }
        }

        return (files.ToList(), errors);
    }

    /// <summary>
    /// The YAML files in a folder and its subfolders. A linked folder is not entered,
    /// so a link that points back up the tree cannot make the search endless;
    /// a linked file is read like any other. Hidden files and folders (`.github/`,
    /// an editor's `.#alice.yaml`) are no submissions and are passed over, as the
    /// default enumeration options do.
    /// </summary>
    private static FileSystemEnumerable<string> YamlFilesBelow(string folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true };
        FileSystemEnumerable<string>.FindTransform path = (ref FileSystemEntry entry) => entry.ToSpecifiedFullPath();
        return new FileSystemEnumerable<string>(folder, path, options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && IsYaml(entry.FileName),
            ShouldRecursePredicate = IsNotALink,
        };
    }

    private static bool IsNotALink(ref FileSystemEntry entry) => !entry.Attributes.HasFlag(FileAttributes.ReparsePoint);

    private static bool IsYaml(ReadOnlySpan<char> name) =>
        name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    public static SubmissionResult[] Grade(ProblemSet set, IReadOnlyList<string> files, Action<int>? progress = null)
    {
        var results = new SubmissionResult[files.Count];
        var done = 0;
        var maxScore = new Lazy<double>(() => SubmissionGrader.MaxScore(set, ""));
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            results[i] = GradeFile(set, files[i], maxScore);
            progress?.Invoke(Interlocked.Increment(ref done));
        });
        return results;
    }

    private static SubmissionResult GradeFile(ProblemSet set, string file, Lazy<double> maxScore)
    {
        var student = Path.GetFileNameWithoutExtension(file);
        try
        {
            var (submission, error) = SubmissionLoader.LoadFile(file);
            if (submission is null)
            {
                return SubmissionGrader.Failed(file, student, error!, maxScore.Value);
            }

            return SubmissionGrader.Grade(set, submission);
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            var error = Diagnostic.Error(new SourcePosition(file, 1, 1), $"could not be graded: {failure.Message}");
            return SubmissionGrader.Failed(file, student, error, maxScore.Value);
        }
    }
}
