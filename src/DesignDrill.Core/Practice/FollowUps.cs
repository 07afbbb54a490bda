using System.Globalization;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Review;

namespace DesignDrill.Core.Practice;

/// <summary>Where a follow-up came from.</summary>
public enum FollowUpKind
{
    /// <summary>A finding of the review (a saturated tier, a SPOF, a missing idempotency key).</summary>
    Finding,

    /// <summary>One of the prompt's constraint changes, run on the candidate's design.</summary>
    ConstraintChange,

    /// <summary>A question from the prompt's own bank.</summary>
    PromptBank,

    /// <summary>A generic question from the follow-up bank.</summary>
    Generic,
}

/// <summary>A follow-up question the interviewer asks after the review.</summary>
/// <param name="Kind">Where it came from.</param>
/// <param name="Question">The question.</param>
/// <param name="Concepts">What a strong answer mentions (may be empty for prompt-bank questions no hard part covers).</param>
/// <param name="Why">Why it was chosen ("REV031 error: api at 130%", "constraint change 'ten-x-traffic'").</param>
public sealed record FollowUp(FollowUpKind Kind, string Question, IReadOnlyList<string> Concepts, string Why)
{
    /// <summary>For <see cref="FollowUpKind.Finding"/>: the finding.</summary>
    public Finding? Finding { get; init; }

    /// <summary>For <see cref="FollowUpKind.ConstraintChange"/>: what the change does to the candidate's design.</summary>
    public ConstraintOutcome? Outcome { get; init; }
}

/// <summary>Feedback on a written answer to a follow-up.</summary>
/// <param name="FollowUp">The follow-up answered.</param>
/// <param name="Covered">Expected concepts the answer mentions.</param>
/// <param name="Missing">Expected concepts it does not.</param>
/// <param name="Text">The feedback as the interviewer says it, several lines.</param>
public sealed record FollowUpFeedback(FollowUp FollowUp, IReadOnlyList<string> Covered, IReadOnlyList<string> Missing, string Text);

/// <summary>
/// Chooses the interviewer's 3–5 follow-ups: questions on the review's findings (highest impact first: errors, then
/// warnings, then notes, each ordered by the bank's impact), the prompt's constraint changes run on the candidate's
/// own design (at most two, those that break something first; one that breaks something ranks between errors and
/// warnings), then the prompt's own questions and the bank's generic ones to make up at least three.
/// </summary>
public static class FollowUpPlanner
{
    /// <summary>Most follow-ups asked (5, from the practice issue: "3–5 follow-ups").</summary>
    public const int MaxFollowUps = 5;

    /// <summary>Fewest follow-ups asked when the banks allow (3, same source).</summary>
    public const int MinFollowUps = 3;

    /// <summary>Most follow-ups on findings, so constraint changes and the prompt's questions get a turn (3; rule of thumb).</summary>
    public const int MaxFindingFollowUps = 3;

    /// <summary>Most constraint changes run, those that break something first (2; rule of thumb, leaves room for the prompt's own questions).</summary>
    public const int MaxConstraintFollowUps = 2;

    /// <summary>Chooses the follow-ups.</summary>
    /// <param name="prompt">The prompt practised.</param>
    /// <param name="report">The review of the candidate's design.</param>
    /// <param name="bank">The follow-up bank.</param>
    /// <returns>Between <see cref="MinFollowUps"/> and <see cref="MaxFollowUps"/> follow-ups (fewer only when every bank is empty), highest impact first.</returns>
    public static IReadOnlyList<FollowUp> Plan(Prompt prompt, ReviewReport report, FollowUpBank bank)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(bank);
        var ranked = new List<(double Score, FollowUp FollowUp)>();

        var findingFollowUps = report.Findings
            .Select(f => (Finding: f, Entry: bank.ForRule(f.Id)))
            .Where(x => x.Entry is not null)
            .Select(x => (x.Finding, Entry: x.Entry!, Score: (SeverityWeight(x.Finding.Severity) * 10) + x.Entry!.Impact))
            .OrderByDescending(x => x.Score)
            .DistinctBy(x => x.Finding.Id)
            .Take(MaxFindingFollowUps);
        foreach (var (finding, entry, score) in findingFollowUps)
        {
            var question = entry.Question.Replace("{message}", Sentence(finding.Message), StringComparison.Ordinal);
            var why = finding.Span.HasLocation
                ? string.Create(CultureInfo.InvariantCulture, $"{finding.Id} {Label(finding.Severity)} at line {finding.Span.Line}")
                : $"{finding.Id} {Label(finding.Severity)}";
            ranked.Add((score, new FollowUp(FollowUpKind.Finding, question, entry.Concepts, why) { Finding = finding }));
        }

