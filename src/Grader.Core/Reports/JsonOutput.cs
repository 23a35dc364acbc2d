using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Grader.Values;

namespace Grader.Reports;

/// <summary>
/// Writes JSON by hand with <see cref="Utf8JsonWriter"/>: no reflection (Native AOT),
/// fields in a fixed order, numbers in their shortest round-trip form, NaN and
/// infinities as null.
/// </summary>
public static class JsonOutput
{
    public static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            body(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    public static void Number(this Utf8JsonWriter writer, string name, double value)
    {
        writer.WritePropertyName(name);
        writer.Number(value);
    }

    public static void Number(this Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    public static void Tensor(this Utf8JsonWriter writer, string name, Tensor value)
    {
        writer.WritePropertyName(name);
        writer.Tensor(value);
    }

    /// <summary>A scalar as a number, a vector as an array, a matrix as an array of rows.</summary>
    public static void Tensor(this Utf8JsonWriter writer, Tensor value)
    {
        if (value.IsScalar)
        {
            writer.Number(value.ScalarValue);
            return;
        }

        if (value.Rank == 1)
        {
            Row(writer, value, 0, value.Count);
            return;
        }

        writer.WriteStartArray();
        for (var r = 0; r < value.Rows; r++)
        {
            Row(writer, value, r * value.Columns, value.Columns);
        }

        writer.WriteEndArray();
    }

    private static void Row(Utf8JsonWriter writer, Tensor value, int start, int count)
    {
        writer.WriteStartArray();
        for (var k = 0; k < count; k++)
        {
            writer.Number(value.Data[start + k]);
        }

        writer.WriteEndArray();
    }

    public static void StringOrNull(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
