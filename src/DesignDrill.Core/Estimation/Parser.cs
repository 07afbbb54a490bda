using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.Estimation;

/// <summary>Binary operations of the language. <see cref="Juxtapose"/> is a number followed by a unit (<c>5 KB</c>).</summary>
internal enum BinaryOp
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Power,
    Juxtapose,
}

/// <summary>A node of the syntax tree; <see cref="Start"/> and <see cref="End"/> are 0-based offsets, end exclusive.</summary>
internal abstract record Node(int Start, int End)
{
    /// <summary>Height of the tree below and including this node; bounded by <see cref="EstimateEvaluator.MaxDepth"/>.</summary>
    public int Depth { get; init; } = 1;

    /// <summary>The source text of this node, trimmed.</summary>
    public string SourceText(string expression) => expression[Start..End].Trim();
}

internal sealed record NumberNode(Token Token) : Node(Token.Start, Token.End);

internal sealed record UnitNode(UnitDefinition Unit, string Text, int S, int E) : Node(S, E);

internal sealed record NameNode(string Name, int S, int E) : Node(S, E);

internal sealed record NegateNode(Node Operand, int S) : Node(S, Operand.End);

internal sealed record PercentNode(Node Operand, int E) : Node(Operand.Start, E);

/// <summary>A function call; <see cref="NameEnd"/> ends the function's name, <see cref="Node.End"/> the closing parenthesis.</summary>
internal sealed record CallNode(EstimateFunction Function, IReadOnlyList<Node> Arguments, int S, int NameEnd, int E)
    : Node(S, E);

internal sealed record BinaryNode(BinaryOp Op, Node Left, Node Right, int OpStart, int OpEnd)
    : Node(Left.Start, Right.End);

