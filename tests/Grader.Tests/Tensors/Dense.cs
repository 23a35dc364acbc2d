using System.Text.Json;

namespace Grader.Tests.Tensors;

/// <summary>
/// The tests' own tensor: a shape and row-major numbers, read from JSON text with
/// System.Text.Json, so that reference values never pass through Grader's reader.
/// </summary>
internal sealed record Dense(int[] Shape, double[] Data)
{
    public int Rows => Shape.Length == 2 ? Shape[0] : 1;

    public int Columns => Shape.Length == 0 ? 1 : Shape[^1];

    public double this[int r, int c] => Data[r * Columns + c];

    public static Dense Scalar(double value) => new([], [value]);

    public static Dense Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Number)
        {
            return Scalar(root.GetDouble());
        }

        if (root[0].ValueKind == JsonValueKind.Number)
        {
            return new([root.GetArrayLength()], root.EnumerateArray().Select(e => e.GetDouble()).ToArray());
        }

        var rows = root.EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetDouble()).ToArray()).ToList();
        return new([rows.Count, rows[0].Length], rows.SelectMany(r => r).ToArray());
    }

    public static Dense Matrix(int rows, int columns, Func<int, int, double> element)
    {
        var data = new double[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                data[r * columns + c] = element(r, c);
            }
        }

        return new([rows, columns], data);
    }

    public static Dense Vector(int length, Func<int, double> element) =>
        new([length], Enumerable.Range(0, length).Select(element).ToArray());

    public Dense Map(Func<double, double> f) => this with { Data = Data.Select(f).ToArray() };

    public Dense Zip(Dense other, Func<double, double, double> f) =>
        this with { Data = Data.Zip(other.Data, f).ToArray() };

    public override string ToString() => $"[{string.Join(", ", Shape)}]: {string.Join(", ", Data)}";
}
