using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.DesignDocs;

internal sealed partial class DocumentReader
{
    private const int MaxFrontMatterLength = 65_536;

    private static readonly string[] FrontMatterKeys = ["prompt", "level", "conventions"];

    private (FrontMatter? FrontMatter, int BodyStart) ReadFrontMatter()
    {
        if (_lines.Count == 0 || _lines[0].TrimEnd() != "---")
        {
            return (null, 0);
        }

        var close = -1;
        var length = 0;
        for (var i = 1; i < _lines.Count; i++)
        {
            var trimmed = _lines[i].TrimEnd();
            if (trimmed is "---" or "...")
            {
                close = i;
                break;
            }

            length += _lines[i].Length + 1;
        }

        if (close < 0)
        {
            Add(Severity.Error, DocDiagnosticCodes.FrontMatterNotClosed, new SourceSpan(1, 1, 4), "Front matter starts with '---' on line 1 but is never closed; it is ignored.", "Add a line with '---' after the last 'key: value' line, or remove line 1 if this is not front matter.");
            return (null, 1);
        }

        if (length > MaxFrontMatterLength)
        {
            Add(Severity.Error, DocDiagnosticCodes.FrontMatterTooComplex, new SourceSpan(1, 1, 4), $"Front matter is {length:N0} characters long; at most {MaxFrontMatterLength:N0} are read.", "Keep only prompt, level and conventions in the front matter.");
            return (null, close + 1);
        }

        var yaml = string.Join('\n', _lines.Skip(1).Take(close - 1));
        var tree = YamlTree.Parse(yaml, lineOffset: 1, maxEvents: 5_000, maxDepth: 8);
        if (tree.Error is not null)
        {
            var line = Math.Clamp(tree.ErrorLine, 2, Math.Max(2, close));
            var column = Math.Max(1, tree.ErrorColumn);
            var span = new SourceSpan(line, column, column + 1);
            if (tree.HasAlias || tree.TooLarge)
            {
                Add(Severity.Error, DocDiagnosticCodes.FrontMatterTooComplex, span, $"Front matter is too complex: {tree.Error}; it is ignored.", "Write plain 'key: value' lines; anchors (&) and aliases (*) are not supported.");
            }
            else
            {
                Add(Severity.Error, DocDiagnosticCodes.FrontMatterSyntax, span, $"Front matter is not valid YAML: {tree.Error}; it is ignored.", "Write one 'key: value' per line, indent nested keys with spaces (not tabs), and quote values that contain ': ' or start with a special character.");
            }

            return (null, close + 1);
        }

        string? prompt = null;
        SourceSpan promptSpan = default;
        string? levelText = null;
        DesignLevel? level = null;
        SourceSpan levelSpan = default;
        var conventions = new List<Convention>();
        if (tree.Root is { Kind: YamlNodeKind.Mapping } root)
        {
            foreach (var (key, value) in root.Pairs)
            {
                var keySpan = NodeSpan(key);
                switch (key.Value.ToLowerInvariant())
                {
                    case "prompt" when Scalar(value, "prompt", "prompt: url-shortener"):
                        prompt = value.Value;
                        promptSpan = NodeSpan(value);
                        break;
                    case "level" when Scalar(value, "level", "level: senior"):
                        levelText = value.Value;
                        levelSpan = NodeSpan(value);
                        level = ParseLevel(value.Value);
                        if (level is null)
                        {
                            Add(Severity.Warning, DocDiagnosticCodes.UnknownLevel, levelSpan, $"Unknown level '{value.Value}'; the review will not adjust expectations to a level.", "Use one of: mid, senior, staff.");
                        }

                        break;
                    case "conventions":
                        ReadConventions(value, conventions);
                        break;
                    case "prompt" or "level":
                        break;
                    default:
                        var close2 = FrontMatterKeys.Select(k => (k, d: EditDistance.Compute(key.Value.ToLowerInvariant(), k, 3))).Where(p => p.d <= 3).OrderBy(p => p.d).Select(p => p.k).FirstOrDefault();
                        Add(Severity.Warning, DocDiagnosticCodes.FrontMatterUnknownKey, keySpan, $"Unknown front-matter key '{key.Value}'; it is ignored.", (close2 is null ? "" : $"Did you mean '{close2}'? ") + "Known keys: prompt, level, conventions.");
                        break;
                }
            }
        }
        else if (tree.Root is { } other && !(other.Kind == YamlNodeKind.Scalar && other.Value.Length == 0))
        {
            Add(Severity.Warning, DocDiagnosticCodes.FrontMatterWrongShape, NodeSpan(other), "Front matter must be 'key: value' lines; it is ignored.", "Write for example 'prompt: url-shortener' and 'level: senior'.");
        }

        return (new FrontMatter(prompt, promptSpan, levelText, level, levelSpan, conventions, 1, close + 1), close + 1);
    }

