using Grader.Diagnostics;
using Grader.Graphs;
using Grader.Values;
using Grader.Yaml;

namespace Grader.Grading;

/// <summary>A student's answer file, read but not yet graded.</summary>
public sealed class Submission
{
    public required string File { get; init; }

    public required string Student { get; init; }

    public string? SetId { get; init; }

    public SourcePosition? SetPosition { get; init; }

    /// <summary>Answers by problem id, then by canonical key.</summary>
    public required IReadOnlyDictionary<string, ProblemAnswers> Problems { get; init; }

    public List<Diagnostic> Warnings { get; } = [];
}

public sealed record ProblemAnswers(
    string ProblemId, SourcePosition Position, IReadOnlyDictionary<string, SubmittedAnswer> Answers);

/// <summary>One answer as written: a value, blank, or unreadable with the reason.</summary>
public sealed record SubmittedAnswer(string Key, SourcePosition Position, string Text, Tensor? Value, string? Invalid)
{
    public bool IsBlank => Value is null && Invalid is null;
}

/// <summary>
/// Reads a submission file. A file that cannot be read at all (not YAML, not a
/// mapping, an unknown top-level key) is one error; an answer that cannot be read
/// becomes an invalid answer with its reason, and the rest are still graded.
/// </summary>
public static class SubmissionLoader
{
    private static readonly string[] Keys = ["set", "student", "answers"];

    public static (Submission? Submission, Diagnostic? Error) LoadFile(string path)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            return (null, Diagnostic.Error(new SourcePosition(path, 1, 1), $"cannot read the file: {failure.Message}"));
        }

        return Load(text, path);
    }

    public static (Submission? Submission, Diagnostic? Error) Load(string text, string file)
    {
        var (root, error) = YamlTree.Load(text, file);
        if (error is not null)
        {
            return (null, error);
        }

        if (root is null)
        {
            return (null, Diagnostic.Error(new SourcePosition(file, 1, 1), "empty file: expected `answers:`"));
        }

        var diagnostics = new List<Diagnostic>();
        var map = MappingReader.Open(root, "a submission (a mapping with `answers:`)", diagnostics, Keys);
        if (map is null || diagnostics.Count > 0)
        {
            return (null, diagnostics[0]);
        }

        foreach (var key in new[] { "set", "student" })
        {
            if (map[key] is { Kind: not YamlKind.Scalar } notText)
            {
                return (null, Diagnostic.Error(notText.Position, $"`{key}` must be text, got {notText.Describe()}"));
            }
        }

        var student = map["student"] is { Kind: YamlKind.Scalar, IsNull: false } s
            ? s.Value
            : Path.GetFileNameWithoutExtension(file);
        var submission = new Submission
        {
            File = file,
            Student = student,
            SetId = map["set"]?.Value,
            SetPosition = map["set"]?.Position,
            Problems = ReadProblems(map["answers"], root.Position, out var warnings),
        };
        submission.Warnings.AddRange(warnings);
        if (map["answers"] is { } answers && answers.Kind != YamlKind.Mapping && !answers.IsNull)
        {
            return (null, Diagnostic.Error(answers.Position,
                $"`answers` must map problem ids to answers, got {answers.Describe()}"));
        }

        return (submission, null);
    }

    private static Dictionary<string, ProblemAnswers> ReadProblems(
        YamlNode? node, SourcePosition at, out List<Diagnostic> warnings)
    {
        warnings = [];
        var problems = new Dictionary<string, ProblemAnswers>(StringComparer.Ordinal);
        if (node is null)
        {
            warnings.Add(Diagnostic.Warning(at, "no `answers:` in the file"));
            return problems;
        }

        if (node.Kind != YamlKind.Mapping)
        {
            return problems;
        }

        foreach (var (key, value) in node.Entries)
        {
            var answers = new Dictionary<string, SubmittedAnswer>(StringComparer.Ordinal);
            if (value.Kind == YamlKind.Mapping)
            {
                foreach (var (answerKey, answerValue) in value.Entries)
                {
                    var canonical = AnswerKey.Canonical(answerKey.Value);
                    if (answers.TryGetValue(canonical, out var earlier))
                    {
                        warnings.Add(Diagnostic.Warning(answerKey.Position,
                            $"`{canonical}` is answered twice (first at line {earlier.Position.Line}); "
                            + "the last answer counts"));
                    }

                    answers[canonical] = Read(canonical, answerKey.Position, answerValue);
                }
            }
            else if (!value.IsNull)
            {
                warnings.Add(Diagnostic.Warning(value.Position,
                    $"answers to `{key.Value}` must map keys to values, such as `q: 2`; got {value.Describe()}"));
            }

            problems[key.Value] = new ProblemAnswers(key.Value, key.Position, answers);
        }

        return problems;
    }

    private static SubmittedAnswer Read(string key, SourcePosition at, YamlNode node)
    {
        var text = node.Kind == YamlKind.Scalar ? node.Value : "(list)";
        if (node.IsNull)
        {
            return new SubmittedAnswer(key, at, "", null, null);
        }

        var (value, error) = ValueReader.Read(node);
        if (error is not null)
        {
            return new SubmittedAnswer(key, at, text, null,
                $"{error.Message} (line {error.Position.Line}, column {error.Position.Column})");
        }

        return new SubmittedAnswer(key, at, text, value, null);
    }
}
