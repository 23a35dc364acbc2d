namespace Grader.Diagnostics;

/// <summary>A place in a source file; line and column are one-based.</summary>
public readonly record struct SourcePosition(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";

    public SourcePosition Shift(int columns) => this with { Column = Column + columns };
}

public enum Severity
{
    Error,
    Warning,
}

/// <summary>One problem found in user input, printed as `FILE:LINE:COLUMN: error: MESSAGE`.</summary>
public sealed record Diagnostic(SourcePosition Position, Severity Severity, string Message)
{
    public static Diagnostic Error(SourcePosition at, string message) => new(at, Severity.Error, message);

    public static Diagnostic Warning(SourcePosition at, string message) => new(at, Severity.Warning, message);

    public override string ToString()
    {
        var word = Severity == Severity.Error ? "error" : "warning";
        return $"{Position}: {word}: {Message}";
    }
}

/// <summary>Thrown only inside the core to unwind to the loader; never escapes a public API.</summary>
public sealed class DiagnosticException(Diagnostic diagnostic) : Exception(diagnostic.Message)
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}