    private void ReadConventions(YamlNode value, List<Convention> conventions)
    {
        if (value.Kind == YamlNodeKind.Scalar && value.Value.Length == 0 && !value.IsQuoted)
        {
            return;
        }

        if (value.Kind != YamlNodeKind.Mapping)
        {
            Add(Severity.Warning, DocDiagnosticCodes.FrontMatterWrongShape, NodeSpan(value), "'conventions' must be a mapping of names to values; it is ignored.", "Indent one 'name: value' per line under 'conventions:', such as '  seconds_per_day: 100K'.");
            return;
        }

        foreach (var (key, item) in value.Pairs)
        {
            if (key.Kind != YamlNodeKind.Scalar || item.Kind != YamlNodeKind.Scalar)
            {
                Add(Severity.Warning, DocDiagnosticCodes.FrontMatterWrongShape, NodeSpan(item.Kind != YamlNodeKind.Scalar ? item : key), $"Convention '{key.Value}' must be a single value; it is ignored.", "Write 'name: value' on one line, such as 'days_per_month: 30'.");
                continue;
            }

            conventions.Add(new Convention(key.Value, NodeSpan(key), item.Value, NodeSpan(item)));
        }
    }

    private bool Scalar(YamlNode value, string key, string example)
    {
        if (value.Kind == YamlNodeKind.Scalar)
        {
            return true;
        }

        Add(Severity.Warning, DocDiagnosticCodes.FrontMatterWrongShape, NodeSpan(value), $"'{key}' must be a single value; it is ignored.", $"Write for example '{example}'.");
        return false;
    }

    private static DesignLevel? ParseLevel(string text) =>
        SectionTitles.Normalize(text) switch
        {
            "mid" or "mid level" or "midlevel" or "intermediate" => DesignLevel.Mid,
            "senior" => DesignLevel.Senior,
            "staff" => DesignLevel.Staff,
            _ => null,
        };

    private SourceSpan NodeSpan(YamlNode node)
    {
        var index = node.Line - 1;
        var length = index >= 0 && index < _lines.Count ? _lines[index].Length : int.MaxValue - 1;
        var span = node.SpanOnFirstLine(length);
        return span.Column == span.EndColumn && span.Column <= length ? span with { EndColumn = span.Column + 1 } : span;
    }

