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
/// <remarks>
/// Every command (<see cref="Ask"/>, <see cref="NextPhase"/>, <see cref="Save"/>, <see cref="Review"/>,
/// <see cref="Finish"/>, <see cref="Answer(int, string, Func{string, IEnumerable{string}})"/>) reads the clock once and
/// is added to <see cref="Journal"/> with that time, and its effect depends only on that time and the session's state,
/// so <see cref="Replay"/> rebuilds the same session from the journal. A clock that goes back (a corrected system clock,
/// a journal resumed on another machine) counts as no time passing: a command is never recorded before the one before it.
/// </remarks>
public sealed class PracticeSession
{
    private readonly QuestionMatcher _matcher;
    private readonly List<TimelineEvent> _timeline = [];
    private readonly List<(TimeSpan At, string Question, ClarifyingAnswer Answer)> _questions = [];
    private readonly List<JournalEntry> _entries = [];
    private readonly List<FollowUpAnswer> _answers = [];
    private TimeProvider _clock;
    private SessionResult? _result;

    /// <summary>Starts a session now, with a new id.</summary>
    /// <param name="prompt">The prompt practised.</param>
    /// <param name="plan">The phases and time boxes (<see cref="SessionPlan.FortyFiveMinutes"/> or <see cref="SessionPlan.SixtyMinutes"/>).</param>
    /// <param name="clock">The clock; <see cref="TimeProvider.System"/> outside tests.</param>
    /// <param name="level">The level the design is reviewed at.</param>
    /// <param name="matcher">The clarifying-question matcher; <see cref="QuestionMatcher.Default"/> when omitted.</param>
    public PracticeSession(Prompt prompt, SessionPlan plan, TimeProvider clock, DesignLevel level = DesignLevel.Mid, QuestionMatcher? matcher = null)
        : this(prompt, plan, clock, Guid.NewGuid().ToString("N"), (clock ?? throw new ArgumentNullException(nameof(clock))).GetUtcNow(), level, matcher)
    {
    }

    /// <summary>Starts a session with a given id and start time: for <see cref="Replay"/>, and for a front end that chose the id first.</summary>
    /// <param name="prompt">The prompt practised.</param>
    /// <param name="plan">The phases and time boxes.</param>
    /// <param name="clock">The clock the session reads from now on.</param>
    /// <param name="id">The session's id: 32 hexadecimal digits (<see cref="SessionJournal.IsSessionId"/>).</param>
    /// <param name="startedAt">When the session started; kept in UTC. Times since the start count from it.</param>
    /// <param name="level">The level the design is reviewed at.</param>
    /// <param name="matcher">The clarifying-question matcher; <see cref="QuestionMatcher.Default"/> when omitted.</param>
    /// <exception cref="ArgumentException">When <paramref name="id"/> is not a session id.</exception>
    public PracticeSession(Prompt prompt, SessionPlan plan, TimeProvider clock, string id, DateTimeOffset startedAt, DesignLevel level = DesignLevel.Mid, QuestionMatcher? matcher = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(clock);
        if (!SessionJournal.IsSessionId(id))
        {
            throw new ArgumentException($"'{id}' is not a session id: 32 hexadecimal digits, a GUID in the \"N\" form.", nameof(id));
        }

        Prompt = prompt;
        Plan = plan;
        Level = level;
        _clock = clock;
        _matcher = matcher ?? QuestionMatcher.Default;
        StartedAt = startedAt.ToUniversalTime();
        Id = id;
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

    /// <summary>Whether <see cref="Finish"/> has run; after it only follow-ups can be answered.</summary>
    public bool IsFinished => _result is not null;

    /// <summary>
    /// The design text as last typed (<see cref="SetDraft"/>) or last saved, reviewed or finished with, whichever came
    /// later; <see langword="null"/> before any.
    /// </summary>
    public SessionDraft? Draft { get; private set; }

    /// <summary>The follow-ups answered so far, oldest first, with their feedback.</summary>
    public IReadOnlyList<FollowUpAnswer> Answers => _answers;

    /// <summary>
    /// The session so far as a journal: its set-up, every command with its time, and the latest draft. A new snapshot
    /// on every read (the entries are copied), to be stored after each command and replayed by <see cref="Replay"/>.
    /// </summary>
    public SessionJournal Journal => new(Id, Prompt.Id, Plan.Minutes, Level, StartedAt, [.. _entries], Draft);

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
        var at = Now();
        var answer = ClarifyingAnswerer.Answer(Prompt, question, _matcher);
        _questions.Add((at, question ?? "", answer));
        _timeline.Add(new TimelineEvent(at, TimelineEventKind.Asked, Phase, OneLine(question ?? "")) { Topics = answer.Topics });
        _entries.Add(new JournalEntry(at, JournalEntryKind.Ask, question ?? ""));
        return answer;
    }

