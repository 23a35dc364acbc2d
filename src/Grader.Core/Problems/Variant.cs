using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Grader.Values;

namespace Grader.Problems;

public enum VariantKind
{
    Choose,
    Range,
    Uniform,
}

/// <summary>
/// A per-student input: one of a list, an integer in a range (both ends included),
/// or a uniform draw rounded to some decimals. The draw is a hash of the set id,
/// problem id, input name and student id, so it is the same on every run and machine.
/// </summary>
public sealed record Variant(VariantKind Kind, IReadOnlyList<Tensor> Choices, double Low, double High, int Decimals)
{
    public Tensor Draw(string set, string problem, string input, string student)
    {
        var u = UnitDraw($"{set}\n{problem}\n{input}\n{student}");
        switch (Kind)
        {
            case VariantKind.Choose:
                return Choices[(int)Math.Min(Choices.Count - 1, Math.Floor(u * Choices.Count))];
            case VariantKind.Range:
                var count = High - Low + 1;
                return Tensor.Scalar(Low + Math.Min(count - 1, Math.Floor(u * count)));
            default:
                var value = Math.Round(Low + u * (High - Low), Decimals, MidpointRounding.AwayFromZero);
                return Tensor.Scalar(value == 0 ? 0 : value);
        }
    }

    /// <summary>How many distinct values the variant can take; null when too many to list.</summary>
    public long? SpaceSize => Kind switch
    {
        VariantKind.Choose => Choices.Count,
        VariantKind.Range => (long)(High - Low + 1),
        _ when Decimals <= 12 => (long)Math.Round((High - Low) * Math.Pow(10, Decimals)) + 1,
        _ => null,
    };

    /// <summary>Every value of a small variant space, in order.</summary>
    public IEnumerable<Tensor> Enumerate()
    {
        switch (Kind)
        {
            case VariantKind.Choose:
                foreach (var choice in Choices)
                {
                    yield return choice;
                }

                break;
            case VariantKind.Range:
                for (var v = Low; v <= High; v++)
                {
                    yield return Tensor.Scalar(v);
                }

                break;
            default:
                var steps = SpaceSize ?? 0;
                var scale = Math.Pow(10, Decimals);
                var start = Math.Round(Low * scale);
                for (long k = 0; k < steps; k++)
                {
                    yield return Tensor.Scalar((start + k) / scale);
                }

                break;
        }
    }

    public override string ToString() => Kind switch
    {
        VariantKind.Choose => $"choose from {string.Join(", ", Choices.Select(c => c.ToString()))}",
        VariantKind.Range => $"a whole number from {Numbers.Short(Low)} to {Numbers.Short(High)}",
        _ => $"uniform in [{Numbers.Short(Low)}, {Numbers.Short(High)}] to {Decimals} decimals",
    };

    /// <summary>A number in [0, 1) from the first 53 bits of the text's SHA-256.</summary>
    public static double UnitDraw(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        var bits = BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11;
        return bits / (double)(1UL << 53);
    }
}
