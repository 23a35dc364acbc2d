using Xunit;
using Grader.Grading;
using static Grader.Tests.Grading.GradingFixture;

namespace Grader.Tests.Grading;

/// <summary>A carried error names the wrong answers it was computed from, not any earlier wrong answer.</summary>
public class CarriedForwardSourceTests
{
    // deep: a = x y, b = a + z, f = b w at x = 2, y = -3, z = 4, w = 5. By hand:
    // a = -6, b = -2, f = -10, df/db = w = 5, df/da = df/db = 5, df/dx = df/da y = -15,
    // df/dy = df/da x = 10, df/dz = df/db = 5, df/dw = b = -2.
    // both: p = x + y, r = x - y, f = p r at x = 3, y = 1: p = 4, r = 2, f = 8.
    private const string Set = """
        set: carried
        problems:
          - id: deep
            nodes: { a: x * y, b: a + z, f: b * w }
            inputs: { x: 2, y: -3, z: 4, w: 5 }
            ask: [a, b, f, df/db, df/da, df/dx, df/dy, df/dz, df/dw]
          - id: both
            nodes: { p: x + y, r: x - y, f: p * r }
            inputs: { x: 3, y: 1 }
            ask: [p, r, f]
        """;

    private const string FromB = "error carried forward from `b`: this is right for your own value of `b`, fix that first";
    private const string FromA = "error carried forward from `a`: this is right for your own value of `a`, fix that first";
    private const string FromDa =
        "error carried forward from `df/da`: this is right for your own value of `df/da`, fix that first";
    private const string FromDb =
        "error carried forward from `df/db`: this is right for your own value of `df/db`, fix that first";

    [Theory]
    // b = 3 is its own mistake (a + z = 6 + 4 = 10 for the student's a): f = 3 * 5 = 15 comes from b.
    [InlineData("deep", "{ a: 6, b: 3, f: 15 }", "f", FromB)]
    // df/dw = b: the student's b = 3.
    [InlineData("deep", "{ a: 6, b: 3, df/dw: 3 }", "df/dw", FromB)]
    // b = 10 = 6 + 4 is carried from a, so f = 10 * 5 = 50 starts at a.
    [InlineData("deep", "{ a: 6, b: 10, f: 50 }", "f", FromA)]
    // df/da = 2 is its own mistake (not the student's df/db = -5): df/dx = 2 * -3 = -6 comes from df/da.
    [InlineData("deep", "{ df/db: -5, df/da: 2, df/dx: -6 }", "df/dx", FromDa)]
    // df/dz = df/db * 1 = -5 skips the wrong df/da.
    [InlineData("deep", "{ df/db: -5, df/da: 2, df/dz: -5 }", "df/dz", FromDb)]
    // The local gradient of b = a + z does not read a, so a wrong a is no source of df/dz = -5.
    [InlineData("deep", "{ a: 7, df/db: -5, df/dz: -5 }", "df/dz", FromDb)]
    // p = 5 and r = 3 are both wrong on their own: f = 5 * 3 = 15 is right for both.
    [InlineData("both", "{ p: 5, r: 3, f: 15 }", "f",
        "error carried forward from `p` and `r`: this is right for your own values of `p` and `r`, fix those first")]
    public void ACarriedErrorNamesTheWrongAnswersItWasComputedFrom(string problem, string answers, string key, string hint)
    {
        var answer = Answer(Grade(Set, $"answers:\n  {problem}: {answers}\n"), problem, key);

        Assert.Equal(Verdict.Incorrect, answer.Verdict);
        Assert.True(answer.CarriedForward);
        Assert.Equal(hint, answer.Hint);
    }
}
