using System.Globalization;
using System.Text.RegularExpressions;
using Grader.Diagnostics;
using Grader.Graphs;
using Grader.Syntax;
using Grader.Values;
using Grader.Yaml;

namespace Grader.Problems;

/// <summary>
/// Reads a problem set from YAML, keeping every position, and checks it: keys,
/// ids, names, values, expressions and answer keys. Returns the set, or the
/// diagnostics that explain why it cannot be used.
/// </summary>
public static partial class ProblemSetLoader
{
    private static readonly string[] SetKeys = ["set", "title", "tolerance", "points", "carry_forward", "problems"];

    private static readonly string[] ProblemKeys =
        [
            "id", "title", "description", "nodes", "function", "inputs", "ask",
            "points", "tolerance", "upstream", "carry_forward",
        ];

    private static readonly string[] ToleranceKeys = ["rel", "abs", "sigfigs", "decimals"];

    private static readonly string[] AskKeys = ["key", "points", "tolerance"];

    private static readonly string[] VariantKeys = ["choose", "range", "uniform", "decimals"];

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex NamePattern();

    public static (ProblemSet? Set, List<Diagnostic> Diagnostics) LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            return (null,
                [Diagnostic.Error(new SourcePosition(path, 1, 1), $"cannot read the file: {failure.Message}")]);
        }

        return Load(text, path);
    }

    public static (ProblemSet? Set, List<Diagnostic> Diagnostics) Load(string text, string file)
    {
        var diagnostics = new List<Diagnostic>();
        var (root, yamlError) = YamlTree.Load(text, file);
        if (yamlError is not null)
        {
            return (null, [yamlError]);
        }

        if (root is null)
        {
            return (null, [Diagnostic.Error(new SourcePosition(file, 1, 1),
                "empty file: expected a problem set with `set:` and `problems:`")]);
        }

        var set = ReadSet(root, file, diagnostics);
        var failed = diagnostics.Any(d => d.Severity == Severity.Error);
        return (failed ? null : set, diagnostics);
    }

    private static ProblemSet? ReadSet(YamlNode root, string file, List<Diagnostic> diagnostics)
    {
        var map = MappingReader.Open(
            root, "a problem set (a mapping with `set:` and `problems:`)", diagnostics, SetKeys);
        if (map is null)
        {
            return null;
        }

        var id = ReadId(map, "set", "the problem set", diagnostics);
        var tolerance = map["tolerance"] is { } t
            ? ReadTolerance(t, diagnostics) ?? Tolerance.Default
            : Tolerance.Default;
        var points = map["points"] is { } p ? ReadPoints(p, diagnostics) : 1;
        var carry = map["carry_forward"] is { } c && ReadBool(c, diagnostics);

        var problems = new List<Problem>();
        if (map["problems"] is not { } list)
        {
            diagnostics.Add(Diagnostic.Error(root.Position, "missing `problems:`, the list of problems"));
        }
        else if (list.Kind != YamlKind.Sequence || list.Items.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(list.Position,
                $"`problems` must be a non-empty list, got {list.Describe()}"));
        }
        else
        {
            var seen = new Dictionary<string, SourcePosition>();
            foreach (var item in list.Items)
            {
                var problem = ReadProblem(item, id ?? "set", tolerance, points, carry, diagnostics);
                if (problem is null)
                {
                    continue;
                }

                if (seen.TryGetValue(problem.Id, out var first))
                {
                    diagnostics.Add(Diagnostic.Error(problem.Position,
                        $"duplicate problem id `{problem.Id}` (first at line {first.Line})"));
                    continue;
                }

                seen[problem.Id] = problem.Position;
                problems.Add(problem);
            }
        }

        return new ProblemSet
        {
            Id = id ?? "",
            Title = ReadText(map, "title", diagnostics)?.ReplaceLineEndings(" ").Trim(),
            File = file,
            Tolerance = tolerance,
            CarryForward = carry,
            Problems = problems,
        };
    }

    private static string? ReadId(MappingReader map, string key, string owner, List<Diagnostic> diagnostics)
    {
        if (map[key] is not { } node)
        {
            diagnostics.Add(Diagnostic.Error(map.Node.Position, $"missing `{key}:`, the id of {owner}"));
            return null;
        }

        if (node.Kind != YamlKind.Scalar || !IdPattern().IsMatch(node.Value))
        {
            diagnostics.Add(Diagnostic.Error(node.Position,
                $"invalid id {node.Describe()}: use lower case letters, digits, `-` and `_`, "
                + "starting with a letter or digit"));
            return null;
        }

        return node.Value;
    }

    private static string? ReadText(MappingReader map, string key, List<Diagnostic> diagnostics)
    {
        if (map[key] is not { } node)
        {
            return null;
        }

        if (node.Kind != YamlKind.Scalar)
        {
            diagnostics.Add(Diagnostic.Error(node.Position, $"`{key}` must be text, got {node.Describe()}"));
            return null;
        }

        return node.Value;
    }

    private static bool ReadBool(YamlNode node, List<Diagnostic> diagnostics)
    {
        if (node.Kind == YamlKind.Scalar && node.Value is "true" or "false")
        {
            return node.Value == "true";
        }

        diagnostics.Add(Diagnostic.Error(node.Position, $"expected `true` or `false`, got {node.Describe()}"));
        return false;
    }

    private static double ReadPoints(YamlNode node, List<Diagnostic> diagnostics)
    {
        var ok = node.Kind == YamlKind.Scalar
            && double.TryParse(node.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var points)
            && double.IsFinite(points) && points >= 0;
        if (!ok)
        {
            diagnostics.Add(Diagnostic.Error(node.Position,
                $"points must be a number of 0 or more, got {node.Describe()}"));
            return 1;
        }

        return double.Parse(node.Value, CultureInfo.InvariantCulture);
    }

    public static Tolerance? ReadTolerance(YamlNode node, List<Diagnostic> diagnostics)
    {
        var map = MappingReader.Open(node,
            "a tolerance such as `{ rel: 1e-3, abs: 1e-9 }`, `{ sigfigs: 3 }` or `{ decimals: 2 }`",
            diagnostics, ToleranceKeys);
        if (map is null)
        {
            return null;
        }

        double? Number(string key, double max)
        {
            if (map[key] is not { } value)
            {
                return null;
            }

            var ok = double.TryParse(value.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && value.Kind == YamlKind.Scalar && number >= 0 && number <= max;
            if (!ok)
            {
                diagnostics.Add(Diagnostic.Error(value.Position,
                    $"`{key}` must be a number from 0 to {max}, got {value.Describe()}"));
                return null;
            }

            return number;
        }

        int? Digits(string key, int min)
        {
            var number = Number(key, 15);
            if (number is { } n && (n != Math.Round(n) || n < min))
            {
                diagnostics.Add(Diagnostic.Error(map[key]!.Position,
                    $"`{key}` must be a whole number from {min} to 15"));
                return null;
            }

            return (int?)number;
        }

        var rel = Number("rel", 1);
        var abs = Number("abs", double.MaxValue);
        var sigfigs = Digits("sigfigs", 1);
        var decimals = Digits("decimals", 0);
        var floor = abs ?? Tolerance.DefaultFloor;
        if (sigfigs is not null && (decimals is not null || rel is not null))
        {
            diagnostics.Add(Diagnostic.Error(node.Position,
                "a tolerance uses one rule: `sigfigs`, `decimals`, or `rel`/`abs`"));
            return null;
        }

        if (decimals is not null && rel is not null)
        {
            diagnostics.Add(Diagnostic.Error(node.Position,
                "a tolerance uses one rule: `sigfigs`, `decimals`, or `rel`/`abs`"));
            return null;
        }

        if (sigfigs is { } s)
        {
            return Tolerance.SigFigs(s, floor);
        }

        if (decimals is { } d)
        {
            return Tolerance.DecimalPlaces(d, floor);
        }

        if (rel is null && abs is null)
        {
            // A rule that was given but invalid has been reported already.
            if (!ToleranceKeys.Any(map.Has))
            {
                diagnostics.Add(Diagnostic.Error(node.Position,
                    "an empty tolerance: give `rel`, `abs`, `sigfigs` or `decimals`"));
            }

            return null;
        }

        return Tolerance.RelAbs(rel ?? 0, floor);
    }
}