    private LineInfo[] ScanSkeleton(int bodyStart)
    {
        var infos = new LineInfo[_lines.Count];
        var fenceChar = '\0';
        var fenceLength = 0;
        var fenceLine = -1;
        string? language = null;
        for (var i = bodyStart; i < _lines.Count; i++)
        {
            var line = _lines[i];
            var indent = LineText.SkipSpace(line, 0, line.Length);
            if (fenceLength > 0)
            {
                var run = Run(line, indent, fenceChar);
                if (run >= fenceLength && line.AsSpan(indent + run).IsWhiteSpace())
                {
                    infos[i] = new LineInfo(LineRole.Fence, 0, null, 0, 0, language);
                    fenceLength = 0;
                    language = null;
                }
                else
                {
                    infos[i] = new LineInfo(LineRole.Code, 0, null, 0, 0, language);
                }

                continue;
            }

            if (indent < line.Length && line[indent] is '`' or '~')
            {
                var run = Run(line, indent, line[indent]);
                var info = line.AsSpan(indent + run).Trim();
                if (run >= 3 && !(line[indent] == '`' && info.Contains('`')))
                {
                    fenceChar = line[indent];
                    fenceLength = run;
                    fenceLine = i;
                    var word = info.IndexOfAny(' ', '\t', '{');
                    language = (word < 0 ? info : info[..word]).ToString().ToLowerInvariant();
                    infos[i] = new LineInfo(LineRole.Fence, 0, null, 0, 0, language);
                    continue;
                }
            }

            if (indent <= 3 && indent < line.Length && line[indent] == '#')
            {
                var run = Run(line, indent, '#');
                var after = indent + run;
                if (run <= 6 && (after == line.Length || line[after] is ' ' or '\t'))
                {
                    var (start, end) = LineText.Trim(line, after, line.Length);
                    var closing = end;
                    while (closing > start && line[closing - 1] == '#')
                    {
                        closing--;
                    }

                    if (closing < end && (closing == start || line[closing - 1] is ' ' or '\t'))
                    {
                        (start, end) = LineText.Trim(line, start, closing);
                    }

                    infos[i] = new LineInfo(LineRole.Heading, run, line[start..end], start, end, null);
                    continue;
                }
            }

            if (indent <= 3 && indent < line.Length && line[indent] is '=' or '-' && i - 1 >= bodyStart && IsSetextTitle(infos, i - 1, bodyStart))
            {
                var c = line[indent];
                var run = Run(line, indent, c);
                if (line.AsSpan(indent + run).IsWhiteSpace())
                {
                    var title = _lines[i - 1];
                    var (start, end) = LineText.Trim(title, 0, title.Length);
                    infos[i - 1] = new LineInfo(LineRole.Heading, c == '=' ? 1 : 2, title[start..end], start, end, null);
                    infos[i] = new LineInfo(LineRole.Heading, 0, null, 0, 0, null);
                    continue;
                }
            }

            infos[i] = new LineInfo(LineRole.Text, 0, null, 0, 0, null);
        }

        if (fenceLength > 0)
        {
            Add(Severity.Warning, DocDiagnosticCodes.UnclosedFence, LineText.Span(fenceLine + 1, LineText.SkipSpace(_lines[fenceLine], 0, _lines[fenceLine].Length), _lines[fenceLine].TrimEnd().Length), "This code block is never closed; it runs to the end of the document.", $"Add a closing line '{new string(fenceChar, fenceLength)}' after the block.");
        }

        return infos;
    }

    private bool IsSetextTitle(LineInfo[] infos, int index, int bodyStart)
    {
        var title = _lines[index];
        if (infos[index].Role != LineRole.Text || string.IsNullOrWhiteSpace(title) || title.Length > 500)
        {
            return false;
        }

        var indent = LineText.SkipSpace(title, 0, title.Length);
        if (indent > 3 || LineText.ContentStart(title) != indent || title[indent] is '|' or '>')
        {
            return false;
        }

        return index == bodyStart || string.IsNullOrWhiteSpace(_lines[index - 1]) || infos[index - 1].Role is LineRole.Heading or LineRole.Fence;
    }

    private static int Run(string line, int start, char c)
    {
        var i = start;
        while (i < line.Length && line[i] == c)
        {
            i++;
        }

        return i - start;
    }

