using System.Globalization;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.Estimation;

/// <summary>
/// Evaluates expressions of the estimation language (see docs/estimation.md): numbers with scale suffixes, units,
/// names defined earlier, <c>+ - * / ^</c>, <c>x</c>, <c>per</c>, percentages and the availability functions
/// <c>series</c>, <c>parallel</c>, <c>kofn</c> and <c>downtime</c>. Never throws for any input.
/// </summary>
public static class EstimateEvaluator
{
    /// <summary>
    /// Deepest nesting of parentheses, signs and powers, and longest chain of operators, that an expression may
    /// have: 256. Deeper input is reported (EST005) rather than risking the stack.
    /// </summary>
    public const int MaxDepth = 256;

    /// <summary>Longest expression accepted, in characters: 65,536. Longer input is reported (EST006).</summary>
    public const int MaxLength = 65_536;

    /// <summary>
    /// Evaluates one expression. Never throws: bad input gives a result without a value and with diagnostics.
    /// </summary>
    /// <param name="expression">The expression text, on one line, such as <c>100M * 10 / day</c>.</param>
    /// <param name="scope">Values of the names the expression may use, in base units.</param>
    /// <param name="conventions">Day, month and year lengths and storage prefixes.</param>
    /// <param name="origin">
    /// Where <paramref name="expression"/> starts in the document (its line and first column), so diagnostic spans
    /// are document positions. With the default (no location) spans are relative to the expression, on line 1.
    /// </param>
    /// <returns>The value, derivation, diagnostics and referenced names.</returns>
    public static EvaluationResult Evaluate(
        string expression, IReadOnlyDictionary<string, Quantity> scope, Conventions conventions,
        SourceSpan origin = default) =>
        Evaluate(expression, scope, conventions, origin, failedNames: null, billionLiterals: null);

    internal static EvaluationResult Evaluate(
        string? expression, IReadOnlyDictionary<string, Quantity>? scope, Conventions? conventions, SourceSpan origin,
        IReadOnlyDictionary<string, int>? failedNames, IReadOnlyDictionary<string, string>? billionLiterals)
    {
        var text = expression ?? "";
        var evaluation = new Evaluation(text, scope ?? EmptyScope.Instance, conventions ?? Conventions.Default, origin,
            failedNames, billionLiterals);
        return evaluation.Run();
    }

    /// <summary>
    /// The value of a node while evaluating, with the glued-B literal it depends on, if any, and whether it is an
    /// availability to be shown as a percentage.
    /// </summary>
    private readonly record struct Value(Quantity Q, string? Billion, bool Percent = false);

