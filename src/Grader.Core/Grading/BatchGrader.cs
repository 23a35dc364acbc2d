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
                var found = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase));
                files.UnionWith(found);
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
