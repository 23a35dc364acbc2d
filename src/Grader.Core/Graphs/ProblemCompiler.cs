using Grader.Diagnostics;
using Grader.Problems;
using Grader.Syntax;
using Grader.Tapes;
using Grader.Values;

namespace Grader.Graphs;

/// <summary>
/// Builds a problem's graph for one student: draws the student's variant of each
/// input, compiles the nodes to a tape, and resolves the asked answer keys.
/// </summary>
public static class ProblemCompiler
{
    /// <param name="fixedInputs">Input values to use instead of the student's variant, for checking variants.</param>
    public static CompiledProblem Compile(Problem problem, string setId, string? student,
        IReadOnlyDictionary<string, Tensor>? fixedInputs = null)
    {
        var builder = new TapeBuilder();
        var nodes = new List<GraphNode>();
        var slots = new Dictionary<string, int>();
        var inputs = new Dictionary<string, Tensor>();
        var diagnostics = new List<Diagnostic>();

        foreach (var input in problem.Inputs)
        {
            var value = fixedInputs?.GetValueOrDefault(input.Name)
                ?? input.Value
                ?? input.Variant!.Draw(setId, problem.Id, input.Name, student ?? "");
            inputs[input.Name] = value;
            slots[input.Name] = builder.AddInput(input.Name, value, input.Position);
            nodes.Add(new GraphNode(input.Name, true, slots[input.Name], "input", input.Position, []));
        }

        var order = problem.Nodes.Select((n, k) => (n.Name, k)).ToDictionary(p => p.Name, p => p.k);
        for (var k = 0; k < problem.Nodes.Count; k++)
        {
            var node = problem.Nodes[k];
            try
            {
                var known = slots.Keys;
                var slot = builder.Compile(
                    node.Expr, node.Source, node.Name, n => Resolve(n, node, k, slots, order, problem), known);
                slots[node.Name] = slot;
                nodes.Add(new GraphNode(node.Name, false, slot, node.Text, node.Position, Uses(node.Expr, slots)));
            }
            catch (DiagnosticException failure)
            {
                // Later nodes may use this one: give its name a slot, so that they
                // are not also reported as using an unknown name.
                diagnostics.Add(failure.Diagnostic);
                slots[node.Name] = builder.AddInput(node.Name, Tensor.Scalar(double.NaN), node.Position);
            }
        }

        var compiled = new CompiledProblem(problem, setId, student, builder.Build(), nodes, inputs);
        compiled.Diagnostics.AddRange(diagnostics);
        if (compiled.Failed)
        {
            return compiled;
        }

        WarnUnusedInputs(compiled);
        ResolveKeys(compiled);
        if (!compiled.Failed)
        {
            CheckShapes(compiled);
        }

        return compiled;
    }

    private static int? Resolve(NameExpr name, NodeDefinition node, int index, Dictionary<string, int> slots,
        Dictionary<string, int> order, Problem problem)
    {
        if (order.TryGetValue(name.Name, out var at) && at >= index)
        {
            var message = at == index
                ? $"node `{node.Name}` uses itself; a node can use only inputs and earlier nodes"
                : $"node `{node.Name}` uses `{name.Name}`, which is defined after it (line "
                    + $"{problem.Nodes[at].Position.Line}); a node can use only inputs and earlier nodes";
            throw new DiagnosticException(Diagnostic.Error(node.Source.PositionOf(name.Start), message));
        }

        return slots.TryGetValue(name.Name, out var slot) ? slot : null;
    }

    /// <summary>The inputs and nodes an expression names, in order of first use.</summary>
    private static List<string> Uses(Expr root, Dictionary<string, int> slots)
    {
        var names = new List<string>();
        var stack = new Stack<Expr>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var expr = stack.Pop();
            if (expr is NameExpr name && slots.ContainsKey(name.Name) && !names.Contains(name.Name))
            {
                names.Add(name.Name);
            }

            var children = expr.Children;
            for (var k = children.Count - 1; k >= 0; k--)
            {
                stack.Push(children[k]);
            }
        }

