using DesignDrill.Core.Progress;
using FsCheck;
using FsCheck.Fluent;

namespace DesignDrill.Core.Tests.Progress;

/// <summary>
/// FSRS-5 against its published examples. The sequences come from the reference implementations' own tests, run there
/// with the FSRS-5 default parameters (<see cref="FsrsScheduler.DefaultParameters"/>), fuzz off, learning steps
/// 1 min / 10 min and relearning step 10 min:
/// <list type="bullet">
/// <item>ts-fsrs, <c>__tests__/FSRS-5.test.ts</c> (github.com/open-spaced-repetition/ts-fsrs, commit 1452942b667468c456105615979a7aaab121e1a9):
/// tests "ivl_history", "memory state" and "first repeat";</item>
/// <item>py-fsrs, <c>tests/test_fsrs.py</c> (github.com/open-spaced-repetition/py-fsrs): the learning-step durations of
/// <c>test_again_learning_steps</c>, <c>test_hard_learning_steps</c>, <c>test_good_learning_steps</c>,
/// <c>test_easy_learning_steps</c> and <c>test_review_state</c>, which depend on the state machine only.</item>
/// </list>
/// </summary>
public sealed class FsrsSchedulerTests
{
    /// <summary>The start of the published sequences: 2022-12-29 12:30 (ts-fsrs's <c>new Date(2022, 11, 29, 12, 30)</c>; JavaScript months count from 0).</summary>
    private static readonly DateTimeOffset Start = new(2022, 12, 29, 12, 30, 0, TimeSpan.Zero);

    private static readonly Rating[] PublishedRatings =
    [
        Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Again, Rating.Again,
        Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Good,
    ];