    private (string? Title, SourceSpan TitleSpan, List<SourceLine> Preamble, List<(Section Section, SubsectionKind Part)> Sections) BuildSections(LineInfo[] infos, int bodyStart)
    {
        string? title = null;
        SourceSpan titleSpan = default;
        var preamble = new List<SourceLine>();
        var sections = new List<(Section, SubsectionKind)>();
        var seen = new Dictionary<(SectionKind, SubsectionKind), int>();
        SectionBuilder? current = null;
        for (var i = bodyStart; i < _lines.Count; i++)
        {
            var info = infos[i];
            var lineNumber = i + 1;
            if (info.Role == LineRole.Heading && info.Level is 1 or 2)
            {
                var text = info.Title ?? "";
                var span = LineText.Span(lineNumber, info.TitleStart, info.TitleEnd);
                var (kind, part) = SectionTitles.MatchSection(text, allowContains: info.Level == 2);
                if (info.Level == 1 && kind == SectionKind.Unknown)
                {
                    if (title is null && sections.Count == 0 && current is null)
                    {
                        title = text;
                        titleSpan = span;
                        continue;
                    }

                    Add(Severity.Warning, DocDiagnosticCodes.ExtraTitle, span, "A second H1 heading; it is read as a section.", "Use '## ' for sections; keep '# ' for the title only.");
                }

                if (current is not null)
                {
                    sections.Add(current.Build(i));
                }

                if (kind == SectionKind.Unknown)
                {
                    if (info.Level == 2)
                    {
                        Add(Severity.Info, DocDiagnosticCodes.UnknownSection, span, $"Section '{Shorten(text)}' is not one DesignDrill recognises; it is kept as free text.", "Recognised sections: " + SectionTitles.KnownTitles + ".");
                    }
                }
                else if (!seen.TryAdd((kind, part), lineNumber))
                {
                    Add(Severity.Warning, DocDiagnosticCodes.DuplicateSection, span, $"A second {kind} section; the first is at line {seen[(kind, part)]}. Both are read.", "Merge the two sections into one.");
                }

                current = new SectionBuilder(kind, part, text, span, info.Level, lineNumber);
                continue;
            }

            if (info.Role == LineRole.Heading && info.Level == 0 && title is not null && titleSpan.Line == lineNumber - 1)
            {
                continue;
            }

            var sourceLine = new SourceLine(lineNumber, _lines[i], info.Role, info.Role is LineRole.Code or LineRole.Fence ? info.Language : null);
            if (current is null)
            {
                preamble.Add(sourceLine);
                continue;
            }

            current.Add(sourceLine, info);
        }

        if (current is not null)
        {
            sections.Add(current.Build(_lines.Count));
        }

        return (title, titleSpan, preamble, sections);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private void Add(Severity severity, string code, SourceSpan span, string message, string? hint) =>
        _diagnostics.Add(new Diagnostic(severity, code, span, message, hint));

    private readonly record struct LineInfo(LineRole Role, int Level, string? Title, int TitleStart, int TitleEnd, string? Language);

    private sealed class SectionBuilder(SectionKind kind, SubsectionKind part, string title, SourceSpan span, int level, int startLine)
    {
        private readonly List<SourceLine> _lines = [];
        private readonly List<Subsection> _subsections = [];
        private (string Title, SourceSpan Span, int Start, List<SourceLine> Lines)? _open;

        public void Add(SourceLine line, LineInfo info)
        {
            _lines.Add(line);
            if (info.Role == LineRole.Heading && info.Level == 3)
            {
                Close(line.Line - 1);
                _open = (info.Title ?? "", LineText.Span(line.Line, info.TitleStart, info.TitleEnd), line.Line, []);
                return;
            }

            _open?.Lines.Add(line);
        }

        /// <summary>Closes the section before 0-based line <paramref name="nextIndex"/> (the next heading, or the line count).</summary>
        public (Section, SubsectionKind) Build(int nextIndex)
        {
            var end = Math.Max(startLine, nextIndex);
            Close(end);
            return (new Section(kind, title, span, level, startLine, end, _lines, _subsections), part);
        }

        private void Close(int endLine)
        {
            if (_open is { } open)
            {
                var subsectionKind = kind == SectionKind.Requirements ? SectionTitles.MatchSubsection(open.Title, allowContains: true) : SubsectionKind.Other;
                _subsections.Add(new Subsection(subsectionKind, open.Title, open.Span, open.Start, Math.Max(open.Start, endLine), open.Lines));
                _open = null;
            }
        }
    }
}
