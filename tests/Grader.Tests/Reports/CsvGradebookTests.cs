using System.Text;
using Grader.Grading;
using Grader.Reports;
using Xunit;

namespace Grader.Tests.Reports;

public class CsvGradebookTests
{
    private static SubmissionResult Result(string student, string file, double first, double second) => new()
    {
        File = file,
        Student = student,
        Status = SubmissionStatus.Graded,
        Score = first + second,
        MaxScore = 4,
        Problems = [new ProblemScore("one", first, 2), new ProblemScore("two", second, 2)],
    };

    [Fact]
    public void EveryRowEndsWithCrLf()
    {
        var csv = GradeExports.Csv([Result("ann", "ann.yaml", 2, 1)], ["one", "two"]);

        Assert.Equal("student,file,one,two,score,max_score,percent\r\nann,ann.yaml,2,1,3,4,75\r\n", csv);
    }

    [Theory]
    [InlineData("Smith, Ann", "\"Smith, Ann\"")]
    [InlineData("Ann \"Nan\" Smith", "\"Ann \"\"Nan\"\" Smith\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    public void CellsAreQuotedAndFormulasNeutralised(string student, string cell)
    {
        var csv = GradeExports.Csv([Result(student, "a.yaml", 0, 0)], ["one", "two"]);

        Assert.StartsWith(cell + ",a.yaml,", csv.Split("\r\n")[1]);
    }

    [Fact]
    public void TheGradebookParsesBackToItsColumns()
    {
        // 2 + 1 of 4 is 75 %; 0.5 + 0 of 4 is 12.5 %.
        var results = new[] { Result("Smith, \"Ann\"", "in, out/ann.yaml", 2, 1), Result("=cmd", "b.yaml", 0.5, 0) };

        var rows = Parse(GradeExports.Csv(results, ["one", "two"]));

        Assert.Equal(
            [
                ["student", "file", "one", "two", "score", "max_score", "percent"],
                ["Smith, \"Ann\"", "in, out/ann.yaml", "2", "1", "3", "4", "75"],
                ["'=cmd", "b.yaml", "0.5", "0", "0.5", "4", "12.5"],
            ],
            rows);
    }

    [Fact]
    public void TheExampleGradebookHasAColumnPerProblem()
    {
        var (_, output, _) = CliRun.Grader("grade", "problems/section3.yaml", "submissions", "--format", "csv");

        var rows = Parse(output);

        Assert.Equal(["student", "file", "forward-backward", "sigmoid", "square-plus", "sum-times-sum", "score", "max_score", "percent"], rows[0]);
        // bob by hand: 4 + 6 + 4 + 4 = 18 of 28, 64.3 %.
        Assert.Equal(["bob", "submissions/bob.yaml", "4", "6", "4", "4", "18", "28", "64.3"], rows[2]);
    }

    /// <summary>An RFC 4180 reader: quoted fields may hold commas, CRLF and doubled quotes.</summary>
    private static List<List<string>> Parse(string csv)
    {
        Assert.EndsWith("\r\n", csv);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var (i, quoted) = (0, false);
        while (i < csv.Length)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                quoted = c != '"';
                if (quoted)
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                Assert.Equal(0, field.Length);
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r')
            {
                Assert.Equal('\n', csv[i + 1]);
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                Assert.NotEqual('\n', c);
                field.Append(c);
            }

            i++;
        }

        return rows;
    }
}
