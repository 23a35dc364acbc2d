using Grader.Diagnostics;
using Grader.Graphs;
using Grader.Problems;
using Grader.Solving;
using Grader.Values;

namespace Grader.Grading;

/// <summary>
/// Grades one submission against a problem set: each problem is compiled with the
/// student's own variant of the inputs, solved, and each asked answer compared
/// with the reference. Wrong answers then get a hint from <see cref="Mistakes"/>.
/// </summary>
public static class SubmissionGrader
{
    public static SubmissionResult Grade(ProblemSet set, Submission submission)
    {
        if (submission.SetId is { } id && id != set.Id)
        {
            var at = submission.SetPosition ?? new SourcePosition(submission.File, 1, 1);
            var error = Diagnostic.Error(at, $"this submission is for set `{id}`, not `{set.Id}`");
            return Failed(submission.File, submission.Student, error, MaxScore(set, submission.Student));
        }

        var answers = new List<AnswerResult>();
        var scores = new List<ProblemScore>();
        var warnings = new List<Diagnostic>(submission.Warnings);
        var failures = new List<Diagnostic>();
        foreach (var problem in set.Problems)
        {
            var compiled = ProblemCompiler.Compile(problem, set.Id, submission.Student);
            var solution = Solver.Solve(compiled);
            if (solution.Failure is { } failure)
            {
                failures.Add(failure);
            }

            var given = submission.Problems.GetValueOrDefault(problem.Id);
            var results = GradeProblem(solution, given);
            answers.AddRange(results);
            scores.Add(new ProblemScore(problem.Id, results.Sum(r => r.Points), results.Sum(r => r.MaxPoints)));
            warnings.AddRange(UnaskedKeys(compiled, given));
        }

        warnings.AddRange(UnknownProblems(set, submission));
        return new SubmissionResult
        {
            File = submission.File,
            Student = submission.Student,
            Status = SubmissionStatus.Graded,
            Score = answers.Sum(a => a.Points),
            MaxScore = answers.Sum(a => a.MaxPoints),
            Answers = answers,
            Problems = scores,
            Warnings = warnings,
            Failures = failures,
        };
    }

    /// <summary>A submission that could not be read: it scores zero out of the set's maximum.</summary>
    public static SubmissionResult Failed(string file, string student, Diagnostic error, double maxScore) => new()
    {
        File = file,
        Student = student,
        Status = SubmissionStatus.Error,
        Error = error,
        Score = 0,
        MaxScore = maxScore,
    };

    public static double MaxScore(ProblemSet set, string student) =>
        set.Problems.Sum(p => ProblemCompiler.Compile(p, set.Id, student).Keys.Sum(k => k.Points));

    private static List<AnswerResult> GradeProblem(Solution solution, ProblemAnswers? given)
    {
        var first = solution.Problem.Keys
            .Select(key => Judge(solution, key, given?.Answers.GetValueOrDefault(key.Text)))
            .ToList();
        if (solution.Failed)
        {
            return first;
        }

        var mistakes = new Mistakes(solution, first);
        return first.Select(mistakes.Explain).ToList();
    }

    private static AnswerResult Judge(Solution solution, AnswerKey key, SubmittedAnswer? given)
    {
        var problem = solution.Problem.Problem.Id;
        var expected = solution.AnswerFor(key.Text) ?? Tensor.Scalar(double.NaN);
        var result = new AnswerResult
        {
            Problem = problem,
            Key = key.Text,
            Verdict = Verdict.Missing,
            Points = 0,
            MaxPoints = key.Points,
            Expected = expected,
            Tolerance = key.Tolerance,
            Position = given?.Position,
        };

        if (given is null || given.IsBlank)
        {
            return result;
        }

        if (given.Invalid is not null)
        {
            return result with { Verdict = Verdict.Invalid, Reason = given.Invalid };
        }

        var got = given.Value!;
        if (solution.Failed)
        {
            return result with
            {
                Verdict = Verdict.Incorrect,
                Got = got,
                Hint = "the problem cannot be solved at your inputs; tell your instructor",
            };
        }

        if (!got.SameShape(expected))
        {
            return result with
            {
                Verdict = Verdict.Invalid,
                Got = got,
                Reason = $"expected a {Describe(expected)}, got a {Describe(got)}",
            };
        }

        var comparison = Comparison.Of(expected, got, key.Tolerance);
        return result with
        {
            Verdict = comparison.Accepted ? Verdict.Correct : Verdict.Incorrect,
            Points = comparison.Accepted ? key.Points : 0,
            Got = got,
            AbsError = comparison.AbsError,
            RelError = comparison.RelError,
            WorstElement = expected.IsScalar ? null : expected.IndexText(comparison.Worst),
        };
    }

    private static string Describe(Tensor value) => value.Rank switch
    {
        0 => "single number",
        1 => $"{value.Count}-vector",
        _ => $"{value.ShapeText} matrix",
    };

    private static IEnumerable<Diagnostic> UnaskedKeys(CompiledProblem compiled, ProblemAnswers? given)
    {
        if (given is null)
        {
            yield break;
        }

        var asked = compiled.Keys.Select(k => k.Text).ToHashSet();
        foreach (var answer in given.Answers.Values.Where(a => !asked.Contains(a.Key)))
        {
            var hint = Suggest.Hint(answer.Key, asked);
            yield return Diagnostic.Warning(answer.Position,
                $"problem `{compiled.Problem.Id}` does not ask for `{answer.Key}`{hint}");
        }
    }

    private static IEnumerable<Diagnostic> UnknownProblems(ProblemSet set, Submission submission)
    {
        var ids = set.Problems.Select(p => p.Id).ToHashSet();
        foreach (var problem in submission.Problems.Values.Where(p => !ids.Contains(p.ProblemId)))
        {
            var hint = Suggest.Hint(problem.ProblemId, ids);
            yield return Diagnostic.Warning(problem.Position,
                $"set `{set.Id}` has no problem `{problem.ProblemId}`{hint}");
        }
    }
}
