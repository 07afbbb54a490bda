using System.Globalization;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.Simulation.Faults;

/// <summary>
/// Reads a fault written in the scenario grammar, as given to <c>drill simulate --fault</c>:
/// <code>
/// KIND [TARGET] [VALUE] [KEY VALUE]... at TIME [for DURATION]
///
/// cache-flush at 60s for 30s
/// slow-node api factor 5 at 1m for 30s
/// kill-replicas db count 1 at 90s          (no "for": until the end of the run)
/// traffic-spike factor 3 at 30s for 20s
/// edge-latency api->db 50ms at 10s for 10s (a bare value is the kind's main parameter)
/// </code>
/// </summary>
/// <remarks>
/// <para>
/// Words are separated by spaces. KIND is a name from <see cref="FaultCatalog"/> (case-insensitive; <c>_</c> may stand
/// for <c>-</c>). TARGET is a component or zone name (a letter or <c>_</c>, then letters, digits, <c>_</c> and inner
/// <c>-</c>), an edge <c>from-&gt;to</c>, or a list <c>a,b,c</c>, as the kind requires; spaces around <c>-&gt;</c> and
/// <c>,</c> are allowed. Kinds with a default target (<c>cache-flush</c>: every cache) may leave it out. Then come the
/// kind's parameters as <c>key value</c> pairs, and <c>at TIME</c> and optionally <c>for DURATION</c>, in any order;
/// the kind's main parameter may be written as a bare value. Times and durations are <see cref="DurationText"/>
/// (<c>30s</c>, <c>1m30s</c>; <c>30 s</c> is accepted too), factors are numbers with an optional <c>x</c>
/// (<c>5</c>, <c>2.5x</c>), fractions are decimals or percentages (<c>0.05</c>, <c>5%</c>).
/// </para>
/// <para>
/// The parser never throws: every problem is a diagnostic (SIM001…SIM014, <see cref="SimulationDiagnostics"/>) with a
/// span on the given line and columns, and the parser keeps reading after one so a single run reports them all. It
/// does not know the design: whether the target exists is checked by the simulation.
/// </para>
/// </remarks>
public static class FaultParser
{
    /// <summary>The longest text read: 1,000 characters (rule of thumb: a fault is one short line).</summary>
    public const int MaxLength = 1_000;

    /// <summary>Reads a fault from a text on its own (line 1, column 1); never throws.</summary>
    /// <param name="text">The fault, such as <c>cache-flush at 60s for 30s</c>; null is treated as empty.</param>
    /// <returns>The fault, or the diagnostics.</returns>
    public static FaultParseResult Parse(string? text) => Parse(text, 1, 1);

    /// <summary>Reads a fault that sits inside a larger document; never throws.</summary>
    /// <param name="text">The fault text; null is treated as empty.</param>
    /// <param name="line">The 1-based line it is on, for spans.</param>
    /// <param name="column">The 1-based column of its first character, for spans.</param>
    /// <returns>The fault, or the diagnostics.</returns>
    public static FaultParseResult Parse(string? text, int line, int column) =>
        new Reader(text ?? "", line, column).Read();

    private readonly record struct Token(int Start, int End, string Text);

    private sealed class Reader(string text, int line, int column)
    {
        private readonly List<Diagnostic> _diagnostics = [];
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private List<Token> _tokens = [];

        public FaultParseResult Read()
        {
            if (text.Length > MaxLength)
            {
                Fail(SimulationDiagnostics.TooLong(new SourceSpan(line, column + MaxLength, column + text.Length), text.Length, MaxLength));
                return Result(null);
            }

            _tokens = Tokenize(text);
            if (_tokens.Count == 0)
            {
                Fail(SimulationDiagnostics.Empty(new SourceSpan(line, column, column + Math.Max(1, text.Length)), "fault", "cache-flush at 60s for 30s"));
                return Result(null);
            }

            var kindToken = _tokens[0];
            if (!FaultCatalog.TryFind(kindToken.Text, out var kind))
            {
                var closest = EditDistance.Closest(kindToken.Text.Replace('_', '-'), FaultCatalog.Names);
                Fail(SimulationDiagnostics.UnknownKind(SpanOf(kindToken), kindToken.Text, closest));
                return Result(null);
            }

            var arguments = new FaultArguments(kind, new SourceSpan(line, column + kindToken.Start, column + _tokens[^1].End));
            var i = 1;
            if (kind.Target != FaultTargetKind.None)
            {
                if (i < _tokens.Count && IsTargetWord(kind, _tokens[i]))
                {
                    ReadTarget(kind, _tokens[i], arguments);
                    i++;
                }
                else if (kind.DefaultTarget is null)
                {
                    var span = i < _tokens.Count ? SpanOf(_tokens[i]) : EndSpan();
                    Fail(SimulationDiagnostics.MissingTarget(span, kind));
                }
            }

            while (i < _tokens.Count)
            {
                i = ReadClause(kind, i, arguments);
            }

            if (!_seen.Contains("at"))
            {
                Fail(SimulationDiagnostics.MissingAt(EndSpan(), kind));
            }

            // A misspelt key is reported once, as SIM005, not again as the parameter it was meant to be.
            var misspelt = _diagnostics.Any(d => d.Code == SimulationDiagnostics.UnknownKeyCode);
            foreach (var parameter in kind.Parameters)
            {
                if (parameter.Required && !_seen.Contains(parameter.Name) && !misspelt)
                {
                    Fail(SimulationDiagnostics.MissingParameter(SpanOf(kindToken), kind, parameter));
                }
            }

            CheckRampWithinDuration(kind, arguments);
            return Result(_diagnostics.Count == 0 ? FaultCatalog.Build(arguments) : null);
        }

