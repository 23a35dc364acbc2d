namespace Grader.Tapes;

/// <summary>
/// NumPy broadcasting for ranks up to two: shapes are aligned on the right, and a
/// dimension of 1 (or a missing one) stretches to match. A view maps a (row, column)
/// of the result to the flat index of an operand.
/// </summary>
internal readonly struct Broadcast
{
    private readonly int _rowStride;
    private readonly int _columnStride;

    public Broadcast(int[] operand, int[] result)
    {
        Rows = result.Length == 2 ? result[0] : 1;
        Columns = result.Length >= 1 ? result[^1] : 1;
        var rows = operand.Length == 2 ? operand[0] : 1;
        var columns = operand.Length >= 1 ? operand[^1] : 1;
        _rowStride = rows == 1 ? 0 : columns;
        _columnStride = columns == 1 ? 0 : 1;
    }

    public int Rows { get; }

    public int Columns { get; }

    public int Index(int row, int column) => row * _rowStride + column * _columnStride;

    /// <summary>
    /// Writes the broadcast shape of a and b into the start of <paramref name="shape"/> (room
    /// for two) and returns its rank, or returns -k when dimension k from the right clashes.
    /// </summary>
    public static int TryShape(int[] a, int[] b, Span<int> shape)
    {
        var rank = Math.Max(a.Length, b.Length);
        for (var k = 1; k <= rank; k++)
        {
            var da = k <= a.Length ? a[^k] : 1;
            var db = k <= b.Length ? b[^k] : 1;
            if (da != db && da != 1 && db != 1)
            {
                return -k;
            }

            shape[rank - k] = Math.Max(da, db);
        }

        return rank;
    }

    /// <summary>Why shapes a and b clash at dimension k from the right.</summary>
    public static string Clash(int[] a, int[] b, int k)
    {
        var which = Math.Max(a.Length, b.Length) <= 1 ? "lengths" : k == 1 ? "last dimensions" : "first dimensions";
        return $"shapes {Values.Tensor.DescribeShape(a)} and {Values.Tensor.DescribeShape(b)} do not broadcast: "
            + $"their {which}, {a[^k]} and {b[^k]}, must be equal or one of them 1";
    }
}

/// <summary>
/// The groups of elements a reduction works on: all elements, or the columns
/// (axis 0) or rows (axis 1) of a matrix. Element k of group g sits at
/// g * Outer + k * Inner. A reduction gives a scalar (rank 0) or one value per group (rank 1).
/// </summary>
internal readonly record struct Groups(int Count, int Length, int Outer, int Inner, int ReducedRank)
{
    public int Index(int g, int k) => g * Outer + k * Inner;

    public static string? TryCreate(int[] shape, int? axis, out Groups groups)
    {
        var total = Values.Tensor.ElementCount(shape);
        groups = new Groups(1, total, 0, 1, 0);
        if (axis is null)
        {
            return null;
        }

        var a = axis.Value < 0 ? shape.Length + axis.Value : axis.Value;
        if (a < 0 || a >= shape.Length)
        {
            return $"axis {axis} is out of range for a {Values.Tensor.DescribeShape(shape)}";
        }

        if (shape.Length == 1)
        {
            return null;
        }

        var (rows, columns) = (shape[0], shape[1]);
        groups = a == 0
            ? new Groups(columns, rows, 1, columns, 1)
            : new Groups(rows, columns, columns, 1, 1);
        return null;
    }
}
