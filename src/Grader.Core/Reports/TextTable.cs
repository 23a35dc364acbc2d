using System.Text;

namespace Grader.Reports;

/// <summary>
/// A plain-text table with a header row. Cells may hold several lines (a matrix
/// printed as a grid); columns are padded to their widest line, numbers are
/// right-aligned where the column says so.
/// </summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];
    private readonly bool[] _rightAligned = new bool[headers.Length];

    public TextTable AlignRight(params int[] columns)
    {
        foreach (var c in columns)
        {
            _rightAligned[c] = true;
        }

        return this;
    }

    public void Add(params string[] cells) => _rows.Add(cells);

    public int Count => _rows.Count;

    public string Render(string indent = "  ")
    {
        var all = new List<string[]> { headers };
        all.AddRange(_rows);
        var widths = new int[headers.Length];
        foreach (var row in all)
        {
            for (var c = 0; c < row.Length; c++)
            {
                foreach (var line in row[c].Split('\n'))
                {
                    widths[c] = Math.Max(widths[c], line.Length);
                }
            }
        }

        var text = new StringBuilder();
        AppendRow(text, headers, widths, indent, header: true);
        text.Append(indent).AppendJoin("  ", widths.Select(w => new string('-', w))).Append('\n');
        foreach (var row in _rows)
        {
            AppendRow(text, row, widths, indent, header: false);
        }

        return text.ToString();
    }

    private void AppendRow(StringBuilder text, string[] row, int[] widths, string indent, bool header)
    {
        var lines = row.Select(cell => cell.Split('\n')).ToArray();
        var height = lines.Max(l => l.Length);
        for (var h = 0; h < height; h++)
        {
            var cells = new string[widths.Length];
            for (var c = 0; c < widths.Length; c++)
            {
                var cell = c < lines.Length ? lines[c] : [];
                var line = h < cell.Length ? cell[h] : "";

                // A grid moves right as one block, so that its columns stay lined up.
                var block = cell.Length == 0 ? 0 : cell.Max(l => l.Length);
                cells[c] = _rightAligned[c] && !header
                    ? line.PadRight(block).PadLeft(widths[c])
                    : line.PadRight(widths[c]);
            }

            text.Append(indent).Append(string.Join("  ", cells).TrimEnd()).Append('\n');
        }
    }
}