        /// <summary>Reads one clause starting at token <paramref name="i"/>; returns the index after it.</summary>
        private int ReadClause(FaultKindInfo kind, int i, FaultArguments arguments)
        {
            var token = _tokens[i];
            if (IsKeyword(token))
            {
                var key = token.Text.ToLowerInvariant();
                if (!_seen.Add(key))
                {
                    Fail(SimulationDiagnostics.Repeated(SpanOf(token), key));
                }

                if (i + 1 >= _tokens.Count || IsKeyword(_tokens[i + 1]) || kind.Find(_tokens[i + 1].Text) is not null)
                {
                    Fail(SimulationDiagnostics.MissingValue(SpanOf(token), key, key == "at" ? "30s" : "20s"));
                    return i + 1;
                }

                var next = JoinDuration(i + 1, out var start, out var end);
                if (DurationText.TryParse(text, start, end, line, column, out var valueNs, out var diagnostic))
                {
                    if (key == "at")
                    {
                        arguments.StartNs = valueNs;
                    }
                    else
                    {
                        arguments.DurationNs = valueNs;
                    }
                }
                else
                {
                    Fail(diagnostic!);
                }

                return next;
            }

            var parameter = kind.Find(token.Text);
            if (parameter is not null)
            {
                if (!_seen.Add(parameter.Name))
                {
                    Fail(SimulationDiagnostics.Repeated(SpanOf(token), parameter.Name));
                }

                if (i + 1 >= _tokens.Count || IsKeyword(_tokens[i + 1]) || kind.Find(_tokens[i + 1].Text) is not null)
                {
                    Fail(SimulationDiagnostics.MissingValue(SpanOf(token), parameter.Name, parameter.Example));
                    return i + 1;
                }

                return ReadValue(parameter, i + 1, arguments);
            }

            if (LooksLikeValue(token))
            {
                if (kind.Primary is { } primary && _seen.Add(primary))
                {
                    return ReadValue(kind.Find(primary)!, i, arguments);
                }

                Fail(SimulationDiagnostics.UnexpectedText(SpanOf(token), kind, token.Text));
                return i + 1;
            }

            var candidates = kind.Parameters.Select(p => p.Name).Append("at").Append("for");
            Fail(SimulationDiagnostics.UnknownKey(SpanOf(token), kind, token.Text, EditDistance.Closest(token.Text, candidates)));

            // Skip the unknown key's value too, so one slip gives one diagnostic.
            return i + 1 < _tokens.Count && LooksLikeValue(_tokens[i + 1]) ? i + 2 : i + 1;
        }

        /// <summary>Reads the value of <paramref name="parameter"/> at token <paramref name="i"/>; returns the index after it.</summary>
        private int ReadValue(FaultParameterInfo parameter, int i, FaultArguments arguments)
        {
            if (parameter.Type == FaultValueType.Duration)
            {
                var next = JoinDuration(i, out var start, out var end);
                var span = new SourceSpan(line, column + start, column + end);
                if (!DurationText.TryParse(text, start, end, line, column, out var valueNs, out var diagnostic))
                {
                    Fail(diagnostic!);
                }
                else if (!parameter.Allows(valueNs))
                {
                    Fail(SimulationDiagnostics.OutOfRange(span, $"`{parameter.Name}`", text[start..end], parameter.RangeText));
                }
                else
                {
                    arguments.SetDuration(parameter.Name, valueNs);
                }

                return next;
            }

            var token = _tokens[i];
            if (TryReadNumber(parameter, token, out var value) && CheckRange(parameter, token, value))
            {
                arguments.SetNumber(parameter.Name, value);
            }

            return i + 1;
        }

