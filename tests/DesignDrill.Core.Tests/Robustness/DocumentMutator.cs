using System.Text;
using System.Text.RegularExpressions;

namespace DesignDrill.Core.Tests.Robustness;

/// <summary>A way of damaging a design document, as a person editing it (or a broken tool) might.</summary>
internal enum MutationOperator
{
    DeleteLine,
    DuplicateLine,
    SwapLines,
    Truncate,
    InsertJunk,
    ReplaceNumber,
    DeepParentheses,
    LongLine,
    DuplicateSection,
    BreakFrontMatter,
    FlowNoise,
    MutateCharacters,
}

/// <summary>
/// Applies 1–4 random <see cref="MutationOperator"/>s to a document. Everything comes from the <see cref="Random"/>
/// passed in, so a seed reproduces a case exactly. The operators that make very large inputs (a 100 KB line, 10,000
/// parentheses) are drawn rarely, so 10,000 cases stay fast.
/// </summary>
internal static partial class DocumentMutator
{
    /// <summary>Relative weights of the operators (rule of thumb: cheap, structure-breaking edits most often).</summary>
    private static readonly (MutationOperator Operator, int Weight)[] Weights =
    [
        (MutationOperator.DeleteLine, 10),
        (MutationOperator.DuplicateLine, 8),
        (MutationOperator.SwapLines, 8),
        (MutationOperator.Truncate, 4),
        (MutationOperator.InsertJunk, 12),
        (MutationOperator.ReplaceNumber, 12),
        (MutationOperator.DeepParentheses, 5),
        (MutationOperator.LongLine, 1),
        (MutationOperator.DuplicateSection, 5),
        (MutationOperator.BreakFrontMatter, 7),
        (MutationOperator.FlowNoise, 12),
        (MutationOperator.MutateCharacters, 12),
    ];

    /// <summary>Control characters, lone surrogates, an emoji, bidi marks, a lone CR and Markdown/estimate punctuation.</summary>
    private static readonly string[] Junk =
    [
        "\0", "\u0001", "\u0007", "\u001b", "\u007f", "\u0085", "\u2028", "\u2029", "\ud800", "\udfff", "\ud83d\ude00", "\ud83d",
        "\u200f", "\u202e", "\u200b", "\r", "\t", "\uFEFF", "\u00A0", "\u0301", "≈", "→", "⇒", "×", "#", "`", "**",
        "---", "\n## ", "```", "\n```\n", "~", "=", ":", "%", "^", "//", "\r\n", "\n", "{", "}", "|",
    ];

    private static readonly string[] Numbers =
    [
        "1e308", "1e309", "-1e308", "999999999999999999999T", "1e-320", "4.9e-324", "0", "0.0", "0.000000001",
        "99999999999999999999999999999999999999999999", "1.7976931348623157e308", "1_000", "1,000,000,000,000",
        "0x10", "∞", "NaN", "1e", "1..2", "00000000000000000000001", "-0", "2147483648", "1000000001",
    ];

    private static readonly string[] FlowFragments =
    [
        " -> ", "->", "=>", " => ", "-->", "-.->", "~>", "→", "⇒", " + ", "+", " x ", "x", " x 3", " ×1e308", " x 0",
        " on miss", ":", " at ", " after ", ",", "->->", "- >", " async ", "(", ")", " read", " write", "  ",
    ];

    private static readonly string[] FrontMatterBreaks =
    [
        "\tlevel: staff",
        "base: &anchor senior\nlevel: *anchor",
        "conventions: [seconds_per_day: 100K",
        "conventions:\n  days_per_month: 1e308\n  seconds_per_day: -5\n  storage_prefixes: ternary",
        "level: [mid, senior]",
        "? complex key\n: value",
        "prompt: \"unterminated",
        "level: !!binary AAAA",
        "%YAML 1.2",
        "conventions: " + new string('[', 300) + new string(']', 300),
        "conventions:\n\tseconds_per_day: 86400",
        "level: senior\nlevel: staff",
        "...",
        "unknown_key: 1",
        "conventions: 5",
    ];

    private const string Alphabet = "abcxyz019 _-:=≈~#/,>{}()[]`*|\t%.→⇒'\"&\\é";

