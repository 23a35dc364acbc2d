using System.Globalization;
using System.Xml.Linq;
using Xunit;

namespace Grader.Tests.Reports;

/// <summary>
/// The JUnit report has every element and attribute that the Ant (windyroad) and the
/// Jenkins schemas require, in the order they require it.
/// </summary>
public sealed class JUnitReportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("grader-junit-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private XDocument Report()
    {
        var root = Grading.GradingFixture.RepositoryRoot();
        foreach (var name in new[] { "alice.yaml", "bob.yaml", "carol.yaml" })
        {
            File.Copy(Path.Combine(root, "submissions", name), Path.Combine(_folder, name));
        }

        File.WriteAllText(Path.Combine(_folder, "dave.yaml"), "answers: [1, 2\n");
        var (_, output, _) = CliRun.Grader("grade", "problems/section3.yaml", _folder, "--format", "junit");
        return XDocument.Parse(output);
    }

    [Fact]
    public void TheRootIsTestsuitesWithATestsuitePerSubmission()
    {
        var document = Report();

        Assert.Equal("testsuites", document.Root!.Name.LocalName);
        Assert.Equal(["alice", "bob", "carol", "dave"], document.Root.Elements("testsuite").Select(s => (string)s.Attribute("name")!));
        Assert.Equal(["testsuite"], document.Root.Elements().Select(e => e.Name.LocalName).Distinct());
    }

    [Fact]
    public void EveryTestsuiteHasTheRequiredAttributes()
    {
        var suites = Report().Root!.Elements("testsuite").ToList();

        for (var i = 0; i < suites.Count; i++)
        {
            var suite = suites[i];
            foreach (var name in new[] { "name", "package", "id", "timestamp", "hostname", "tests", "failures", "errors", "time" })
            {
                Assert.False(string.IsNullOrEmpty((string?)suite.Attribute(name)), $"testsuite {i} lacks `{name}`");
            }

            Assert.Equal("section3", (string)suite.Attribute("package")!);
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), (string)suite.Attribute("id")!);
            Assert.Equal("2024-01-02T03:04:05", (string)suite.Attribute("timestamp")!);
            Assert.True(double.TryParse((string)suite.Attribute("time")!, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        }
    }

    [Fact]
    public void TheTimestampHasNoZone()
    {
        var timestamps = Report().Root!.Elements("testsuite").Select(s => (string)s.Attribute("timestamp")!);

        Assert.All(timestamps, t => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$", t));
    }

    [Fact]
    public void EveryTestsuiteHasPropertiesThenTestcasesThenSystemOutAndSystemErr()
    {
        foreach (var suite in Report().Root!.Elements("testsuite"))
        {
            var names = suite.Elements().Select(e => e.Name.LocalName).ToList();

            Assert.Equal("properties", names[0]);
            Assert.Equal(["system-out", "system-err"], names[^2..]);
            Assert.All(names[1..^2], n => Assert.Equal("testcase", n));
            Assert.All(suite.Element("properties")!.Elements(), p =>
            {
                Assert.Equal("property", p.Name.LocalName);
                Assert.NotNull(p.Attribute("name"));
                Assert.NotNull(p.Attribute("value"));
            });
        }
    }

    [Fact]
    public void EveryTestcaseHasANameClassnameAndTimeAndAtMostOneTypedFailureOrError()
    {
        var cases = Report().Descendants("testcase").ToList();

        Assert.All(cases, c =>
        {
            Assert.NotNull(c.Attribute("name"));
            Assert.NotNull(c.Attribute("classname"));
            Assert.NotNull(c.Attribute("time"));
            var outcomes = c.Elements().ToList();
            Assert.True(outcomes.Count <= 1);
            Assert.All(outcomes, o =>
            {
                Assert.Contains(o.Name.LocalName, new[] { "failure", "error" });
                Assert.False(string.IsNullOrEmpty((string?)o.Attribute("type")));
            });
        });
    }

    [Theory]
    // alice: 28 answers, none wrong; bob 10 wrong; carol 24 (28 - 4 right);
    // dave cannot be read: one testcase with an error.
    [InlineData("alice", 28, 0, 0)]
    [InlineData("bob", 28, 10, 0)]
    [InlineData("carol", 28, 24, 0)]
    [InlineData("dave", 1, 0, 1)]
    public void TheCountsAgreeWithTheTestcases(string student, int tests, int failures, int errors)
    {
        var suite = Report().Root!.Elements("testsuite").Single(s => (string)s.Attribute("name")! == student);

        Assert.Equal(tests, (int)suite.Attribute("tests")!);
        Assert.Equal(failures, (int)suite.Attribute("failures")!);
        Assert.Equal(errors, (int)suite.Attribute("errors")!);
        Assert.Equal(tests, suite.Elements("testcase").Count());
        Assert.Equal(failures, suite.Descendants("failure").Count());
        Assert.Equal(errors, suite.Descendants("error").Count());
    }

    [Fact]
    public void TestsuitesHasNoAttributesBecauseTheAntSchemaAllowsNone()
    {
        Assert.Empty(Report().Root!.Attributes());
    }
}
