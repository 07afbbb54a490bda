using DesignDrill.Core.Catalog;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Practice;
using DesignDrill.Core.Review;
using DesignDrill.Core.Tests.Review;

namespace DesignDrill.Core.Tests.Practice;

public sealed class PracticeSessionTests
{
    private static Prompt UrlShortener => PromptCatalog.Default.Get("url-shortener").ShouldNotBeNull();

    private static string Sample => RepoFiles.Read("samples/url-shortener.md");

    [Fact]
    public void Should_plan_45_and_60_minutes_with_the_field_time_boxes()
    {
        // Given / When
        var standard = SessionPlan.FortyFiveMinutes;
        var extended = SessionPlan.SixtyMinutes;

        // Then
        standard.Phases.Select(p => (int)p.Box.TotalMinutes).ShouldBe([5, 5, 5, 5, 12, 8, 5]);
        extended.Phases.Select(p => (int)p.Box.TotalMinutes).ShouldBe([5, 5, 7, 8, 20, 10, 5]);
        standard.Minutes.ShouldBe(45);
        extended.Minutes.ShouldBe(60);
        SessionPlan.ForMinutes(60).ShouldBeSameAs(extended);
        SessionPlan.ForMinutes(30).ShouldBeNull();
        standard.PlannedStart(PhaseKind.Architecture).ShouldBe(TimeSpan.FromMinutes(20));
        standard.Get(PhaseKind.ApiAndDataModel).Sections.ShouldBe([SectionKind.Api, SectionKind.DataModel]);
        standard.Get(PhaseKind.DeepDives).Title.ShouldBe("Deep dives");
    }

    [Fact]
    public void Should_show_the_phase_and_time_left_from_the_controlled_clock()
    {
        // Given
        var clock = new ManualClock();
        var session = new PracticeSession(UrlShortener, SessionPlan.FortyFiveMinutes, clock);

        // When
        clock.Advance(TimeSpan.FromSeconds(150));
        var early = session.Clock();
        clock.AdvanceMinutes(5);
        var overrun = session.Clock();
        session.NextPhase();
        var next = session.Clock();

        // Then
        early.ToString().ShouldBe("Clarify · 2:30 left in phase · 42:30 left");
        overrun.ToString().ShouldBe("Clarify · phase over by 2:30 · 37:30 left");
        next.Phase.ShouldBe(PhaseKind.Requirements);
        next.ToString().ShouldBe("Requirements · 5:00 left in phase · 37:30 left");
    }

