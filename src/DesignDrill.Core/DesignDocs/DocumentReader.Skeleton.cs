using System.Text;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Text;
using Markdig;
using Markdig.Syntax;
using SourceSpan = DesignDrill.Core.Diagnostics.SourceSpan;

namespace DesignDrill.Core.DesignDocs;

internal sealed partial class DocumentReader
{
    private const int MaxFrontMatterLength = 65_536;

    private static readonly string[] FrontMatterKeys = ["prompt", "level", "conventions"];

    /// <summary>CommonMark block parsing with exact source offsets and no inline parsing; Markdig pipelines are immutable and thread-safe.</summary>
    private static readonly MarkdownPipeline SkeletonPipeline = CreateSkeletonPipeline();

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

    /// <summary>
    /// Classifies every body line as heading, fence, code or text with Markdig's CommonMark block parser. Markdig sees
    /// only the body (the lines after the front matter) joined with <c>\n</c>, so its character offsets map to our
    /// lines through <see cref="BodyText"/>'s table whatever the original line ends were.
    /// </summary>
    private LineInfo[] ScanSkeleton(int bodyStart)
    {
        var infos = new LineInfo[_lines.Count];
        var (body, starts) = BodyText(bodyStart);
        MarkdownDocument markdown;
        try
        {
            markdown = Markdown.Parse(body, SkeletonPipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses containers nested deeper than MarkdownPipeline.MaximumNestingDepth (128).
            Add(Severity.Error, DocDiagnosticCodes.TooDeeplyNested, SourceSpan.None, $"Quotes or lists are nested more than {SkeletonPipeline.MaximumNestingDepth} levels deep; the document's headings and code blocks are not read.", "Remove the deep nesting ('> > > ...' or list items indented inside each other).");
            return infos;
        }

        var pending = new Stack<Block>();
        pending.Push(markdown);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case HeadingBlock heading when heading.Parent is MarkdownDocument:
                    MarkHeading(infos, heading, body, starts, bodyStart);
                    break;
                case FencedCodeBlock fence:
                    MarkFence(infos, fence, starts, bodyStart);
                    break;
                case CodeBlock code:
                    for (int i = LineOf(starts, code.Span.Start), last = LineOf(starts, code.Span.End); i <= last; i++)
                    {
                        infos[bodyStart + i] = new LineInfo(LineRole.Code, 0, null, 0, 0, null);
                    }

                    break;
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        pending.Push(child);
                    }

                    break;
            }
        }

        return infos;
    }

    /// <summary>
    /// A top-level heading: the line holding its text gets the level and the verbatim title (a multi-line setext
    /// title is joined with spaces and its span is on its first line); its other lines and a setext underline get level 0.
    /// Headings inside list items and quotes belong to them and stay text.
    /// </summary>
    private void MarkHeading(LineInfo[] infos, HeadingBlock heading, string body, int[] starts, int bodyStart)
    {
        var first = LineOf(starts, heading.Span.Start);
        var last = LineOf(starts, Math.Max(heading.Span.Start, heading.Span.End));
        for (var i = first; i <= last; i++)
        {
            infos[bodyStart + i] = new LineInfo(LineRole.Heading, 0, null, 0, 0, null);
        }

        if (heading.Inline is not { FirstChild: not null } inline || inline.Span.End < inline.Span.Start || inline.Span.Start < 0)
        {
            var line = _lines[bodyStart + first];
            var at = Math.Clamp(heading.Span.End + 1 - starts[first], 0, line.Length);
            infos[bodyStart + first] = new LineInfo(LineRole.Heading, heading.Level, "", at, at, null);
            return;
        }

        var titleLine = LineOf(starts, inline.Span.Start);
        var titleEndLine = LineOf(starts, inline.Span.End);
        string? title = null;
        var (titleStart, titleEnd) = (0, 0);
        for (var i = titleLine; i <= titleEndLine; i++)
        {
            var line = _lines[bodyStart + i];
            var from = i == titleLine ? inline.Span.Start - starts[i] : 0;
            var to = i == titleEndLine ? inline.Span.End + 1 - starts[i] : line.Length;
            var (s, e) = LineText.Trim(line, Math.Clamp(from, 0, line.Length), Math.Clamp(to, 0, line.Length));
            if (i == titleLine)
            {
                (title, titleStart, titleEnd) = (line[s..e], s, e);
            }
            else if (e > s)
            {
                title = title + " " + line[s..e];
            }
        }

        infos[bodyStart + titleLine] = new LineInfo(LineRole.Heading, heading.Level, title, titleStart, titleEnd, null);
    }

    /// <summary>A fenced code block, at any depth: fence lines, code lines, and DOC010 when it has no closing fence.</summary>
    private void MarkFence(LineInfo[] infos, FencedCodeBlock fence, int[] starts, int bodyStart)
    {
        var info = (fence.Info ?? "").AsSpan().Trim();
        var word = info.IndexOfAny(' ', '\t', '{');
        var language = (word < 0 ? info : info[..word]).ToString().ToLowerInvariant();
        var open = LineOf(starts, fence.Span.Start);
        var closed = fence.ClosingFencedCharCount > 0;
        var last = closed ? LineOf(starts, fence.Span.End) : open;
        for (var i = 0; !closed && i < fence.Lines.Count; i++)
        {
            last = Math.Max(last, LineOf(starts, fence.Lines.Lines[i].Position));
        }

        for (var i = open; i <= last; i++)
        {
            var role = i == open || (closed && i == last) ? LineRole.Fence : LineRole.Code;
            infos[bodyStart + i] = new LineInfo(role, 0, null, 0, 0, language);
        }

        if (closed)
        {
            return;
        }

        var openLine = _lines[bodyStart + open];
        var span = LineText.Span(bodyStart + open + 1, Math.Clamp(fence.Span.Start - starts[open], 0, openLine.Length), openLine.TrimEnd().Length);
        var marker = new string(fence.FencedChar, Math.Max(3, fence.OpeningFencedCharCount));
        var endsWithContainer = false;
        for (var i = bodyStart + last + 1; i < _lines.Count && !endsWithContainer; i++)
        {
            endsWithContainer = !string.IsNullOrWhiteSpace(_lines[i]);
        }

        if (endsWithContainer)
        {
            Add(Severity.Warning, DocDiagnosticCodes.UnclosedFence, span, $"This code block is never closed; it ends with the list item or quote that holds it, at line {bodyStart + last + 1}.", $"Add a closing line '{marker}' indented like the opening one.");
        }
        else
        {
            Add(Severity.Warning, DocDiagnosticCodes.UnclosedFence, span, "This code block is never closed; it runs to the end of the document.", $"Add a closing line '{marker}' after the block.");
        }
    }

    /// <summary>The body lines joined with <c>\n</c>, and the offset at which each (0-based, from the body's first line) starts.</summary>
    private (string Body, int[] Starts) BodyText(int bodyStart)
    {
        var count = Math.Max(0, _lines.Count - bodyStart);
        var starts = new int[count];
        var length = 0;
        for (var i = 0; i < count; i++)
        {
            starts[i] = length;
            length += _lines[bodyStart + i].Length + 1;
        }

        var builder = new StringBuilder(length);
        for (var i = 0; i < count; i++)
        {
            builder.Append(_lines[bodyStart + i]);
            if (i + 1 < count)
            {
                builder.Append('\n');
            }
        }

        return (builder.ToString(), starts);
    }

    /// <summary>The 0-based body line holding character <paramref name="offset"/> of the body text (a line's <c>\n</c> belongs to it).</summary>
    private static int LineOf(int[] starts, int offset)
    {
        var index = Array.BinarySearch(starts, offset);
        return Math.Max(0, index >= 0 ? index : ~index - 1);
    }

    private static MarkdownPipeline CreateSkeletonPipeline()
    {
        // Only the block structure is read; inline content is not needed (titles are taken verbatim from the source).
        var builder = new MarkdownPipelineBuilder().UsePreciseSourceLocation();
        builder.InlineParsers.Clear();
        return builder.Build();
    }

    private (string? Title, SourceSpan TitleSpan, List<SourceLine> Preamble, List<(Section Section, SubsectionKind Part)> Sections) BuildSections(LineInfo[] infos, int bodyStart)
    {
        string? title = null;
        SourceSpan titleSpan = default;
        var preamble = new List<SourceLine>();
        var sections = new List<(Section, SubsectionKind)>();
        var seen = new Dictionary<(SectionKind, SubsectionKind), int>();
        SectionBuilder? current = null;
        var inTitle = false;
        for (var i = bodyStart; i < _lines.Count; i++)
        {
            var info = infos[i];
            var lineNumber = i + 1;
            if (inTitle && info.Role == LineRole.Heading && info.Level == 0)
            {
                continue;
            }

            inTitle = false;
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
                        inTitle = true;
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
