using Grader.Diagnostics;
using Grader.Problems;
using Grader.Values;

namespace Grader.Grading;

public enum Verdict
{
    Correct,
    Incorrect,
    Missing,
    Invalid,
}

/// <summary>
/// The grade of one answer. Errors are those of the worst element: the one furthest
/// outside its tolerance. <see cref="Expected"/> is always filled in; reports show it
/// only when asked to reveal.
/// </summary>
public sealed record AnswerResult
{
    public required string Problem { get; init; }

    public required string Key { get; init; }

    public required Verdict Verdict { get; init; }

    public required double Points { get; init; }

    public required double MaxPoints { get; init; }

    public Tensor? Got { get; init; }

    public required Tensor Expected { get; init; }

    public double? AbsError { get; init; }

    public double? RelError { get; init; }

    /// <summary>The element with the largest error, such as `[1, 0]`; null for a scalar.</summary>
    public string? WorstElement { get; init; }

    public required Tolerance Tolerance { get; init; }

    /// <summary>What the answer's text was, for an invalid one.</summary>
    public string? Reason { get; init; }

    public string? Hint { get; init; }

    /// <summary>Whether the answer is right given the student's own earlier answers.</summary>
    public bool CarriedForward { get; init; }

    public SourcePosition? Position { get; init; }
}

public sealed record ProblemScore(string Id, double Score, double MaxScore);

public enum SubmissionStatus
{
    Graded,
    Error,
}

/// <summary>The grade of one submission file, or the error that kept it from being read.</summary>
public sealed record SubmissionResult
{
    public required string File { get; init; }

    public required string Student { get; init; }

    public required SubmissionStatus Status { get; init; }

    public Diagnostic? Error { get; init; }

    public required double Score { get; init; }

    public required double MaxScore { get; init; }

    public IReadOnlyList<AnswerResult> Answers { get; init; } = [];

    public IReadOnlyList<ProblemScore> Problems { get; init; } = [];

    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary>Problems that cannot be solved at this student's inputs.</summary>
    public IReadOnlyList<Diagnostic> Failures { get; init; } = [];

    public double Percent => MaxScore > 0 ? 100 * Score / MaxScore : 0;

    public bool Passes(double passMark) => Status == SubmissionStatus.Graded && Percent + 1e-9 >= passMark;
}
