using System.Globalization;
using System.Text;

namespace Grader.Values;

/// <summary>
/// A scalar, vector or matrix of doubles, stored row-major. Rank is 0, 1 or 2;
/// a vector is one-dimensional, as in NumPy, and is never a 1×n matrix.
/// </summary>
public sealed class Tensor
{
    public Tensor(int[] shape, double[] data)
    {
        Shape = shape;
        Data = data;
    }

    public int[] Shape { get; }

    public double[] Data { get; }

    public int Rank => Shape.Length;

    public int Count => Data.Length;

    public bool IsScalar => Shape.Length == 0;

    public int Rows => Shape.Length == 2 ? Shape[0] : 1;

    public int Columns => Shape.Length == 0 ? 1 : Shape[^1];

    public double this[int i] => Data[i];

    public static Tensor Scalar(double value) => new([], [value]);

    public static Tensor Vector(params double[] values) => new([values.Length], values);

    public static Tensor Matrix(double[,] values)
    {
        var rows = values.GetLength(0);
        var columns = values.GetLength(1);
        var data = new double[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                data[r * columns + c] = values[r, c];
            }
        }

        return new([rows, columns], data);
    }

    public static Tensor Zeros(int[] shape) => new(shape, new double[ElementCount(shape)]);

    public static int ElementCount(int[] shape)
    {
        var n = 1;
        foreach (var d in shape)
        {
            n *= d;
        }

        return n;
    }

    public double ScalarValue => Data[0];

    public bool SameShape(Tensor other) => SameShape(Shape, other.Shape);

    public static bool SameShape(int[] a, int[] b) => a.AsSpan().SequenceEqual(b);

    public Tensor Map(Func<double, double> f)
    {
        var data = new double[Data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = f(Data[i]);
        }

        return new(Shape, data);
    }

    public Tensor Copy() => new(Shape, (double[])Data.Clone());

    public Tensor Transposed()
    {
        if (Rank < 2)
        {
            return this;
        }

        var (rows, columns) = (Shape[0], Shape[1]);
        var data = new double[Data.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                data[c * rows + r] = Data[r * columns + c];
            }
        }

        return new([columns, rows], data);
    }

    public bool AllFinite()
    {
        foreach (var v in Data)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"scalar", "3-vector" or "2×3".</summary>
    public string ShapeText => DescribeShape(Shape);

    public static string DescribeShape(int[] shape) => shape.Length switch
    {
        0 => "scalar",
        1 => $"{shape[0]}-vector",
        _ => $"{shape[0]}×{shape[1]}",
    };

    /// <summary>The element index written as `[i]` or `[i, j]`; empty for a scalar.</summary>
    public string IndexText(int flat) => Rank switch
    {
        0 => "",
        1 => $"[{flat}]",
        _ => $"[{flat / Columns}, {flat % Columns}]",
    };

    public string Format(Func<double, string> number)
    {
        if (Rank == 0)
        {
            return number(Data[0]);
        }

        var text = new StringBuilder();
        if (Rank == 1)
        {
            AppendRow(text, 0, Count, number);
            return text.ToString();
        }

        text.Append('[');
        for (var r = 0; r < Rows; r++)
        {
            if (r > 0)
            {
                text.Append(", ");
            }

            AppendRow(text, r * Columns, Columns, number);
        }

        return text.Append(']').ToString();
    }

    private void AppendRow(StringBuilder text, int start, int count, Func<double, string> number)
    {
        text.Append('[');
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(number(Data[start + i]));
        }

        text.Append(']');
    }

    public override string ToString() => Format(Numbers.Short);
}

/// <summary>How numbers are written: round-trip for machines, short for people.</summary>
public static class Numbers
{
    public static string RoundTrip(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Six significant figures (or <paramref name="figures"/>), no trailing noise: 0.235004, 6, -1.5e-7.
    /// </summary>
    public static string Short(double value) => Short(value, 6);

    public static string Short(double value, int figures)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return RoundTrip(value);
        }

        if (value == 0)
        {
            return "0";
        }

        var text = value.ToString("G" + figures.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return text.Contains('E') ? text.Replace("E-0", "e-").Replace("E+0", "e+").Replace('E', 'e') : text;
    }

    public static string Percent(double value) =>
        value.ToString("0.#", CultureInfo.InvariantCulture);
}
