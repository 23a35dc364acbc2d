using System.Globalization;

namespace Grader.Syntax;

public enum TokenKind
{
    Number,
    Name,
    Plus,
    Minus,
    Star,
    Slash,
    At,
    Caret,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Equals,
    End,
    Invalid,
}

public readonly record struct Token(TokenKind Kind, int Start, int End, string Text, double Number = 0)
{
    /// <summary>How a message names this token: `*`, or "the end of the expression".</summary>
    public string Describe() => Kind == TokenKind.End ? "end of expression" : $"`{Text}`";
}

/// <summary>Splits expression text into tokens. `**` is read as `^`.</summary>
public static class Lexer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                i = ScanNumber(text, i);
                var literal = text[start..i];
                double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value);
                tokens.Add(new(TokenKind.Number, start, i, literal, value));
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new(TokenKind.Name, start, i, text[start..i]));
                continue;
            }

            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                tokens.Add(new(TokenKind.Caret, start, i + 2, "**"));
                i += 2;
                continue;
            }

            var kind = c switch
            {
                '+' => TokenKind.Plus,
                '-' or '\u2212' => TokenKind.Minus,
                '*' or '\u00d7' => TokenKind.Star,
                '/' => TokenKind.Slash,
                '@' => TokenKind.At,
                '^' => TokenKind.Caret,
                '(' => TokenKind.LeftParen,
                ')' => TokenKind.RightParen,
                '[' => TokenKind.LeftBracket,
                ']' => TokenKind.RightBracket,
                ',' => TokenKind.Comma,
                '=' => TokenKind.Equals,
                _ => TokenKind.Invalid,
            };
            var width = char.IsSurrogatePair(text, i) ? 2 : 1;
            tokens.Add(new(kind, start, i + width, text.Substring(i, width)));
            i += width;
        }

        tokens.Add(new(TokenKind.End, text.Length, text.Length, ""));
        return tokens;
    }

    private static int ScanNumber(string text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            var j = i + 1;
            if (j < text.Length && (text[j] == '+' || text[j] == '-'))
            {
                j++;
            }

            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                i = j;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
        }

        return i;
    }
}
