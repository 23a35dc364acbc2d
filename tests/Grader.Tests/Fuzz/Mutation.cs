using CsCheck;

namespace Grader.Tests.Fuzz;

internal enum EditKind
{
    Insert,
    Delete,
    Replace,
}

/// <summary>One edit at a fraction of the way through a text: insert, delete or replace.</summary>
internal sealed record Edit(EditKind Kind, double Where, int Length, string Text)
{
    public string ApplyTo(string text)
    {
        var at = (int)(Where * text.Length);
        var length = Math.Min(Length, text.Length - at);
        return Kind switch
        {
            EditKind.Insert => text.Insert(at, Text),
            EditKind.Delete => text.Remove(at, length),
            _ => text.Remove(at, length).Insert(at, Text),
        };
    }
}

/// <summary>
/// Random edits of YAML text and random expression text, built from the characters
/// and fragments that mean something to YAML or to the expression grammar, plus garbage.
/// </summary>
internal static class Mutation
{
    private static readonly string[] Fragments =
    [
        "[", "]", "{", "}", ",", ":", ": ", "- ", "-", "#", "'", "\"", "\t", "\n", "\r\n", "\r", " ", "  ",
        "\0", "\uFEFF", "😀", "\uD800", "é", "?", "|", ">", "&a ", "*a", "!!str ", "---\n", "...\n",
        "null", "~", ".nan", ".inf", "-.inf", "1e999", "1e308", "-0", "0", "1", "2.5", "99", "-7",
        "x", "e", "pi", "f", "q", "W", "df/dx", "d/d", "df/", "df/dW[9, 9]", "[[1, 2], [3]]", "[]", "{}",
        "{ choose: [] }", "{ range: [5, 1] }", "{ range: [1.5, 2] }", "{ uniform: [0, 1], decimals: 99 }",
        "sum(", "max(", "dot(", "transpose(", "relu(", "log(", ")", "@", "^", "**", "*", "/", "+", "=",
        "id: ", "nodes: ", "function: ", "inputs: ", "ask: ", "upstream: ", "tolerance: ", "points: ",
        "answers: ", "student: ", "set: ", "key: ", "sigfigs: ", "decimals: ", "rel: ", "abs: ",
    ];

    private static readonly Gen<string> Fragment = Gen.OneOf(
        Gen.Int[0, Fragments.Length - 1].Select(i => Fragments[i]),
        Gen.Char.Select(c => c.ToString()));

    private static readonly Gen<Edit> AnEdit = Gen.Select(
        Gen.Int[0, 2], Gen.Double[0, 1], Gen.Int[1, 40], Fragment,
        (kind, where, length, text) => new Edit((EditKind)kind, where, length, text));

    public static Gen<string> Of(string text) =>
        AnEdit.Array[1, 6].Select(edits => edits.Aggregate(text, (t, edit) => edit.ApplyTo(t)));

    private static readonly string[] Tokens =
    [
        "x", "y", "e", "pi", "W", "z1", "_", "0", "1", "2", "0.5", ".5", "1e3", "1e-3", "1e999", "1e",
        "-1", "99999999999", "+", "-", "*", "/", "@", "^", "**", "(", ")", "[", "]", ",", "=", " ",
        "\t", "\n", "exp", "log", "ln", "sqrt", "sin", "cos", "tan", "tanh", "sigmoid", "relu", "abs",
        "max", "min", "sum", "mean", "dot", "transpose", "logsumexp", "foo", "😀", "é", "#", "$", "\0",
    ];

    /// <summary>Expression text: a run of tokens of the grammar, with now and then a stray character.</summary>
    public static readonly Gen<string> Expression = Gen.OneOf(
        Gen.Int[0, Tokens.Length - 1].Select(i => Tokens[i]),
        Gen.Char.Select(c => c.ToString()))
        .Array[0, 30]
        .Select(parts => string.Concat(parts));

    private static readonly string[] Atoms = ["x", "y", "W", "z1", "0", "1", "2", "-1", "0.5", "1e300", "e", "pi"];

    private static readonly string[] Functions =
    [
        "exp", "log", "sqrt", "sin", "cos", "tan", "tanh", "sigmoid", "relu", "abs", "max", "min",
        "sum", "mean", "dot", "transpose", "logsumexp", "softmax",
    ];

    private static readonly string[] Operators = [" + ", " - ", " * ", " / ", " @ ", " ^ ", " ** "];

    /// <summary>Well-formed expressions of any shape over x, y (scalars), W (3×2) and z1 (2-vector).</summary>
    public static Gen<string> Grammatical(int depth)
    {
        var atom = Gen.Int[0, Atoms.Length - 1].Select(i => Atoms[i]);
        if (depth == 0)
        {
            return atom;
        }

        var sub = Grammatical(depth - 1);
        var binary = Gen.Select(sub, Gen.Int[0, Operators.Length - 1], sub, (a, o, b) => $"({a}{Operators[o]}{b})");
        var call = Gen.Select(Gen.Int[0, Functions.Length - 1], sub.Array[0, 3],
            (f, args) => $"{Functions[f]}({string.Join(", ", args)})");
        var index = Gen.Select(sub, Gen.Int[-2, 3].Array[1, 3], (a, i) => $"{a}[{string.Join(", ", i)}]");
        var negate = sub.Select(a => $"-{a}");
        return Gen.Frequency((2, atom), (3, binary), (3, call), (1, index), (1, negate));
    }
}