        if (prompt.ConstraintChanges.Count > 0)
        {
            ReviewReport? reference = prompt.ReferenceDesignText is { } text ? DesignReviewer.Review(text) : null;
            var changes = new List<(double Score, FollowUp FollowUp)>();
            foreach (var constraint in prompt.ConstraintChanges)
            {
                var outcome = ConstraintRunner.Run(report, constraint, reference);
                if (!outcome.Applied)
                {
                    continue;
                }

                var breaks = outcome.FailedFlows.Count > 0 || outcome.Saturated.Count > 0;
                var question = $"{Sentence(constraint.Description)}. What breaks first in your design, and what do you do about it?";
                changes.Add((breaks ? 25 : 9, new FollowUp(FollowUpKind.ConstraintChange, question, bank.ConceptsForChange(KindOf(constraint.Change)), $"constraint change '{constraint.Name}'") { Outcome = outcome }));
            }

            ranked.AddRange(changes.OrderByDescending(c => c.Score).Take(MaxConstraintFollowUps));
        }

        var order = 0;
        foreach (var question in prompt.FollowUps)
        {
            ranked.Add((1 - (order++ * 0.01), new FollowUp(FollowUpKind.PromptBank, question, ConceptsFor(prompt, question), "the prompt's own question")));
        }

        order = 0;
        foreach (var generic in bank.Generic)
        {
            ranked.Add((0 - (order++ * 0.01), new FollowUp(FollowUpKind.Generic, generic.Question, generic.Concepts, "a question for every design")));
        }

        var chosen = ranked.OrderByDescending(r => r.Score).Select(r => r.FollowUp).Take(MaxFollowUps).ToList();

        // At least one constraint change is run on the candidate's design when the prompt has one that applies.
        if (!chosen.Any(f => f.Kind == FollowUpKind.ConstraintChange)
            && ranked.Select(r => r.FollowUp).FirstOrDefault(f => f.Kind == FollowUpKind.ConstraintChange) is { } change && chosen.Count > 0)
        {
            chosen[^1] = change;
            chosen = [.. chosen.OrderByDescending(f => ranked.First(r => ReferenceEquals(r.FollowUp, f)).Score)];
        }

        return chosen;
    }

    /// <summary>
    /// The concepts of the prompt's hard part that shares the most words with a question (names and concepts, words of
    /// four letters or more, stemmed); none when no hard part shares a word.
    /// </summary>
    /// <param name="prompt">The prompt.</param>
    /// <param name="question">One of its follow-up questions.</param>
    /// <returns>The concepts.</returns>
    public static IReadOnlyList<string> ConceptsFor(Prompt prompt, string question)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var words = Words(question ?? "");
        var best = prompt.HardParts
            .Select((h, i) => (Part: h, Index: i, Overlap: Words(h.Name + " " + string.Join(' ', h.Concepts)).Count(words.Contains)))
            .Where(x => x.Overlap > 0)
            .OrderByDescending(x => x.Overlap)
            .ThenBy(x => x.Index)
            .FirstOrDefault();
        return best.Part?.Concepts ?? [];
    }

    private static HashSet<string> Words(string text) =>
        [.. QuestionWords.Split(text, int.MaxValue).Where(w => w.Length >= 4 && !StopWords.Contains(w)).Select(QuestionWords.Stem)];

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "what", "when", "where", "which", "would", "your", "with", "that", "this", "there", "their", "them", "they", "does",
        "have", "from", "into", "than", "then", "will", "should", "could", "about", "each", "every", "more", "much", "many",
        "happen", "happens", "design", "system",
    };

    private static double SeverityWeight(Severity severity) => severity switch
    {
        Severity.Error => Review.Rubric.RubricScorer.ErrorWeight,
        Severity.Warning => Review.Rubric.RubricScorer.WarningWeight,
        _ => Review.Rubric.RubricScorer.NoteWeight,
    };

    private static string Label(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static string KindOf(ConstraintChangeAction change) => change switch
    {
        ScaleFlows or ScaleFlow => "scale",
        KillComponent => "kill_component",
        LoseRegion => "lose_region",
        _ => "cache_flush",
    };

    /// <summary>A message as a sentence without its final full stop, first letter capitalised.</summary>
    private static string Sentence(string text)
    {
        var t = text.Trim().TrimEnd('.');
        return t.Length == 0 ? t : char.ToUpperInvariant(t[0]) + t[1..];
    }
}