    /// <summary>Applies 1–4 operators to <paramref name="text"/>.</summary>
    /// <param name="text">The original document.</param>
    /// <param name="random">The source of every choice.</param>
    /// <returns>The mutated text and the operators applied, in order.</returns>
    public static (string Text, IReadOnlyList<MutationOperator> Operators) Mutate(string text, Random random)
    {
        var count = random.Next(1, 5);
        var applied = new List<MutationOperator>(count);
        for (var i = 0; i < count; i++)
        {
            var op = Pick(random);
            text = Apply(op, text, random);
            applied.Add(op);
        }

        return (text, applied);
    }

    private static MutationOperator Pick(Random random)
    {
        var total = Weights.Sum(w => w.Weight);
        var roll = random.Next(total);
        foreach (var (op, weight) in Weights)
        {
            if (roll < weight)
            {
                return op;
            }

            roll -= weight;
        }

        return Weights[^1].Operator;
    }

    private static string Apply(MutationOperator op, string text, Random random) => op switch
    {
        MutationOperator.DeleteLine => EditLines(text, lines => lines.RemoveAt(random.Next(lines.Count))),
        MutationOperator.DuplicateLine => EditLines(text, lines =>
        {
            var at = random.Next(lines.Count);
            lines.Insert(random.Next(lines.Count + 1), lines[at]);
        }),
        MutationOperator.SwapLines => EditLines(text, lines =>
        {
            var a = random.Next(lines.Count);
            var b = random.Next(lines.Count);
            (lines[a], lines[b]) = (lines[b], lines[a]);
        }),
        MutationOperator.Truncate => text[..random.Next(text.Length + 1)],
        MutationOperator.InsertJunk => InsertJunk(text, random),
        MutationOperator.ReplaceNumber => ReplaceNumber(text, random),
        MutationOperator.DeepParentheses => DeepParentheses(text, random),
        MutationOperator.LongLine => EditLines(text, lines => lines.Insert(random.Next(lines.Count + 1), LongLine(random))),
        MutationOperator.DuplicateSection => DuplicateSection(text, random),
        MutationOperator.BreakFrontMatter => BreakFrontMatter(text, random),
        MutationOperator.FlowNoise => FlowNoise(text, random),
        MutationOperator.MutateCharacters => MutateCharacters(text, random),
        _ => text,
    };

    private static string EditLines(string text, Action<List<string>> edit)
    {
        var lines = text.Split('\n').ToList();
        edit(lines);
        if (lines.Count == 0)
        {
            return "";
        }

        return string.Join('\n', lines);
    }

    private static string InsertJunk(string text, Random random)
    {
        var builder = new StringBuilder();
        var pieces = random.Next(1, 7);
        for (var i = 0; i < pieces; i++)
        {
            builder.Append(Junk[random.Next(Junk.Length)]);
        }

        return text.Insert(random.Next(text.Length + 1), builder.ToString());
    }

    private static string ReplaceNumber(string text, Random random)
    {
        var numbers = NumberPattern().Matches(text);
        var replacement = Numbers[random.Next(Numbers.Length)];
        if (numbers.Count == 0)
        {
            return text.Insert(random.Next(text.Length + 1), replacement);
        }

        var match = numbers[random.Next(numbers.Count)];
        return string.Concat(text.AsSpan(0, match.Index), replacement, text.AsSpan(match.Index + match.Length));
    }

    /// <summary>Nesting around the evaluator's limit (256) and far beyond; 10,000 also makes the line too long to analyse.</summary>
    private static string DeepParentheses(string text, Random random)
    {
        int[] depths = [20, 255, 256, 257, 1000, 4000, 10_000];
        var depth = depths[random.Next(depths.Length)];
        var nest = random.Next(4) switch
        {
            0 => new string('(', depth),
            1 => new string('(', depth) + "1" + new string(')', depth),
            2 => string.Concat(Enumerable.Repeat("-", depth)) + "1",
            _ => string.Concat(Enumerable.Repeat("2^", depth)) + "1",
        };
        return InsertIntoInterestingLine(text, nest, random);
    }

