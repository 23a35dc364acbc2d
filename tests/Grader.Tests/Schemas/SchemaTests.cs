namespace Grader.Tests.Schemas;

public sealed class SchemaTests
{
    public static TheoryData<string> ShippedProblemSets() =>
        new(Directory.GetFiles(RepositoryPaths.Of("problems"), "*.yaml").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(ShippedProblemSets))]
    public void ShippedProblemSetMatchesTheSchema(string file)
    {
        var yaml = File.ReadAllText(RepositoryPaths.Of("problems", file));

        var errors = SchemaValidation.Errors(SchemaValidation.ProblemSet.Value, yaml);

        Assert.Empty(errors);
    }

    [Fact]
    public void EveryShippedSubmissionMatchesTheSubmissionSchema()
    {
        var folder = RepositoryPaths.Of("submissions");
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.y*ml", SearchOption.AllDirectories).Order().ToList()
            : [];

        var schema = SchemaValidation.Submission.Value;
        var errors = files.SelectMany(f => SchemaValidation.Errors(schema, File.ReadAllText(f)).Select(e => $"{f}: {e}"));

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("problem-set-with-variants.yaml")]
    public void ProblemSetFixtureMatchesTheSchema(string fixture)
    {
        var errors = SchemaValidation.Errors(SchemaValidation.ProblemSet.Value, Fixture(fixture));

        Assert.Empty(errors);
    }

    [Fact]
    public void SubmissionFromTheSpecMatchesTheSchema()
    {
        var errors = SchemaValidation.Errors(SchemaValidation.Submission.Value, Fixture("submission.yaml"));

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("unknown-set-key.yaml", "/points_per_answer")]
    [InlineData("unknown-problem-key.yaml", "/problems/0")]
    [InlineData("nodes-and-function.yaml", "/problems/0")]
    [InlineData("mixed-tolerance.yaml", "/tolerance")]
    [InlineData("range-of-fractions.yaml", "/problems/0/inputs/x")]
    public void WrongProblemSetFailsWhereTheMistakeIs(string fixture, string location)
    {
        var yaml = Fixture(Path.Combine("wrong", fixture));

        var errors = SchemaValidation.Errors(SchemaValidation.ProblemSet.Value, yaml);

        Assert.Contains(errors, e => e.StartsWith(location, StringComparison.Ordinal));
    }

    [Fact]
    public void SubmissionWithAnUnknownKeyFails()
    {
        var yaml = "student: alice\nanswer:\n  sigmoid: { z: 0.62 }\n";

        var errors = SchemaValidation.Errors(SchemaValidation.Submission.Value, yaml);

        Assert.NotEmpty(errors);
    }

    private static string Fixture(string name) =>
        File.ReadAllText(RepositoryPaths.Of("tests", "Grader.Tests", "Schemas", "Fixtures", name));
}