    /// <summary>Moves to the next phase (Wrap-up stays Wrap-up).</summary>
    /// <returns>The phase now current.</returns>
    /// <exception cref="InvalidOperationException">The session has finished.</exception>
    public PhaseKind NextPhase()
    {
        ThrowIfFinished();
        var at = Now();
        if (Phase < PhaseKind.WrapUp)
        {
            StartPhase(Phase + 1, at, "moved on");
        }

        _entries.Add(new JournalEntry(at, JournalEntryKind.NextPhase, ""));

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
        var at = Now();
        var document = Snapshot(designText ?? "", at, TimelineEventKind.Saved, "saved");
        _entries.Add(new JournalEntry(at, JournalEntryKind.Save, designText ?? ""));
        return document;
    }

    /// <summary>Reviews the design as it stands, and records the snapshot and the review's counts.</summary>
    /// <param name="designText">The whole design document.</param>
    /// <returns>The review report.</returns>
    /// <exception cref="InvalidOperationException">The session has finished.</exception>
    public ReviewReport Review(string designText)
    {
        ThrowIfFinished();
        var at = Now();
        var report = DesignReviewer.Review(designText ?? "", new ReviewOptions { Level = Level });
        Snapshot(designText ?? "", at, TimelineEventKind.Reviewed, Counts(report));
        _entries.Add(new JournalEntry(at, JournalEntryKind.Review, designText ?? ""));
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
        var finishedAt = Now();
        var report = DesignReviewer.Review(designText ?? "", new ReviewOptions { Level = Level });
        Snapshot(designText ?? "", finishedAt, TimelineEventKind.Reviewed, Counts(report));
        _timeline.Add(new TimelineEvent(finishedAt, TimelineEventKind.Finished, Phase, $"finished after {SessionClock.Format(finishedAt)}"));
        var sessionFindings = SessionFindings.Find(Prompt, Plan, _timeline, report.Document, finishedAt);
        var scorecard = RubricScorer.Score(report, sessionFindings);
        var planned = FollowUpPlanner.Plan(Prompt, report, followUps ?? FollowUpBank.Default);
        _result = new SessionResult(report, sessionFindings, scorecard, planned, finishedAt, StartedAt + finishedAt);
        _entries.Add(new JournalEntry(finishedAt, JournalEntryKind.Finish, designText ?? ""));
        return _result;
    }

    /// <summary>Checks a written answer to one of the result's follow-ups and records it on the timeline.</summary>
    /// <param name="followUp">A follow-up from <see cref="Result"/> (the same instance, or an equal record).</param>
    /// <param name="answer">The candidate's answer.</param>
    /// <param name="concepts">Further names of a concept (the concept cards' terms); none when omitted.</param>
    /// <returns>Which expected concepts the answer covered and which it missed.</returns>
    /// <exception cref="InvalidOperationException">The session has not finished, so it has no follow-ups yet.</exception>
    /// <exception cref="ArgumentException"><paramref name="followUp"/> is not one of <see cref="Result"/>'s follow-ups.</exception>
    public FollowUpFeedback Answer(FollowUp followUp, string answer, Func<string, IEnumerable<string>>? concepts = null)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        var followUps = RequireResult().FollowUps;
        var index = IndexOf(followUps, f => ReferenceEquals(f, followUp));
        if (index < 0)
        {
            index = IndexOf(followUps, f => f.Equals(followUp));
        }

