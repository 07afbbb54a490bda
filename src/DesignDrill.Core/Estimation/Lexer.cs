using System.Globalization;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.Estimation;

/// <summary>Kinds of token in an estimate expression.</summary>
internal enum TokenKind
{
    Number,
    Word,
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    Percent,
    Dollar,
    LeftParen,
    RightParen,
    Comma,
    End,
}

/// <summary>
/// One token. Offsets are 0-based into the expression; <see cref="End"/> is exclusive. A number token carries its
/// value with any glued scale suffix applied, and a glued unit (<c>20ms</c>) separately.
/// </summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End, string Text)
{
    public double Value { get; init; }

    public UnitDefinition? AttachedUnit { get; init; }

    /// <summary>How an ambiguous glued suffix was read, for the derivation: "500B → 500 billion".</summary>
    public string? Interpretation { get; init; }

    /// <summary>True for a number with a glued <c>B</c> read as billion (<c>500B</c>).</summary>
    public bool BillionSuffix { get; init; }
}

/// <summary>
/// Splits an expression into tokens; reports bad characters and malformed numbers as diagnostics. A comma groups
/// thousands (<c>1,000</c>) except directly inside the parentheses of a call (<c>kofn(99%, 2,3)</c>), where it
/// separates arguments; a call's parentheses are those after a word that is a function or no reserved word.
/// </summary>
internal sealed class Lexer(string text, Func<int, int, SourceSpan> span, List<Diagnostic> diagnostics)
{
    private readonly Stack<bool> _parenthesesAreCall = new();
    private int _position;

    private bool InsideCall => _parenthesesAreCall.Count > 0 && _parenthesesAreCall.Peek();

    public List<Token>? Tokenize()
    {
        var tokens = new List<Token>();
        var ok = true;
        while (true)
        {
            while (_position < text.Length && IsSpace(text[_position]))
            {
                _position++;
            }

            if (_position >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, text.Length, text.Length, ""));
                return ok ? tokens : null;
            }

            var c = text[_position];
            var start = _position;
            if (char.IsAsciiDigit(c) || (c == '.' && _position + 1 < text.Length && char.IsAsciiDigit(text[_position + 1])))
            {
                var number = ReadNumber();
                if (number is null)
                {
                    return null;
                }

                tokens.Add(number.Value);
                continue;
            }

            if (IsWordStart(c))
            {
                while (_position < text.Length && IsWordPart(text[_position]))
                {
                    _position++;
                }

                if (c == 'x' && _position - start > 1 && tokens.Count > 0 && tokens[^1].Kind == TokenKind.Number &&
                    tokens[^1].End == start && text.AsSpan(start + 1, _position - start - 1).IndexOfAnyExceptInRange('0', '9') < 0)
                {
                    // "3x4": the x is the multiplication sign.
                    _position = start + 1;
                }

                tokens.Add(new Token(TokenKind.Word, start, _position, text[start.._position]));
                continue;
            }

            var kind = c switch
            {
                '+' => TokenKind.Plus,
                '-' or '\u2212' => TokenKind.Minus,
                '*' or '\u00D7' or '\u00B7' => TokenKind.Star,
                '/' or '\u00F7' => TokenKind.Slash,
                '^' => TokenKind.Caret,
                '%' => TokenKind.Percent,
                '$' => TokenKind.Dollar,
                '(' => TokenKind.LeftParen,
                ')' => TokenKind.RightParen,
                ',' => TokenKind.Comma,
                _ => TokenKind.End,
            };
            if (kind == TokenKind.End)
            {
                var length = char.IsHighSurrogate(c) && _position + 1 < text.Length ? 2 : 1;
                var shown = c < ' ' || c == '\u007F' ? $"U+{(int)c:X4}" : text.Substring(_position, length);
                diagnostics.Add(EstimationDiagnostics.UnexpectedCharacter(span(_position, _position + length), shown));
                _position += length;
                ok = false;
                continue;
            }

            if (kind == TokenKind.LeftParen)
            {
                var previous = tokens.Count > 0 ? tokens[^1] : default;
                _parenthesesAreCall.Push(previous.Kind == TokenKind.Word &&
                    (EstimateFunction.IsFunction(previous.Text) || !UnitTable.IsReserved(previous.Text)));
            }
            else if (kind == TokenKind.RightParen && _parenthesesAreCall.Count > 0)
            {
                _parenthesesAreCall.Pop();
            }

