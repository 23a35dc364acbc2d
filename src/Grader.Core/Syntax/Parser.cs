using Grader.Diagnostics;

namespace Grader.Syntax;

/// <summary>
/// Recursive descent over the grammar, loosest first:
/// <c>+ -</c>, then <c>* / @</c>, then unary <c>-</c>, then <c>^</c> (right-associative),
/// then indexing <c>a[i, j]</c>. Chains of binary operators are read in loops, so a
/// sum of many terms costs no stack; nesting (parentheses, calls, unary minus,
/// powers) is limited to <see cref="MaxDepth"/> levels and refused beyond.
/// </summary>
public sealed class Parser
{
    public const int MaxDepth = 200;

    private readonly ExpressionSource _source;
    private readonly List<Token> _tokens;
    private int _next;
    private int _depth;

    private Parser(ExpressionSource source)
    {
        _source = source;
        _tokens = Lexer.Tokenize(source.Text);
    }

    public static ParseResult Parse(ExpressionSource source)
    {
        var parser = new Parser(source);
        try
        {
            var expr = parser.ParseWhole();
            return new ParseResult(expr, null);
        }
        catch (DiagnosticException failure)
        {
            return new ParseResult(null, failure.Diagnostic);
        }
    }

    /// <summary>Parses `NAME = EXPR`, the form of a problem's `function:`.</summary>
    public static DefinitionResult ParseDefinition(ExpressionSource source)
    {
        var parser = new Parser(source);
        try
        {
            var name = parser._tokens[0];
            var equals = parser.At(1);
            if (name.Kind != TokenKind.Name || equals.Kind != TokenKind.Equals)
            {
                throw parser.Error(name, "a function is written `NAME = EXPRESSION`, such as `f = x * (y + z)`");
            }

            parser._next = 2;
            var expr = parser.ParseWhole();
            return new DefinitionResult(name.Text, source.PositionOf(name.Start), expr, null);
        }
        catch (DiagnosticException failure)
        {
            return new DefinitionResult("", source.Start, null, failure.Diagnostic);
        }
    }

    private Token Peek => _tokens[_next];

    /// <summary>The token at <paramref name="index"/>, or the end token past the last one.</summary>
    private Token At(int index) => _tokens[Math.Min(index, _tokens.Count - 1)];

    private Expr ParseWhole()
    {
        if (Peek.Kind == TokenKind.End)
        {
            throw Error(Peek, "empty expression, expected a number or a name");
        }

        var expr = ParseSum();
        if (Peek.Kind != TokenKind.End)
        {
            throw Unexpected(Peek, "an operator or the end of the expression");
        }

        return expr;
    }

    private Expr ParseSum()
    {
        var left = ParseProduct();
        while (Peek.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Take();
            var right = ParseProduct();
            var kind = op.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            left = new BinaryExpr(kind, left, right, op.Start);
        }

        return left;
    }

    private Expr ParseProduct()
    {
        var left = ParseUnary();
        while (Peek.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.At)
        {
            var op = Take();
            var right = ParseUnary();
            var kind = op.Kind switch
            {
                TokenKind.Star => BinaryOperator.Multiply,
                TokenKind.Slash => BinaryOperator.Divide,
                _ => BinaryOperator.MatMul,
            };
            left = new BinaryExpr(kind, left, right, op.Start);
        }

        return left;
    }

    private Expr ParseUnary()
    {
        if (Peek.Kind is not (TokenKind.Minus or TokenKind.Plus))
        {
            return ParsePower();
        }

        var sign = Take();
        Enter(sign);
        var operand = ParseUnary();
        _depth--;
        if (sign.Kind == TokenKind.Plus)
        {
            return operand;
        }

        return new NegateExpr(operand, sign.Start);
    }

    private Expr ParsePower()
    {
        var basis = ParsePostfix();
        if (Peek.Kind != TokenKind.Caret)
        {
            return basis;
        }

        var op = Take();
        Enter(op);
        var exponent = ParseUnary();
        _depth--;
        return new BinaryExpr(BinaryOperator.Power, basis, exponent, op.Start);
    }