    private static string LongLine(Random random)
    {
        const int length = 100_000;
        var prefix = random.Next(4) switch
        {
            0 => "x = ",
            1 => "flow long at 1/s: a -> ",
            2 => "api: service, ",
            _ => "",
        };
        var filler = random.Next(3) switch
        {
            0 => "1 + ",
            1 => "a -> ",
            _ => "lorem ipsum ",
        };
        var builder = new StringBuilder(prefix, length + filler.Length);
        while (builder.Length < length)
        {
            builder.Append(filler);
        }

        return builder.ToString();
    }

    private static string DuplicateSection(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var headings = Enumerable.Range(0, lines.Count).Where(i => lines[i].StartsWith("## ", StringComparison.Ordinal)).ToList();
        if (headings.Count == 0)
        {
            return text;
        }

        var pick = random.Next(headings.Count);
        var start = headings[pick];
        var end = pick + 1 < headings.Count ? headings[pick + 1] : lines.Count;
        var section = lines.GetRange(start, end - start);
        var insertAt = random.Next(2) == 0 ? end : headings[random.Next(headings.Count)];
        lines.InsertRange(insertAt, section);
        return string.Join('\n', lines);
    }

    private static string BreakFrontMatter(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var fences = Enumerable.Range(0, lines.Count).Where(i => lines[i].TrimEnd('\r') == "---").Take(2).ToList();
        switch (random.Next(4))
        {
            case 0 when fences.Count > 0:
                lines.RemoveAt(fences[0]);
                break;
            case 1 when fences.Count > 1:
                lines.RemoveAt(fences[1]);
                break;
            case 2 when fences.Count > 1:
                lines[fences[random.Next(2)]] = random.Next(3) switch
                {
                    0 => "--- \t",
                    1 => "----",
                    _ => "\uFEFF---",
                };
                break;
            default:
                var at = fences.Count > 0 ? fences[0] + 1 : 0;
                lines.Insert(Math.Min(at, lines.Count), FrontMatterBreaks[random.Next(FrontMatterBreaks.Length)]);
                break;
        }

        return string.Join('\n', lines);
    }

    private static string FlowNoise(string text, Random random)
    {
        var noise = new StringBuilder();
        var pieces = random.Next(1, 4);
        for (var i = 0; i < pieces; i++)
        {
            noise.Append(FlowFragments[random.Next(FlowFragments.Length)]);
        }

        var lines = text.Split('\n');
        var flows = Enumerable.Range(0, lines.Length).Where(i => lines[i].StartsWith("flow ", StringComparison.Ordinal)).ToList();
        if (flows.Count == 0)
        {
            return InsertIntoInterestingLine(text, noise.ToString(), random);
        }

        var index = flows[random.Next(flows.Count)];
        lines[index] = lines[index].Insert(random.Next(lines[index].Length + 1), noise.ToString());
        return string.Join('\n', lines);
    }

    private static string MutateCharacters(string text, Random random)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var chars = text.ToCharArray().ToList();
        var edits = random.Next(1, 6);
        for (var i = 0; i < edits && chars.Count > 0; i++)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(3))
            {
                case 0:
                    chars.RemoveAt(at);
                    break;
                case 1:
                    chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                default:
                    chars[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
            }
        }

        return new string([.. chars]);
    }

    /// <summary>Inserts <paramref name="insert"/> into an estimate, component or flow line (most of the time) or any line.</summary>
    private static string InsertIntoInterestingLine(string text, string insert, Random random)
    {
        var lines = text.Split('\n');
        var interesting = Enumerable.Range(0, lines.Length).Where(i => InterestingLine().IsMatch(lines[i])).ToList();
        var index = interesting.Count > 0 && random.Next(10) < 8 ? interesting[random.Next(interesting.Count)] : random.Next(lines.Length);
        var line = lines[index];
        var anchor = Math.Max(line.IndexOf('=', StringComparison.Ordinal), line.IndexOf(" at ", StringComparison.Ordinal));
        var at = anchor >= 0 && random.Next(2) == 0 ? Math.Min(line.Length, anchor + 2) : random.Next(line.Length + 1);
        lines[index] = line.Insert(at, insert);
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"\d+(?:\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^(?:[a-z_][a-z0-9_]*\s*=|flow |[a-z_][a-z0-9_-]*:\s*\w)", RegexOptions.CultureInvariant)]
    private static partial Regex InterestingLine();
}
