using System.Text;
using System.Text.Json;
using Xunit;

namespace Grader.Tests.Reports;

public sealed class TemplateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("grader-template-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ATemplateFilledWithTheAnswerKeyScoresFullMarks()
    {
        var (templateCode, template, _) = CliRun.Grader("template", "problems/section3.yaml", "--student", "alice");
        var (_, key, _) = CliRun.Grader("solve", "problems/section3.yaml", "--student", "alice", "--format", "json");
        Assert.Equal(0, templateCode);

        var file = Path.Combine(_folder, "alice.yaml");
        File.WriteAllText(file, Fill(template, JsonDocument.Parse(key)));
        var (code, output, error) = CliRun.Grader("grade", "problems/section3.yaml", file);

        Assert.Equal("", error);
        Assert.Equal(0, code);
        Assert.Contains("alice  " + file + "  28/28 (100 %)  pass", output);
    }

    [Fact]
    public void ABlankTemplateIsGradedAsAllMissing()
    {
        var (_, template, _) = CliRun.Grader("template", "problems/section3.yaml", "--student", "alice");
        var file = Path.Combine(_folder, "blank.yaml");
        File.WriteAllText(file, template);

        var (code, output, error) = CliRun.Grader("grade", "problems/section3.yaml", file, "--format", "json");

        Assert.Equal("", error);
        Assert.Equal(1, code);
        var answers = JsonDocument.Parse(output).RootElement.GetProperty("submissions")[0].GetProperty("answers");
        Assert.Equal(28, answers.GetArrayLength());
        Assert.All(answers.EnumerateArray(), a => Assert.Equal("missing", a.GetProperty("verdict").GetString()));
    }

    [Fact]
    public void TextOfTheSetOverSeveralLinesStaysInsideTheTemplateComments()
    {
        var set = Path.Combine(_folder, "set.yaml");
        File.WriteAllText(set, """
            set: s
            title: "one\ntwo"
            problems:
              - id: p
                title: "three\r\nfour\u2028five"
                function: |
                  f = x
                    * 2
                inputs: { x: 1 }
              - id: q
                nodes:
                  f: "x\n+ 1"
                inputs: { x: 1 }
            """);
        var (templateCode, template, _) = CliRun.Grader("template", set);
        var file = Path.Combine(_folder, "blank.yaml");
        File.WriteAllText(file, template);

        var (code, _, error) = CliRun.Grader("grade", set, file);

        Assert.Equal(0, templateCode);
        Assert.Equal("", error);
        Assert.Equal(1, code);
        Assert.Contains("  # p: three four five\n", template);
    }

    [Theory]
    [InlineData("back\\slash")]
    [InlineData("a\\q")]
    [InlineData("line\nbreak\ttab")]
    [InlineData("quote\"d")]
    public void StudentIdInATemplateReadsBackUnchanged(string student)
    {
        var (_, template, _) = CliRun.Grader("template", "problems/section3.yaml", "--student", student);
        var file = Path.Combine(_folder, "blank.yaml");
        File.WriteAllText(file, template);

        var (_, output, error) = CliRun.Grader("grade", "problems/section3.yaml", file, "--format", "json");

        Assert.Equal("", error);
        var graded = JsonDocument.Parse(output).RootElement.GetProperty("submissions")[0];
        Assert.Equal(student, graded.GetProperty("student").GetString());
    }

    /// <summary>Writes each answer of the key after its blank `    KEY:` line, under its `  PROBLEM:` line.</summary>
    private static string Fill(string template, JsonDocument key)
    {
        var answers = key.RootElement.GetProperty("problems").EnumerateArray()
            .ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("answers"));
        var text = new StringBuilder();
        var problem = "";
        foreach (var line in template.Split('\n'))
        {
            if (line.StartsWith("  ") && !line.StartsWith("    ") && !line.TrimStart().StartsWith('#') && line.EndsWith(':'))
            {
                problem = line.Trim().TrimEnd(':');
                text.Append(line).Append('\n');
            }
            else if (line.StartsWith("    ") && line.EndsWith(':'))
            {
                var name = line.Trim().TrimEnd(':').Trim('"');
                text.Append(line).Append(' ').Append(answers[problem].GetProperty(name).GetRawText()).Append('\n');
            }
            else
            {
                text.Append(line).Append('\n');
            }
        }

        return text.ToString();
    }
}