    private Expr ParsePostfix()
    {
        var first = Peek;
        var expr = ParsePrimary();
        while (Peek.Kind == TokenKind.LeftBracket)
        {
            var open = Take();
            Enter(open);
            var indices = new List<Expr> { ParseSum() };
            while (Peek.Kind == TokenKind.Comma)
            {
                Take();
                indices.Add(ParseSum());
            }

            var close = Expect(TokenKind.RightBracket, "`,` or `]`");
            _depth--;
            expr = new IndexExpr(expr, indices, close.End);
        }

        if (Peek.Kind is TokenKind.LeftParen or TokenKind.Name or TokenKind.Number)
        {
            throw ImpliedMultiplication(first.Start, _tokens[_next - 1].End);
        }

        return expr;
    }

    private Expr ParsePrimary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Take();
                if (!double.IsFinite(token.Number))
                {
                    throw Error(token, $"number `{token.Text}` is too large");
                }

                return new NumberExpr(token.Number, token.Start, token.End);
            case TokenKind.Name:
                Take();
                return Peek.Kind == TokenKind.LeftParen
                    ? ParseCall(token)
                    : new NameExpr(token.Text, token.Start, token.End);
            case TokenKind.LeftParen:
                Take();
                Enter(token);
                var inner = ParseSum();
                var close = Expect(TokenKind.RightParen, "`)`", token);
                _depth--;
                return inner.Spanning(token.Start, close.End);
            default:
                throw Unexpected(token, "a number, a name or `(`");
        }
    }

    private Expr ParseCall(Token name)
    {
        var open = Take();
        Enter(open);
        var arguments = new List<Expr>();
        if (Peek.Kind != TokenKind.RightParen)
        {
            arguments.Add(ParseSum());
            while (Peek.Kind == TokenKind.Comma)
            {
                Take();
                arguments.Add(ParseSum());
            }
        }

        var close = Expect(TokenKind.RightParen, "`,` or `)`", open);
        _depth--;
        return new CallExpr(name.Text, arguments, name.Start, open.Start, close.End);
    }

    private Token Take() => _tokens[_next++];

    private Token Expect(TokenKind kind, string expected, Token? opener = null)
    {
        if (Peek.Kind == kind)
        {
            return Take();
        }

        if (opener is { } open && Peek.Kind == TokenKind.End)
        {
            var at = _source.PositionOf(open.Start);
            throw Error(Peek, $"missing {expected} to close `{open.Text}` opened at column {at.Column}");
        }

        throw Unexpected(Peek, expected);
    }

    private void Enter(Token at)
    {
        if (++_depth > MaxDepth)
        {
            throw Error(at, $"expression nests deeper than {MaxDepth} levels; split it into named nodes");
        }
    }

    /// <summary>The left operand is quoted from its first to its last token, parentheses included.</summary>
    private DiagnosticException ImpliedMultiplication(int leftStart, int leftEnd)
    {
        var next = Peek;
        var leftText = _source.Slice(leftStart, leftEnd);
        var rightText = next.Kind == TokenKind.LeftParen ? GroupText(_next) : next.Text;
        var message = $"unexpected {next.Describe()} after `{leftText}`: there is no implied multiplication; "
            + $"write `{leftText} * {rightText}`";
        return Error(next, message);
    }

    /// <summary>The source text of the parenthesised group opening at token index <paramref name="open"/>.</summary>
    private string GroupText(int open)
    {
        var depth = 0;
        for (var i = open; i < _tokens.Count; i++)
        {
            depth += _tokens[i].Kind switch
            {
                TokenKind.LeftParen => 1,
                TokenKind.RightParen => -1,
                _ => 0,
            };
            if (depth == 0 || _tokens[i].Kind == TokenKind.End)
            {
                return _source.Slice(_tokens[open].Start, _tokens[i].End).Trim();
            }
        }

        return "(…)";
    }

    private DiagnosticException Unexpected(Token found, string expected)
    {
        if (found.Kind == TokenKind.Invalid)
        {
            return Error(found, $"unexpected character {found.Describe()}, expected {expected}");
        }

        return Error(found, $"unexpected {found.Describe()}, expected {expected}");
    }

    private DiagnosticException Error(Token at, string message) =>
        new(Diagnostic.Error(_source.PositionOf(at.Start), message));
}

public sealed record ParseResult(Expr? Expr, Diagnostic? Error);

public sealed record DefinitionResult(string Name, SourcePosition NamePosition, Expr? Expr, Diagnostic? Error);
