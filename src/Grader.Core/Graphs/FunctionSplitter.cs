using System.Globalization;
using Grader.Problems;
using Grader.Syntax;

namespace Grader.Graphs;

/// <summary>
/// Splits a one-expression function into primitive named steps, as a student draws
/// the graph: one node per operation, in evaluation order (left operand first).
/// The last step takes the function's name; the others are named t1, t2, … in order,
/// skipping names the problem already uses. Numbers, constants and names are not steps.
/// </summary>
public static class FunctionSplitter
{
    public const string StepPrefix = "t";

    /// <summary>More steps than any worksheet asks for; beyond it a function is refused, not split.</summary>
    public const int MaxSteps = 10_000;

    public static List<NodeDefinition> Split(string output, Expr root, ExpressionSource source, ISet<string> taken)
    {
        var nodes = new List<NodeDefinition>();
        if (IsLeaf(root))
        {
            nodes.Add(Node(output, root, source));
            return nodes;
        }

        var counter = 0;
        var stack = new Stack<(Expr Expr, bool Visited)>();
        var replaced = new Dictionary<Expr, Expr>(ReferenceEqualityComparer.Instance);
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (expr, visited) = stack.Pop();
            if (IsLeaf(expr))
            {
                continue;
            }

            if (!visited)
            {
                stack.Push((expr, true));
                var children = expr.Children;
                for (var k = children.Count - 1; k >= 0; k--)
                {
                    stack.Push((children[k], false));
                }

                continue;
            }

            var step = Rebuild(expr, replaced);
            var name = expr == root ? output : NextName(ref counter, taken);
            nodes.Add(Node(name, step, source));
            replaced[expr] = new NameExpr(name, expr.Start, expr.End);
        }

        return nodes;
    }

    private static NodeDefinition Node(string name, Expr expr, ExpressionSource source) =>
        new(name, source.PositionOf(expr.Start), source, expr) { Text = Describe(expr, source) };

    private static string NextName(ref int counter, ISet<string> taken)
    {
        string name;
        do
        {
            name = StepPrefix + (++counter).ToString(CultureInfo.InvariantCulture);
        }
        while (taken.Contains(name));

        return name;
    }

    private static bool IsLeaf(Expr expr) => expr is NumberExpr or NameExpr or NegateExpr { Operand: NumberExpr };

    private static Expr Rebuild(Expr expr, Dictionary<Expr, Expr> replaced)
    {
        Expr Leaf(Expr child) => replaced.GetValueOrDefault(child, child);

        return expr switch
        {
            NegateExpr negate => new NegateExpr(Leaf(negate.Operand), negate.Start),
            BinaryExpr binary =>
                new BinaryExpr(binary.Operator, Leaf(binary.Left), Leaf(binary.Right), binary.OperatorStart),
            IndexExpr index => new IndexExpr(Leaf(index.Target), index.Indices.Select(Leaf).ToList(), index.End),
            CallExpr call =>
                new CallExpr(call.Name, call.Arguments.Select(Leaf).ToList(), call.Start, call.Open, call.End),
            _ => expr,
        };
    }

    /// <summary>The step written with its operands' names: `t1 + t2`, `exp(t1)`, `-x`.</summary>
    public static string Describe(Expr expr, ExpressionSource source)
    {
        string Text(Expr e) => e switch
        {
            NameExpr name => name.Name,
            _ => source.Slice(e.Start, e.End).Trim(),
        };

        return expr switch
        {
            NegateExpr negate when negate.Operand is not NumberExpr => "-" + Text(negate.Operand),
            BinaryExpr binary => $"{Text(binary.Left)} {Symbol(binary.Operator)} {Text(binary.Right)}",
            IndexExpr index => $"{Text(index.Target)}[{string.Join(", ", index.Indices.Select(Text))}]",
            CallExpr call => $"{call.Name}({string.Join(", ", call.Arguments.Select(Text))})",
            _ => Text(expr),
        };
    }

    public static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.MatMul => "@",
        _ => "^",
    };
}
