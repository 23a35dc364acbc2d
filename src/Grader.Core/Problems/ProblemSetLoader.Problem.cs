using Grader.Diagnostics;
using Grader.Graphs;
using Grader.Syntax;
using Grader.Values;
using Grader.Yaml;

namespace Grader.Problems;

public static partial class ProblemSetLoader
{
    private static Problem? ReadProblem(YamlNode node, string setId, Tolerance setTolerance, double setPoints,
        bool setCarry, List<Diagnostic> diagnostics)
    {
        var before = diagnostics.Count(d => d.Severity == Severity.Error);
        var map = MappingReader.Open(node, "a problem (a mapping with `id:`, `nodes:` or `function:`, and `inputs:`)",
            diagnostics, ProblemKeys);
        if (map is null)
        {
            return null;
        }

        var id = ReadId(map, "id", "the problem", diagnostics);
        var inputs = ReadInputs(map, diagnostics);
        var inputNames = inputs.Select(i => i.Name).ToHashSet();
        var nodes = ReadNodes(map, inputNames, diagnostics);
        var tolerance = map["tolerance"] is { } t ? ReadTolerance(t, diagnostics) ?? setTolerance : setTolerance;
        var points = map["points"] is { } p ? ReadPoints(p, diagnostics) : setPoints;
        var ask = map["ask"] is { } a ? ReadAsk(a, diagnostics) : null;
        Tensor? upstream = null;
        if (map["upstream"] is { } u)
        {
            (upstream, var error) = ValueReader.Read(u);
            Report(error, diagnostics);
        }

        if (before != diagnostics.Count(d => d.Severity == Severity.Error) || id is null || nodes is null)
        {
            return null;
        }

        var problem = new Problem
        {
            Id = id,
            Title = ReadText(map, "title", diagnostics)?.ReplaceLineEndings(" ").Trim(),
            Description = ReadText(map, "description", diagnostics),
            Position = node.Position,
            Nodes = nodes,
            Function = map["function"]?.Value,
            Inputs = inputs,
            Ask = ask,
            Points = points,
            Tolerance = tolerance,
            Upstream = upstream,
            UpstreamPosition = map["upstream"]?.Position,
            CarryForward = map["carry_forward"] is { } c ? ReadBool(c, diagnostics) : setCarry,
        };

        var compiled = ProblemCompiler.Compile(problem, setId, student: null);
        diagnostics.AddRange(compiled.Diagnostics);
        return compiled.Diagnostics.Any(d => d.Severity == Severity.Error) ? null : problem;
    }

    private static void Report(Diagnostic? error, List<Diagnostic> diagnostics)
    {
        if (error is not null)
        {
            diagnostics.Add(error);
        }
    }

    private static List<InputDefinition> ReadInputs(MappingReader problem, List<Diagnostic> diagnostics)
    {
        var inputs = new List<InputDefinition>();
        if (problem["inputs"] is not { } node)
        {
            diagnostics.Add(Diagnostic.Error(problem.Node.Position, "missing `inputs:`, the value of every input"));
            return inputs;
        }

        if (node.Kind != YamlKind.Mapping)
        {
            diagnostics.Add(Diagnostic.Error(node.Position,
                $"`inputs` must map names to values, got {node.Describe()}"));
            return inputs;
        }

        foreach (var (key, value) in node.Entries)
        {
            if (!CheckName(key, "input", diagnostics))
            {
                continue;
            }

            if (value.Kind == YamlKind.Mapping)
            {
                var variant = ReadVariant(value, diagnostics);
                if (variant is not null)
                {
                    inputs.Add(new InputDefinition(key.Value, key.Position, null, variant));
                }

                continue;
            }

            var (tensor, error) = ValueReader.Read(value);
            if (error is not null)
            {
                diagnostics.Add(error with { Message = $"input `{key.Value}`: {error.Message}" });
                continue;
            }

            inputs.Add(new InputDefinition(key.Value, key.Position, tensor, null));
        }

        return inputs;
    }