            _position++;
            tokens.Add(new Token(kind, start, _position, text[start.._position]));
        }
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\u00A0' or '\u202F' or '\u2009';

    private static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c is '_' or 'µ' or 'μ';

    private static bool IsWordPart(char c) => IsWordStart(c) || char.IsAsciiDigit(c);

    private Token? ReadNumber()
    {
        var start = _position;
        var digits = new System.Text.StringBuilder();
        var sawGroup = false;
        while (_position < text.Length && char.IsAsciiDigit(text[_position]))
        {
            digits.Append(text[_position++]);
            if (_position < text.Length && text[_position] == ',' && !InsideCall)
            {
                var groupLength = 0;
                while (_position + 1 + groupLength < text.Length && char.IsAsciiDigit(text[_position + 1 + groupLength]))
                {
                    groupLength++;
                }

                if (groupLength == 0)
                {
                    // "1, 2": a comma that is not a thousands separator.
                    break;
                }

                if (groupLength != 3 || (!sawGroup && digits.Length > 3))
                {
                    var end = _position + 1 + groupLength;
                    diagnostics.Add(EstimationDiagnostics.MalformedNumber(span(start, end), text[start..end],
                        groupLength != 3
                            ? "commas group thousands in threes (1,000,000); use '.' for decimals (1.5)"
                            : "a thousands group has at most 3 digits before the first comma (1,000,000)"));
                    _position = end;
                    return null;
                }

                sawGroup = true;
                _position++;
            }
        }

        if (_position + 1 < text.Length && text[_position] == '.' && char.IsAsciiDigit(text[_position + 1]))
        {
            digits.Append(text[_position++]);
            while (_position < text.Length && char.IsAsciiDigit(text[_position]))
            {
                digits.Append(text[_position++]);
            }
        }

        if (_position < text.Length && text[_position] == '.' && _position + 1 < text.Length &&
            char.IsAsciiDigit(text[_position + 1]))
        {
            var end = _position + 1;
            while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
            {
                end++;
            }

            diagnostics.Add(EstimationDiagnostics.MalformedNumber(span(start, end), text[start..end],
                "a number has at most one decimal point"));
            _position = end;
            return null;
        }

        // Exponent: e6, e+6, e-3 (only when a digit follows; "2e" alone is a suffix).
        if (_position < text.Length && text[_position] is 'e' or 'E')
        {
            var look = _position + 1;
            if (look < text.Length && text[look] is '+' or '-')
            {
                look++;
            }

            if (look < text.Length && char.IsAsciiDigit(text[look]))
            {
                digits.Append('e');
                for (var i = _position + 1; i < look; i++)
                {
                    digits.Append(text[i]);
                }

                _position = look;
                while (_position < text.Length && char.IsAsciiDigit(text[_position]))
                {
                    digits.Append(text[_position++]);
                }
            }
        }

        var numberEnd = _position;
        var numberText = text[start..numberEnd];
        if (!double.TryParse(digits.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ||
            !double.IsFinite(value))
        {
            diagnostics.Add(EstimationDiagnostics.NotFinite(span(start, numberEnd)));
            return null;
        }

        // A suffix glued to the number: letters only (digits after letters are not part of it).
        var suffixStart = _position;
        while (_position < text.Length && (char.IsAsciiLetter(text[_position]) || text[_position] is 'µ' or 'μ'))
        {
            _position++;
        }

        var suffix = text[suffixStart.._position];
        var token = new Token(TokenKind.Number, start, _position, text[start.._position]) { Value = value };
        if (suffix.Length == 0)
        {
            return token;
        }

        if (suffix is "x" or "X")
        {
            if (_position < text.Length && char.IsAsciiDigit(text[_position]))
            {
                // "3x4": the x is the multiplication sign; give it back to the word reader.
                _position = suffixStart;
                return token with { End = suffixStart, Text = numberText };
            }

            return token with { Interpretation = $"{numberText}{suffix} → {numberText} (times)" };
        }

        if (suffix == "B")
        {
            return token with
            {
                Value = value * 1e9,
                BillionSuffix = true,
                Interpretation = $"{numberText}B → {numberText} billion (write '{numberText} B' for bytes)",
            };
        }

        if (suffix is "m" or "b")
        {
            diagnostics.Add(EstimationDiagnostics.AmbiguousSuffix(span(start, _position), numberText, suffix));
            return null;
        }

        if (UnitTable.TryGet(suffix, out var whole))
        {
            return whole.Kind == UnitKind.Scale
                ? token with { Value = value * whole.Size(Conventions.Default) }
                : token with { AttachedUnit = whole };
        }

        // A scale letter followed by a unit: "2Krps", "3Ms".
        if (suffix.Length > 1 && suffix[0] is 'K' or 'k' or 'M' or 'T' &&
            UnitTable.TryGet(suffix[1..], out var rest) && rest.Kind == UnitKind.Unit)
        {
            UnitTable.TryGet(suffix[..1], out var scale);
            return token with { Value = value * scale.Size(Conventions.Default), AttachedUnit = rest };
        }

        diagnostics.Add(EstimationDiagnostics.UnknownSuffix(span(start, _position), numberText, suffix,
            EditDistance.Closest(suffix, UnitTable.AllNames)));
        return null;
    }
}
