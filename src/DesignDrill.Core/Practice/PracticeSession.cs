using DesignDrill.Core.Catalog;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Review;
using DesignDrill.Core.Review.Rubric;

namespace DesignDrill.Core.Practice;

/// <summary>
/// One timed practice interview on a prompt: the clock and its phases, the clarifying questions asked and answered from
/// the prompt's hidden facts, a timeline of what was written and asked when, reviews at any time, and at the end the
/// session's own findings, the rubric scorecard and the interviewer's follow-ups. All times come from the
/// <see cref="TimeProvider"/> given, so tests control the clock. Not thread-safe: one candidate, one session.
/// </summary>
public sealed class PracticeSession
{
    private readonly TimeProvider _clock;
    private readonly QuestionMatcher _matcher;
    private readonly List<TimelineEvent> _timeline = [];
    private readonly List<(TimeSpan At, string Question, ClarifyingAnswer Answer)> _questions = [];
    private SessionResult? _result;

    /// <summary>Starts a session now.</summary>
    /// <param name="prompt">The prompt practised.</param>
    /// <param name="plan">The phases and time boxes (<see cref="SessionPlan.FortyFiveMinutes"/> or <see cref="SessionPlan.SixtyMinutes"/>).</param>
    /// <param name="clock">The clock; <see cref="TimeProvider.System"/> outside tests.</param>
    /// <param name="level">The level the design is reviewed at.</param>
    /// <param name="matcher">The clarifying-question matcher; <see cref="QuestionMatcher.Default"/> when omitted.</param>
    public PracticeSession(Prompt prompt, SessionPlan plan, TimeProvider clock, DesignLevel level = DesignLevel.Mid, QuestionMatcher? matcher = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(clock);
        Prompt = prompt;
        Plan = plan;
        Level = level;
        _clock = clock;
        _matcher = matcher ?? QuestionMatcher.Default;
        StartedAt = clock.GetUtcNow();
        Id = Guid.NewGuid().ToString("N");
        _timeline.Add(new TimelineEvent(TimeSpan.Zero, TimelineEventKind.Started, PhaseKind.Clarify, $"started '{prompt.Title}' ({plan.Minutes} min)"));
    }

    /// <summary>The session's id: 32 hexadecimal digits (a GUID).</summary>
    public string Id { get; }

    /// <summary>The prompt practised.</summary>
    public Prompt Prompt { get; }

    /// <summary>The phases and their time boxes.</summary>
    public SessionPlan Plan { get; }

    /// <summary>The level the design is reviewed at.</summary>
    public DesignLevel Level { get; }

    /// <summary>When the session started (UTC, from the clock).</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The current phase.</summary>
    public PhaseKind Phase { get; private set; } = PhaseKind.Clarify;

    /// <summary>What happened so far, oldest first.</summary>
    public IReadOnlyList<TimelineEvent> Timeline => _timeline;

    /// <summary>The questions asked so far with their answers, oldest first.</summary>
    public IReadOnlyList<(TimeSpan At, string Question, ClarifyingAnswer Answer)> Questions => _questions;

    /// <summary>The last design text saved, reviewed or finished with; empty before the first.</summary>
    public string LatestDesign { get; private set; } = "";

    /// <summary>The result, once <see cref="Finish"/> has run.</summary>
    public SessionResult? Result => _result;

    /// <summary>Time since the start, from the clock.</summary>
    public TimeSpan Elapsed => _clock.GetUtcNow() - StartedAt;

    /// <summary>The clock as the candidate sees it: phase, time left in the phase and in the session.</summary>
    /// <returns>The current clock.</returns>
    public SessionClock Clock()
    {
        var elapsed = Elapsed;
        var phaseStart = _timeline.LastOrDefault(e => e.Kind == TimelineEventKind.PhaseStarted)?.At ?? TimeSpan.Zero;
        return new SessionClock(elapsed, Plan.Total - elapsed, Phase, elapsed - phaseStart, Plan.Get(Phase).Box);
    }

    /// <summary>Answers a clarifying question from the prompt's fact sheet and records it on the timeline.</summary>
    /// <param name="question">The question as typed; any text (only the first 2,000 characters are read).</param>
    /// <returns>The matched topics and the answer ("Your call — state it as an assumption." when nothing matched).</returns>
    /// <exception cref="InvalidOperationException">The session has finished.</exception>
    public ClarifyingAnswer Ask(string question)
    {
        ThrowIfFinished();
        var answer = ClarifyingAnswerer.Answer(Prompt, question, _matcher);
        var at = Elapsed;
        _questions.Add((at, question ?? "", answer));
        _timeline.Add(new TimelineEvent(at, TimelineEventKind.Asked, Phase, OneLine(question ?? "")) { Topics = answer.Topics });
        return answer;
    }

    /// <summary>Moves to the next phase (Wrap-up stays Wrap-up).</summary>
    /// <returns>The phase now current.</returns>
    /// <exception cref="InvalidOperationException">The session has finished.</exception>
    public PhaseKind NextPhase()
    {
        ThrowIfFinished();
        if (Phase < PhaseKind.WrapUp)
        {
            StartPhase(Phase + 1, Elapsed, "moved on");
        }

        return Phase;
    }

    /// <summary>
    /// Records a snapshot of the design: which interview sections have content. Writing in a later phase's section moves
    /// the session to that phase.
    /// </summary>
    /// <param name="designText">The whole design document.</param>
    /// <returns>The parsed document.</returns>
    /// <exception cref="InvalidOperationException">The session has finished.</exception>
    public DesignDocument Save(string designText)
    {
        ThrowIfFinished();
        return Snapshot(designText ?? "", TimelineEventKind.Saved, "saved");
    }

