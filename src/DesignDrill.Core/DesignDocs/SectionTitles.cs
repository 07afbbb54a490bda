using System.Text;

namespace DesignDrill.Core.DesignDocs;

/// <summary>Recognises section and subsection titles through the alias tables documented in docs/design-format.md.</summary>
internal static class SectionTitles
{
    private const int MaxTitleLength = 200;

    private static readonly (string Alias, SectionKind Kind, SubsectionKind Part)[] SectionAliases =
    [
        .. Aliases(SectionKind.ClarifyingQuestions, "clarifying questions", "clarifying question", "clarification", "clarifications", "questions", "questions to ask", "clarify", "scope", "scoping", "scope and assumptions", "assumptions", "open questions", "clarifying questions and assumptions"),
        .. Aliases(SectionKind.Requirements, "requirements", "requirement", "functional and non functional requirements", "reqs"),
        .. Aliases(SectionKind.Estimates, "estimates", "estimate", "estimations", "estimation", "back of the envelope", "back of envelope", "back of the envelope estimates", "back of the envelope estimation", "capacity estimates", "capacity estimation", "capacity planning", "capacity", "scale estimates", "napkin math", "sizing"),
        .. Aliases(SectionKind.Api, "api", "apis", "api design", "interface", "interfaces", "endpoints", "api endpoints", "system interface", "system apis"),
        .. Aliases(SectionKind.DataModel, "data model", "data models", "schema", "database schema", "storage", "data modeling", "data modelling", "database design", "entities", "storage and data model", "data storage"),
        .. Aliases(SectionKind.Architecture, "architecture", "high level design", "high level architecture", "system architecture", "design", "hld", "components", "system design", "overall design", "architecture overview"),
        .. Aliases(SectionKind.DeepDives, "deep dives", "deep dive", "detailed design", "details", "design deep dive", "deep dive topics", "detailed component design"),
        .. Aliases(SectionKind.BottlenecksAndFailureModes, "bottlenecks and failure modes", "bottlenecks", "bottleneck", "failure modes", "failures", "reliability", "failure handling", "fault tolerance", "scaling and bottlenecks", "risks", "failure modes and bottlenecks"),
        .. Aliases(SectionKind.TradeOffs, "trade offs", "tradeoffs", "tradeoff", "trade off", "alternatives", "alternatives considered", "design decisions"),
        .. Aliases(SectionKind.Operations, "operations", "observability", "monitoring", "ops", "operational concerns", "alerting", "metrics", "deployment", "monitoring and alerting"),
        ("functional requirements", SectionKind.Requirements, SubsectionKind.Functional),
        ("functional", SectionKind.Requirements, SubsectionKind.Functional),
        ("non functional requirements", SectionKind.Requirements, SubsectionKind.NonFunctional),
        ("nonfunctional requirements", SectionKind.Requirements, SubsectionKind.NonFunctional),
        ("non functional", SectionKind.Requirements, SubsectionKind.NonFunctional),
        ("nfrs", SectionKind.Requirements, SubsectionKind.NonFunctional),
        ("nfr", SectionKind.Requirements, SubsectionKind.NonFunctional),
        ("quality attributes", SectionKind.Requirements, SubsectionKind.NonFunctional),
    ];

    private static readonly Dictionary<string, (SectionKind Kind, SubsectionKind Part)> ExactSections =
        SectionAliases.GroupBy(a => a.Alias).ToDictionary(g => g.Key, g => (g.First().Kind, g.First().Part), StringComparer.Ordinal);

    private static readonly (string Alias, SubsectionKind Kind)[] SubsectionAliases =
    [
        ("non functional requirements", SubsectionKind.NonFunctional),
        ("nonfunctional requirements", SubsectionKind.NonFunctional),
        ("non functional", SubsectionKind.NonFunctional),
        ("nonfunctional", SubsectionKind.NonFunctional),
        ("nfrs", SubsectionKind.NonFunctional),
        ("nfr", SubsectionKind.NonFunctional),
        ("quality attributes", SubsectionKind.NonFunctional),
        ("functional requirements", SubsectionKind.Functional),
        ("functional", SubsectionKind.Functional),
        ("features", SubsectionKind.Functional),
        ("core features", SubsectionKind.Functional),
        ("use cases", SubsectionKind.Functional),
    ];

    /// <summary>Every recognised section title, for hints.</summary>
    public static string KnownTitles => "Clarifying questions, Requirements, Estimates, API, Data model, Architecture, Deep dives, Bottlenecks and failure modes, Trade-offs, Operations";

    /// <summary>
    /// Matches a section title: exactly (after normalisation) or, when <paramref name="allowContains"/>, by the longest
    /// alias contained in it as whole words ("Back-of-the-envelope estimates" → Estimates).
    /// </summary>
    public static (SectionKind Kind, SubsectionKind Part) MatchSection(string title, bool allowContains)
    {
        var key = Normalize(title);
        if (ExactSections.TryGetValue(key, out var exact))
        {
            return exact;
        }

        if (!allowContains || key.Length == 0)
        {
            return (SectionKind.Unknown, SubsectionKind.Other);
        }

        var padded = " " + key + " ";
        var best = (Alias: "", Kind: SectionKind.Unknown, Part: SubsectionKind.Other);
        foreach (var (alias, kind, part) in SectionAliases)
        {
            if (alias.Length > best.Alias.Length && padded.Contains(" " + alias + " ", StringComparison.Ordinal))
            {
                best = (alias, kind, part);
            }
        }

        return (best.Kind, best.Part);
    }

    /// <summary>Matches a Requirements subsection title or pseudo-heading ("Functional:", "**NFRs**").</summary>
    public static SubsectionKind MatchSubsection(string title, bool allowContains)
    {
        var key = Normalize(title);
        foreach (var (alias, kind) in SubsectionAliases)
        {
            if (key == alias)
            {
                return kind;
            }
        }

        if (!allowContains)
        {
            return SubsectionKind.Other;
        }

        var padded = " " + key + " ";
        foreach (var (alias, kind) in SubsectionAliases)
        {
            if (padded.Contains(" " + alias + " ", StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return SubsectionKind.Other;
    }

    /// <summary>Lower case; '-', '_', '/' as spaces; '&amp;' as "and"; other punctuation dropped; leading numbering ("1.", "Step 2:") dropped; spaces collapsed.</summary>
    public static string Normalize(string title)
    {
        var text = title.Length > MaxTitleLength ? title[..MaxTitleLength] : title;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c == '&')
            {
                builder.Append(" and ");
            }
            else if (c == '(' || c == '[')
            {
                builder.Append(" ( ");
            }
            else
            {
                builder.Append(' ');
            }
        }

        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var paren = words.IndexOf("(");
        if (paren > 0)
        {
            words.RemoveRange(paren, words.Count - paren);
        }

        words.RemoveAll(w => w == "(");
        if (words.Count > 1 && words[0] is "step" or "part" or "section" && words[1].All(char.IsAsciiDigit))
        {
            words.RemoveRange(0, 2);
        }

        while (words.Count > 1 && (words[0].All(char.IsAsciiDigit) || words[0] is "i" or "ii" or "iii" or "iv" or "v" or "vi" or "vii" or "viii" or "ix" or "x" or "a" or "b" or "c"))
        {
            words.RemoveAt(0);
        }

        return string.Join(' ', words);
    }

    private static IEnumerable<(string, SectionKind, SubsectionKind)> Aliases(SectionKind kind, params string[] aliases) =>
        aliases.Select(a => (a, kind, SubsectionKind.Other));
}
