namespace Grader.Tapes;

/// <summary>The primitive operations a tape step can perform.</summary>
public enum Op
{
    Input,
    Constant,
    Identity,
    Add,
    Subtract,
    Multiply,
    Divide,
    Power,
    Negate,
    MatMul,
    Exp,
    Log,
    Sqrt,
    Sin,
    Cos,
    Tan,
    Tanh,
    Sigmoid,
    Relu,
    Abs,
    Max,
    Min,
    MaxAll,
    MinAll,
    Sum,
    Mean,
    Dot,
    Transpose,
    Softmax,
    LogSumExp,
    Index,
}

/// <summary>A function name of the expression language and the operation it calls.</summary>
public sealed record FunctionInfo(string Name, Op Op, int MinArgs, int MaxArgs, bool TakesAxis, string Usage)
{
    public static readonly IReadOnlyDictionary<string, FunctionInfo> All = Build();

    private static Dictionary<string, FunctionInfo> Build()
    {
        FunctionInfo[] list =
        [
            new("exp", Op.Exp, 1, 1, false, "exp(x)"),
            new("log", Op.Log, 1, 1, false, "log(x)"),
            new("ln", Op.Log, 1, 1, false, "ln(x)"),
            new("sqrt", Op.Sqrt, 1, 1, false, "sqrt(x)"),
            new("sin", Op.Sin, 1, 1, false, "sin(x)"),
            new("cos", Op.Cos, 1, 1, false, "cos(x)"),
            new("tan", Op.Tan, 1, 1, false, "tan(x)"),
            new("tanh", Op.Tanh, 1, 1, false, "tanh(x)"),
            new("sigmoid", Op.Sigmoid, 1, 1, false, "sigmoid(x)"),
            new("relu", Op.Relu, 1, 1, false, "relu(x)"),
            new("abs", Op.Abs, 1, 1, false, "abs(x)"),
            new("max", Op.Max, 1, 2, false, "max(a, b) or max(X)"),
            new("min", Op.Min, 1, 2, false, "min(a, b) or min(X)"),
            new("sum", Op.Sum, 1, 2, true, "sum(X) or sum(X, axis)"),
            new("mean", Op.Mean, 1, 2, true, "mean(X) or mean(X, axis)"),
            new("dot", Op.Dot, 2, 2, false, "dot(a, b)"),
            new("transpose", Op.Transpose, 1, 1, false, "transpose(X)"),
            new("softmax", Op.Softmax, 1, 2, true, "softmax(x) or softmax(X, axis)"),
            new("logsumexp", Op.LogSumExp, 1, 2, true, "logsumexp(x) or logsumexp(X, axis)"),
        ];
        return list.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }
}
