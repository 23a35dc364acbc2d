using Xunit;
using Grader.Grading;
using Grader.Problems;

namespace Grader.Tests.Grading;

/// <summary>Loads problem sets and submissions from inline YAML, failing the test on any error.</summary>
public static class GradingFixture
{
    public static ProblemSet Set(string yaml)
    {
        var (set, diagnostics) = ProblemSetLoader.Load(yaml, "set.yaml");
        Assert.True(set is not null, string.Join("\n", diagnostics));
        return set!;
    }

    public static Submission Submission(string yaml, string file = "student.yaml")
    {
        var (submission, error) = SubmissionLoader.Load(yaml, file);
        Assert.True(submission is not null, error?.ToString());
        return submission!;
    }

    public static SubmissionResult Grade(string setYaml, string submissionYaml) =>
        SubmissionGrader.Grade(Set(setYaml), Submission(submissionYaml));

    public static AnswerResult Answer(SubmissionResult result, string problem, string key) =>
        result.Answers.Single(a => a.Problem == problem && a.Key == key);

    /// <summary>The repository's root: the folder that holds Grader.sln.</summary>
    public static string RepositoryRoot() => RepositoryPaths.Root;
}
