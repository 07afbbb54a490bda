using DesignDrill.Core.Catalog;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Practice;
using DesignDrill.Core.Tests.Review;
using FsCheck;
using FsCheck.Fluent;

namespace DesignDrill.Core.Tests.Practice;

/// <summary>The journal a practice session keeps as it goes, and replaying it into the same session.</summary>
public sealed class SessionReplayTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    private static Prompt UrlShortener => PromptCatalog.Default.Get("url-shortener").ShouldNotBeNull();

    private static string Sample { get; } = RepoFiles.Read("samples/url-shortener.md");

    /// <summary>The sample cut before each of its sections, then whole: a design written phase by phase.</summary>
    private static string[] Stages { get; } =
    [
        "",
        Cut("## Requirements"),
        Cut("## Estimates"),
        Cut("## API"),
        Cut("## Architecture"),
        Cut("## Deep dives"),
        Cut("## Trade-offs"),
        Sample,
        "# Notes 🚀\n\nnaïve café — 日本語\u0000\t\r\n## Architecture\nnot a component line\n",
    ];

    private static readonly string[] Questions =
    [
        "How many daily active users are there?", "What peak request rate should we plan for?", "What is the read to write ratio?",
        "What p99 latency do redirects need?", "Should I use my favourite colour?", "", "What availability target do we have?",
    ];

    private static readonly string[] AnswerTexts =
    [
        "Add app servers behind the load balancer (horizontal scaling) and grow the cache.",
        "Shard the database by short code, with replicas for reads and a circuit breaker in front.",
        "",
        "I would not change anything.",
    ];

    [Fact]
    public void Should_record_every_command_with_its_time_in_the_journal()
    {
        // Given
        var clock = new ManualClock(Start);
        var session = new PracticeSession(UrlShortener, SessionPlan.SixtyMinutes, clock, DesignLevel.Senior);

        // When
        clock.AdvanceMinutes(1);
        session.Ask("How many users?");
        clock.AdvanceMinutes(1);
        session.NextPhase();
        clock.Advance(TimeSpan.FromTicks(12_345_678));
        session.Save(Stages[2]);
        clock.AdvanceMinutes(2);
        session.Review(Stages[3]);
        var journal = session.Journal;

        // Then
        journal.Id.ShouldBe(session.Id);
        journal.PromptId.ShouldBe("url-shortener");
        journal.PlannedMinutes.ShouldBe(60);
        journal.Level.ShouldBe(DesignLevel.Senior);
        journal.StartedAt.ShouldBe(Start);
        journal.IsFinished.ShouldBeFalse();
        var second = TimeSpan.FromMinutes(2) + TimeSpan.FromTicks(12_345_678);
        journal.Entries.ShouldBe(
        [
            new JournalEntry(TimeSpan.FromMinutes(1), JournalEntryKind.Ask, "How many users?"),
            new JournalEntry(TimeSpan.FromMinutes(2), JournalEntryKind.NextPhase, ""),
            new JournalEntry(second, JournalEntryKind.Save, Stages[2]),
            new JournalEntry(second + TimeSpan.FromMinutes(2), JournalEntryKind.Review, Stages[3]),
        ]);
        journal.Draft.ShouldBe(new SessionDraft(second + TimeSpan.FromMinutes(2), Stages[3]));
        journal.LastActivity.ShouldBe(second + TimeSpan.FromMinutes(2));
        journal.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void Should_keep_a_draft_out_of_the_timeline_and_the_phase()
    {
        // Given
        var clock = new ManualClock(Start);
        var session = new PracticeSession(UrlShortener, SessionPlan.FortyFiveMinutes, clock);
        clock.AdvanceMinutes(3);
        var timeline = session.Timeline.Count;

        // When: the whole design typed but not saved
        var draft = session.SetDraft(Sample);

        // Then
        draft.ShouldBe(new SessionDraft(TimeSpan.FromMinutes(3), Sample));
        session.Draft.ShouldBe(draft);
        session.Timeline.Count.ShouldBe(timeline);
        session.Phase.ShouldBe(PhaseKind.Clarify);
        session.LatestDesign.ShouldBeEmpty();
        session.Journal.Entries.ShouldBeEmpty();
        session.Journal.Draft.ShouldBe(draft);
        session.Journal.LastActivity.ShouldBe(TimeSpan.FromMinutes(3));
    }

    [Fact]
    public void Should_replay_a_finished_session_with_answers_into_the_same_session()
    {
        // Given: questions, phases, saves, a review, the finish and two answers, at odd times
        var (original, clock) = FinishedSession();

        // When
        var replayed = PracticeSession.Replay(original.Journal, UrlShortener, clock, concepts: AnswerChecker.AliasesFrom(ConceptCatalog.Default));
        var fromJson = PracticeSession.Replay(
            SessionJournalJson.Read(SessionJournalJson.Write(original.Journal)).Journal.ShouldNotBeNull(),
            UrlShortener,
            clock,
            concepts: AnswerChecker.AliasesFrom(ConceptCatalog.Default));

        // Then
        original.Result.ShouldNotBeNull().FollowUps.Count.ShouldBeGreaterThanOrEqualTo(3);
        original.Answers.Count.ShouldBe(2);
        SessionSnapshot.Of(replayed).ShouldBe(SessionSnapshot.Of(original));
        SessionSnapshot.Of(fromJson).ShouldBe(SessionSnapshot.Of(original));
        replayed.Journal.ShouldBe(original.Journal);
        replayed.Answers[1].Feedback.Covered.ShouldBe(original.Answers[1].Feedback.Covered);
        replayed.Answers[1].Feedback.Text.ShouldBe(original.Answers[1].Feedback.Text);
    }

    [Fact]
    public void Should_continue_on_the_real_clock_after_a_replay()
    {
        // Given: a session left at 4 minutes, resumed at 30 minutes after the start
        var clock = new ManualClock(Start);
        var original = new PracticeSession(UrlShortener, SessionPlan.FortyFiveMinutes, clock);
        clock.AdvanceMinutes(4);
        original.Ask("How many users?");
        var later = new ManualClock(Start.AddMinutes(30));

        // When
        var resumed = PracticeSession.Replay(original.Journal, UrlShortener, later);
        resumed.NextPhase();
        later.AdvanceMinutes(1);
        var draft = resumed.SetDraft("## Requirements\n- shorten\n");

        // Then
        resumed.Elapsed.ShouldBe(TimeSpan.FromMinutes(31));
        resumed.Journal.Entries.Select(e => e.At).ShouldBe([TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(30)]);
        resumed.Timeline[^1].At.ShouldBe(TimeSpan.FromMinutes(30));
        draft.At.ShouldBe(TimeSpan.FromMinutes(31));
    }

    [Fact]
    public void Should_never_record_a_command_before_the_one_before_it_when_the_clock_goes_back()
    {
        // Given
        var clock = new ManualClock(Start);
        var session = new PracticeSession(UrlShortener, SessionPlan.FortyFiveMinutes, clock);
        clock.AdvanceMinutes(10);
        session.Ask("How many users?");

        // When: the system clock is corrected back by 15 minutes
        clock.AdvanceMinutes(-15);
        session.NextPhase();

        // Then
        session.Journal.Entries.Select(e => e.At).ShouldBe([TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)]);
        session.Journal.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void Should_start_a_session_with_a_given_id_and_start()
    {
        // Given
        var id = new string('a', 32);
        var startedAt = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.FromHours(1));

        // When
        var session = new PracticeSession(UrlShortener, SessionPlan.FortyFiveMinutes, new ManualClock(Start.AddMinutes(2)), id, startedAt);

        // Then
        session.Id.ShouldBe(id);
        session.StartedAt.ShouldBe(Start);
        session.StartedAt.Offset.ShouldBe(TimeSpan.Zero);
        session.Elapsed.ShouldBe(TimeSpan.FromMinutes(2));
        Should.Throw<ArgumentException>(() => new PracticeSession(UrlShortener, SessionPlan.FortyFiveMinutes, new ManualClock(Start), "not-a-guid", Start))
            .Message.ShouldContain("'not-a-guid' is not a session id");
    }

    [Fact]
    public void Should_answer_follow_ups_only_after_the_finish()
    {
        // Given
        var clock = new ManualClock(Start);
        var session = new PracticeSession(UrlShortener, SessionPlan.FortyFiveMinutes, clock);
        var stranger = new FollowUp(FollowUpKind.Generic, "What would you monitor?", ["metrics"], "a question for every design");

        // When / Then
        Should.Throw<InvalidOperationException>(() => session.Answer(0, "too early")).Message.ShouldContain("has not finished");
        Should.Throw<InvalidOperationException>(() => session.Answer(stranger, "too early")).Message.ShouldContain("has not finished");
        session.Journal.Entries.ShouldBeEmpty();
    }

    [Fact]
    public void Should_refuse_a_follow_up_that_is_not_the_sessions_and_drafts_after_the_finish()
    {
        // Given
        var clock = new ManualClock(Start);
        var session = new PracticeSession(UrlShortener, SessionPlan.FortyFiveMinutes, clock);
        var result = session.Finish(Sample);
        var stranger = new FollowUp(FollowUpKind.Generic, "What would you monitor?", ["metrics"], "a question for every design");

        // When / Then
        Should.Throw<ArgumentException>(() => session.Answer(stranger, "dashboards")).Message.ShouldContain("is not one of this session's follow-ups");
        Should.Throw<ArgumentOutOfRangeException>(() => session.Answer(result.FollowUps.Count, "x"));
        Should.Throw<ArgumentOutOfRangeException>(() => session.Answer(-1, "x"));
        Should.Throw<InvalidOperationException>(() => session.SetDraft("late"));
        session.Answer(result.FollowUps[1] with { }, "an equal record counts").ShouldNotBeNull();
        session.Answers.ShouldHaveSingleItem().FollowUpIndex.ShouldBe(1);
    }

    [Fact]
    public void Should_refuse_to_replay_a_journal_of_another_prompt_or_with_an_answer_the_result_does_not_have()
    {
        // Given
        var (original, clock) = FinishedSession();
        var journal = original.Journal;
        var chat = PromptCatalog.Default.Get("chat").ShouldNotBeNull();
        var tooFar = journal with { Entries = [.. journal.Entries, new JournalEntry(journal.Entries[^1].At, JournalEntryKind.Answer, "x", 9)] };
        var broken = journal with { Entries = [new JournalEntry(TimeSpan.FromMinutes(-1), JournalEntryKind.Ask, "x")] };

        // When / Then
        Should.Throw<ArgumentException>(() => PracticeSession.Replay(journal, chat, clock)).Message.ShouldContain("is of prompt 'url-shortener', not 'chat'");
        Should.Throw<ArgumentException>(() => PracticeSession.Replay(tooFar, UrlShortener, clock)).Message.ShouldContain("answers follow-up 9");
        Should.Throw<ArgumentException>(() => PracticeSession.Replay(broken, UrlShortener, clock)).Message.ShouldContain("before the start");
    }

    [Fact]
    public void Should_replay_any_command_sequence_into_the_same_session()
    {
        // Given: random sequences of waits (0 to about 3.5 minutes, to the tick), questions, phase moves, saves,
        // reviews, drafts, a finish and answers; commands a finished session refuses are skipped
        var commands = (from count in Gen.Choose(0, 14) from steps in Gen.ArrayOf(Command(), count) select steps).ToArbitrary();

        // When / Then: the journal replays (also through its JSON form) into a session that shows the same everything
        Prop.ForAll(commands, script =>
        {
            var clock = new ManualClock(Start);
            var original = Run(script, clock);
            var journal = original.Journal;
            var replayed = PracticeSession.Replay(journal, UrlShortener, clock);
            var fromJson = PracticeSession.Replay(SessionJournalJson.Read(SessionJournalJson.Write(journal)).Journal!, UrlShortener, clock);
            var expected = SessionSnapshot.Of(original);
            return SessionSnapshot.Of(replayed) == expected && SessionSnapshot.Of(fromJson) == expected && replayed.Journal.Equals(journal);
        }).QuickCheckThrowOnFailure();
    }

    private static (PracticeSession Session, ManualClock Clock) FinishedSession()
    {
        var clock = new ManualClock(Start);
        var session = new PracticeSession(UrlShortener, SessionPlan.FortyFiveMinutes, clock);
        foreach (var question in Questions.Take(4))
        {
            clock.Advance(TimeSpan.FromTicks(251_234_567));
            session.Ask(question);
        }

        clock.AdvanceMinutes(1);
        session.NextPhase();
        session.SetDraft(Stages[1] + "- half a requirement");
        clock.Advance(TimeSpan.FromMilliseconds(4_321));
        session.Save(Stages[2]);
        clock.AdvanceMinutes(6);
        session.Review(Stages[4]);
        clock.AdvanceMinutes(12);
        session.Save(Stages[6]);
        clock.AdvanceMinutes(15);
        var result = session.Finish(Sample);
        clock.AdvanceMinutes(2);
        session.Answer(result.FollowUps[0], AnswerTexts[0], AnswerChecker.AliasesFrom(ConceptCatalog.Default));
        clock.AdvanceMinutes(3);
        session.Answer(result.FollowUps.Count - 1, AnswerTexts[1], AnswerChecker.AliasesFrom(ConceptCatalog.Default));
        return (session, clock);
    }

    private abstract record Step;

    private sealed record Wait(long Ticks) : Step;

    private sealed record AskStep(int Question) : Step;

    private sealed record NextStep : Step;

    private sealed record SaveStep(int Stage) : Step;

    private sealed record ReviewStep(int Stage) : Step;

    private sealed record DraftStep(int Stage) : Step;

    private sealed record FinishStep(int Stage) : Step;

    private sealed record AnswerStep(int FollowUp, int Text) : Step;

    private static Gen<Step> Command() => Gen.Frequency(
        (4, Gen.Choose(0, 2_000_000_000).Select(t => (Step)new Wait(t))),
        (2, Gen.Choose(0, Questions.Length - 1).Select(i => (Step)new AskStep(i))),
        (1, Gen.Constant((Step)new NextStep())),
        (2, Gen.Choose(0, Stages.Length - 1).Select(i => (Step)new SaveStep(i))),
        (1, Gen.Choose(0, Stages.Length - 1).Select(i => (Step)new ReviewStep(i))),
        (2, Gen.Choose(0, Stages.Length - 1).Select(i => (Step)new DraftStep(i))),
        (1, Gen.Choose(0, Stages.Length - 1).Select(i => (Step)new FinishStep(i))),
        (2, from f in Gen.Choose(0, 4) from t in Gen.Choose(0, AnswerTexts.Length - 1) select (Step)new AnswerStep(f, t)));

    private static PracticeSession Run(Step[] script, ManualClock clock)
    {
        var session = new PracticeSession(UrlShortener, SessionPlan.FortyFiveMinutes, clock);
        foreach (var step in script)
        {
            switch (step)
            {
                case Wait wait:
                    clock.Advance(TimeSpan.FromTicks(wait.Ticks));
                    break;
                case AnswerStep answer when session.Result is { } result:
                    session.Answer(answer.FollowUp % result.FollowUps.Count, AnswerTexts[answer.Text]);
                    break;
                case AnswerStep:
                    break;
                case var _ when session.IsFinished:
                    break;
                case AskStep ask:
                    session.Ask(Questions[ask.Question]);
                    break;
                case NextStep:
                    session.NextPhase();
                    break;
                case SaveStep save:
                    session.Save(Stages[save.Stage]);
                    break;
                case ReviewStep review:
                    session.Review(Stages[review.Stage]);
                    break;
                case DraftStep draft:
                    session.SetDraft(Stages[draft.Stage]);
                    break;
                case FinishStep finish:
                    session.Finish(Stages[finish.Stage]);
                    break;
            }
        }

        return session;
    }

    private static string Cut(string beforeHeading) => Sample[..Sample.IndexOf("\n" + beforeHeading, StringComparison.Ordinal)];
}