    private sealed class Evaluation(
        string text, IReadOnlyDictionary<string, Quantity> scope, Conventions conventions, SourceSpan origin,
        IReadOnlyDictionary<string, int>? failedNames, IReadOnlyDictionary<string, string>? billionLiterals)
    {
        private readonly List<Diagnostic> _diagnostics = [];
        private readonly List<string> _referenced = [];
        private readonly List<string> _interpretations = [];
        private readonly List<(int Start, int End, string Replacement)> _substitutions = [];

        private SourceSpan Span(int start, int end)
        {
            var line = origin.HasLocation ? origin.Line : 1;
            var column = origin.HasLocation ? origin.Column : 1;
            return new SourceSpan(line, column + start, column + Math.Max(end, start + 1));
        }

        public EvaluationResult Run()
        {
            var display = text.Trim();
            if (display.Length == 0)
            {
                _diagnostics.Add(EstimationDiagnostics.EmptyExpression(Span(0, Math.Max(1, text.Length))));
                return Result(null, "");
            }

            if (text.Length > MaxLength)
            {
                _diagnostics.Add(EstimationDiagnostics.TooLong(Span(0, Math.Min(text.Length, 1)), text.Length));
                return Result(null, "");
            }

            var tokens = new Lexer(text, Span, _diagnostics).Tokenize();
            if (tokens is null)
            {
                return Result(null, display);
            }

            var tree = new Parser(tokens, Span, _diagnostics, scope.ContainsKey).ParseAll();
            if (tree is null)
            {
                return Result(null, display);
            }

            foreach (var token in tokens)
            {
                if (token.Interpretation is not null)
                {
                    _interpretations.Add(token.Interpretation);
                }
            }

            var value = Eval(tree);
            if (value is null || _diagnostics.Exists(d => d.Severity == Severity.Error))
            {
                return Result(null, display);
            }

            return Result(value.Value,
                Derive(display, value.Value.Q, value.Value.Percent ? QuantityDisplay.Percent : QuantityDisplay.Natural));
        }

        private EvaluationResult Result(Value? value, string derivation) =>
            new(value?.Q, derivation, _diagnostics, _referenced)
            {
                Interpretations = _interpretations,
                BillionLiteral = value?.Billion,
                Display = value is { Percent: true } ? QuantityDisplay.Percent : QuantityDisplay.Natural,
            };

        private string Derive(string display, Quantity result, QuantityDisplay show)
        {
            var formatted = result.Format(conventions, show);
            string derivation;
            if (_substitutions.Count > 0)
            {
                var builder = new System.Text.StringBuilder();
                var at = 0;
                foreach (var (start, end, replacement) in _substitutions.OrderBy(s => s.Start))
                {
                    builder.Append(text, at, start - at).Append(replacement);
                    at = end;
                }

                builder.Append(text, at, text.Length - at);
                derivation = $"{display} = {builder.ToString().Trim()} = {formatted}";
            }
            else
            {
                derivation = display == formatted ? formatted : $"{display} = {formatted}";
            }

            return _interpretations.Count == 0
                ? derivation
                : derivation + "  [" + string.Join("; ", _interpretations) + "]";
        }

        private Value? Eval(Node node)
        {
            switch (node)
            {
                case NumberNode number:
                    {
                        var q = Quantity.Count(number.Token.Value);
                        if (number.Token.AttachedUnit is { } unit)
                        {
                            NoteBinaryPrefix(unit);
                            q = q.Multiply(unit.ToQuantity(conventions));
                        }

                        return Finite(new Value(q, number.Token.BillionSuffix ? number.Token.Text : null), node);
                    }

                case UnitNode unit:
                    NoteBinaryPrefix(unit.Unit);
                    return new Value(unit.Unit.ToQuantity(conventions), null);
                case NameNode name:
                    return Lookup(name);
                case NegateNode negate:
                    return Eval(negate.Operand) is { } inner
                        ? inner with { Q = inner.Q with { Value = -inner.Q.Value } }
                        : null;
                case PercentNode percent:
                    return Eval(percent.Operand) is { } operand
                        ? operand with { Q = operand.Q with { Value = operand.Q.Value / 100 }, Percent = false }
                        : null;
                case CallNode call:
                    return EvalCall(call);
                case BinaryNode binary:
                    return EvalBinary(binary);
                default:
                    return null;
            }
        }

        private void NoteBinaryPrefix(UnitDefinition unit)
        {
            if (conventions.BinaryPrefixes && unit.Dimension == Dimension.Information && unit.Symbol.Length == 2 &&
                unit.Symbol[1] == 'B')
            {
                var note = $"{unit.Symbol} → {Quantity.FormatNumber(unit.Size(conventions))} B (binary prefixes)";
                if (!_interpretations.Contains(note))
                {
                    _interpretations.Add(note);
                }
            }
        }

        private Value? Lookup(NameNode name)
        {
            if (!_referenced.Contains(name.Name))
            {
                _referenced.Add(name.Name);
            }

            if (scope.TryGetValue(name.Name, out var q))
            {
                _substitutions.Add((name.Start, name.End, "(" + q.Format(conventions) + ")"));
                string? billion = null;
                billionLiterals?.TryGetValue(name.Name, out billion);
                return new Value(q, billion);
            }

            var at = Span(name.Start, name.End);
            if (failedNames is not null && failedNames.TryGetValue(name.Name, out var line))
            {
                _diagnostics.Add(EstimationDiagnostics.DependsOnFailedLine(at, name.Name, line));
                return null;
            }

            var closest = EditDistance.Closest(name.Name, scope.Keys) ??
                          (name.Name.Length > 1 ? EditDistance.Closest(name.Name, UnitTable.AllNames) : null);
            _diagnostics.Add(EstimationDiagnostics.UnknownName(at, name.Name, closest, looksLikeCountNoun: false));
            return null;
        }

        private Value? EvalBinary(BinaryNode node)
        {
            var left = Eval(node.Left);
            var right = Eval(node.Right);
            if (left is null || right is null)
            {
                return null;
            }

            var a = left.Value;
            var b = right.Value;
            var billion = a.Billion ?? b.Billion;
            var opSpan = Span(node.OpStart, node.OpEnd);
            switch (node.Op)
            {
                case BinaryOp.Add:
                case BinaryOp.Subtract:
                    {
                        if (a.Q.Dimension != b.Q.Dimension)
                        {
                            _diagnostics.Add(EstimationDiagnostics.DimensionMismatch(opSpan,
                                node.Op == BinaryOp.Add ? "add" : "subtract", a.Q.Dimension, b.Q.Dimension,
                                EstimateEvaluator.BillionHint(a.Q.Dimension, b.Q.Dimension, billion)));
                            return null;
                        }

                        var sum = node.Op == BinaryOp.Add ? a.Q.Value + b.Q.Value : a.Q.Value - b.Q.Value;
                        return Finite(new Value(a.Q with { Value = sum }, billion), node);
                    }

                case BinaryOp.Multiply:
                case BinaryOp.Juxtapose:
                    {
                        NoteByteReading(node);
                        var dimension = new Dimension(
                            (int)Math.Clamp((long)a.Q.Dimension.InformationExponent + b.Q.Dimension.InformationExponent, -1000, 1000),
                            (int)Math.Clamp((long)a.Q.Dimension.TimeExponent + b.Q.Dimension.TimeExponent, -1000, 1000),
                            (int)Math.Clamp((long)a.Q.Dimension.MoneyExponent + b.Q.Dimension.MoneyExponent, -1000, 1000));
                        if (!dimension.IsWithinLimits)
                        {
                            return ExponentTooLarge(node);
                        }

                        return Finite(new Value(new Quantity(a.Q.Value * b.Q.Value, dimension), billion), node);
                    }

                case BinaryOp.Divide:
                    {
                        if (b.Q.Value == 0)
                        {
                            _diagnostics.Add(EstimationDiagnostics.DivisionByZero(Span(node.Right.Start, node.Right.End)));
                            return null;
                        }

                        var dimension = new Dimension(
                            (int)Math.Clamp((long)a.Q.Dimension.InformationExponent - b.Q.Dimension.InformationExponent, -1000, 1000),
                            (int)Math.Clamp((long)a.Q.Dimension.TimeExponent - b.Q.Dimension.TimeExponent, -1000, 1000),
                            (int)Math.Clamp((long)a.Q.Dimension.MoneyExponent - b.Q.Dimension.MoneyExponent, -1000, 1000));
                        if (!dimension.IsWithinLimits)
                        {
                            return ExponentTooLarge(node);
                        }

                        return Finite(new Value(new Quantity(a.Q.Value / b.Q.Value, dimension), billion), node);
                    }

                case BinaryOp.Power:
                    return Power(node, a, b);
                default:
                    return null;
            }
        }

        private void NoteByteReading(BinaryNode node)
        {
            if (node.Op == BinaryOp.Juxtapose && node.Left is NumberNode number && node.Right is UnitNode unit &&
                unit.Text is "B" or "byte" or "bytes")
            {
                var note = $"{number.Token.Text} {unit.Text} → {number.Token.Text} bytes";
                if (unit.Text == "B" && !_interpretations.Contains(note))
                {
                    _interpretations.Add(note);
                }
            }

            if (node.Op == BinaryOp.Juxtapose && node.Left is NumberNode scaled && node.Right is UnitNode scale &&
                scale.Unit.Kind == UnitKind.Scale && scale.Text.Length == 1)
            {
                _interpretations.Add($"{scaled.Token.Text} {scale.Text} → {scaled.Token.Text} {scale.Unit.Symbol}");
            }
        }

        private Value? Power(BinaryNode node, Value a, Value b)
        {
            var exponentSpan = Span(node.Right.Start, node.Right.End);
            if (!b.Q.Dimension.IsDimensionless)
            {
                _diagnostics.Add(EstimationDiagnostics.BadExponent(exponentSpan,
                    $"an exponent must be a plain number, not {b.Q.Dimension.Describe()}", "remove the unit from the exponent"));
                return null;
            }

            var exponent = b.Q.Value;
            if (a.Q.Dimension.IsDimensionless)
            {
                var result = Math.Pow(a.Q.Value, exponent);
                if (double.IsNaN(result))
                {
                    _diagnostics.Add(EstimationDiagnostics.BadExponent(exponentSpan,
                        "a negative number raised to a fractional power has no real value",
                        "use a whole-number exponent or a positive base"));
                    return null;
                }

                return Finite(new Value(Quantity.Count(result), a.Billion ?? b.Billion), node);
            }

            var rounded = Math.Round(exponent);
            if (Math.Abs(exponent - rounded) > 1e-9)
            {
                _diagnostics.Add(EstimationDiagnostics.BadExponent(exponentSpan,
                    $"{a.Q.Dimension.Describe()} can only be raised to a whole-number power",
                    "use an integer exponent such as 2, or take the power of a plain number"));
                return null;
            }

            var d = a.Q.Dimension;
            var maxExponent = Math.Max(Math.Abs(d.InformationExponent), Math.Max(Math.Abs(d.TimeExponent), Math.Abs(d.MoneyExponent)));
            if (Math.Abs(rounded) * maxExponent > Dimension.MaxExponent)
            {
                return ExponentTooLarge(node);
            }

            var power = (int)rounded;
            return Finite(new Value(new Quantity(Math.Pow(a.Q.Value, power), d.Pow(power)), a.Billion), node);
        }

        private Value? EvalCall(CallNode call)
        {
            var function = call.Function;
            var count = call.Arguments.Count;
            if (count < function.MinArguments || count > function.MaxArguments)
            {
                _diagnostics.Add(EstimationDiagnostics.ArgumentCount(Span(call.Start, call.End), function, count));
                return null;
            }

            var values = new List<Value>(count);
            foreach (var argument in call.Arguments)
            {
                if (Eval(argument) is not { } value)
                {
                    return null;
                }

                values.Add(value);
            }

            var billion = values.Select(v => v.Billion).FirstOrDefault(b => b is not null);
            switch (function.Name)
            {
                case "series":
                    {
                        var availabilities = new List<double>(count);
                        for (var i = 0; i < count; i++)
                        {
                            if (AvailabilityArgument(call, i, values[i]) is not { } a)
                            {
                                return null;
                            }

                            availabilities.Add(a);
                        }

                        return new Value(Quantity.Count(Availability.Series(availabilities)), billion, Percent: true);
                    }

                case "parallel":
                    {
                        if (AvailabilityArgument(call, 0, values[0]) is not { } a ||
                            ReplicaArgument(call, 1, values[1], "replicas") is not { } n)
                        {
                            return null;
                        }

                        return new Value(Quantity.Count(Availability.Parallel(a, n)), billion, Percent: true);
                    }

                case "kofn":
                    {
                        if (AvailabilityArgument(call, 0, values[0]) is not { } a ||
                            ReplicaArgument(call, 1, values[1], "k") is not { } k ||
                            ReplicaArgument(call, 2, values[2], "n") is not { } n)
                        {
                            return null;
                        }

                        if (k > n)
                        {
                            var kNode = call.Arguments[1];
                            _diagnostics.Add(EstimationDiagnostics.ArgumentRange(Span(kNode.Start, kNode.End),
                                string.Create(CultureInfo.InvariantCulture,
                                    $"kofn() needs k at most n, but k = {k} and n = {n}"),
                                "k is how many of the n replicas must be up, as in kofn(99%, 2, 3) for a majority of 3"));
                            return null;
                        }

                        return new Value(Quantity.Count(Availability.KOfN(a, k, n)), billion, Percent: true);
                    }

                default:
                    {
                        if (AvailabilityArgument(call, 0, values[0]) is not { } a)
                        {
                            return null;
                        }

                        var period = values[1].Q;
                        var periodNode = call.Arguments[1];
                        if (period.Dimension != Dimension.Time)
                        {
                            _diagnostics.Add(EstimationDiagnostics.ArgumentDimension(Span(periodNode.Start, periodNode.End),
                                function, "period", "a time", period.Dimension, "a time such as year, month, week, day or 30 days"));
                            return null;
                        }

                        if (!(period.Value >= 0))
                        {
                            _diagnostics.Add(EstimationDiagnostics.ArgumentRange(Span(periodNode.Start, periodNode.End),
                                $"the period given to downtime() is negative ({period.Format(conventions)})",
                                "write a positive time such as year or 30 days"));
                            return null;
                        }

                        return Finite(new Value(Quantity.FromSeconds(Availability.DowntimeSeconds(a, period.Value)), billion),
                            call);
                    }
            }
        }

        /// <summary>Checks that argument <paramref name="index"/> is an availability: dimensionless, in [0, 1].</summary>
        private double? AvailabilityArgument(CallNode call, int index, Value value)
        {
            var node = call.Arguments[index];
            var at = Span(node.Start, node.End);
            if (!value.Q.Dimension.IsDimensionless)
            {
                _diagnostics.Add(EstimationDiagnostics.ArgumentDimension(at, call.Function, "availability",
                    "a plain number or a percentage", value.Q.Dimension, "an availability such as 99.9% or 0.999"));
                return null;
            }

            var a = value.Q.Value;
            if (!(a is >= 0 and <= 1))
            {
                _diagnostics.Add(EstimationDiagnostics.ArgumentRange(at,
                    $"an availability is between 0% and 100%, not {Quantity.FormatPercent(a)}",
                    "write the fraction of time up, as 99.9% or 0.999"));
                return null;
            }

            return a;
        }

        /// <summary>Checks that argument <paramref name="index"/> is a whole count of replicas from 1 to 1,000.</summary>
        private int? ReplicaArgument(CallNode call, int index, Value value, string role)
        {
            var node = call.Arguments[index];
            var at = Span(node.Start, node.End);
            if (!value.Q.Dimension.IsDimensionless)
            {
                _diagnostics.Add(EstimationDiagnostics.ArgumentDimension(at, call.Function, role,
                    "a whole number of replicas", value.Q.Dimension, "a plain count such as 3"));
                return null;
            }

            var n = value.Q.Value;
            if (!(n is >= 1 and <= Availability.MaxReplicas) || n != Math.Floor(n))
            {
                _diagnostics.Add(EstimationDiagnostics.ArgumentRange(at,
                    string.Create(CultureInfo.InvariantCulture,
                        $"{role} must be a whole number from 1 to {Availability.MaxReplicas:N0}, not {Quantity.FormatNumber(n)}"),
                    $"count replicas in whole numbers, as in {call.Function.Example}"));
                return null;
            }

            return (int)n;
        }

        private Value? ExponentTooLarge(Node node)
        {
            _diagnostics.Add(EstimationDiagnostics.BadExponent(Span(node.Start, node.End),
                string.Create(CultureInfo.InvariantCulture,
                    $"the unit's exponents grow beyond ±{Dimension.MaxExponent}"),
                "no estimate needs such a unit; check for a misplaced '^' or a repeated unit"));
            return null;
        }

        private Value? Finite(Value value, Node node)
        {
            if (double.IsFinite(value.Q.Value))
            {
                return value;
            }

            _diagnostics.Add(EstimationDiagnostics.NotFinite(Span(node.Start, node.End)));
            return null;
        }
    }

    /// <summary>The hint for a dimension mismatch that looks like the byte/billion confusion, or null.</summary>
    internal static string? BillionHint(Dimension a, Dimension b, string? billion)
    {
        if (billion is null)
        {
            return null;
        }

        var ratio = a.Divide(b);
        if (ratio != Dimension.Information && ratio != new Dimension(-1, 0, 0))
        {
            return null;
        }

        var digits = billion[..^1];
        return $"'{billion}' was read as {digits} billion; did you mean {digits} bytes? write \"{digits} B\"";
    }
}
