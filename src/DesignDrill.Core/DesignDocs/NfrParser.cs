using System.Globalization;
using System.Text.RegularExpressions;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.DesignDocs;

/// <summary>
/// Recognises non-functional requirements in one line. Each measurable form found (latency, availability, durability,
/// consistency, RPO/RTO, geography, throughput) becomes one requirement with the span of its match; a line with none
/// becomes one unmeasurable requirement whose kind comes from its keywords. Lines are at most
/// <see cref="DesignDocumentParser.MaxAnalysedLineLength"/> long, and every pattern is bounded, so this is linear.
/// </summary>
internal static partial class NfrParser
{
    private const string Unit = @"(?:ms|msec|millis(?:econds?)?|milliseconds?|µs|us|microseconds?|s|secs?|seconds?|min|mins|minutes?)";
    private const string Compare = @"(?:<=|<|≤|=|:|under|below|within|less\s+than|at\s+most|of|is|<\s*=)";
    private const string Number = @"\d+(?:\.\d+)?";

    private static readonly IEnumerable<Match> NoMatches = [];

    private static readonly string[] NumberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    public static List<NonFunctionalRequirement> Parse(SourceLine line)
    {
        var masked = LineText.Mask(line.Text, emphasis: true);
        var start = LineText.ContentStart(masked);
        var (s, e) = LineText.Trim(masked, start, masked.Length);
        var result = new List<NonFunctionalRequirement>();
        if (s >= e)
        {
            return result;
        }

        var text = masked[s..e];
        var taken = new List<(int Start, int End)>();

        // Each pattern runs only when the characters it needs are present; most lines skip most patterns.
        var hasDigit = text.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
        var lower = text.ToLowerInvariant();
        foreach (Match m in hasDigit ? LatencyStatFirst().Matches(text) : NoMatches)
        {
            AddLatency(m);
        }

        foreach (Match m in hasDigit ? LatencyBoundFirst().Matches(text) : NoMatches)
        {
            AddLatency(m);
        }

        foreach (Match m in hasDigit && (lower.Contains("latency", StringComparison.Ordinal) || lower.Contains("respon", StringComparison.Ordinal) || lower.Contains("round", StringComparison.Ordinal)) ? LatencyKeyword().Matches(text) : NoMatches)
        {
            AddLatency(m);
        }

        foreach (Match m in lower.Contains("rpo", StringComparison.Ordinal) || lower.Contains("rto", StringComparison.Ordinal) ? RecoveryObjective().Matches(text) : NoMatches)
        {
            if (Free(m))
            {
                var kind = m.Groups["which"].Value.Equals("RPO", StringComparison.OrdinalIgnoreCase) ? NfrKind.RecoveryPoint : NfrKind.RecoveryTime;
                var bound = m.Groups["bound"];
                Add(new NonFunctionalRequirement(kind, text, Span(m.Index, m.Index + m.Length), true, BoundText: bound.Value.Trim(), BoundSpan: Span(bound.Index, bound.Index + bound.Value.TrimEnd().Length)), m);
            }
        }

        foreach (Match m in text.Contains('%') ? Percentage().Matches(text) : NoMatches)
        {
            if (Free(m) && double.TryParse(m.Groups["pct"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && percent is >= 90 and <= 100)
            {
                AddNines(m, percent);
            }
        }

        foreach (Match m in lower.Contains("nine", StringComparison.Ordinal) || lower.Contains("9s", StringComparison.Ordinal) ? Nines().Matches(text) : NoMatches)
        {
            var count = NinesCount(m.Groups["n"].Value);
            if (Free(m) && count is >= 1 and <= 15)
            {
                AddNines(m, Math.Round(100 - Math.Pow(10, 2 - count), count));
            }
        }

        var consistency = lower.Contains("consist", StringComparison.Ordinal) || lower.Contains("lineari", StringComparison.Ordinal) || lower.Contains("serializ", StringComparison.Ordinal)
            || lower.Contains("your", StringComparison.Ordinal) || lower.Contains("monotonic", StringComparison.Ordinal) || lower.Contains("staleness", StringComparison.Ordinal);
        foreach (Match m in consistency ? ConsistencySubjectFirst().Matches(text) : NoMatches)
        {
            if (Free(m))
            {
                Add(new NonFunctionalRequirement(NfrKind.Consistency, text, Span(m.Index, m.Index + m.Length), true, ConsistencyModel: Model(m.Groups["model"].Value), AppliesTo: Clause(m.Groups["what"].Value)), m);
            }
        }

        foreach (Match m in consistency ? Consistency().Matches(text) : NoMatches)
        {
            if (Free(m))
            {
                var what = m.Groups["what"].Success ? Clause(m.Groups["what"].Value) : null;
                Add(new NonFunctionalRequirement(NfrKind.Consistency, text, Span(m.Index, m.Index + m.Length), true, ConsistencyModel: Model(m.Groups["model"].Value), AppliesTo: what), m);
            }
        }

        foreach (Match m in Geography().Matches(text))
        {
            if (Free(m))
            {
                var geo = m.Groups["geo"];
                Add(new NonFunctionalRequirement(NfrKind.Geography, text, Span(geo.Index, geo.Index + geo.Length), true, BoundText: geo.Value, BoundSpan: Span(geo.Index, geo.Index + geo.Length)), m);
            }
        }

        foreach (Match m in hasDigit ? Throughput().Matches(text) : NoMatches)
        {
            if (Free(m))
            {
                var bound = m.Groups["bound"];
                Add(new NonFunctionalRequirement(NfrKind.Throughput, text, Span(bound.Index, bound.Index + bound.Length), true, BoundText: bound.Value, BoundSpan: Span(bound.Index, bound.Index + bound.Length)), m);
            }
        }

        if (result.Count == 0)
        {
            result.Add(new NonFunctionalRequirement(KindFromKeywords(text), text, Span(0, text.Length), false));
        }

        return result.OrderBy(r => r.Span.Column).ToList();

        SourceSpan Span(int from, int to) => LineText.Span(line.Line, s + from, s + to);

        bool Free(Match m) => !taken.Any(t => m.Index < t.End && t.Start < m.Index + m.Length);

        void Add(NonFunctionalRequirement requirement, Match m)
        {
            result.Add(requirement with { Clause = ClauseAround(text, m.Index) });
            taken.Add((m.Index, m.Index + m.Length));
        }

        void AddLatency(Match m)
        {
            if (!Free(m))
            {
                return;
            }

            double? percentile = null;
            if (m.Groups["pct"].Success && double.TryParse(m.Groups["pct"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var p))
            {
                percentile = p;
            }
            else if (m.Groups["stat"].Value.Equals("median", StringComparison.OrdinalIgnoreCase))
            {
                percentile = 50;
            }

            var bound = m.Groups["bound"];
            var mid = m.Groups["mid"].Success ? Clause(LatencyWords().Replace(m.Groups["mid"].Value, " ")) : null;
            var after = ForClause().Match(text, m.Index + m.Length);
            var appliesTo = after.Success && after.Index == m.Index + m.Length ? Clause(after.Groups["what"].Value) : mid;
            Add(new NonFunctionalRequirement(NfrKind.Latency, text, Span(m.Index, m.Index + m.Length), true, percentile, bound.Value, Span(bound.Index, bound.Index + bound.Length), AppliesTo: appliesTo), m);
        }

        void AddNines(Match m, double percent)
        {
            var kind = NinesKind(text, m.Index, m.Index + m.Length, percent);
            var after = ForClause().Match(text, m.Index + m.Length);
            var appliesTo = after.Success && after.Index == m.Index + m.Length ? Clause(after.Groups["what"].Value) : null;
            Add(new NonFunctionalRequirement(kind, text, Span(m.Index, m.Index + m.Length), true, BoundText: m.Value.Trim(), BoundSpan: Span(m.Index, m.Index + m.Length), Percent: percent, AppliesTo: appliesTo), m);
        }
    }

    /// <summary>
    /// The clause of <paramref name="text"/> around <paramref name="index"/>: the text between the semicolons before and
    /// after it, trimmed (the whole text when it has no semicolon). "99.99% for reads; 99.95% for follow" has two.
    /// </summary>
    internal static string ClauseAround(string text, int index)
    {
        var start = index <= 0 ? 0 : text.LastIndexOf(';', Math.Min(index, text.Length) - 1) + 1;
        var end = text.IndexOf(';', Math.Min(index, text.Length));
        return text[start..(end < 0 ? text.Length : end)].Trim();
    }

    private static NfrKind NinesKind(string text, int start, int end, double percent)
    {
        var durability = NearestDistance(text, start, end, DurabilityWords());
        var availability = NearestDistance(text, start, end, AvailabilityWords());
        if (durability < availability)
        {
            return NfrKind.Durability;
        }

        if (availability < durability)
        {
            return NfrKind.Availability;
        }

        return percent >= 99.99999 ? NfrKind.Durability : NfrKind.Availability;
    }

    private static int NearestDistance(string text, int start, int end, Regex words)
    {
        var best = int.MaxValue;
        foreach (Match m in words.Matches(text))
        {
            var distance = m.Index >= end ? m.Index - end : start >= m.Index + m.Length ? start - (m.Index + m.Length) : 0;
            best = Math.Min(best, distance);
        }

        return best;
    }

    private static int NinesCount(string word) =>
        int.TryParse(word, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : Array.IndexOf(NumberWords, word.ToLowerInvariant());

    private static string Model(string word)
    {
        var w = word.ToLowerInvariant().Replace(' ', '-');
        return w switch
        {
            _ when w.StartsWith("strong", StringComparison.Ordinal) => "strong",
            _ when w.StartsWith("eventual", StringComparison.Ordinal) => "eventual",
            _ when w.StartsWith("causal", StringComparison.Ordinal) => "causal",
            _ when w.StartsWith("lineari", StringComparison.Ordinal) => "linearizable",
            _ when w.StartsWith("sequential", StringComparison.Ordinal) => "sequential",
            _ when w.StartsWith("read-your", StringComparison.Ordinal) => "read-your-writes",
            _ when w.StartsWith("monotonic", StringComparison.Ordinal) => "monotonic-reads",
            _ when w.StartsWith("bounded", StringComparison.Ordinal) => "bounded-staleness",
            _ when w.StartsWith("serializ", StringComparison.Ordinal) => "serializable",
            _ => w,
        };
    }

    private static string? Clause(string text)
    {
        var trimmed = text.Trim().Trim('.', ',', ';', ':', '-', ' ');
        return trimmed.Length == 0 ? null : trimmed;
    }

    private static NfrKind KindFromKeywords(string text)
    {
        var lower = text.ToLowerInvariant();
        (string[] Words, NfrKind Kind)[] table =
        [
            (["durab", "data loss", "never lose", "lose data"], NfrKind.Durability),
            (["consisten"], NfrKind.Consistency),
            (["availab", "uptime", "reliab", "always on", "fault toleran", "resilien"], NfrKind.Availability),
            (["latency", "fast", "quick", "responsive", "real time", "real-time", "snappy", "slow", "response time"], NfrKind.Latency),
            (["throughput", "high volume", "rps", "qps"], NfrKind.Throughput),
            (["scal", "elastic", "growth"], NfrKind.Scalability),
            (["secur", "privacy", "encrypt", "auth", "gdpr", "compliance"], NfrKind.Security),
            (["region", "global", "geo"], NfrKind.Geography),
        ];
        foreach (var (words, kind) in table)
        {
            if (words.Any(w => lower.Contains(w, StringComparison.Ordinal)))
            {
                return kind;
            }
        }

        return NfrKind.Other;
    }

    [GeneratedRegex(@"(?<stat>\bp(?<pct>\d{1,2}(?:\.\d{1,3})?)\b|\b(?:median|average|mean|avg)\b)(?<mid>[^\d\n<>≤=,;]{0,40}?)" + Compare + @"?\s*(?<bound>" + Number + @"\s*" + Unit + @")(?![a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LatencyStatFirst();

    [GeneratedRegex(@"(?<bound>" + Number + @"\s*" + Unit + @")\s*(?:at\s+|for\s+)?(?<stat>p(?<pct>\d{1,2}(?:\.\d{1,3})?)|median|average|mean)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LatencyBoundFirst();

    [GeneratedRegex(@"\b(?:latency|response\s+times?|respond(?:s)?|round[- ]trip)\b(?<mid>[^\d\n,;]{0,30}?)" + Compare + @"?\s*(?<bound>" + Number + @"\s*" + Unit + @")(?![a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LatencyKeyword();

    [GeneratedRegex(@"\b(?:latency|response\s+times?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LatencyWords();

    [GeneratedRegex(@"\G\s*(?:(?:availability|durability|uptime|latency|available|durable)\s+)?(?:for|on|of)\s+(?<what>[^,.;()]{1,60})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForClause();

    [GeneratedRegex(@"\b(?<which>RPO|RTO)\b\s*(?:of|is|=|:|<=|<|≤|under|below|within|less\s+than|at\s+most|≈|~)?\s*(?<bound>(?:" + Number + @"\s*(?:ms|s|secs?|seconds?|min|mins|minutes?|h|hrs?|hours?|d|days?)?|zero)(?![a-z0-9]))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RecoveryObjective();

    [GeneratedRegex(@"(?<pct>\d{2,3}(?:\.\d{1,15})?)\s*%", RegexOptions.CultureInvariant)]
    private static partial Regex Percentage();

    [GeneratedRegex(@"\b(?<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:nines|9s)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Nines();

    [GeneratedRegex(@"durab|data\s+loss|lose|lost", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DurabilityWords();

    [GeneratedRegex(@"availab|uptime|\bsla\b|\bslo\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AvailabilityWords();

    [GeneratedRegex(@"\b(?:(?<model>strong(?:ly)?|eventual(?:ly)?|causal(?:ly)?|sequential(?:ly)?)\s+consisten(?:cy|t)|(?<model>linearizab(?:le|ility)|linearisab(?:le|ility)|read[- ]your[- ](?:own[- ])?writes|monotonic\s+reads|bounded[- ]staleness|serializab(?:le|ility)))(?:\s*(?:for|on|of|across)\s+(?<what>[^,.;()]{1,60}))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Consistency();

    [GeneratedRegex(@"(?<what>\b[a-z][\w/ -]{0,40}?)\s+(?:must|should|need\s+to|needs\s+to)?\s*(?:be|are|is)\s+(?<model>strongly|eventually|causally)\s+consistent\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConsistencySubjectFirst();

    [GeneratedRegex(@"(?<geo>\b(?:multi[- ]?region(?:al)?|multiple\s+regions|cross[- ]region|single[- ]region|global(?:ly)?|world[- ]?wide|(?:\d+|two|three|four|five)\s+regions)\b|(?-i:\b(?:US|EU|APAC|LATAM|EMEA|UK|Asia|Europe|North America|South America|India|Japan|Australia)(?:\s*(?:,|and|&|\+|/)\s*(?:US|EU|APAC|LATAM|EMEA|UK|Asia|Europe|North America|South America|India|Japan|Australia))*\b))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Geography();

    [GeneratedRegex(@"(?<bound>\b\d+(?:[.,]\d+)?\s*[KMB]?\s*(?:rps|qps|tps|wps|req/s|reqs/s|requests?/s(?:ec)?|requests?\s+per\s+second|(?:reads?|writes?|messages?|msgs?|events?)(?:/s|\s+per\s+second))(?![a-z]))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Throughput();
}
