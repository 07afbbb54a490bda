using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.Architecture;

public static partial class ArchitectureParser
{
    /// <summary>Arrows, longest first: the text and the kind of edge.</summary>
    private static readonly (string Text, EdgeKind Kind)[] Arrows =
    [
        ("-.->", EdgeKind.Async), ("-->", EdgeKind.Sync), ("->", EdgeKind.Sync), ("=>", EdgeKind.Async),
        ("~>", EdgeKind.Async), ("→", EdgeKind.Sync), ("⇒", EdgeKind.Async),
    ];

    private static FlowDecl? ReadFlow(string text, int start, int end, int line, List<Diagnostic> diagnostics)
    {
        var nameStart = LineText.SkipSpace(text, start + 4, end);
        var nameEnd = LineText.ReadName(text, nameStart, end, allowHyphen: true);
        var firstArrow = FindArrow(text, nameStart, end, out _, out _);
        var colon = text.IndexOf(':', nameStart, end - nameStart);
        if (nameEnd == nameStart)
        {
            if (firstArrow >= 0 || (colon >= 0 && colon == LineText.SkipSpace(text, nameStart, end)))
            {
                diagnostics.Add(new Diagnostic(Severity.Error, DocDiagnosticCodes.FlowHeaderInvalid, LineText.Span(line, start, start + 4), "A flow needs a name after 'flow'.", $"Write '{FlowForm}'."));
            }

            return null;
        }

        var afterName = LineText.SkipSpace(text, nameEnd, end);
        var headerWord = LineText.ReadName(text, afterName, end, allowHyphen: false);
        var word = LineText.Slice(text, afterName, headerWord).ToLowerInvariant();
        var isFlow = (afterName < end && text[afterName] == ':') || word is "at" or "after" or "async" or "sync" || firstArrow >= 0;
        if (!isFlow)
        {
            return null;
        }

        var name = text[nameStart..nameEnd];
        var nameSpan = LineText.Span(line, nameStart, nameEnd);
        if (colon < 0 || (firstArrow >= 0 && colon > firstArrow))
        {
            if (firstArrow >= 0)
            {
                var stepStart = StepBefore(text, nameEnd, firstArrow);
                diagnostics.Add(new Diagnostic(Severity.Error, DocDiagnosticCodes.FlowMissingColon, LineText.Span(line, stepStart, LineText.Trim(text, stepStart, firstArrow).End), $"Flow '{name}' has no ':' between its header and its path.", $"Put a colon before the first step: '{FlowForm}'."));
            }
            else
            {
                diagnostics.Add(new Diagnostic(Severity.Error, DocDiagnosticCodes.FlowMissingPath, LineText.Span(line, end, end + 1), $"Flow '{name}' has no path.", $"End the line with ': ' and the steps, such as '{FlowForm}'."));
            }

            return null;
        }

        var header = ReadHeader(text, nameEnd, colon, line, name, diagnostics);
        var (pathStart, pathEnd) = LineText.Trim(text, colon + 1, end);
        if (pathStart >= pathEnd)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, DocDiagnosticCodes.FlowMissingPath, LineText.Span(line, colon, colon + 1), $"Flow '{name}' has no path after ':'.", $"List the steps after the colon: '{FlowForm}'."));
            return null;
        }

        var steps = ReadPath(text, pathStart, pathEnd, line, diagnostics);
        if (steps is null)
        {
            return null;
        }

        if (header.Rate is null && header.After is null && !header.Invalid)
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, DocDiagnosticCodes.FlowWithoutRate, nameSpan, $"Flow '{name}' has no rate, so its load is unknown.", $"Write 'flow {name} at RATE: ...' (a number such as 1.2K/s or an estimate name) or 'flow {name} after OTHER_FLOW: ...'."));
        }

        return new FlowDecl(
            name,
            nameSpan,
            header.Rate,
            header.RateSpan,
            header.After,
            header.AfterSpan,
            header.Factor,
            header.Operation,
            header.Settings,
            steps,
            LineText.Span(line, start, end),
            header.IsAsync || header.After is not null,
            header.FactorSpan);
    }

    private static FlowHeader ReadHeader(string text, int start, int end, int line, string name, List<Diagnostic> diagnostics)
    {
        var header = new FlowHeader();
        var parts = LineText.SplitList(text, start, end);
        var (s, e) = parts[0];
        var i = s;
        while (i < e)
        {
            var wordEnd = LineText.ReadName(text, i, e, allowHyphen: false);
            var word = LineText.Slice(text, i, wordEnd).ToLowerInvariant();
            if (word is "async" or "sync")
            {
                header.IsAsync |= word == "async";
                i = LineText.SkipSpace(text, wordEnd, e);
                continue;
            }

            if (word == "at")
            {
                var (rs, re) = LineText.Trim(text, wordEnd, e);
                if (rs < re)
                {
                    header.Rate = text[rs..re];
                    header.RateSpan = LineText.Span(line, rs, re);
                }
                else
                {
                    header.Invalid = true;
                    diagnostics.Add(new Diagnostic(Severity.Error, DocDiagnosticCodes.FlowMissingRate, LineText.Span(line, i, wordEnd), $"Flow '{name}' has 'at' but no rate after it.", $"Write 'flow {name} at RATE: ...', such as 'at 1.2K/s' or 'at read_rate * 3'."));
                }

                return ReadOptions(header, text, parts, line);
            }

            if (word == "after")
            {
                var fs = LineText.SkipSpace(text, wordEnd, e);
                var fe = LineText.ReadName(text, fs, e, allowHyphen: true);
                if (fe == fs)
                {
                    header.Invalid = true;
                    diagnostics.Add(new Diagnostic(Severity.Error, DocDiagnosticCodes.FlowMissingRate, LineText.Span(line, i, wordEnd), $"Flow '{name}' has 'after' but no flow name after it.", $"Write 'flow {name} after OTHER_FLOW: ...', naming the flow that triggers this one."));
                    return ReadOptions(header, text, parts, line);
                }

                header.After = text[fs..fe];
                header.AfterSpan = LineText.Span(line, fs, fe);
                var x = LineText.SkipSpace(text, fe, e);
                if (x < e && text[x] is 'x' or 'X' or '×' or '*')
                {
                    var (ks, ke) = LineText.Trim(text, x + 1, e);
                    if (ks < ke)
                    {
                        header.Factor = text[ks..ke];
                        header.FactorSpan = LineText.Span(line, ks, ke);
                        x = e;
                    }
                }

                if (x < e)
                {
                    header.Invalid = true;
                    diagnostics.Add(new Diagnostic(Severity.Error, DocDiagnosticCodes.FlowHeaderInvalid, LineText.Span(line, x, e), $"Unexpected '{text[x..e]}' after 'after {header.After}'.", $"Write 'flow {name} after {header.After}: ...' or 'flow {name} after {header.After} x FACTOR: ...'."));
                }

                return ReadOptions(header, text, parts, line);
            }

            header.Invalid = true;
            diagnostics.Add(new Diagnostic(Severity.Error, DocDiagnosticCodes.FlowHeaderInvalid, LineText.Span(line, i, e), $"Unexpected '{text[i..e]}' in the header of flow '{name}'.", $"Write 'flow {name} at RATE: ...' or 'flow {name} after OTHER_FLOW: ...'."));
            return ReadOptions(header, text, parts, line);
        }

        return ReadOptions(header, text, parts, line);
    }

    private static FlowHeader ReadOptions(FlowHeader header, string text, List<(int Start, int End)> parts, int line)
    {
        foreach (var (s, e) in parts.Skip(1))
        {
            if (s >= e)
            {
                continue;
            }

            switch (text[s..e].ToLowerInvariant())
            {
                case "read" or "reads":
                    header.Operation = FlowOperation.Read;
                    break;
                case "write" or "writes":
                    header.Operation = FlowOperation.Write;
                    break;
                case "async":
                    header.IsAsync = true;
                    break;
                default:
                    header.Settings.AddRange(SettingReader.Read(text, s, e, line));
                    break;
            }
        }

        return header;
    }

    private static List<FlowStep>? ReadPath(string text, int start, int end, int line, List<Diagnostic> diagnostics)
    {
        var steps = new List<FlowStep>();
        var valid = true;
        var segmentStart = start;
        var edge = EdgeKind.None;
        var previousArrow = (Start: -1, End: -1);
        while (true)
        {
            var arrow = FindArrow(text, segmentStart, end, out var arrowLength, out var arrowKind);
            var segmentEnd = arrow >= 0 ? arrow : end;
            var (s, e) = LineText.Trim(text, segmentStart, segmentEnd);
            if (s >= e)
            {
                valid = false;
                var (spanStart, spanEnd, message) = arrow < 0
                    ? (previousArrow.Start, previousArrow.End, "The path ends with an arrow that leads nowhere.")
                    : previousArrow.Start < 0
                        ? (arrow, arrow + arrowLength, "The path starts with an arrow; the first step is missing.")
                        : (previousArrow.Start, arrow + arrowLength, "Two arrows with no step between them.");
                diagnostics.Add(new Diagnostic(Severity.Error, DocDiagnosticCodes.FlowEmptyStep, LineText.Span(line, spanStart, spanEnd), message, "Every arrow joins two steps: 'a -> b -> c'."));
            }
            else
            {
                // Siblings: 'api -> cache + db' means api calls cache, then db. They share the caller, which is the
                // last step of the previous segment; the next segment continues from the last sibling.
                var caller = steps.Count - 1;
                foreach (var (ps, pe) in SplitSiblings(text, s, e))
                {
                    if (ps >= pe)
                    {
                        valid = false;
                        diagnostics.Add(new Diagnostic(Severity.Error, DocDiagnosticCodes.FlowEmptyStep, LineText.Span(line, s, e), "A '+' with no step on one side.", "Join sibling calls with '+': 'api -> cache + db'."));
                        continue;
                    }

                    if (ReadStep(text, ps, pe, line, edge, diagnostics) is not { } step)
                    {
                        valid = false;
                        continue;
                    }

                    if (step.OnMiss && steps.Count == 0)
                    {
                        valid = false;
                        diagnostics.Add(new Diagnostic(Severity.Error, DocDiagnosticCodes.FlowOnMissFirst, step.Span, "'on miss' on the first step: there is no cache before it to miss.", "Put 'on miss' on the store after the cache: 'api -> cache -> db on miss'."));
                    }

                    steps.Add(step with { Caller = caller });
                }
            }

            if (arrow < 0)
            {
                break;
            }

            previousArrow = (arrow, arrow + arrowLength);
            edge = arrowKind;
            segmentStart = arrow + arrowLength;
        }

        return valid ? steps : null;
    }

    private static FlowStep? ReadStep(string text, int start, int end, int line, EdgeKind edge, List<Diagnostic> diagnostics)
    {
        var nameEnd = LineText.ReadName(text, start, end, allowHyphen: true);
        if (nameEnd == start)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, DocDiagnosticCodes.FlowStepInvalid, LineText.Span(line, start, end), $"'{text[start..end]}' is not a component name.", "A step is a name (letters, digits, '_', '-'), optionally followed by 'x FACTOR' or 'on miss'."));
            return null;
        }

        var onMiss = false;
        string? fanOut = null;
        SourceSpan fanOutSpan = default;
        var i = LineText.SkipSpace(text, nameEnd, end);
        while (i < end)
        {
            var paren = text[i] == '(';
            var j = paren ? LineText.SkipSpace(text, i + 1, end) : i;
            if (LineText.WordAt(text, j, end, "on") && LineText.WordAt(text, LineText.SkipSpace(text, j + 2, end), end, "miss"))
            {
                onMiss = true;
                j = LineText.SkipSpace(text, j + 2, end) + 4;
                j = LineText.SkipSpace(text, j, end);
                if (paren && j < end && text[j] == ')')
                {
                    j++;
                }

                i = LineText.SkipSpace(text, j, end);
                continue;
            }

            if (fanOut is null && (text[i] is '×' or '*' || (text[i] is 'x' or 'X' && (i + 1 >= end || char.IsAsciiDigit(text[i + 1]) || text[i + 1] is ' ' or '\t'))))
            {
                var factorStart = LineText.SkipSpace(text, i + 1, end);
                var factorEnd = end;
                var miss = IndexOfOnMiss(text, factorStart, end);
                if (miss >= 0)
                {
                    factorEnd = miss;
                }

                (factorStart, factorEnd) = LineText.Trim(text, factorStart, factorEnd);
                if (factorStart < factorEnd)
                {
                    fanOut = text[factorStart..factorEnd];
                    fanOutSpan = LineText.Span(line, factorStart, factorEnd);
                    i = LineText.SkipSpace(text, factorEnd, end);
                    continue;
                }
            }

            diagnostics.Add(new Diagnostic(Severity.Error, DocDiagnosticCodes.FlowStepInvalid, LineText.Span(line, i, end), $"Unexpected '{text[i..end]}' after step '{text[start..nameEnd]}'.", "A step is 'name', 'name x FACTOR' (fan-out) or 'name on miss'; separate steps with '->' or '=>'."));
            return null;
        }

        return new FlowStep(text[start..nameEnd], LineText.Span(line, start, nameEnd), edge, onMiss, fanOut, fanOutSpan);
    }

    /// <summary>Splits a path segment at '+' into trimmed sibling steps (an empty part comes back as an empty range).</summary>
    private static List<(int Start, int End)> SplitSiblings(string text, int start, int end)
    {
        var parts = new List<(int Start, int End)>();
        var partStart = start;
        for (var i = start; i <= end; i++)
        {
            if (i == end || text[i] == '+')
            {
                parts.Add(LineText.Trim(text, partStart, i));
                partStart = i + 1;
            }
        }

        return parts;
    }

    private static int IndexOfOnMiss(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var j = text[i] == '(' ? LineText.SkipSpace(text, i + 1, end) : i;
            if ((i == start || text[i - 1] is ' ' or '\t') && LineText.WordAt(text, j, end, "on") && LineText.WordAt(text, LineText.SkipSpace(text, j + 2, end), end, "miss"))
            {
                return i;
            }
        }

        return -1;
    }

    private static int FindArrow(string text, int start, int end, out int length, out EdgeKind kind)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is not ('-' or '=' or '~' or '→' or '⇒'))
            {
                continue;
            }

            foreach (var (arrow, edge) in Arrows)
            {
                if (i + arrow.Length <= end && string.CompareOrdinal(text, i, arrow, 0, arrow.Length) == 0)
                {
                    length = arrow.Length;
                    kind = edge;
                    return i;
                }
            }
        }

        length = 0;
        kind = EdgeKind.None;
        return -1;
    }

    /// <summary>Start of the step written just before the first arrow (for the missing-colon span).</summary>
    private static int StepBefore(string text, int min, int arrow)
    {
        var i = arrow;
        while (i > min && char.IsWhiteSpace(text[i - 1]))
        {
            i--;
        }

        while (i > min && (LineText.IsIdentPart(text[i - 1]) || text[i - 1] == '-'))
        {
            i--;
        }

        return i;
    }

    private sealed class FlowHeader
    {
        public string? Rate { get; set; }

        public SourceSpan RateSpan { get; set; }

        public string? After { get; set; }

        public SourceSpan AfterSpan { get; set; }

        public string? Factor { get; set; }

        public SourceSpan FactorSpan { get; set; }

        public bool IsAsync { get; set; }

        public bool Invalid { get; set; }

        public FlowOperation Operation { get; set; }

        public List<ComponentSetting> Settings { get; } = [];
    }
}
