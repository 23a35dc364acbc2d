using Xunit;
using Grader.Grading;
using static Grader.Tests.Grading.GradingFixture;

namespace Grader.Tests.Grading;

public class SubmissionTests
{
    // References by hand: quarter = 1/4 = 0.25; decay = -e^-1 = -0.3678794;
    // root = 3 sqrt(2) = 4.2426407; vector = [2, 4]; matrix = [[2, 4], [6, 8]].
    private const string Set = """
        set: shapes
        tolerance: { rel: 1e-6 }
        problems:
          - id: quarter
            nodes: { f: x / 4 }
            inputs: { x: 1 }
            ask: [f]
          - id: decay
            nodes: { f: -exp(-x) }
            inputs: { x: 1 }
            ask: [f]
          - id: root
            nodes: { f: 3 * sqrt(x) }
            inputs: { x: 2 }
            ask: [f]
          - id: vector
            nodes: { f: 2 * x }
            inputs: { x: [1, 2] }
            ask: [f]
          - id: matrix
            nodes: { f: 2 * x }
            inputs: { x: [[1, 2], [3, 4]] }
            ask: [f]
        """;

    [Theory]
    [InlineData("quarter", "1/4")]
    [InlineData("quarter", "0.25")]
    [InlineData("decay", "-e^-1")]
    [InlineData("decay", "-0.3678794")]
    [InlineData("root", "3*sqrt(2)")]
    [InlineData("root", "4.2426407")]
    [InlineData("vector", "[2, 4]")]
    [InlineData("vector", "[1 + 1, 2^2]")]
    [InlineData("matrix", "[[2, 4], [6, 8]]")]
    public void NumbersExpressionsAndNestedListsAreRead(string problem, string answer)
    {
        var result = Grade(Set, $"answers:\n  {problem}:\n    f: {answer}\n");

        Assert.Equal(Verdict.Correct, Answer(result, problem, "f").Verdict);
    }

    [Theory]
    [InlineData("")]
    [InlineData("~")]
    [InlineData("null")]
    public void ABlankAnswerIsMissing(string blank)
    {
        var result = Grade(Set, $"answers:\n  quarter:\n    f: {blank}\n");

        var answer = Answer(result, "quarter", "f");
        Assert.Equal(Verdict.Missing, answer.Verdict);
        Assert.Equal(0, answer.Points);
    }

    [Fact]
    public void AnAnswerNotGivenIsMissing()
    {
        var result = Grade(Set, "answers:\n  quarter: {}\n");

        Assert.All(result.Answers, a => Assert.Equal(Verdict.Missing, a.Verdict));
    }

    [Theory]
    [InlineData("two", "unknown name `two`")]
    [InlineData("6/", "unexpected end of expression")]
    [InlineData("(1", "`)`")]
    public void AnUnreadableAnswerIsInvalidWithItsReason(string text, string reason)
    {
        var result = Grade(Set, $"answers:\n  quarter:\n    f: \"{text}\"\n");

        var answer = Answer(result, "quarter", "f");
        Assert.Equal(Verdict.Invalid, answer.Verdict);
        Assert.Contains(reason, answer.Reason);
        Assert.Contains("(line 3, column ", answer.Reason);
    }

    [Theory]
    [InlineData("quarter", "[1, 2]", "expected a single number, got a 2-vector")]
    [InlineData("vector", "3", "expected a 2-vector, got a single number")]
    [InlineData("vector", "[1, 2, 3]", "expected a 2-vector, got a 3-vector")]
    [InlineData("matrix", "[2, 4]", "2-vector")]
    public void AWrongShapeIsInvalidAndStatesBothShapes(string problem, string answer, string reason)
    {
        var result = Grade(Set, $"answers:\n  {problem}:\n    f: {answer}\n");

        var graded = Answer(result, problem, "f");
        Assert.Equal(Verdict.Invalid, graded.Verdict);
        Assert.Contains(reason, graded.Reason);
    }

    [Fact]
    public void AMatrixOfTheWrongShapeStatesBothShapes()
    {
        var result = Grade(Set, "answers:\n  matrix:\n    f: [[2, 4, 6], [6, 8, 10]]\n");

        var reason = Answer(result, "matrix", "f").Reason!;
        Assert.Contains("2x2", reason.Replace("×", "x"));
        Assert.Contains("2x3", reason.Replace("×", "x"));
    }

    [Fact]
    public void AKeyThatIsNotAskedIsAWarning()
    {
        var result = Grade(Set, "answers:\n  quarter:\n    f: 0.25\n    df/dx: 0.25\n");

        var warning = Assert.Single(result.Warnings);
        Assert.Equal("student.yaml:4:5: warning: problem `quarter` does not ask for `df/dx`", warning.ToString());
        Assert.Equal(1, result.Score);
    }

    [Fact]
    public void AProblemThatIsNotInTheSetIsAWarning()
    {
        var result = Grade(Set, "answers:\n  quarter: { f: 0.25 }\n  quartr: { f: 1 }\n");

        var warning = Assert.Single(result.Warnings);
        Assert.StartsWith("student.yaml:3:3: warning: set `shapes` has no problem `quartr`", warning.ToString());
        Assert.Equal(SubmissionStatus.Graded, result.Status);
    }

    [Fact]
    public void ASetIdThatDoesNotMatchIsAnErrorThatScoresZero()
    {
        var result = Grade(Set, "set: section3\nanswers:\n  quarter: { f: 0.25 }\n");

        Assert.Equal(SubmissionStatus.Error, result.Status);
        Assert.Equal("student.yaml:1:6: error: this submission is for set `section3`, not `shapes`", result.Error!.ToString());
        Assert.Equal(0, result.Score);
        Assert.Equal(5, result.MaxScore);
    }

    [Fact]
    public void AMatchingSetIdIsGraded()
    {
        var result = Grade(Set, "set: shapes\nanswers:\n  quarter: { f: 0.25 }\n");

        Assert.Equal(SubmissionStatus.Graded, result.Status);
        Assert.Equal(1, result.Score);
    }

    [Theory]
    [InlineData("answers: {}\n", "folder/dave.yaml", "dave")]
    [InlineData("answers: {}\n", "erin.yml", "erin")]
    [InlineData("student: frank\nanswers: {}\n", "folder/dave.yaml", "frank")]
    public void TheStudentDefaultsToTheFileName(string yaml, string file, string student)
    {
        Assert.Equal(student, Submission(yaml, file).Student);
    }

    [Theory]
    [InlineData("set: { id: shapes }\nanswers: {}\n", "student.yaml:1:6: error: `set` must be text, got a mapping")]
    [InlineData("student: [frank]\nanswers: {}\n", "student.yaml:1:10: error: `student` must be text, got a list")]
    public void ASetOrStudentThatIsNotTextMakesTheSubmissionUnreadable(string yaml, string error)
    {
        var (submission, diagnostic) = SubmissionLoader.Load(yaml, "student.yaml");

        Assert.Null(submission);
        Assert.Equal(error, diagnostic?.ToString());
    }
}