/// <summary>
/// Checks a written answer for the concepts a follow-up expects. A concept counts as covered when the answer contains
/// it or one of its aliases as a run of words: case, punctuation and hyphens are ignored and words are compared after
/// the light stemmer of the question matcher, so "circuit breakers" covers "circuit breaker" and "dead letter queue"
/// covers "dead-letter queue".
/// </summary>
public static class AnswerChecker
{
    /// <summary>Longest answer read, in characters (20,000; rule of thumb, pages of text).</summary>
    public const int MaxAnswerLength = 20_000;

    /// <summary>
    /// Aliases from concept cards: the terms of the card one of whose terms is the concept ("dead-letter queue" →
    /// "DLQ", "poison message", "dead letter"); none when no card has it.
    /// </summary>
    /// <param name="catalog">The concept cards (<see cref="ConceptCatalog.Default"/>).</param>
    /// <returns>A function for <see cref="Check"/>.</returns>
    public static Func<string, IEnumerable<string>> AliasesFrom(ConceptCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return concept => catalog.FindByTerm(concept)?.Terms ?? [];
    }

    /// <summary>Checks an answer.</summary>
    /// <param name="followUp">The follow-up answered.</param>
    /// <param name="answer">The answer as written.</param>
    /// <param name="aliases">Further names of a concept (from the concept cards); none when omitted.</param>
    /// <returns>Covered and missing concepts, and the feedback text (which for a constraint change includes what the run found).</returns>
    public static FollowUpFeedback Check(FollowUp followUp, string answer, Func<string, IEnumerable<string>>? aliases = null)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        var words = QuestionWords.Split(answer ?? "", MaxAnswerLength).Select(QuestionWords.Stem).ToList();
        var covered = new List<string>();
        var missing = new List<string>();
        foreach (var concept in followUp.Concepts)
        {
            var names = new[] { concept }.Concat(aliases?.Invoke(concept) ?? []);
            (names.Any(n => Contains(words, n)) ? covered : missing).Add(concept);
        }

        var lines = new List<string>();
        if (string.IsNullOrWhiteSpace(answer))
        {
            lines.Add("No answer given.");
        }

        if (followUp.Concepts.Count == 0)
        {
            lines.Add("No concept list for this question: compare your answer with the reference design (drill show ID --reveal).");
        }
        else
        {
            lines.Add(covered.Count == followUp.Concepts.Count
                ? $"Covered every concept expected: {string.Join(", ", covered)}."
                : covered.Count == 0
                    ? $"None of the expected concepts came up. Missing: {string.Join(", ", missing)}."
                    : $"Covered: {string.Join(", ", covered)}. Missing: {string.Join(", ", missing)}.");
        }

        if (followUp.Outcome is { } outcome)
        {
            lines.Add("DesignDrill ran it on your design: " + outcome.Summary);
            lines.AddRange(outcome.Notes.Select(n => "  (" + n + ")"));
        }

        return new FollowUpFeedback(followUp, covered, missing, string.Join("\n", lines));
    }

    /// <summary>Whether the stemmed words of <paramref name="name"/> appear in a row in <paramref name="words"/>.</summary>
    private static bool Contains(List<string> words, string name)
    {
        var needle = QuestionWords.Split(name, MaxAnswerLength).Select(QuestionWords.Stem).ToList();
        if (needle.Count == 0)
        {
            return false;
        }

        for (var i = 0; i + needle.Count <= words.Count; i++)
        {
            var match = true;
            for (var j = 0; j < needle.Count && match; j++)
            {
                match = string.Equals(words[i + j], needle[j], StringComparison.Ordinal);
            }

            if (match)
            {
                return true;
            }
        }

        return false;
    }
}
