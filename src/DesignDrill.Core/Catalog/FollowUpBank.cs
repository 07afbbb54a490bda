using System.Globalization;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Review;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.Catalog;

/// <summary>Diagnostic codes of the follow-up bank (<c>catalog/follow-ups.yaml</c>; docs/practice.md).</summary>
public static class FollowUpBankDiagnosticCodes
{
    /// <summary>Not valid YAML, too large, or not a mapping at the top.</summary>
    public const string Syntax = "FUP001";

    /// <summary>Wrong shape: a list where a text is expected, an empty text.</summary>
    public const string WrongShape = "FUP002";

    /// <summary>A required field is missing.</summary>
    public const string MissingField = "FUP003";

    /// <summary>An unknown rule id, an impact outside 1–3, or an unknown change kind.</summary>
    public const string InvalidValue = "FUP004";

    /// <summary>A rule given twice, or a repeated key.</summary>
    public const string Duplicate = "FUP005";

    /// <summary>An unknown key (warning; ignored).</summary>
    public const string UnknownKey = "FUP006";
}

/// <summary>A follow-up asked when the design has a finding of a rule.</summary>
/// <param name="Rule">The rule id (REV031).</param>
/// <param name="Impact">1–3; orders findings of the same severity (3 = a gap interviewers fail candidates for).</param>
/// <param name="Question">The question; <c>{message}</c> stands for the finding's message.</param>
/// <param name="Concepts">What a strong answer mentions.</param>
public sealed record FindingFollowUp(string Rule, int Impact, string Question, IReadOnlyList<string> Concepts);

/// <summary>A question with the concepts a strong answer mentions.</summary>
/// <param name="Question">The question.</param>
/// <param name="Concepts">The concepts.</param>
public sealed record BankQuestion(string Question, IReadOnlyList<string> Concepts);

/// <summary>
/// The interviewer's follow-up bank: a question per review rule, the concepts expected for each kind of constraint
/// change, and generic questions. Loaded from <c>catalog/follow-ups.yaml</c> (embedded), validated on load.
/// </summary>
public sealed class FollowUpBank
{
    /// <summary>The embedded resource name of the bundled bank.</summary>
    public const string ResourceName = "DesignDrill.Catalog.follow-ups.yaml";

    /// <summary>The change kinds of <c>changes:</c>: the constraint-change vocabulary of docs/prompt-format.md.</summary>
    public static IReadOnlyList<string> ChangeKinds { get; } = ["scale", "kill_component", "lose_region", "cache_flush"];

    private static readonly Lazy<FollowUpBankLoadResult> DefaultBank = new(LoadDefault);
    private static readonly string[] RootKeys = ["findings", "changes", "generic"];
    private static readonly string[] FindingKeys = ["rule", "impact", "question", "concepts"];
    private static readonly string[] QuestionKeys = ["question", "concepts"];
    private static readonly string[] ChangeKeys = ["concepts"];

    private FollowUpBank(IReadOnlyList<FindingFollowUp> findings, IReadOnlyDictionary<string, IReadOnlyList<string>> changes, IReadOnlyList<BankQuestion> generic)
    {
        Findings = findings;
        Changes = changes;
        Generic = generic;
    }

    /// <summary>The bundled bank.</summary>
    /// <exception cref="InvalidOperationException">The bundled file is invalid (a build defect; a test guards it).</exception>
    public static FollowUpBank Default => DefaultBank.Value.HasErrors
        ? throw new InvalidOperationException("The bundled follow-up bank is invalid: " + string.Join("; ", DefaultBank.Value.Diagnostics))
        : DefaultBank.Value.Bank;

    /// <summary>The bundled bank's load result with its diagnostics.</summary>
    public static FollowUpBankLoadResult DefaultLoadResult => DefaultBank.Value;

    /// <summary>Follow-ups per rule, in file order.</summary>
    public IReadOnlyList<FindingFollowUp> Findings { get; }

    /// <summary>Expected concepts per change kind (<see cref="ChangeKinds"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Changes { get; }

    /// <summary>Generic questions, in file order.</summary>
    public IReadOnlyList<BankQuestion> Generic { get; }

    /// <summary>The follow-up for a rule, if the bank has one.</summary>
    /// <param name="rule">A rule id (REV031).</param>
    /// <returns>The entry or <see langword="null"/>.</returns>
    public FindingFollowUp? ForRule(string rule) => Findings.FirstOrDefault(f => string.Equals(f.Rule, rule, StringComparison.Ordinal));

    /// <summary>Expected concepts for a change kind; empty when the bank has none.</summary>
    /// <param name="kind">One of <see cref="ChangeKinds"/>.</param>
    /// <returns>The concepts.</returns>
    public IReadOnlyList<string> ConceptsForChange(string kind) => Changes.TryGetValue(kind, out var c) ? c : [];

