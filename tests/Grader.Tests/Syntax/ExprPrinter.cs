using Grader.Syntax;

namespace Grader.Tests.Syntax;

/// <summary>Writes a syntax tree with every operation in parentheses, to show how it was grouped.</summary>
internal static class ExprPrinter
{
    public static string Print(Expr expr) => expr switch
    {
        NumberExpr number => number.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        NameExpr name => name.Name,
        NegateExpr negate => $"(-{Print(negate.Operand)})",
        BinaryExpr binary => $"({Print(binary.Left)} {Symbol(binary.Operator)} {Print(binary.Right)})",
        CallExpr call => $"{call.Name}({string.Join(", ", call.Arguments.Select(Print))})",
        IndexExpr index => $"{Print(index.Target)}[{string.Join(", ", index.Indices.Select(Print))}]",
        _ => throw new ArgumentException(expr.GetType().Name),
    };

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.MatMul => "@",
        _ => "^",
    };
}
