using Grader.Diagnostics;

namespace Grader.Syntax;

/// <summary>
/// The text of one expression and where it sits in its file, so that an offset
/// in the expression maps back to a file line and column.
/// </summary>
public sealed class ExpressionSource(string text, SourcePosition start)
{
    public string Text { get; } = text;

    public SourcePosition Start { get; } = start;

    public SourcePosition PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var lineStart = Text.LastIndexOf('\n', Math.Max(0, offset - 1));
        if (lineStart < 0 || offset == 0)
        {
            return Start.Shift(offset);
        }

        var lines = 0;
        for (var i = 0; i < offset; i++)
        {
            lines += Text[i] == '\n' ? 1 : 0;
        }

        return Start with { Line = Start.Line + lines, Column = offset - lineStart };
    }

    public string Slice(int start, int end) => Text[start..end];

    public static ExpressionSource Detached(string text) => new(text, new SourcePosition("<expr>", 1, 1));
}
