using System.Text.RegularExpressions;

namespace Grader.Problems;

/// <summary>
/// The text of a new problem set: one worked problem of each kind (named steps, one
/// expression, per-student inputs), with comments that explain the format. It loads
/// and verifies as it is, so an author starts from something that works.
/// </summary>
public static partial class StarterSet
{
    public const string DefaultSchemaPath = "../schemas/problem-set.schema.json";

    [GeneratedRegex("[^a-z0-9_-]+")]
    private static partial Regex NotIdCharacters();

    /// <summary>An id made from a file name: `Week 3.yaml` becomes `week-3`; `problems` if nothing is left.</summary>
    public static string IdFromFileName(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        var id = NotIdCharacters().Replace(stem, "-").Trim('-', '_');
        return id.Length == 0 ? "problems" : id;
    }

    public static string Text(string setId, string schemaPath = DefaultSchemaPath) => $$"""
        # yaml-language-server: $schema={{schemaPath}}
        # A Grader problem set. `grader verify FILE` checks it, `grader solve FILE` prints
        # the answer key, `grader graph FILE --problem ID` draws a problem's graph.
        set: {{setId}}
        title: A new problem set

        # An answer is right within either bound. Other rules: { sigfigs: 3 } or
        # { decimals: 2 }. A problem, or a single answer, can set its own tolerance.
        tolerance: { rel: 1e-3, abs: 1e-9 }

        problems:
          # Named steps: each node is an expression of the inputs and earlier nodes,
          # in order; the last node is the output.
          - id: named-steps
            title: f(x, y, z) = x(y + z)
            nodes:
              q: y + z
              f: x * q
            inputs: { x: 3, y: 4, z: -2 }
            # The answers wanted, in order: NAME is a value, df/dq the derivative of
            # the output f with respect to q. Without `ask`: every node's value, then
            # the output's derivative with respect to every input.
            ask: [q, f, df/dq, df/dx, df/dy, df/dz]

          # One expression: Grader splits it into steps named t1, t2, ... in the
          # order it evaluates them. Operators: + - * / ^ and @ (matrix product);
          # functions such as exp, log, sqrt, tanh, sigmoid, relu, max, sum.
          - id: one-expression
            title: s = sigmoid(w x + b)
            function: s = 1 / (1 + exp(-(w * x + b)))
            inputs: { w: 2, x: -1, b: 0.5 }

          # Per-student inputs: each student gets their own numbers, drawn from the
          # set id, problem id and student id, so the same on every run. `range`
          # gives a whole number (both ends included), `uniform` a number rounded
          # to `decimals`, `choose` one value of a list.
          - id: per-student
            title: L = (w x - y)^2
            nodes:
              p: w * x
              r: p - y
              L: r ^ 2
            inputs:
              w: { range: [1, 5] }
              x: { uniform: [-2, 2], decimals: 1 }
              y: { choose: [1, 3, 5] }
            # An answer can carry its own points (default 1) or tolerance.
            ask: [p, r, L, { key: dL/dw, points: 2 }, dL/dx]

        """;
}
