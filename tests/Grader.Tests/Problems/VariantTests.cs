using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Grader.Graphs;
using Grader.Problems;
using Grader.Solving;
using Grader.Tests.Grading;
using Xunit;

namespace Grader.Tests.Problems;

public class VariantTests
{
    private static readonly ProblemSet Practice = LoadPractice();

    private static ProblemSet LoadPractice()
    {
        var path = Path.Combine(GradingFixture.RepositoryRoot(), "problems", "practice.yaml");
        var (set, diagnostics) = ProblemSetLoader.LoadFile(path);
        Assert.True(set is not null, string.Join("\n", diagnostics));
        return set!;
    }

    private static IReadOnlyDictionary<string, Grader.Values.Tensor> Inputs(string problem, string student) =>
        ProblemCompiler.Compile(Practice.Problems.Single(p => p.Id == problem), Practice.Id, student).Inputs;

    /// <summary>The documented draw, computed here independently: SHA-256 of the ids, first 53 bits.</summary>
    private static double Unit(string set, string problem, string input, string student)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{set}\n{problem}\n{input}\n{student}"));
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) / 9007199254740992.0;
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("bob")]
    [InlineData("student-with-a-long-id-42")]
    public void RangeDrawIsTheDocumentedHashOfSetProblemInputAndStudent(string student)
    {
        var expected = 2 + Math.Floor(Unit("practice", "times-sum", "x", student) * 5);

        Assert.Equal(expected, Inputs("times-sum", student)["x"].ScalarValue);
    }

    [Fact]
    public void TheSameStudentGetsTheSameNumbersOnEveryRun()
    {
        var first = Inputs("neuron", "alice");
        var second = Inputs("neuron", "alice");

        Assert.Equal(first.Keys, second.Keys);
        Assert.All(first, pair => Assert.Equal(pair.Value.Data, second[pair.Key].Data));
    }

    [Fact]
    public void DifferentStudentsGetDifferentNumbers()
    {
        var alice = Inputs("times-sum", "alice").Values.Select(v => v.ScalarValue).ToArray();
        var bob = Inputs("times-sum", "bob").Values.Select(v => v.ScalarValue).ToArray();

        Assert.NotEqual(alice, bob);
    }

    [Fact]
    public void EveryDrawStaysInItsSpace()
    {
        for (var k = 0; k < 200; k++)
        {
            var student = $"s{k}";
            var sum = Inputs("times-sum", student);
            var neuron = Inputs("neuron", student);

            Assert.InRange(sum["x"].ScalarValue, 2, 6);
            Assert.Equal(Math.Round(sum["x"].ScalarValue), sum["x"].ScalarValue);
            Assert.Contains(sum["y"].ScalarValue, new[] { 5.0, 7, 9 });
            Assert.InRange(sum["z"].ScalarValue, -4, -1);
            Assert.InRange(neuron["w"].ScalarValue, 0.5, 2);
            Assert.Equal(Math.Round(neuron["w"].ScalarValue, 1), neuron["w"].ScalarValue);
            Assert.InRange(neuron["x"].ScalarValue, 0.2, 1.5);
            Assert.Equal(Math.Round(neuron["x"].ScalarValue, 2), neuron["x"].ScalarValue);
        }
    }

    [Fact]
    public void EachStudentIsGradedAgainstTheirOwnNumbers()
    {
        var aliceAnswers = AnswerFile("alice", "alice");
        var bobWithAliceAnswers = AnswerFile("alice", "bob");

        var alice = Grader.Grading.SubmissionGrader.Grade(Practice, GradingFixture.Submission(aliceAnswers, "alice.yaml"));
        var bob = Grader.Grading.SubmissionGrader.Grade(Practice, GradingFixture.Submission(bobWithAliceAnswers, "bob.yaml"));

        Assert.Equal(alice.MaxScore, alice.Score);
        Assert.True(bob.Score < bob.MaxScore);
    }

    /// <summary>A submission with the reference answers of one student, handed in as another.</summary>
    private static string AnswerFile(string answersOf, string student)
    {
        var text = new StringBuilder($"set: practice\nstudent: {student}\nanswers:\n");
        foreach (var problem in Practice.Problems)
        {
            var solution = Solver.Solve(ProblemCompiler.Compile(problem, Practice.Id, answersOf));
            text.Append($"  {problem.Id}:\n");
            foreach (var answer in solution.Answers)
            {
                text.Append($"    {answer.Key.Text}: {Grader.Values.Numbers.RoundTrip(answer.Value.ScalarValue)}\n");
            }
        }

        return text.ToString();
    }

    [Theory]
    [InlineData("{ choose: [] }", "set.yaml:6:28: error: `choose` takes a non-empty list, got an empty list")]
    [InlineData("{ range: 3 }", "set.yaml:6:27: error: `range` takes a non-empty list, got `3`")]
    public void VariantWithoutAListOfValuesSaysWhatItGot(string variant, string error)
    {
        Assert.Equal([error], Sets.Errors(Sets.OneNode("x", $"x: {variant}")));
    }
}
