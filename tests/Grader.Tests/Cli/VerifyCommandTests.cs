using Snapshooter;
using Snapshooter.Xunit;

namespace Grader.Tests.Cli;

public class VerifyCommandTests
{
    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public void VerifyOfSection3MatchesItsSnapshot(string format)
    {
        var (exit, output, error) = Reports.CliRun.Grader("verify", "problems/section3.yaml", "--format", format);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Snapshot.Match(output, SnapshotNameExtension.Create(format));
    }

    [Fact]
    public void VerifyExitsOneWhenAProblemSitsOnAKink()
    {
        var path = Path.Combine(Path.GetTempPath(), $"grader-kink-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Sets.OneFunction("f = relu(x)", "x: 0"));
        try
        {
            var (exit, output, _) = Reports.CliRun.Grader("verify", path);

            Assert.Equal(1, exit);
            Assert.Contains("kink", output);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
