using Grader.Diagnostics;
using Grader.Syntax;
using Grader.Values;

namespace Grader.Yaml;

/// <summary>
/// Reads a number, a vector (`[1, 2]`) or a matrix (`[[1, 2], [3, 4]]`) from YAML.
/// Each element is a number or a constant expression.
/// </summary>
public static class ValueReader
{
    public static (Tensor? Value, Diagnostic? Error) Read(YamlNode node)
    {
        if (node.Kind == YamlKind.Mapping)
        {
            return (null, Diagnostic.Error(node.Position, "expected a number, a vector or a matrix, got a mapping"));
        }

        if (node.Kind == YamlKind.Scalar)
        {
            var (scalar, error) = Scalar(node);
            return error is null ? (Tensor.Scalar(scalar), null) : (null, error);
        }

        if (node.Items.Count == 0)
        {
            return (null, Diagnostic.Error(node.Position, "empty list: a vector needs at least one element"));
        }

        return node.Items[0].Kind == YamlKind.Sequence ? Matrix(node) : Vector(node);
    }

    public static (double Value, Diagnostic? Error) Scalar(YamlNode node)
    {
        if (node.Kind != YamlKind.Scalar || node.IsNull)
        {
            return (double.NaN, Diagnostic.Error(node.Position, $"expected a number, got {node.Describe()}"));
        }

        return ConstantEvaluator.Evaluate(new ExpressionSource(node.Value, node.ContentPosition));
    }

    private static (Tensor?, Diagnostic?) Vector(YamlNode node)
    {
        var data = new double[node.Items.Count];
        for (var k = 0; k < data.Length; k++)
        {
            var item = node.Items[k];
            if (item.Kind != YamlKind.Scalar)
            {
                var what = item.Kind == YamlKind.Sequence ? "a list" : "a mapping";
                return (null, Diagnostic.Error(item.Position,
                    $"ragged list: element {k} is {what}, element 0 is a number"));
            }

            var (value, error) = Scalar(item);
            if (error is not null)
            {
                return (null, error);
            }

            data[k] = value;
        }

        return (Tensor.Vector(data), null);
    }

    private static (Tensor?, Diagnostic?) Matrix(YamlNode node)
    {
        var columns = node.Items[0].Items.Count;
        var rows = new List<double[]>();
        for (var r = 0; r < node.Items.Count; r++)
        {
            var row = node.Items[r];
            if (row.Kind != YamlKind.Sequence)
            {
                return (null, Diagnostic.Error(row.Position,
                    $"ragged matrix: row {r} is {row.Describe()}, row 0 is a list"));
            }

            if (row.Items.Any(i => i.Kind == YamlKind.Sequence))
            {
                return (null, Diagnostic.Error(row.Position,
                    "only vectors and matrices are supported: lists nest two deep at most"));
            }

            var (vector, error) = Vector(row);
            if (error is not null)
            {
                return (null, error);
            }

            if (vector!.Count != columns)
            {
                return (null, Diagnostic.Error(row.Position,
                    $"ragged matrix: row {r} has {Words.Count(vector.Count, "element")}, row 0 has {columns}"));
            }

            rows.Add(vector.Data);
        }

        if (columns == 0)
        {
            return (null, Diagnostic.Error(node.Position, "empty list: a matrix row needs at least one element"));
        }

        return (new Tensor([rows.Count, columns], rows.SelectMany(r => r).ToArray()), null);
    }
}
