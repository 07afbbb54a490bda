using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DesignDrill.Core.Text;

/// <summary>The shape of a <see cref="YamlNode"/>.</summary>
internal enum YamlNodeKind
{
    Scalar,
    Mapping,
    Sequence,
}

/// <summary>
/// A YAML node with the position of its first and last character, built from YamlDotNet's event parser so that
/// size, depth and aliases can be capped (no billion-laughs expansion is ever possible: aliases are refused).
/// Lines and columns are 1-based and already shifted by the caller's line offset.
/// </summary>
internal sealed class YamlNode
{
    public YamlNode(YamlNodeKind kind, string value, int line, int column, int endLine, int endColumn)
    {
        Kind = kind;
        Value = value;
        Line = line;
        Column = column;
        EndLine = endLine;
        EndColumn = endColumn;
    }

    public YamlNodeKind Kind { get; }

    /// <summary>The scalar's text; empty for collections.</summary>
    public string Value { get; }

    public int Line { get; }

    public int Column { get; }

    public int EndLine { get; set; }

    public int EndColumn { get; set; }

    /// <summary>True when the scalar was written in quotes or as a block (so <c>null</c> is the string "null").</summary>
    public bool IsQuoted { get; init; }

    /// <summary>Key/value pairs of a mapping, in file order (duplicates kept).</summary>
    public List<KeyValuePair<YamlNode, YamlNode>> Pairs { get; } = [];

    /// <summary>Items of a sequence, in file order.</summary>
    public List<YamlNode> Items { get; } = [];

    /// <summary>The span of this node on its first line: to its end when it ends on the same line, else to <paramref name="lineLength"/>.</summary>
    public Diagnostics.SourceSpan SpanOnFirstLine(int lineLength = int.MaxValue)
    {
        var end = EndLine == Line ? EndColumn : lineLength >= int.MaxValue - 1 ? Column + 1 : Math.Max(Column + 1, lineLength + 1);
        return new Diagnostics.SourceSpan(Line, Column, Math.Max(end, Column));
    }
}

/// <summary>The result of <see cref="YamlTree.Parse"/>: a root node or an error with its position.</summary>
internal sealed record YamlTreeResult(YamlNode? Root, string? Error, int ErrorLine, int ErrorColumn, bool TooLarge, bool HasAlias);

/// <summary>Builds <see cref="YamlNode"/> trees with hard limits; never throws for bad input.</summary>
internal static class YamlTree
{
    /// <summary>Parses the first document of <paramref name="text"/>.</summary>
    /// <param name="text">
    /// YAML text with '\n' line ends. NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029), which
    /// YAML reads as line breaks but a document's lines do not, are read as U+FFFD so that positions stay on the
    /// document's lines and the odd character shows up in messages.
    /// </param>
    /// <param name="lineOffset">Added to every line number (the document line of the YAML's first line, minus one).</param>
    /// <param name="maxEvents">Parser events allowed before giving up (bounds time and memory).</param>
    /// <param name="maxDepth">Nesting allowed.</param>
    public static YamlTreeResult Parse(string text, int lineOffset, int maxEvents, int maxDepth)
    {
        var stack = new Stack<YamlNode>();
        var pendingKeys = new Stack<YamlNode?>();
        YamlNode? root = null;
        var events = 0;
        var lastLine = 1 + lineOffset;
        try
        {
            var parser = new Parser(new StringReader(NeutraliseLineBreaks(text)));
            while (parser.MoveNext())
            {
                if (++events > maxEvents)
                {
                    return new YamlTreeResult(null, "too many YAML nodes", 0, 0, TooLarge: true, HasAlias: false);
                }

                var ev = parser.Current;
                lastLine = ev is null ? lastLine : Line(ev.End, lineOffset);
                switch (ev)
                {
                    case AnchorAlias alias:
                        return new YamlTreeResult(null, "anchors and aliases are not supported", (int)alias.Start.Line + lineOffset, (int)alias.Start.Column, false, HasAlias: true);
                    case DocumentEnd when root is not null:
                        return new YamlTreeResult(root, null, 0, 0, false, false);
                    case Scalar scalar:
                        {
                            var node = new YamlNode(YamlNodeKind.Scalar, scalar.Value, Line(scalar.Start, lineOffset), (int)scalar.Start.Column, Line(scalar.End, lineOffset), (int)scalar.End.Column)
                            {
                                IsQuoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded,
                            };
                            Attach(node);
                            break;
                        }

                    case MappingStart or SequenceStart:
                        {
                            if (stack.Count >= maxDepth)
                            {
                                return new YamlTreeResult(null, "YAML nested too deeply", Line(ev.Start, lineOffset), (int)ev.Start.Column, TooLarge: true, HasAlias: false);
                            }

                            var kind = ev is MappingStart ? YamlNodeKind.Mapping : YamlNodeKind.Sequence;
                            var node = new YamlNode(kind, "", Line(ev.Start, lineOffset), (int)ev.Start.Column, Line(ev.End, lineOffset), (int)ev.End.Column);
                            Attach(node);
                            stack.Push(node);
                            pendingKeys.Push(null);
                            break;
                        }

                    case MappingEnd or SequenceEnd:
                        if (stack.Count > 0)
                        {
                            var done = stack.Pop();
                            pendingKeys.Pop();
                            done.EndLine = Line(ev.End, lineOffset);
                            done.EndColumn = (int)ev.End.Column;
                        }

                        break;
                }
            }

            return new YamlTreeResult(root, null, 0, 0, false, false);
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is not null && ex.Message.Contains("See inner exception", StringComparison.Ordinal)
                ? ex.InnerException.Message
                : ex.Message;
            return new YamlTreeResult(null, Clean(message), Line(ex.Start, lineOffset), Math.Max(1, (int)ex.Start.Column), false, false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException or IndexOutOfRangeException or NullReferenceException)
        {
            // YamlDotNet's scanner has thrown these on some malformed input; report them like a syntax error after the last good token.
            return new YamlTreeResult(null, "the YAML reader could not continue here", lastLine, 1, false, false);
        }

        void Attach(YamlNode node)
        {
            if (stack.Count == 0)
            {
                root ??= node;
                return;
            }

            var parent = stack.Peek();
            if (parent.Kind == YamlNodeKind.Sequence)
            {
                parent.Items.Add(node);
                return;
            }

            var key = pendingKeys.Pop();
            if (key is null)
            {
                pendingKeys.Push(node);
            }
            else
            {
                parent.Pairs.Add(new KeyValuePair<YamlNode, YamlNode>(key, node));
                pendingKeys.Push(null);
            }
        }
    }

    private static string NeutraliseLineBreaks(string text) =>
        text.AsSpan().IndexOfAny('\u0085', '\u2028', '\u2029') < 0
            ? text
            : text.Replace('\u0085', '\uFFFD').Replace('\u2028', '\uFFFD').Replace('\u2029', '\uFFFD');

    private static int Line(Mark mark, int lineOffset) => (int)Math.Min(int.MaxValue - 1, Math.Max(1, mark.Line)) + lineOffset;

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the diagnostic carries the position itself.
        var index = message.IndexOf("): ", StringComparison.Ordinal);
        var text = message.StartsWith("(Line", StringComparison.Ordinal) && index >= 0 ? message[(index + 3)..] : message;
        return text.TrimEnd('.');
    }
}