    [Fact]
    public void Should_use_the_published_FSRS5_default_parameters_and_retention()
    {
        // Given: the list in ts-fsrs __tests__/FSRS-5.test.ts and py-fsrs 5's Scheduler defaults
        double[] published =
        [
            0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925, 1.9395, 0.11,
            0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621,
        ];

        // When
        var scheduler = FsrsScheduler.Default;

        // Then
        scheduler.Parameters.ShouldBe(published);
        scheduler.DesiredRetention.ShouldBe(0.9);
        scheduler.MaximumIntervalDays.ShouldBe(36500);
        scheduler.LearningSteps.ShouldBe([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)]);
        scheduler.RelearningSteps.ShouldBe([TimeSpan.FromMinutes(10)]);
    }

    [Fact]
    public void Should_reproduce_the_published_ts_fsrs_FSRS5_interval_history()
    {
        // Given: ts-fsrs __tests__/FSRS-5.test.ts, it('ivl_history'): review at each due date, collect scheduled days
        int[] expected = [0, 4, 14, 44, 125, 328, 0, 0, 7, 16, 34, 71, 142];
        var scheduler = FsrsScheduler.Default;
        CardState? card = null;
        var now = Start;
        var intervals = new List<int>();

        // When
        foreach (var rating in PublishedRatings)
        {
            card = scheduler.Review(card, CardKinds.Concept, "c", rating, now);
            intervals.Add((card.Due - card.LastReview).Days);
            now = card.Due;
        }

        // Then
        intervals.ShouldBe(expected);
    }

    [Fact]
    public void Should_reproduce_the_published_ts_fsrs_FSRS5_memory_state()
    {
        // Given: ts-fsrs __tests__/FSRS-5.test.ts, it('memory state'): Again, then Good five times, the review times
        // advancing by 0, 0, 1, 3, 8, 21 days after each review, then a last Good
        Rating[] ratings = [Rating.Again, Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Good];
        int[] daysAfter = [0, 0, 1, 3, 8, 21];
        var scheduler = FsrsScheduler.Default;
        CardState? card = null;
        var now = Start;

        // When
        for (var i = 0; i < ratings.Length; i++)
        {
            card = scheduler.Review(card, CardKinds.Concept, "c", ratings[i], now);
            now += TimeSpan.FromDays(daysAfter[i]);
        }

        card = scheduler.Review(card, CardKinds.Concept, "c", Rating.Good, now);

        // Then: expect(stability).toBeCloseTo(48.717, 4); expect(difficulty).toBeCloseTo(7.0866, 4) — Jest's
        // toBeCloseTo(x, 4) passes when |actual − x| < 0.5e-4
        card.StabilityDays.ShouldBe(48.717, 0.5e-4);
        card.Difficulty.ShouldBe(7.0866, 0.5e-4);
    }

    [Theory]
    [InlineData(Rating.Again, 0.40255, 7.1949, LearningState.Learning, 0)]
    [InlineData(Rating.Hard, 1.18385, 6.48830527, LearningState.Learning, 0)]
    [InlineData(Rating.Good, 3.173, 5.28243442, LearningState.Learning, 0)]
    [InlineData(Rating.Easy, 15.69105, 3.22450159, LearningState.Review, 16)]
    public void Should_reproduce_the_published_ts_fsrs_FSRS5_first_repeat(
        Rating rating, double stability, double difficulty, LearningState state, int scheduledDays)
    {
        // Given: ts-fsrs __tests__/FSRS-5.test.ts, it('first repeat'); ts-fsrs rounds the initial difficulty to 8 decimals
        var scheduler = FsrsScheduler.Default;

        // When
        var card = scheduler.Review(null, CardKinds.Concept, "c", rating, Start);

        // Then
        card.StabilityDays.ShouldBe(stability);
        card.Difficulty.ShouldBe(difficulty, 0.5e-8);
        card.LearningState.ShouldBe(state);
        (card.Due - card.LastReview).Days.ShouldBe(scheduledDays);
        card.Reps.ShouldBe(1);
        card.Lapses.ShouldBe(0);
        card.LastReview.ShouldBe(Start);
    }

    [Theory]
    [InlineData(Rating.Again, 60, LearningState.Learning, 0)]
    [InlineData(Rating.Hard, 330, LearningState.Learning, 0)]
    [InlineData(Rating.Good, 600, LearningState.Learning, 1)]
    public void Should_wait_the_published_py_fsrs_learning_steps_on_a_new_card(Rating rating, int seconds, LearningState state, int step)
    {
        // Given: py-fsrs tests/test_fsrs.py: Again due in 1 minute, Hard in 5.5 minutes (half-way between the steps),
        // Good in 10 minutes on the next step
        var scheduler = FsrsScheduler.Default;

        // When
        var card = scheduler.Review(null, CardKinds.Concept, "c", rating, Start);

        // Then
        (card.Due - Start).ShouldBe(TimeSpan.FromSeconds(seconds));
        card.LearningState.ShouldBe(state);
        card.Step.ShouldBe(step);
    }

    [Fact]
    public void Should_graduate_after_the_last_learning_step_and_relearn_for_ten_minutes_after_a_lapse()
    {
        // Given: py-fsrs tests/test_fsrs.py, test_good_learning_steps and test_review_state
        var scheduler = FsrsScheduler.Default;
        var card = scheduler.Review(null, CardKinds.Concept, "c", Rating.Good, Start);

        // When
        card = scheduler.Review(card, CardKinds.Concept, "c", Rating.Good, card.Due);
        var graduated = card;
        card = scheduler.Review(card, CardKinds.Concept, "c", Rating.Good, card.Due);
        var lapsed = scheduler.Review(card, CardKinds.Concept, "c", Rating.Again, card.Due);

        // Then
        graduated.LearningState.ShouldBe(LearningState.Review);
        graduated.Step.ShouldBeNull();
        (graduated.Due - graduated.LastReview).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromDays(1));
        lapsed.LearningState.ShouldBe(LearningState.Relearning);
        lapsed.Step.ShouldBe(0);
        (lapsed.Due - lapsed.LastReview).ShouldBe(TimeSpan.FromMinutes(10));
        lapsed.Lapses.ShouldBe(1);
        lapsed.Reps.ShouldBe(4);
    }

    [Theory]
    [InlineData(Rating.Again, 1)]
    [InlineData(Rating.Hard, 1)]
    [InlineData(Rating.Good, 3)]
    [InlineData(Rating.Easy, 16)]
    public void Should_schedule_prompts_in_whole_days_from_the_first_review(Rating rating, int days)
    {
        // Given: no learning steps, so the first interval is round(S0) days, at least 1 (S0 = 0.40255, 1.18385, 3.173, 15.69105)
        var scheduler = FsrsScheduler.ForPrompts;

        // When
        var card = scheduler.Review(null, CardKinds.Prompt, "url-shortener", rating, Start);

        // Then
        card.LearningState.ShouldBe(LearningState.Review);
        card.Due.ShouldBe(Start + TimeSpan.FromDays(days));
    }

    [Fact]
    public void Should_reschedule_a_forgotten_prompt_in_days_without_relearning_steps()
    {
        // Given
        var scheduler = FsrsScheduler.ForPrompts;
        var card = scheduler.Review(null, CardKinds.Prompt, "chat", Rating.Good, Start);

        // When
        var lapsed = scheduler.Review(card, CardKinds.Prompt, "chat", Rating.Again, card.Due);

        // Then
        lapsed.LearningState.ShouldBe(LearningState.Review);
        lapsed.Lapses.ShouldBe(1);
        (lapsed.Due - lapsed.LastReview).Days.ShouldBeGreaterThanOrEqualTo(1);
        lapsed.StabilityDays.ShouldBeLessThan(card.StabilityDays);
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(10, 0.9)]
    public void Should_follow_the_published_forgetting_curve(double elapsedDays, double expected)
    {
        // Given: FSRS wiki "The Algorithm": R(t, S) = (1 + 19/81 · t / S)^−0.5, so R(0, S) = 1 and R(S, S) = 0.9
        const double stability = 10;

        // When
        var retrievability = FsrsScheduler.Retrievability(elapsedDays, stability);

        // Then
        retrievability.ShouldBe(expected, 1e-12);
        FsrsScheduler.Factor.ShouldBe(19.0 / 81.0, 1e-15);
    }

    [Fact]
    public void Should_count_whole_days_for_a_cards_retrievability()
    {
        // Given: a card with S = 3.173 reviewed at Start; 3 days and 23 hours later count as 3 days (py-fsrs 5)
        var card = FsrsScheduler.Default.Review(null, CardKinds.Concept, "c", Rating.Good, Start);

        // When
        var retrievability = FsrsScheduler.Retrievability(card, Start + TimeSpan.FromHours((3 * 24) + 23));

        // Then
        retrievability.ShouldBe(Math.Pow(1 + (19.0 / 81.0 * 3 / 3.173), -0.5), 1e-12);
    }

    [Theory]
    [InlineData(0.9, 10.0, 10)]
    [InlineData(0.9, 2.4, 2)]
    [InlineData(0.9, 2.6, 3)]
    [InlineData(0.9, 0.2, 1)]
    [InlineData(0.8, 10.0, 24)]
    [InlineData(0.9, 1e9, 36500)]
    public void Should_schedule_whole_days_within_one_day_and_the_maximum(double retention, double stability, int expectedDays)
    {
        // Given: I(r, S) = S / (19/81) · (r^−2 − 1), so I = S at r = 0.9, and at r = 0.8
        // I = 10 · 0.5625 / 0.2346 = 23.98 → 24 days
        var scheduler = new FsrsScheduler(desiredRetention: retention);

        // When
        var days = scheduler.NextIntervalDays(stability);

        // Then
        days.ShouldBe(expectedDays);
    }

    [Fact]
    public void Should_reject_a_card_of_another_kind_or_id_and_unknown_ratings()
    {
        // Given
        var scheduler = FsrsScheduler.Default;
        var card = scheduler.Review(null, CardKinds.Concept, "erlang-c", Rating.Good, Start);

        // Then
        Should.Throw<ArgumentException>(() => scheduler.Review(card, CardKinds.Prompt, "erlang-c", Rating.Good, Start));
        Should.Throw<ArgumentException>(() => scheduler.Review(card, CardKinds.Concept, "other", Rating.Good, Start));
        Should.Throw<ArgumentException>(() => scheduler.Review(null, "flashcard", "x", Rating.Good, Start));
        Should.Throw<ArgumentOutOfRangeException>(() => scheduler.Review(null, CardKinds.Concept, "x", (Rating)5, Start));
        Should.Throw<ArgumentException>(() => new FsrsScheduler(parameters: [1, 2, 3]));
        Should.Throw<ArgumentOutOfRangeException>(() => new FsrsScheduler(desiredRetention: 1));
    }

    [Fact]
    public void Should_give_the_same_schedule_for_the_same_reviews()
    {
        // Given
        var scheduler = FsrsScheduler.Default;

        // When
        var first = Run(scheduler);
        var second = Run(scheduler);

        // Then
        second.ShouldBe(first);

        static List<CardState> Run(FsrsScheduler scheduler)
        {
            var states = new List<CardState>();
            CardState? card = null;
            var now = Start;
            foreach (var rating in PublishedRatings)
            {
                card = scheduler.Review(card, CardKinds.Concept, "c", rating, now);
                states.Add(card);
                now = card.Due;
            }

            return states;
        }
    }

    [Fact]
    public void Should_keep_difficulty_in_range_stability_positive_and_due_after_the_review_for_any_reviews()
    {
        // Given: any sequence of ratings at any gaps from 0 to 400 days
        var reviews = Gen.ListOf(Gen.Zip(Gen.Choose(1, 4), Gen.Choose(0, 400 * 24)))
            .Select(list => list.ToList())
            .ToArbitrary();

        // When / Then
        Prop.ForAll(reviews, list =>
        {
            foreach (var scheduler in new[] { FsrsScheduler.Default, FsrsScheduler.ForPrompts })
            {
                CardState? card = null;
                var now = Start;
                var reps = 0;
                foreach (var (rating, gapHours) in list)
                {
                    now += TimeSpan.FromHours(gapHours);
                    card = scheduler.Review(card, CardKinds.Concept, "c", (Rating)rating, now);
                    reps++;
                    var ok = card.Difficulty is >= 1 and <= 10
                        && card.StabilityDays >= FsrsScheduler.MinimumStabilityDays
                        && double.IsFinite(card.StabilityDays)
                        && card.Due > card.LastReview
                        && card.Reps == reps
                        && (card.LearningState == LearningState.Review) == (card.Step is null);
                    if (!ok)
                    {
                        return false;
                    }
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }
}