        return index >= 0
            ? Answer(index, answer, concepts)
            : throw new ArgumentException($"'{followUp.Question}' is not one of this session's follow-ups.", nameof(followUp));
    }

    /// <summary>Checks a written answer to the follow-up at <paramref name="followUpIndex"/> and records it on the timeline and in <see cref="Answers"/>.</summary>
    /// <param name="followUpIndex">The 0-based index of the follow-up in <see cref="SessionResult.FollowUps"/>.</param>
    /// <param name="answer">The candidate's answer; null counts as empty.</param>
    /// <param name="concepts">Further names of a concept (the concept cards' terms); none when omitted.</param>
    /// <returns>Which expected concepts the answer covered and which it missed.</returns>
    /// <exception cref="InvalidOperationException">The session has not finished, so it has no follow-ups yet.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="followUpIndex"/> is not an index of the result's follow-ups.</exception>
    public FollowUpFeedback Answer(int followUpIndex, string answer, Func<string, IEnumerable<string>>? concepts = null)
    {
        var followUps = RequireResult().FollowUps;
        ArgumentOutOfRangeException.ThrowIfNegative(followUpIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(followUpIndex, followUps.Count);
        var at = Now();
        var followUp = followUps[followUpIndex];
        var feedback = AnswerChecker.Check(followUp, answer ?? "", concepts);
        _answers.Add(new FollowUpAnswer(at, followUpIndex, answer ?? "", feedback));
        _timeline.Add(new TimelineEvent(at, TimelineEventKind.Answered, Phase, $"answered: {OneLine(followUp.Question)} ({feedback.Covered.Count} of {followUp.Concepts.Count} concepts)"));
        _entries.Add(new JournalEntry(at, JournalEntryKind.Answer, answer ?? "", followUpIndex));
        return feedback;
    }

    /// <summary>
    /// Records the design text as typed, without touching the timeline, the phase or <see cref="LatestDesign"/>: the
    /// autosave of an editor (about once a second while typing). It becomes <see cref="Draft"/> and goes in the journal.
    /// </summary>
    /// <param name="designText">The whole design document as typed; null counts as empty.</param>
    /// <returns>The draft recorded, with the time since the start.</returns>
    /// <exception cref="InvalidOperationException">The session has finished.</exception>
    public SessionDraft SetDraft(string designText)
    {
        ThrowIfFinished();
        Draft = new SessionDraft(Now(), designText ?? "");
        return Draft;
    }

    /// <summary>
    /// Rebuilds a session from its journal: replays every entry against a clock set to the entry's time, so the
    /// timeline, questions, phase, latest design, result and answers are those of the original session, then restores
    /// the draft and continues on <paramref name="clock"/>. The prompt, follow-up bank, matcher and concept aliases must
    /// be those the original used (the catalog's defaults when omitted, as in the original) for the same result.
    /// </summary>
    /// <param name="journal">The journal (<see cref="Journal"/>, or read with <see cref="SessionJournalJson.Read"/>).</param>
    /// <param name="prompt">The prompt whose id is <see cref="SessionJournal.PromptId"/>.</param>
    /// <param name="clock">The clock the session reads after the replay; <see cref="TimeProvider.System"/> outside tests.</param>
    /// <param name="followUps">The follow-up bank for a finish; <see cref="FollowUpBank.Default"/> when omitted.</param>
    /// <param name="matcher">The clarifying-question matcher; <see cref="QuestionMatcher.Default"/> when omitted.</param>
    /// <param name="concepts">Further names of a concept for the answers (the concept cards' terms); none when omitted.</param>
    /// <returns>The session, its <see cref="Journal"/> equal to <paramref name="journal"/>.</returns>
    /// <exception cref="ArgumentException">
    /// When the journal fails <see cref="SessionJournal.Validate"/>, is of another prompt, or answers a follow-up the
    /// replayed result does not have (the prompt or the follow-up bank changed since it was written).
    /// </exception>
    public static PracticeSession Replay(
        SessionJournal journal,
        Prompt prompt,
        TimeProvider clock,
        FollowUpBank? followUps = null,
        QuestionMatcher? matcher = null,
        Func<string, IEnumerable<string>>? concepts = null)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(clock);
        SessionJournalJson.ThrowIfInvalid(journal, nameof(journal));
        if (!string.Equals(journal.PromptId, prompt.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Journal '{journal.Id}' is of prompt '{journal.PromptId}', not '{prompt.Id}'.", nameof(prompt));
        }

        var replayClock = new ReplayClock(journal.StartedAt);
        var session = new PracticeSession(prompt, SessionPlan.ForMinutes(journal.PlannedMinutes)!, replayClock, journal.Id, journal.StartedAt, journal.Level, matcher);
        foreach (var entry in journal.Entries)
        {
            replayClock.Now = session.StartedAt + entry.At;
            switch (entry.Kind)
            {
                case JournalEntryKind.Ask:
                    session.Ask(entry.Text);
                    break;
                case JournalEntryKind.NextPhase:
                    session.NextPhase();
                    break;
                case JournalEntryKind.Save:
                    session.Save(entry.Text);
                    break;
                case JournalEntryKind.Review:
                    session.Review(entry.Text);
                    break;
                case JournalEntryKind.Finish:
                    session.Finish(entry.Text, followUps);
                    break;
                default:
                    var count = session.Result!.FollowUps.Count;
                    if (entry.FollowUpIndex >= count)
                    {
                        throw new ArgumentException(
                            $"Journal '{journal.Id}' answers follow-up {entry.FollowUpIndex} at {entry.At:c}, but the replayed session has {count} follow-ups: the prompt or the follow-up bank changed since it was written.",
                            nameof(journal));
                    }

                    session.Answer(entry.FollowUpIndex!.Value, entry.Text, concepts);
                    break;
            }
        }

        session.Draft = journal.Draft;
        session._clock = clock;
        return session;
    }

    private DesignDocument Snapshot(string designText, TimeSpan at, TimelineEventKind kind, string text)
    {
        LatestDesign = designText;
        Draft = new SessionDraft(at, designText);
        var document = DesignDocumentParser.Parse(designText);
        var sections = SectionsWithContent(document);
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

    /// <summary>The clock of a replay: stands at the time the replay sets.</summary>
    private sealed class ReplayClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static string Counts(ReviewReport report) =>
        $"reviewed: {report.Count(Diagnostics.Severity.Error)} errors, {report.Count(Diagnostics.Severity.Warning)} warnings, {report.Count(Diagnostics.Severity.Info)} notes";

    private static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length <= 200 ? line : line[..199] + "…";
    }

    /// <summary>
    /// The time of a command: time since the start, never before the previous command's time nor the start (a clock
    /// that goes back counts as no time passing).
    /// </summary>
    private TimeSpan Now()
    {
        var at = Elapsed;
        var floor = _entries.Count > 0 ? _entries[^1].At : TimeSpan.Zero;
        return at < floor ? floor : at;
    }

    private static int IndexOf(IReadOnlyList<FollowUp> followUps, Func<FollowUp, bool> match)
    {
        for (var i = 0; i < followUps.Count; i++)
        {
            if (match(followUps[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private SessionResult RequireResult() =>
        _result ?? throw new InvalidOperationException("The session has not finished: follow-ups come with the result of Finish.");

    private void ThrowIfFinished()
    {
        if (_result is not null)
        {
            throw new InvalidOperationException("The session has finished; start a new one to practise again.");
        }
    }
}

/// <summary>A follow-up the candidate answered, with the feedback it got.</summary>
/// <param name="At">When it was answered: time since the session started.</param>
/// <param name="FollowUpIndex">The 0-based index of the follow-up in <see cref="SessionResult.FollowUps"/>.</param>
/// <param name="Answer">The answer as written.</param>
/// <param name="Feedback">Which expected concepts it covered and missed, and the interviewer's feedback.</param>
public sealed record FollowUpAnswer(TimeSpan At, int FollowUpIndex, string Answer, FollowUpFeedback Feedback);

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
