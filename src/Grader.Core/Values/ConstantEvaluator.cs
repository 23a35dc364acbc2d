using System.Globalization;
using Grader.Diagnostics;
using Grader.Graphs;
using Grader.Syntax;
using Grader.Tapes;

namespace Grader.Values;

/// <summary>
/// Evaluates a constant expression such as `1/4`, `-e^-1` or `3*sqrt(2)`: the
/// expression language with numbers and the constants e and pi, but no names.
/// </summary>
public static class ConstantEvaluator
{
    /// <summary>Lets the constants e and pi through, and refuses every other name.</summary>
    private static int? NotAConstant(NameExpr name, ExpressionSource source)
    {
        if (TapeBuilder.Constants.ContainsKey(name.Name))
        {
            return null;
        }

        var message = $"unknown name `{name.Name}`: "
            + "a value is a number or a constant expression such as `1/4` or `e^-1`";
        throw new DiagnosticException(Diagnostic.Error(source.PositionOf(name.Start), message));
    }

    public static (double Value, Diagnostic? Error) Evaluate(ExpressionSource source)
    {
        var text = source.Text.Trim();
        if (text.TrimStart('+', '-').ToLowerInvariant() is ".inf" or "inf" or "infinity" or ".nan" or "nan")
        {
            return (double.NaN, Diagnostic.Error(source.Start, $"`{text}` is not a finite number"));
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain))
        {
            return double.IsFinite(plain)
                ? (plain, null)
                : (plain, Diagnostic.Error(source.Start, $"`{text}` is not a finite number"));
        }

        var parsed = Parser.Parse(source);
        if (parsed.Error is not null)
        {
            return (double.NaN, parsed.Error);
        }

        var builder = new TapeBuilder();
        try
        {
            builder.Compile(parsed.Expr!, source, "value", name => NotAConstant(name, source));
        }
        catch (DiagnosticException failure)
        {
            return (double.NaN, failure.Diagnostic);
        }

        var run = new TapeRun(builder.Build());
        var failed = run.Forward();
        if (failed is not null)
        {
            var step = run.Tape.Steps[failed.Step];
            var message = failed.Message.Replace("node `value`: ", "", StringComparison.Ordinal);
            return (double.NaN, Diagnostic.Error(step.Position, message));
        }

        var result = run.Value(run.Tape.Count - 1);
        if (!result.IsScalar)
        {
            return (double.NaN, Diagnostic.Error(source.Start, "expected a single number"));
        }

        return (result.ScalarValue, null);
    }
}