    private static bool CheckName(YamlNode key, string what, List<Diagnostic> diagnostics)
    {
        if (!NamePattern().IsMatch(key.Value))
        {
            diagnostics.Add(Diagnostic.Error(key.Position,
                $"invalid {what} name `{key.Value}`: use letters, digits and `_`, starting with a letter"));
            return false;
        }

        if (TapeBuilder.Constants.ContainsKey(key.Value))
        {
            diagnostics.Add(Diagnostic.Error(key.Position, $"`{key.Value}` is a constant; choose another {what} name"));
            return false;
        }

        return true;
    }

    private static Variant? ReadVariant(YamlNode node, List<Diagnostic> diagnostics)
    {
        var map = MappingReader.Open(node, "a variant (`choose`, `range` or `uniform`)", diagnostics, VariantKeys);
        if (map is null)
        {
            return null;
        }

        var kinds = new[] { "choose", "range", "uniform" }.Where(map.Has).ToList();
        if (kinds.Count != 1)
        {
            diagnostics.Add(Diagnostic.Error(node.Position,
                "a variant is one of `{ choose: [1, 2, 5] }`, `{ range: [-5, 5] }` "
                + "or `{ uniform: [-1, 1], decimals: 2 }`"));
            return null;
        }

        var kind = kinds[0];
        var list = map[kind]!;
        if (list.Kind != YamlKind.Sequence || list.Items.Count == 0)
        {
            var got = list.Kind == YamlKind.Sequence ? "an empty list" : list.Describe();
            diagnostics.Add(Diagnostic.Error(list.Position, $"`{kind}` takes a non-empty list, got {got}"));
            return null;
        }

        if (map.Has("decimals") && kind != "uniform")
        {
            diagnostics.Add(Diagnostic.Error(map.KeyPosition("decimals")!.Value, "`decimals` goes with `uniform`"));
            return null;
        }

        var values = new List<Tensor>();
        foreach (var item in list.Items)
        {
            var (value, error) = ValueReader.Read(item);
            if (error is not null)
            {
                diagnostics.Add(error);
                return null;
            }

            values.Add(value!);
        }

        if (kind == "choose")
        {
            return new Variant(VariantKind.Choose, values, 0, 0, 0);
        }

        if (values.Count != 2 || !values.All(v => v.IsScalar) || values[0].ScalarValue > values[1].ScalarValue)
        {
            diagnostics.Add(Diagnostic.Error(list.Position,
                $"`{kind}` takes two numbers, low then high: `{kind}: [-5, 5]`"));
            return null;
        }

        var (low, high) = (values[0].ScalarValue, values[1].ScalarValue);
        if (kind == "range")
        {
            if (Math.Round(low) != low || Math.Round(high) != high)
            {
                diagnostics.Add(Diagnostic.Error(list.Position,
                    "`range` takes whole numbers; use `uniform` for fractions"));
                return null;
            }

            return new Variant(VariantKind.Range, [], low, high, 0);
        }

        var decimals = 2;
        if (map["decimals"] is { } d)
        {
            if (!int.TryParse(d.Value, out decimals) || decimals < 0 || decimals > 12)
            {
                diagnostics.Add(Diagnostic.Error(d.Position,
                    $"`decimals` must be a whole number from 0 to 12, got {d.Describe()}"));
                return null;
            }
        }

        return new Variant(VariantKind.Uniform, [], low, high, decimals);
    }

    private static List<NodeDefinition>? ReadNodes(
        MappingReader problem, ISet<string> inputs, List<Diagnostic> diagnostics)
    {
        var (nodes, function) = (problem["nodes"], problem["function"]);
        if (nodes is not null && function is not null)
        {
            diagnostics.Add(Diagnostic.Error(problem.KeyPosition("function")!.Value,
                "a problem has either `nodes:` or `function:`, not both"));
            return null;
        }

        if (nodes is null && function is null)
        {
            if (problem.HasUnknownKeys)
            {
                return null;
            }

            diagnostics.Add(Diagnostic.Error(problem.Node.Position,
                "a problem needs `nodes:` (named steps) or `function:` (one expression such as `f = x * (y + z)`)"));
            return null;
        }

        return function is not null
            ? ReadFunction(function, inputs, diagnostics)
            : ReadNodeList(nodes!, inputs, diagnostics);
    }