/// <summary>
/// Recursive-descent parser. Precedence, lowest first: <c>+ -</c>; <c>* / x per</c>; a value followed by a unit
/// (<c>5 KB</c>); unary minus; <c>^</c> (right-associative); postfix <c>%</c>; primaries (numbers, units, names,
/// <c>$</c> amounts, function calls, parentheses). Stops at the first error.
/// </summary>
internal sealed class Parser(
    IReadOnlyList<Token> tokens, Func<int, int, SourceSpan> span, List<Diagnostic> diagnostics,
    Func<string, bool> isDefinedName)
{
    private int _index;
    private int _nesting;
    private bool _failed;

    private Token Current => tokens[_index];

    public Node? ParseAll()
    {
        var node = ParseExpression();
        if (node is null || _failed)
        {
            return null;
        }

        if (Current.Kind != TokenKind.End)
        {
            ReportLeftover(node);
            return null;
        }

        return node;
    }

    private void ReportLeftover(Node before)
    {
        var token = Current;
        var at = span(token.Start, token.End);
        if (token.Kind == TokenKind.RightParen)
        {
            Fail(EstimationDiagnostics.Syntax(at, "')' has no matching '('", "remove it or add the '(' it closes"));
            return;
        }

        if (token.Kind == TokenKind.Word && token.Text is "m" or "b")
        {
            Fail(EstimationDiagnostics.AmbiguousWord(at, token.Text));
            return;
        }

        if (token.Kind == TokenKind.Comma)
        {
            Fail(EstimationDiagnostics.Syntax(at, "',' outside a function call",
                "commas separate the arguments of series(...), parallel(...), kofn(...) and downtime(...); " +
                "in numbers they group thousands with no space (1,000)"));
            return;
        }

        if (token.Kind == TokenKind.Word && !UnitTable.IsReserved(token.Text) && !isDefinedName(token.Text))
        {
            var lowerLetters = token.Text.All(char.IsAsciiLetterLower);
            Fail(EstimationDiagnostics.UnknownName(at, token.Text, null, lowerLetters && before is NumberNode));
            return;
        }

        Fail(EstimationDiagnostics.Syntax(at, $"expected an operator before '{token.Text}'",
            "write '*' to multiply, as in '3 * name'"));
    }

    private Node? Fail(Diagnostic diagnostic)
    {
        if (!_failed)
        {
            diagnostics.Add(diagnostic);
        }

        _failed = true;
        return null;
    }

    private Node? Checked(Node node) =>
        node.Depth > EstimateEvaluator.MaxDepth ? Fail(EstimationDiagnostics.TooDeep(span(node.Start, node.End))) : node;

    private Node? Binary(BinaryOp op, Node left, Node right, Token opToken) =>
        Checked(new BinaryNode(op, left, right, opToken.Start, opToken.End)
        {
            Depth = 1 + Math.Max(left.Depth, right.Depth),
        });

    private bool Enter()
    {
        if (++_nesting > EstimateEvaluator.MaxDepth)
        {
            Fail(EstimationDiagnostics.TooDeep(span(Current.Start, Current.End)));
            return false;
        }

        return true;
    }

    private Node? ParseExpression()
    {
        if (!Enter())
        {
            return null;
        }

        var left = ParseTerm();
        while (left is not null && Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Current;
            _index++;
            var right = ParseTerm();
            left = right is null ? null : Binary(op.Kind == TokenKind.Plus ? BinaryOp.Add : BinaryOp.Subtract, left, right, op);
        }

        _nesting--;
        return left;
    }

    private bool AtMultiplicativeOperator() =>
        Current.Kind is TokenKind.Star or TokenKind.Slash ||
        (Current.Kind == TokenKind.Word && Current.Text is "x" or "per");

    private Node? ParseTerm()
    {
        var left = ParseImplicit();
        while (left is not null && AtMultiplicativeOperator())
        {
            var op = Current;
            _index++;
            var right = ParseImplicit();
            var divide = op.Kind == TokenKind.Slash || op.Text == "per";
            left = right is null ? null : Binary(divide ? BinaryOp.Divide : BinaryOp.Multiply, left, right, op);
        }

        return left;
    }

    private bool AtUnit() =>
        Current.Kind == TokenKind.Dollar ||
        (Current.Kind == TokenKind.Word && UnitTable.TryGet(Current.Text, out _));

    private Node? ParseImplicit()
    {
        var left = ParseUnary();
        while (left is not null && AtUnit())
        {
            var at = Current;
            var right = ParsePower();
            left = right is null ? null : Binary(BinaryOp.Juxtapose, left, right, at with { End = at.Start });
        }

        return left;
    }

    private Node? ParseUnary()
    {
        if (Current.Kind is TokenKind.Minus or TokenKind.Plus)
        {
            var sign = Current;
            _index++;
            if (!Enter())
            {
                return null;
            }

            var operand = ParseUnary();
            _nesting--;
            if (operand is null)
            {
                return null;
            }

            return sign.Kind == TokenKind.Plus
                ? operand
                : Checked(new NegateNode(operand, sign.Start) { Depth = operand.Depth + 1 });
        }

        return ParsePower();
    }

    private Node? ParsePower()
    {
        var left = ParsePostfix();
        if (left is null || Current.Kind != TokenKind.Caret)
        {
            return left;
        }

        var op = Current;
        _index++;
        if (!Enter())
        {
            return null;
        }

        var exponent = ParseUnary();
        _nesting--;
        return exponent is null ? null : Binary(BinaryOp.Power, left, exponent, op);
    }

    private Node? ParsePostfix()
    {
        var node = ParsePrimary();
        while (node is not null && Current.Kind == TokenKind.Percent)
        {
            node = Checked(new PercentNode(node, Current.End) { Depth = node.Depth + 1 });
            _index++;
        }

        return node;
    }

    private Node? ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                _index++;
                return new NumberNode(token);
            case TokenKind.Dollar:
                {
                    _index++;
                    UnitTable.TryGet("$", out var dollar);
                    var unit = new UnitNode(dollar, "$", token.Start, token.End);
                    if (Current.Kind != TokenKind.Number)
                    {
                        return unit;
                    }

                    var amount = new NumberNode(Current);
                    _index++;
                    return new BinaryNode(BinaryOp.Juxtapose, unit, amount, token.End, token.End) { Depth = 2 };
                }

            case TokenKind.Word:
                _index++;
                if (token.Text is "x" or "per")
                {
                    return Fail(EstimationDiagnostics.Syntax(span(token.Start, token.End),
                        $"'{token.Text}' needs a value on each side", $"write it between two values, as in '3 {token.Text} 4'"));
                }

                if (token.Text is "m" or "b")
                {
                    return Fail(EstimationDiagnostics.AmbiguousWord(span(token.Start, token.End), token.Text));
                }

                if (EstimateFunction.TryGet(token.Text, out var function))
                {
                    return ParseCall(token, function);
                }

                if (Current.Kind == TokenKind.LeftParen && !UnitTable.IsReserved(token.Text) &&
                    !isDefinedName(token.Text))
                {
                    return Fail(EstimationDiagnostics.UnknownFunction(span(token.Start, token.End), token.Text,
                        EditDistance.Closest(token.Text, EstimateFunction.All.Select(f => f.Name))));
                }

                return UnitTable.TryGet(token.Text, out var unitDefinition)
                    ? new UnitNode(unitDefinition, token.Text, token.Start, token.End)
                    : new NameNode(token.Text, token.Start, token.End);
            case TokenKind.LeftParen:
                {
                    _index++;
                    var inner = ParseExpression();
                    if (inner is null)
                    {
                        return null;
                    }

                    if (Current.Kind != TokenKind.RightParen)
                    {
                        return Fail(EstimationDiagnostics.Syntax(span(token.Start, token.End), "'(' is never closed",
                            "add the missing ')'"));
                    }

                    _index++;
                    return inner;
                }

            case TokenKind.End:
                return Fail(EstimationDiagnostics.Syntax(span(token.Start, token.End),
                    "the expression ends where a value was expected", "complete the expression"));
            default:
                return Fail(EstimationDiagnostics.Syntax(span(token.Start, token.End),
                    $"expected a value before '{token.Text}'", "write a number, a unit or a name here"));
        }
    }

    private Node? ParseCall(Token name, EstimateFunction function)
    {
        if (Current.Kind != TokenKind.LeftParen)
        {
            return Fail(EstimationDiagnostics.Syntax(span(name.Start, name.End),
                $"'{function.Name}' is a function and needs its arguments in parentheses",
                $"write {function.Usage}, as in {function.Example}"));
        }

        var open = Current;
        _index++;
        if (!Enter())
        {
            return null;
        }

        var arguments = new List<Node>();
        var depth = 1;
        if (Current.Kind != TokenKind.RightParen)
        {
            while (true)
            {
                var argument = ParseExpression();
                if (argument is null)
                {
                    return null;
                }

                arguments.Add(argument);
                depth = Math.Max(depth, argument.Depth + 1);
                if (Current.Kind == TokenKind.Comma)
                {
                    _index++;
                    continue;
                }

                if (Current.Kind == TokenKind.RightParen)
                {
                    break;
                }

                return Current.Kind == TokenKind.End
                    ? Fail(EstimationDiagnostics.Syntax(span(open.Start, open.End), "'(' is never closed",
                        $"add the missing ')': {function.Usage}"))
                    : Fail(EstimationDiagnostics.Syntax(span(Current.Start, Current.End),
                        $"expected ',' or ')' in {function.Name}(...), not '{Current.Text}'",
                        $"separate the arguments with ',': {function.Usage}"));
            }
        }

        var close = Current;
        _index++;
        _nesting--;
        return Checked(new CallNode(function, arguments, name.Start, name.End, close.End) { Depth = depth });
    }
}