    /// <summary>Reviews the design as it stands, and records the snapshot and the review's counts.</summary>
    /// <param name="designText">The whole design document.</param>
    /// <returns>The review report.</returns>
    /// <exception cref="InvalidOperationException">The session has finished.</exception>
    public ReviewReport Review(string designText)
    {
        ThrowIfFinished();
        var report = DesignReviewer.Review(designText ?? "", new ReviewOptions { Level = Level });
        Snapshot(designText ?? "", TimelineEventKind.Reviewed, Counts(report));
        return report;
    }

    /// <summary>
    /// Finishes the session: a final review of the design, the session's own findings (facts never asked for, boxes
    /// before estimates, overruns, phases never reached), the scorecard over both, and 3–5 follow-ups.
    /// </summary>
    /// <param name="designText">The final design document.</param>
    /// <param name="followUps">The follow-up bank; <see cref="FollowUpBank.Default"/> when omitted.</param>
    /// <returns>The result (also kept in <see cref="Result"/>).</returns>
    /// <exception cref="InvalidOperationException">The session has already finished.</exception>
    public SessionResult Finish(string designText, FollowUpBank? followUps = null)
    {
        ThrowIfFinished();
        var report = DesignReviewer.Review(designText ?? "", new ReviewOptions { Level = Level });
        Snapshot(designText ?? "", TimelineEventKind.Reviewed, Counts(report));
        var finishedAt = Elapsed;
        _timeline.Add(new TimelineEvent(finishedAt, TimelineEventKind.Finished, Phase, $"finished after {SessionClock.Format(finishedAt)}"));
        var sessionFindings = SessionFindings.Find(Prompt, Plan, _timeline, report.Document, finishedAt);
        var scorecard = RubricScorer.Score(report, sessionFindings);
        var planned = FollowUpPlanner.Plan(Prompt, report, followUps ?? FollowUpBank.Default);
        _result = new SessionResult(report, sessionFindings, scorecard, planned, finishedAt, StartedAt + finishedAt);
        return _result;
    }

    /// <summary>Checks a written answer to one of the result's follow-ups and records it on the timeline.</summary>
    /// <param name="followUp">A follow-up from <see cref="Result"/>.</param>
    /// <param name="answer">The candidate's answer.</param>
    /// <param name="concepts">Further names of a concept (the concept cards' terms); none when omitted.</param>
    /// <returns>Which expected concepts the answer covered and which it missed.</returns>
    public FollowUpFeedback Answer(FollowUp followUp, string answer, Func<string, IEnumerable<string>>? concepts = null)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        var feedback = AnswerChecker.Check(followUp, answer ?? "", concepts);
        _timeline.Add(new TimelineEvent(Elapsed, TimelineEventKind.Answered, Phase, $"answered: {OneLine(followUp.Question)} ({feedback.Covered.Count} of {followUp.Concepts.Count} concepts)"));
        return feedback;
    }

    private DesignDocument Snapshot(string designText, TimelineEventKind kind, string text)
    {
        LatestDesign = designText;
        var document = DesignDocumentParser.Parse(designText);
        var sections = SectionsWithContent(document);
        var at = Elapsed;
        var furthest = sections.Select(SessionPlan.PhaseOf).Where(p => p is not null).Select(p => p!.Value).DefaultIfEmpty(PhaseKind.Clarify).Max();
        if (furthest > Phase)
        {
            StartPhase(furthest, at, "started writing " + SessionPlan.TitleOf(furthest));
        }

        _timeline.Add(new TimelineEvent(at, kind, Phase, text) { SectionsWithContent = sections });
        return document;
    }

    private void StartPhase(PhaseKind phase, TimeSpan at, string why)
    {
        Phase = phase;
        _timeline.Add(new TimelineEvent(at, TimelineEventKind.PhaseStarted, phase, $"{SessionPlan.TitleOf(phase)}: {why}"));
    }

    /// <summary>
    /// The interview sections of a document with at least one line of text under their heading (blank lines and
    /// sub-headings such as the template's <c>### Functional</c> do not count).
    /// </summary>
    /// <param name="document">The parsed document.</param>
    /// <returns>The sections, in document order, each once.</returns>
    public static IReadOnlyList<SectionKind> SectionsWithContent(DesignDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return [.. document.Sections
            .Where(s => s.Kind != SectionKind.Unknown && s.Lines.Any(l => !string.IsNullOrWhiteSpace(l.Text) && !l.Text.TrimStart().StartsWith('#')))
            .Select(s => s.Kind)
            .Distinct()];
    }

    private static string Counts(ReviewReport report) =>
        $"reviewed: {report.Count(Diagnostics.Severity.Error)} errors, {report.Count(Diagnostics.Severity.Warning)} warnings, {report.Count(Diagnostics.Severity.Info)} notes";

    private static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length <= 200 ? line : line[..199] + "…";
    }

    private void ThrowIfFinished()
    {
        if (_result is not null)
        {
            throw new InvalidOperationException("The session has finished; start a new one to practise again.");
        }
    }
}

/// <summary>What a finished session produced.</summary>
/// <param name="Review">The final review of the design.</param>
/// <param name="SessionFindings">Findings about how the session was run (SES rules, docs/practice.md).</param>
/// <param name="Scorecard">The rubric scorecard over the review and the session findings together.</param>
/// <param name="FollowUps">The interviewer's 3–5 follow-ups, highest impact first.</param>
/// <param name="Duration">Time from start to finish.</param>
/// <param name="FinishedAt">When it finished (UTC, from the clock).</param>
public sealed record SessionResult(
    ReviewReport Review,
    IReadOnlyList<Finding> SessionFindings,
    RubricScorecard Scorecard,
    IReadOnlyList<FollowUp> FollowUps,
    TimeSpan Duration,
    DateTimeOffset FinishedAt);