    [Fact]
    public void Should_answer_clarifying_questions_and_put_them_on_the_timeline()
    {
        // Given
        var clock = new ManualClock();
        var session = new PracticeSession(UrlShortener, SessionPlan.FortyFiveMinutes, clock);

        // When
        clock.AdvanceMinutes(1);
        var answer = session.Ask("How many daily active users do we have?");
        clock.AdvanceMinutes(1);
        var unknown = session.Ask("Should I use my favourite colour?");

        // Then
        answer.Topics.ShouldContain("scale.dau");
        answer.Answer.ShouldContain("100M");
        unknown.Topics.ShouldBeEmpty();
        unknown.Answer.ShouldBe(ClarifyingAnswerer.YourCall);
        var asked = session.Timeline.Where(e => e.Kind == TimelineEventKind.Asked).ToList();
        asked.Select(e => e.At).ShouldBe([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)]);
        asked[0].Topics.ShouldContain("scale.dau");
        session.Questions.Count.ShouldBe(2);
    }

    [Fact]
    public void Should_move_to_the_phase_of_the_furthest_section_written()
    {
        // Given
        var clock = new ManualClock();
        var session = new PracticeSession(UrlShortener, SessionPlan.FortyFiveMinutes, clock);

        // When
        clock.AdvanceMinutes(3);
        session.Save("## Requirements\n- shorten URLs\n\n## Estimates\ndau = 100M\n");

        // Then
        session.Phase.ShouldBe(PhaseKind.Estimates);
        var started = session.Timeline.Last(e => e.Kind == TimelineEventKind.PhaseStarted);
        (started.At, started.Phase).ShouldBe((TimeSpan.FromMinutes(3), PhaseKind.Estimates));
        session.Timeline.Last().SectionsWithContent.ShouldBe([SectionKind.Requirements, SectionKind.Estimates]);
        session.LatestDesign.ShouldStartWith("## Requirements");
    }

    [Fact]
    public void Should_run_a_disciplined_session_without_session_findings()
    {
        // Given: every discovery question asked first, then the sections in order, each within its box
        var clock = new ManualClock();
        var session = new PracticeSession(UrlShortener, SessionPlan.FortyFiveMinutes, clock);
        string[] questions =
        [
            "How many daily active users are there?", "What peak request rate should we plan for?", "What is the read to write ratio?",
            "How big is each URL record?", "What p99 latency do redirects need?", "What availability target do we have?",
            "How consistent must a new link be?", "Which regions are the users in?", "What features are in scope?",
            "Is this an MVP or a mature product?",
        ];
        foreach (var q in questions)
        {
            clock.Advance(TimeSpan.FromSeconds(25));
            session.Ask(q);
        }

        // When: the sample written phase by phase, each phase inside its box
        var design = Sample;
        clock.AdvanceMinutes(1);
        session.Save(Cut(design, "## Estimates"));
        clock.AdvanceMinutes(5);
        session.Save(Cut(design, "## API"));
        clock.AdvanceMinutes(5);
        session.Save(Cut(design, "## Architecture"));
        clock.AdvanceMinutes(5);
        session.Review(Cut(design, "## Deep dives"));
        clock.AdvanceMinutes(12);
        session.Save(Cut(design, "## Trade-offs"));
        clock.AdvanceMinutes(8);
        var result = session.Finish(design);

        // Then
        result.SessionFindings.ShouldBeEmpty(string.Join("\n", result.SessionFindings.Select(f => f.Message)));
        result.Review.Count(Severity.Error).ShouldBe(0);
        result.FollowUps.Count.ShouldBeInRange(3, 5);
        result.Duration.ShouldBe(TimeSpan.FromSeconds(250) + TimeSpan.FromMinutes(36));
        SessionFindings.PhaseDurations(session.Timeline, result.Duration).Select(p => p.Phase).ShouldBe(Enum.GetValues<PhaseKind>());
        session.Timeline.Last().Kind.ShouldBe(TimelineEventKind.Finished);
        Should.Throw<InvalidOperationException>(() => session.Ask("one more?"));
    }

    [Fact]
    public void Should_find_boxes_before_numbers_and_facts_never_asked()
    {
        // Given: the architecture first, no questions at all
        var clock = new ManualClock();
        var session = new PracticeSession(UrlShortener, SessionPlan.FortyFiveMinutes, clock);
        var design = Sample;
        var architecture = design[design.IndexOf("## Architecture", StringComparison.Ordinal)..];
        architecture = architecture[..architecture.IndexOf("\n## ", 5, StringComparison.Ordinal)];

        // When
        clock.AdvanceMinutes(2);
        session.Save(architecture);
        clock.AdvanceMinutes(20);
        var result = session.Finish(design);

        // Then
        var ses001 = result.SessionFindings.Single(f => f.Id == "SES001");
        ses001.Severity.ShouldBe(Severity.Warning);
        ses001.Dimension.ShouldBe(RubricDimension.RequirementDiscovery);
        ses001.Message.ShouldContain("before the architecture appeared (2:00)");
        ses001.Message.ShouldContain("users and scale");
        ses001.Message.ShouldContain("MVP or mature");
        var ses002 = result.SessionFindings.Single(f => f.Id == "SES002");
        ses002.Message.ShouldContain("before any requirements or estimates");
        result.Scorecard.Scores.Single(s => s.Dimension == RubricDimension.RequirementDiscovery).Warnings.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void Should_find_overruns_phases_never_reached_and_over_time()
    {
        // Given: 14 minutes of clarifying, then requirements only, finishing at 50 minutes
        var clock = new ManualClock();
        var session = new PracticeSession(UrlShortener, SessionPlan.FortyFiveMinutes, clock);
        clock.AdvanceMinutes(14);
        session.Ask("How many users?");
        session.Save("## Requirements\n- shorten a URL\n- p99 < 50 ms\n");

        // When
        clock.AdvanceMinutes(36);
        var result = session.Finish("## Requirements\n- shorten a URL\n- p99 < 50 ms\n");

        // Then
        result.SessionFindings.Select(f => f.Id).ShouldBe(["SES001", "SES003", "SES003", "SES004", "SES005"]);
        result.SessionFindings[1].Message.ShouldBe("Clarify took 14:00 against a box of 5:00");
        result.SessionFindings[2].Message.ShouldBe("Requirements took 36:00 against a box of 5:00");
        result.SessionFindings[3].Message.ShouldBe("phases never reached: Estimates, API and data model, Architecture, Deep dives, Wrap-up");
        result.SessionFindings[4].Message.ShouldBe("finished after 50:00, 5:00 over the 45 minutes");
        SessionFindings.PhaseDurations(session.Timeline, result.Duration)
            .ShouldBe([(PhaseKind.Clarify, TimeSpan.FromMinutes(14)), (PhaseKind.Requirements, TimeSpan.FromMinutes(36))]);
    }

    [Fact]
    public void Should_check_a_follow_up_answer_and_record_it()
    {
        // Given
        var clock = new ManualClock();
        var session = new PracticeSession(UrlShortener, SessionPlan.FortyFiveMinutes, clock);
        var result = session.Finish(Sample);
        var followUp = result.FollowUps.First(f => f.Kind == FollowUpKind.ConstraintChange);

        // When
        var feedback = session.Answer(followUp, "Add app servers behind the load balancer (horizontal scaling) and grow the cache.");

        // Then
        feedback.Covered.ShouldContain("horizontal scaling");
        feedback.Covered.ShouldContain("caching");
        feedback.Missing.ShouldContain("sharding");
        feedback.Text.ShouldContain("DesignDrill ran it on your design:");
        session.Timeline.Last().Kind.ShouldBe(TimelineEventKind.Answered);
    }

    private static string Cut(string design, string beforeHeading) => design[..design.IndexOf("\n" + beforeHeading, StringComparison.Ordinal)];
}