    private static List<NodeDefinition>? ReadNodeList(YamlNode node, ISet<string> inputs, List<Diagnostic> diagnostics)
    {
        if (node.Kind != YamlKind.Mapping || node.Entries.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(node.Position,
                $"`nodes` must map names to expressions, got {node.Describe()}"));
            return null;
        }

        var result = new List<NodeDefinition>();
        foreach (var (key, value) in node.Entries)
        {
            if (!CheckName(key, "node", diagnostics))
            {
                continue;
            }

            if (inputs.Contains(key.Value))
            {
                diagnostics.Add(Diagnostic.Error(key.Position,
                    $"node `{key.Value}` has the name of an input; choose another name"));
                continue;
            }

            if (value.Kind != YamlKind.Scalar || value.IsNull)
            {
                diagnostics.Add(Diagnostic.Error(value.Position,
                    $"node `{key.Value}`: expected an expression, got {value.Describe()}"));
                continue;
            }

            var source = new ExpressionSource(value.Value, value.ContentPosition);
            var parsed = Parser.Parse(source);
            if (parsed.Error is not null)
            {
                diagnostics.Add(parsed.Error);
                continue;
            }

            result.Add(new NodeDefinition(key.Value, key.Position, source, parsed.Expr!));
        }

        return result.Count == node.Entries.Count ? result : null;
    }

    private static List<NodeDefinition>? ReadFunction(YamlNode node, ISet<string> inputs, List<Diagnostic> diagnostics)
    {
        if (node.Kind != YamlKind.Scalar || node.IsNull)
        {
            diagnostics.Add(Diagnostic.Error(node.Position,
                $"`function` must be text such as `f = x * (y + z)`, got {node.Describe()}"));
            return null;
        }

        var source = new ExpressionSource(node.Value, node.ContentPosition);
        var definition = Parser.ParseDefinition(source);
        if (definition.Error is not null)
        {
            diagnostics.Add(definition.Error);
            return null;
        }

        if (inputs.Contains(definition.Name))
        {
            diagnostics.Add(Diagnostic.Error(definition.NamePosition,
                $"the function `{definition.Name}` has the name of an input"));
            return null;
        }

        var taken = new HashSet<string>(inputs) { definition.Name };
        var steps = FunctionSplitter.Split(definition.Name, definition.Expr!, source, taken);
        if (steps.Count > FunctionSplitter.MaxSteps)
        {
            diagnostics.Add(Diagnostic.Error(node.ContentPosition,
                $"the function splits into {steps.Count} steps, more than "
                + $"{FunctionSplitter.MaxSteps} a student can answer; "
                + "give a long expression as one of `nodes:` instead"));
            return null;
        }

        return steps;
    }

    private static List<AskItem>? ReadAsk(YamlNode node, List<Diagnostic> diagnostics)
    {
        if (node.Kind != YamlKind.Sequence || node.Items.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(node.Position,
                $"`ask` must be a non-empty list of answer keys, got {node.Describe()}"));
            return null;
        }

        var items = new List<AskItem>();
        foreach (var item in node.Items)
        {
            if (item.Kind == YamlKind.Scalar && !item.IsNull)
            {
                items.Add(new AskItem(item.Value, item.ContentPosition, null, null));
                continue;
            }

            var map = MappingReader.Open(
                item, "an answer key such as `df/dx` or `{ key: df/dx, points: 2 }`", diagnostics, AskKeys);
            if (map is null)
            {
                continue;
            }

            if (map["key"] is not { Kind: YamlKind.Scalar } key || key.IsNull)
            {
                diagnostics.Add(Diagnostic.Error(item.Position, "missing `key:`, the answer asked for"));
                continue;
            }

            var points = map["points"] is { } p ? ReadPoints(p, diagnostics) : (double?)null;
            var tolerance = map["tolerance"] is { } t ? ReadTolerance(t, diagnostics) : null;
            items.Add(new AskItem(key.Value, key.ContentPosition, points, tolerance));
        }

        var seen = new HashSet<string>();
        foreach (var item in items)
        {
            if (!seen.Add(AnswerKey.Normalize(item.Key)))
            {
                diagnostics.Add(Diagnostic.Error(item.Position, $"`{item.Key}` is asked twice"));
            }
        }

        return items;
    }
}
