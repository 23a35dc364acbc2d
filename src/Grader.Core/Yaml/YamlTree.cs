using Grader.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Grader.Yaml;

public enum YamlKind
{
    Scalar,
    Sequence,
    Mapping,
}

/// <summary>
/// A YAML node with the position of its first character, read from the parser's
/// events without recursion. Mapping keys keep their own positions, so an
/// unknown key is reported where it is written.
/// </summary>
public sealed class YamlNode
{
    public required YamlKind Kind { get; init; }

    public required SourcePosition Position { get; init; }

    /// <summary>Position of the first character of a scalar's content (after a quote).</summary>
    public SourcePosition ContentPosition { get; init; }

    public string Value { get; init; } = "";

    public bool IsPlain { get; init; }

    public List<YamlNode> Items { get; } = [];

    public List<KeyValuePair<YamlNode, YamlNode>> Entries { get; } = [];

    public bool IsNull => Kind == YamlKind.Scalar && IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public string Describe() => Kind switch
    {
        YamlKind.Sequence => "a list",
        YamlKind.Mapping => "a mapping",
        _ when IsNull => "nothing",
        _ => $"`{Value}`",
    };
}

public static class YamlTree
{
    public const int MaxDepth = 64;

    /// <summary>Reads one YAML document; an empty file gives a null root and no error.</summary>
    public static (YamlNode? Root, Diagnostic? Error) Load(string text, string file)
    {
        var scanner = new Scanner(new StringReader(text));
        try
        {
            return (Read(new Parser(scanner), file), null);
        }
        catch (DiagnosticException failure)
        {
            return (null, failure.Diagnostic);
        }
        catch (YamlException failure)
        {
            var at = new SourcePosition(file, (int)failure.Start.Line, (int)failure.Start.Column);
            return (null, Diagnostic.Error(at, $"not valid YAML: {Describe(failure)}"));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, not a YamlException, on some unterminated
            // flow collections; the scanner still knows where it stopped.
            var mark = scanner.CurrentPosition;
            var at = new SourcePosition(file, (int)mark.Line, (int)mark.Column);
            return (null, Diagnostic.Error(at, "not valid YAML: the text cannot be read past this point"));
        }
    }

    private static string Describe(YamlException failure)
    {
        var message = failure.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && close > 0)
        {
            message = message[(close + 3)..];
        }

        return message.TrimEnd('.').Replace('\n', ' ');
    }

    private static YamlNode? Read(Parser parser, string file)
    {
        var stack = new Stack<(YamlNode Node, YamlNode? PendingKey)>();
        YamlNode? root = null;
        var documents = 0;

        while (parser.MoveNext())
        {
            var current = parser.Current!;
            var at = new SourcePosition(file, (int)current.Start.Line, (int)current.Start.Column);
            switch (current)
            {
                case DocumentStart:
                    if (++documents > 1)
                    {
                        throw Fail(at, "a file holds one YAML document; found a second one");
                    }

                    break;
                case AnchorAlias:
                    throw Fail(at, "YAML aliases (`*name`) are not supported; write the value out");
                case Scalar scalar:
                    var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
                    var node = new YamlNode
                    {
                        Kind = YamlKind.Scalar,
                        Position = at,
                        ContentPosition = quoted ? at.Shift(1) : at,
                        Value = scalar.Value,
                        IsPlain = scalar.Style == ScalarStyle.Plain,
                    };
                    Attach(stack, node, ref root);
                    break;
                case SequenceStart:
                    Open(stack, new YamlNode { Kind = YamlKind.Sequence, Position = at }, ref root, at);
                    break;
                case MappingStart:
                    Open(stack, new YamlNode { Kind = YamlKind.Mapping, Position = at }, ref root, at);
                    break;
                case SequenceEnd or MappingEnd:
                    stack.Pop();
                    break;
            }
        }

        return root;
    }

    private static void Open(Stack<(YamlNode, YamlNode?)> stack, YamlNode node, ref YamlNode? root, SourcePosition at)
    {
        if (stack.Count >= MaxDepth)
        {
            throw Fail(at, $"YAML nests deeper than {MaxDepth} levels");
        }

        Attach(stack, node, ref root);
        stack.Push((node, null));
    }

    private static void Attach(Stack<(YamlNode Node, YamlNode? PendingKey)> stack, YamlNode node, ref YamlNode? root)
    {
        if (stack.Count == 0)
        {
            root = node;
            return;
        }

        var (parent, key) = stack.Pop();
        if (parent.Kind == YamlKind.Sequence)
        {
            parent.Items.Add(node);
            stack.Push((parent, null));
            return;
        }

        if (key is null)
        {
            if (node.Kind != YamlKind.Scalar)
            {
                throw Fail(node.Position, "a mapping key must be a plain word");
            }

            foreach (var entry in parent.Entries)
            {
                if (entry.Key.Value == node.Value)
                {
                    var first = entry.Key.Position;
                    throw Fail(node.Position, $"duplicate key `{node.Value}` (first at line {first.Line})");
                }
            }

            stack.Push((parent, node));
            return;
        }

        parent.Entries.Add(new(key, node));
        stack.Push((parent, null));
    }

    private static DiagnosticException Fail(SourcePosition at, string message) => new(Diagnostic.Error(at, message));
}