    /// <summary>Reads a bank. Never throws for bad content: problems are diagnostics, and bad entries are left out.</summary>
    /// <param name="yaml">The file's text.</param>
    /// <returns>The bank and its diagnostics (codes FUP001–FUP006).</returns>
    public static FollowUpBankLoadResult Load(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var reader = new CatalogYamlReader(FollowUpBankDiagnosticCodes.UnknownKey, FollowUpBankDiagnosticCodes.Duplicate, FollowUpBankDiagnosticCodes.MissingField, FollowUpBankDiagnosticCodes.WrongShape);
        var findings = new List<FindingFollowUp>();
        var changes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var generic = new List<BankQuestion>();
        var knownRules = ReviewRules.All.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        if (reader.Root(yaml, FollowUpBankDiagnosticCodes.Syntax, "follow-up bank") is { } root
            && reader.Fields(root, "follow-up bank", RootKeys) is { } rootFields)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var entry in reader.Entries(root, rootFields, "findings", "follow-up bank", required: false) ?? [])
            {
                if (reader.Fields(entry, "finding follow-up", FindingKeys) is not { } fields)
                {
                    continue;
                }

                var rule = reader.RequiredText(entry, fields, "rule", "finding follow-up");
                var question = reader.RequiredText(entry, fields, "question", "finding follow-up");
                var concepts = reader.TextList(entry, fields, "concepts", "finding follow-up", required: true);
                var impact = 2;
                if (fields.TryGetValue("impact", out var impactNode) && reader.Text(impactNode, "impact") is { } impactText
                    && (!int.TryParse(impactText.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out impact) || impact is < 1 or > 3))
                {
                    reader.Add(Severity.Error, FollowUpBankDiagnosticCodes.InvalidValue, CatalogYamlReader.Span(impactText), $"'impact' must be 1, 2 or 3, not '{impactText.Value}'.", "3 = a gap interviewers fail candidates for; 1 = a polish point.");
                    continue;
                }

                if (rule is null || question is null || concepts is null)
                {
                    continue;
                }

                if (!knownRules.Contains(rule.Value.Trim()))
                {
                    var closest = EditDistance.Closest(rule.Value.Trim(), [.. knownRules]);
                    reader.Add(Severity.Error, FollowUpBankDiagnosticCodes.InvalidValue, CatalogYamlReader.Span(rule), $"'{rule.Value}' is not a review rule id.", (closest is null ? "" : $"Did you mean '{closest}'? ") + "See docs/review-rules.md.");
                    continue;
                }

                if (seen.TryGetValue(rule.Value.Trim(), out var firstLine))
                {
                    reader.Add(Severity.Error, FollowUpBankDiagnosticCodes.Duplicate, CatalogYamlReader.Span(rule), $"Rule {rule.Value.Trim()} already has a follow-up at line {firstLine.ToString(CultureInfo.InvariantCulture)}.", "Keep one question per rule.");
                    continue;
                }

                seen[rule.Value.Trim()] = rule.Line;
                findings.Add(new FindingFollowUp(rule.Value.Trim(), impact, question.Value.Trim(), [.. concepts.Select(c => c.Value.Trim())]));
            }

            if (rootFields.TryGetValue("changes", out var changesNode))
            {
                if (changesNode.Kind != YamlNodeKind.Mapping)
                {
                    reader.Add(Severity.Error, FollowUpBankDiagnosticCodes.WrongShape, CatalogYamlReader.Span(changesNode), "'changes' must be a mapping of change kinds.", "Write 'scale:', 'kill_component:', 'lose_region:' and 'cache_flush:', each with 'concepts: [...]'.");
                }
                else
                {
                    foreach (var (key, value) in changesNode.Pairs)
                    {
                        if (!ChangeKinds.Contains(key.Value))
                        {
                            var closest = EditDistance.Closest(key.Value, ChangeKinds);
                            reader.Add(Severity.Error, FollowUpBankDiagnosticCodes.InvalidValue, CatalogYamlReader.Span(key), $"'{key.Value}' is not a change kind.", (closest is null ? "" : $"Did you mean '{closest}'? ") + "Kinds: " + string.Join(", ", ChangeKinds) + ".");
                            continue;
                        }

                        if (changes.ContainsKey(key.Value))
                        {
                            reader.Add(Severity.Error, FollowUpBankDiagnosticCodes.Duplicate, CatalogYamlReader.Span(key), $"'{key.Value}' is given twice.", "Keep one of them.");
                            continue;
                        }

                        if (reader.Fields(value, "change", ChangeKeys) is { } fields
                            && reader.TextList(value, fields, "concepts", "change", required: true) is { } concepts)
                        {
                            changes[key.Value] = [.. concepts.Select(c => c.Value.Trim())];
                        }
                    }
                }
            }

            foreach (var entry in reader.Entries(root, rootFields, "generic", "follow-up bank", required: false) ?? [])
            {
                if (reader.Fields(entry, "generic question", QuestionKeys) is { } fields
                    && reader.RequiredText(entry, fields, "question", "generic question") is { } question
                    && reader.TextList(entry, fields, "concepts", "generic question", required: true) is { } concepts)
                {
                    generic.Add(new BankQuestion(question.Value.Trim(), [.. concepts.Select(c => c.Value.Trim())]));
                }
            }
        }

        return new FollowUpBankLoadResult(new FollowUpBank(findings, changes, generic), reader.Diagnostics);
    }

    private static FollowUpBankLoadResult LoadDefault()
    {
        using var stream = typeof(FollowUpBank).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Load(reader.ReadToEnd());
    }
}

/// <summary>A loaded follow-up bank with its diagnostics.</summary>
/// <param name="Bank">The bank (bad entries left out).</param>
/// <param name="Diagnostics">Problems found, with line and column.</param>
public sealed record FollowUpBankLoadResult(FollowUpBank Bank, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
