using System.Globalization;
using System.Text.RegularExpressions;
using Grader.Diagnostics;
using Grader.Problems;
using Grader.Values;

namespace Grader.Graphs;

public enum AnswerKind
{
    Value,
    Gradient,
}

/// <summary>
/// An asked answer, resolved against a graph: the value of a node or input (`q`),
/// or the derivative of node A with respect to B (`df/dq`), what backprop from A
/// delivers at B. Either may name one element: `W[1, 0]`, `df/dW[1, 0]`.
/// </summary>
public sealed partial record AnswerKey(
    string Text,
    AnswerKind Kind,
    GraphNode Of,
    GraphNode? With,
    int[]? Element,
    double Points,
    Tolerance Tolerance,
    SourcePosition Position)
{
    [GeneratedRegex(@"^d(?<a>[A-Za-z_][A-Za-z0-9_]*)/d(?<b>[A-Za-z_][A-Za-z0-9_]*)(?<index>\[[0-9,]+\])?$")]
    private static partial Regex GradientPattern();

    [GeneratedRegex(@"^(?<a>[A-Za-z_][A-Za-z0-9_]*)(?<index>\[[0-9,]+\])?$")]
    private static partial Regex ValuePattern();

    /// <summary>The key without spaces: `df/dW[1,0]` for `df/dW[1, 0]`.</summary>
    public static string Normalize(string key) => string.Concat(key.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The written form, with a space after each comma of an index.</summary>
    public static string Canonical(string key) => Normalize(key).Replace(",", ", ", StringComparison.Ordinal);

    public string Numerator => Of.Name;

    public static (AnswerKey? Key, Diagnostic? Error) Resolve(
        string text, SourcePosition at, double points, Tolerance tolerance, CompiledProblem graph)
    {
        var key = Normalize(text);
        var gradient = GradientPattern().Match(key);
        var value = gradient.Success ? Match.Empty : ValuePattern().Match(key);
        if (!gradient.Success && !value.Success)
        {
            return Fail(at,
                $"`{text}` is not an answer key: write a name such as `q`, or a derivative such as `df/dx`");
        }

        var match = gradient.Success ? gradient : value;
        var element = ParseIndex(match.Groups["index"].Value);
        var (a, aError) = Find(graph, match.Groups["a"].Value, text, at);
        if (a is null)
        {
            return (null, aError);
        }

        if (!gradient.Success)
        {
            return (new AnswerKey(Canonical(text), AnswerKind.Value, a, null, element, points, tolerance, at), null);
        }

        var (b, bError) = Find(graph, match.Groups["b"].Value, text, at);
        if (b is null)
        {
            return (null, bError);
        }

        if (a.IsInput)
        {
            return Fail(at, $"`{text}`: `{a.Name}` is an input; "
                + $"a derivative is taken of a node, such as `d{graph.Output.Name}/d{a.Name}`");
        }

        if (!b.IsInput && !graph.Tape.Ancestors(a.Slot)[b.Slot])
        {
            return Fail(at, $"`{text}`: `{a.Name}` does not depend on `{b.Name}`");
        }

        return (new AnswerKey(Canonical(text), AnswerKind.Gradient, a, b, element, points, tolerance, at), null);
    }

    private static (GraphNode?, Diagnostic?) Find(CompiledProblem graph, string name, string key, SourcePosition at)
    {
        if (graph.Find(name) is { } node)
        {
            return (node, null);
        }

        var hint = Suggest.Hint(name, graph.Nodes.Select(n => n.Name));
        return (null, Diagnostic.Error(at, $"`{key}`: no node or input is named `{name}`{hint}"));
    }

    private static int[]? ParseIndex(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        return text.Trim('[', ']').Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
    }

    private static (AnswerKey?, Diagnostic?) Fail(SourcePosition at, string message) =>
        (null, Diagnostic.Error(at, message));

    /// <summary>The flat index of <see cref="Element"/> in a tensor of this shape, or an explanation.</summary>
    public (int Flat, string? Error) FlatIndex(Tensor shape)
    {
        if (Element is null)
        {
            return (-1, null);
        }

        if (Element.Length != shape.Rank)
        {
            return (-1, $"`{Text}`: {Words.Count(Element.Length, "index", "indices")} for a {shape.ShapeText}");
        }

        var flat = 0;
        for (var k = 0; k < Element.Length; k++)
        {
            if (Element[k] >= shape.Shape[k])
            {
                return (-1, $"`{Text}`: index {Element[k]} is out of range "
                    + $"0 to {shape.Shape[k] - 1} for a {shape.ShapeText}");
            }

            flat = flat * shape.Shape[k] + Element[k];
        }

        return (flat, null);
    }
}