        private bool TryReadNumber(FaultParameterInfo parameter, Token token, out double value)
        {
            var word = token.Text;
            var body = parameter.Type switch
            {
                FaultValueType.Factor => word.Length > 1 && word[^1] is 'x' or 'X' or '×' ? word[..^1] : word,
                FaultValueType.Fraction => word.EndsWith('%') ? word[..^1] : word,
                _ => word,
            };

            var isWhole = parameter.Type is FaultValueType.Count or FaultValueType.Index;
            if (!TryParseDecimal(body, out value) || (isWhole && body.Contains('.')))
            {
                var (expected, example) = parameter.Type switch
                {
                    FaultValueType.Count => ("a whole number", $"a count such as `{parameter.Name} {parameter.Example}`"),
                    FaultValueType.Index => ("a whole number", $"a 0-based index such as `{parameter.Name} {parameter.Example}`"),
                    FaultValueType.Factor => ("a factor", $"a number such as `{parameter.Name} {parameter.Example}` or `{parameter.Name} 2.5x`"),
                    _ => ("a fraction", $"a decimal or a percentage such as `{parameter.Name} 0.05` or `{parameter.Name} 5%`"),
                };
                Fail(SimulationDiagnostics.BadNumber(SpanOf(token), word, expected, example));
                return false;
            }

            if (parameter.Type == FaultValueType.Fraction && word.EndsWith('%'))
            {
                value /= 100;
            }

            return true;
        }

        private bool CheckRange(FaultParameterInfo parameter, Token token, double value)
        {
            if (parameter.Allows(value))
            {
                return true;
            }

            var hint = parameter.Type == FaultValueType.Fraction && !token.Text.EndsWith('%') && value > 1 && value <= 100
                ? $"for {FaultFormat.Number(value)} percent write `{parameter.Name} {token.Text}%` or `{parameter.Name} {FaultFormat.Number(value / 100)}`"
                : null;
            Fail(SimulationDiagnostics.OutOfRange(SpanOf(token), $"`{parameter.Name}`", token.Text, parameter.RangeText, hint));
            return false;
        }

        private void ReadTarget(FaultKindInfo kind, Token token, FaultArguments arguments)
        {
            var word = token.Text.Replace("→", "->", StringComparison.Ordinal);
            var isEdge = word.Contains("->", StringComparison.Ordinal);
            var isList = word.Contains(',');
            string? problem;
            switch (kind.Target)
            {
                case FaultTargetKind.Edge:
                case FaultTargetKind.ComponentOrEdge when isEdge:
                    problem = ReadEdge(word, kind.Target == FaultTargetKind.Edge, out var edge);
                    arguments.Edge = edge;
                    break;
                case FaultTargetKind.ComponentSet:
                    problem = ReadList(word, out var names);
                    arguments.Components = names;
                    break;
                default:
                    problem = isEdge ? $"`{kind.Name}` takes one {(kind.Target == FaultTargetKind.Zone ? "zone" : "component")}, not an edge"
                        : isList ? $"`{kind.Name}` takes one {(kind.Target == FaultTargetKind.Zone ? "zone" : "component")}, not a list"
                        : NameProblem(word);
                    arguments.Component = word;
                    break;
            }

            if (problem is not null)
            {
                Fail(SimulationDiagnostics.BadTarget(SpanOf(token), kind, token.Text, problem));
            }
        }

        private static string? ReadEdge(string word, bool edgeOnly, out EdgeRef? edge)
        {
            edge = null;
            var parts = word.Split("->");
            if (parts.Length != 2)
            {
                return edgeOnly && parts.Length == 1 ? "an edge is written `from->to`" : "an edge joins exactly two components";
            }

            var problem = NameProblem(parts[0]) ?? NameProblem(parts[1]);
            if (problem is null && string.Equals(parts[0], parts[1], StringComparison.Ordinal))
            {
                problem = "an edge joins two different components";
            }

            if (problem is null)
            {
                edge = new EdgeRef(parts[0], parts[1]);
            }

            return problem;
        }

