using Grader.Diagnostics;
using Grader.Syntax;
using Grader.Values;

namespace Grader.Problems;

public sealed class ProblemSet
{
    public required string Id { get; init; }

    public string? Title { get; init; }

    public required string File { get; init; }

    public Tolerance Tolerance { get; init; } = Tolerance.Default;

    /// <summary>Whether an answer that is wrong only because of an earlier wrong answer earns its points.</summary>
    public bool CarryForward { get; init; }

    public required IReadOnlyList<Problem> Problems { get; init; }
}

public sealed class Problem
{
    public required string Id { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public required SourcePosition Position { get; init; }

    /// <summary>The named steps in order; for a `function:` problem, the steps Grader split it into.</summary>
    public required IReadOnlyList<NodeDefinition> Nodes { get; init; }

    /// <summary>The `function:` text, when the problem was given as one expression.</summary>
    public string? Function { get; init; }

    public required IReadOnlyList<InputDefinition> Inputs { get; init; }

    /// <summary>The asked answers; null when the problem relies on the default.</summary>
    public IReadOnlyList<AskItem>? Ask { get; init; }

    public double Points { get; init; } = 1;

    public required Tolerance Tolerance { get; init; }

    public Tensor? Upstream { get; init; }

    public SourcePosition? UpstreamPosition { get; init; }

    public bool CarryForward { get; init; }

    public string Output => Nodes[^1].Name;

    public bool HasVariants => Inputs.Any(i => i.Variant is not null);
}

/// <summary>A named step: `q: y + z`.</summary>
public sealed record NodeDefinition(string Name, SourcePosition Position, ExpressionSource Source, Expr Expr)
{
    private string? _text;

    /// <summary>The step as shown to people: `y + z`, or `exp(t1)` for a step split from a function.</summary>
    public string Text
    {
        get => _text ??= Source.Slice(Expr.Start, Expr.End).Trim();
        init => _text = value;
    }
}

public sealed record InputDefinition(string Name, SourcePosition Position, Tensor? Value, Variant? Variant);

/// <summary>One asked answer, with its own points and tolerance when the set gives them.</summary>
public sealed record AskItem(string Key, SourcePosition Position, double? Points, Tolerance? Tolerance);
