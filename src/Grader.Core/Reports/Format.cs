using System.Text;
using Grader.Values;

namespace Grader.Reports;

/// <summary>Numbers and tensors as people read them.</summary>
public static class Format
{
    /// <summary>A scalar as a short number; a vector on one line; a matrix as an aligned grid of rows.</summary>
    public static string Grid(Tensor value)
    {
        if (value.Rank < 2)
        {
            return value.Format(Numbers.Short);
        }

        var cells = value.Data.Select(v => Numbers.Short(v)).ToArray();
        var width = cells.Max(c => c.Length);
        var text = new StringBuilder();
        for (var r = 0; r < value.Rows; r++)
        {
            if (r > 0)
            {
                text.Append('\n');
            }

            text.Append(r == 0 ? "[[" : " [");
            for (var c = 0; c < value.Columns; c++)
            {
                text.Append(c > 0 ? "  " : "").Append(cells[r * value.Columns + c].PadLeft(width));
            }

            text.Append(r == value.Rows - 1 ? "]]" : "]");
        }

        return text.ToString();
    }

    /// <summary>A tensor on one line, for Markdown tables and messages.</summary>
    public static string Inline(Tensor value) => value.Format(Numbers.Short);

    public static string Inline(double value) => Numbers.Short(value);

    /// <summary>Escapes the characters that break a Markdown table cell.</summary>
    public static string MarkdownCell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ");
}