        private static string? ReadList(string word, out IReadOnlyList<string> names)
        {
            var parts = word.Split(',');
            names = parts;
            foreach (var part in parts)
            {
                if (NameProblem(part) is { } problem)
                {
                    return part.Length == 0 ? "the list has an empty entry (a stray comma)" : problem;
                }
            }

            var repeated = parts.GroupBy(p => p, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            return repeated is null ? null : $"'{repeated.Key}' is listed twice";
        }

        private static string? NameProblem(string word)
        {
            var end = LineText.ReadName(word, 0, word.Length, allowHyphen: true);
            return word.Length > 0 && end == word.Length
                ? null
                : $"a name starts with a letter or '_' and holds letters, digits, '_' and inner '-'";
        }

        private void CheckRampWithinDuration(FaultKindInfo kind, FaultArguments arguments)
        {
            if (kind.Kind != FaultKind.TrafficSpike || arguments.DurationNs is not { } durationNs || !arguments.Has("ramp"))
            {
                return;
            }

            var rampNs = arguments.Long("ramp");
            if (rampNs > durationNs)
            {
                var token = _tokens.First(t => string.Equals(t.Text, "ramp", StringComparison.OrdinalIgnoreCase));
                Fail(SimulationDiagnostics.OutOfRange(SpanOf(token), "`ramp`", DurationText.Format(rampNs),
                    $"at most the spike's duration ({DurationText.Format(durationNs)})"));
            }
        }

        /// <summary>
        /// The extent of a duration value at token <paramref name="i"/>: the token, or the token and the next when they
        /// read <c>30 s</c>. Returns the index after it.
        /// </summary>
        private int JoinDuration(int i, out int start, out int end)
        {
            var token = _tokens[i];
            start = token.Start;
            end = token.End;
            if (i + 1 < _tokens.Count && TryParseDecimal(token.Text, out _) && DurationText.IsUnit(_tokens[i + 1].Text))
            {
                // "30 s": the number and the unit are read together, without the spaces between them.
                end = _tokens[i + 1].End;
                return i + 2;
            }

            return i + 1;
        }

        private bool IsTargetWord(FaultKindInfo kind, Token token) =>
            !IsKeyword(token) && kind.Find(token.Text) is null && !LooksLikeValue(token);

        private static bool IsKeyword(Token token) =>
            string.Equals(token.Text, "at", StringComparison.OrdinalIgnoreCase) ||
            string.Equals(token.Text, "for", StringComparison.OrdinalIgnoreCase);

        private static bool LooksLikeValue(Token token) => token.Text[0] is (>= '0' and <= '9') or '.' or '-' or '+';

        private SourceSpan SpanOf(Token token) => new(line, column + token.Start, column + token.End);

        private SourceSpan EndSpan()
        {
            var end = _tokens.Count > 0 ? _tokens[^1].End : 0;
            return new SourceSpan(line, column + end, column + end);
        }

        private void Fail(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

        private FaultParseResult Result(FaultSpec? fault) => new(fault, _diagnostics.ToArray());
    }

    /// <summary>Parses <c>[+-]digits[.digits]</c> (no exponent, no NaN or infinity) in the invariant culture.</summary>
    internal static bool TryParseDecimal(string text, out double value)
    {
        value = 0;
        var i = text.Length > 0 && text[0] is '+' or '-' ? 1 : 0;
        var digits = 0;
        var dots = 0;
        for (var j = i; j < text.Length; j++)
        {
            if (char.IsAsciiDigit(text[j]))
            {
                digits++;
            }
            else if (text[j] == '.' && dots == 0)
            {
                dots++;
            }
            else
            {
                return false;
            }
        }

        return digits > 0 &&
            double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) &&
            double.IsFinite(value);
    }

    /// <summary>Splits on white space, then joins words around <c>,</c> and <c>-&gt;</c> (<c>a, b</c>, <c>api -&gt; db</c>).</summary>
    private static List<Token> Tokenize(string text)
    {
        var raw = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                raw.Add(new Token(start, i, text[start..i]));
            }
        }

        var tokens = new List<Token>(raw.Count);
        foreach (var token in raw)
        {
            if (tokens.Count > 0 && (EndsWithJoiner(tokens[^1].Text) || StartsWithJoiner(token.Text)))
            {
                var previous = tokens[^1];
                tokens[^1] = new Token(previous.Start, token.End, previous.Text + token.Text);
            }
            else
            {
                tokens.Add(token);
            }
        }

        return tokens;
    }

    private static bool EndsWithJoiner(string word) =>
        word.EndsWith(',') || word.EndsWith("->", StringComparison.Ordinal) || word.EndsWith('→');

    private static bool StartsWithJoiner(string word) =>
        word.StartsWith(',') || word.StartsWith("->", StringComparison.Ordinal) || word.StartsWith('→');
}