        return names;
    }

    private static void WarnUnusedInputs(CompiledProblem compiled)
    {
        var used = compiled.Tape.Steps.SelectMany(s => s.Args).ToHashSet();
        foreach (var input in compiled.Nodes.Where(n => n.IsInput && !used.Contains(n.Slot)))
        {
            compiled.Diagnostics.Add(Diagnostic.Warning(input.Position,
                $"input `{input.Name}` is not used by any node"));
        }
    }

    /// <summary>Inputs that are only ever used as an index, such as the class label y in `s[y]`.</summary>
    public static bool IsIndexOnly(CompiledProblem compiled, GraphNode input)
    {
        var asIndex = false;
        foreach (var step in compiled.Tape.Steps)
        {
            for (var k = 0; k < step.Args.Length; k++)
            {
                if (step.Args[k] != input.Slot)
                {
                    continue;
                }

                if (step.Op != Op.Index || k == 0)
                {
                    return false;
                }

                asIndex = true;
            }
        }

        return asIndex;
    }

    private static void ResolveKeys(CompiledProblem compiled)
    {
        var problem = compiled.Problem;
        foreach (var item in problem.Ask ?? DefaultAsk(compiled))
        {
            var (key, error) = AnswerKey.Resolve(item.Key, item.Position, item.Points ?? problem.Points,
                item.Tolerance ?? problem.Tolerance, compiled);
            if (error is not null)
            {
                compiled.Diagnostics.Add(error);
                continue;
            }

            compiled.Keys.Add(key!);
        }
    }

    /// <summary>Every node's value, then the output's derivative with respect to every input.</summary>
    private static IEnumerable<AskItem> DefaultAsk(CompiledProblem compiled)
    {
        var at = compiled.Problem.Position;
        foreach (var node in compiled.Nodes.Where(n => !n.IsInput))
        {
            yield return new AskItem(node.Name, at, null, null);
        }

        var output = compiled.Output.Name;
        foreach (var input in compiled.Nodes.Where(n => n.IsInput && !IsIndexOnly(compiled, n)))
        {
            yield return new AskItem($"d{output}/d{input.Name}", at, null, null);
        }
    }

    /// <summary>
    /// Checks what needs the shapes of a forward pass: upstream, gradients of tensors, element indices.
    /// </summary>
    private static void CheckShapes(CompiledProblem compiled)
    {
        var run = new TapeRun(compiled.Tape);
        if (run.Forward() is { } failure)
        {
            if (failure.IsShapeError)
            {
                var step = compiled.Tape.Steps[failure.Step];
                compiled.Diagnostics.Add(Diagnostic.Error(step.Position, failure.Message));
            }

            return;
        }

        var problem = compiled.Problem;
        var output = run.Value(compiled.Output.Slot);
        if (problem.Upstream is { } upstream && !upstream.SameShape(output))
        {
            compiled.Diagnostics.Add(Diagnostic.Error(problem.UpstreamPosition!.Value,
                $"`upstream` is a {upstream.ShapeText}, "
                + $"but the output `{compiled.Output.Name}` is a {output.ShapeText}"));
        }

        foreach (var key in compiled.Keys.ToList())
        {
            var numerator = run.Value(key.Of.Slot);
            if (key.Kind == AnswerKind.Gradient
                && !numerator.IsScalar
                && !(key.Of == compiled.Output && problem.Upstream is not null))
            {
                if (problem.Ask is null)
                {
                    compiled.Keys.Remove(key);
                    continue;
                }

                var fix = key.Of == compiled.Output
                    ? "give `upstream:` for the output"
                    : "ask for the output's gradient";
                compiled.Diagnostics.Add(Diagnostic.Error(key.Position,
                    $"`{key.Text}`: `{key.Of.Name}` is a {numerator.ShapeText}; "
                    + $"a derivative needs a scalar numerator ({fix})"));
                continue;
            }

            var target = key.Kind == AnswerKind.Value ? numerator : run.Value(key.With!.Slot);
            var (_, error) = key.FlatIndex(target);
            if (error is not null)
            {
                compiled.Diagnostics.Add(Diagnostic.Error(key.Position, error));
            }
        }
    }
}
