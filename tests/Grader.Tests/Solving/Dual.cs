namespace Grader.Tests.Solving;

/// <summary>
/// A value with its partial derivatives with respect to x, y and z: forward-mode
/// differentiation, independent of Grader's tape and backprop.
/// </summary>
internal readonly record struct Dual(double Value, double Dx, double Dy, double Dz)
{
    public static Dual Constant(double value) => new(value, 0, 0, 0);

    /// <summary>g(u) with g'(u) given: the chain rule applied to each partial.</summary>
    public Dual Chain(double value, double slope) => new(value, slope * Dx, slope * Dy, slope * Dz);

    public static Dual operator +(Dual a, Dual b) => new(a.Value + b.Value, a.Dx + b.Dx, a.Dy + b.Dy, a.Dz + b.Dz);

    public static Dual operator -(Dual a, Dual b) => new(a.Value - b.Value, a.Dx - b.Dx, a.Dy - b.Dy, a.Dz - b.Dz);

    public static Dual operator -(Dual a) => a.Chain(-a.Value, -1);

    // (ab)' = a'b + ab'
    public static Dual operator *(Dual a, Dual b) => new(a.Value * b.Value,
        a.Dx * b.Value + a.Value * b.Dx, a.Dy * b.Value + a.Value * b.Dy, a.Dz * b.Value + a.Value * b.Dz);

    // (a/b)' = (a'b - ab') / b²
    public static Dual operator /(Dual a, Dual b)
    {
        var b2 = b.Value * b.Value;
        return new(a.Value / b.Value, (a.Dx * b.Value - a.Value * b.Dx) / b2,
            (a.Dy * b.Value - a.Value * b.Dy) / b2, (a.Dz * b.Value - a.Value * b.Dz) / b2);
    }

    public Dual Exp() => Chain(Math.Exp(Value), Math.Exp(Value));

    public Dual Log() => Chain(Math.Log(Value), 1 / Value);

    public Dual Sqrt() => Chain(Math.Sqrt(Value), 0.5 / Math.Sqrt(Value));

    public Dual Sin() => Chain(Math.Sin(Value), Math.Cos(Value));

    public Dual Cos() => Chain(Math.Cos(Value), -Math.Sin(Value));

    // tanh' = 1 / cosh²
    public Dual Tanh() => Chain(Math.Tanh(Value), 1 / (Math.Cosh(Value) * Math.Cosh(Value)));

    // σ' = e^-u / (1 + e^-u)²
    public Dual Sigmoid()
    {
        var e = Math.Exp(-Value);
        return Chain(1 / (1 + e), e / ((1 + e) * (1 + e)));
    }

    // (u^n)' = n u^(n-1)
    public Dual Power(int n) => Chain(Math.Pow(Value, n), n * Math.Pow(Value, n - 1));
}
