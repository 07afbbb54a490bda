using DesignDrill.Core.Progress;
using DesignDrill.Core.Review;

namespace DesignDrill.Core.Tests.Progress;

public sealed class ProgressAnalyzerTests
{
    private static readonly DateTimeOffset Day0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1.0, Rating.Again)]
    [InlineData(1.74, Rating.Again)]
    [InlineData(1.75, Rating.Hard)]
    [InlineData(2.49, Rating.Hard)]
    [InlineData(2.5, Rating.Good)]
    [InlineData(3.24, Rating.Good)]
    [InlineData(3.25, Rating.Easy)]
    [InlineData(4.0, Rating.Easy)]
    public void Should_rate_a_prompt_card_from_the_sessions_average_score(double average, Rating expected)
    {
        // Given
        var session = Session("url-shortener", Day0, average: average);

        // When
        var rating = ProgressAnalyzer.RatingFor(session);

        // Then
        rating.ShouldBe(expected);
    }

    [Theory]
    [InlineData(new int[0], null)]
    [InlineData(new[] { 3 }, 3.0)]
    [InlineData(new[] { 1, 3 }, 2.1764705882352944)] // (3·1 + 1·0.7) / 1.7
    [InlineData(new[] { 4, 2, 1 }, 1.9908675799086757)] // (1·1 + 2·0.7 + 4·0.49) / 2.19
    public void Should_weigh_recent_scores_more(int[] scoresOldestFirst, double? expected)
    {
        // When
        var average = ProgressAnalyzer.WeightedAverage(scoresOldestFirst);

        // Then
        if (expected is null)
        {
            average.ShouldBeNull();
        }
        else
        {
            average.ShouldNotBeNull().ShouldBe(expected.Value, 1e-12);
        }
    }

    [Fact]
    public void Should_keep_each_dimensions_history_oldest_first_whatever_the_input_order()
    {
        // Given
        var newer = Session("chat", Day0.AddDays(2), (RubricDimension.Reliability, 3));
        var older = Session("url-shortener", Day0, (RubricDimension.Reliability, 1));

        // When
        var summary = ProgressAnalyzer.Summarize([newer, older]);

        // Then
        var reliability = summary.Of(RubricDimension.Reliability);
        reliability.History.Select(p => (p.At, p.Score, p.PromptId)).ShouldBe([(Day0, 1, "url-shortener"), (Day0.AddDays(2), 3, "chat")]);
        reliability.WeightedAverage.ShouldNotBeNull().ShouldBe(2.1764705882352944, 1e-12);
        summary.SessionCount.ShouldBe(2);
        summary.Dimensions.Select(d => d.Dimension).ShouldBe(Enum.GetValues<RubricDimension>());
    }

    [Fact]
    public void Should_count_never_scored_dimensions_as_the_weakest()
    {
        // Given: every dimension scored except Communication; Reliability lowest
        var scores = Enum.GetValues<RubricDimension>()
            .Where(d => d != RubricDimension.Communication)
            .Select(d => (d, d == RubricDimension.Reliability ? 1 : 3))
            .ToArray();

        // When
        var summary = ProgressAnalyzer.Summarize([Session("chat", Day0, scores)]);

        // Then
        summary.WeakestFirst[0].ShouldBe(RubricDimension.Communication);
        summary.WeakestFirst[1].ShouldBe(RubricDimension.Reliability);
        summary.Weakest.ShouldBe([RubricDimension.Communication]);
        summary.Of(RubricDimension.Communication).IsUnknown.ShouldBeTrue();
    }

    [Fact]
    public void Should_list_every_dimension_tied_at_the_lowest_average_as_weakest()
    {
        // Given
        var scores = Enum.GetValues<RubricDimension>()
            .Select(d => (d, d is RubricDimension.ApiDesign or RubricDimension.TradeOffs ? 2 : 3))
            .ToArray();

        // When
        var summary = ProgressAnalyzer.Summarize([Session("chat", Day0, scores)]);

        // Then
        summary.Weakest.ShouldBe([RubricDimension.ApiDesign, RubricDimension.TradeOffs]);
        summary.WeakestFirst.Take(2).ShouldBe([RubricDimension.ApiDesign, RubricDimension.TradeOffs]);
    }

    [Fact]
    public void Should_pick_a_prompt_whose_card_is_due_before_anything_else()
    {
        // Given: rate-limiter is due; chat stresses the weakest dimension and was never practised
        PromptCandidate[] candidates =
        [
            new("chat", [RubricDimension.Reliability], "hard"),
            new("rate-limiter", [RubricDimension.ApiDesign], "medium"),
        ];
        var session = Session("rate-limiter", Day0, AllDimensions(4, (RubricDimension.Reliability, 1)));
        var card = FsrsScheduler.ForPrompts.Review(null, CardKinds.Prompt, "rate-limiter", Rating.Good, Day0);
        var now = card.Due.AddDays(2);

        // When
        var choice = ProgressAnalyzer.PickNextPrompt(candidates, [session], [card], now);

        // Then
        choice.PromptId.ShouldBe("rate-limiter");
        choice.Basis.ShouldBe(NextPromptBasis.Due);
        choice.Reason.ShouldBe("due for review since 2025-03-04; recall now about 85%; last practised 2025-03-01");
    }

    [Fact]
    public void Should_pick_the_longest_overdue_card_then_by_prompt_id()
    {
        // Given
        PromptCandidate[] candidates = [new("b", [], "easy"), new("a", [], "easy"), new("c", [], "easy")];
        var b = Card("b", due: Day0);
        var a = Card("a", due: Day0.AddDays(1));
        var c = Card("c", due: Day0);

        // When
        var choice = ProgressAnalyzer.PickNextPrompt(candidates, [], [a, b, c], Day0.AddDays(5));

        // Then
        choice.PromptId.ShouldBe("b");
    }

    [Fact]
    public void Should_pick_an_unpractised_prompt_that_stresses_the_weakest_dimension()
    {
        // Given: Reliability averages 1.8 (1, 2, 2 weighted to recency) over 3 sessions; everything else 3
        PromptCandidate[] candidates =
        [
            new("url-shortener", [RubricDimension.Scalability], "easy"),
            new("chat", [RubricDimension.Reliability, RubricDimension.Scalability], "hard"),
            new("notification", [RubricDimension.Reliability], "medium"),
        ];
        SessionRecord[] sessions =
        [
            Session("url-shortener", Day0, AllDimensions(3, (RubricDimension.Reliability, 2))),
            Session("url-shortener", Day0.AddDays(1), AllDimensions(3, (RubricDimension.Reliability, 2))),
            Session("chat", Day0.AddDays(2), AllDimensions(3, (RubricDimension.Reliability, 1))),
        ];
        var cards = sessions.Select(s => Card(s.PromptId, due: Day0.AddDays(30), lastReview: s.FinishedAt)).ToList();

        // When
        var choice = ProgressAnalyzer.PickNextPrompt(candidates, sessions, cards, Day0.AddDays(3));

        // Then
        choice.PromptId.ShouldBe("notification");
        choice.Basis.ShouldBe(NextPromptBasis.WeakestDimension);
        choice.Dimension.ShouldBe(RubricDimension.Reliability);
        choice.Reason.ShouldBe("weakest dimension: reliability (avg 1.5 over 3 sessions); never practised");
    }

    [Fact]
    public void Should_pick_the_least_recently_practised_prompt_when_all_were_practised()
    {
        // Given
        PromptCandidate[] candidates =
        [
            new("chat", [RubricDimension.Reliability], "hard"),
            new("notification", [RubricDimension.Reliability], "medium"),
        ];
        SessionRecord[] sessions =
        [
            Session("notification", Day0, AllDimensions(3, (RubricDimension.Reliability, 2))),
            Session("chat", Day0.AddDays(4), AllDimensions(3, (RubricDimension.Reliability, 2))),
        ];

        // When
        var choice = ProgressAnalyzer.PickNextPrompt(candidates, sessions, [], Day0.AddDays(5));

        // Then
        choice.PromptId.ShouldBe("notification");
        choice.Reason.ShouldBe("weakest dimension: reliability (avg 2.0 over 2 sessions); last practised 2025-03-01");
    }

    [Fact]
    public void Should_break_ties_by_easier_difficulty_then_prompt_id()
    {
        // Given: nothing scored, nothing practised; all stress Requirement discovery (the first never-scored dimension)
        PromptCandidate[] candidates =
        [
            new("zeta", [RubricDimension.RequirementDiscovery], "easy"),
            new("beta", [RubricDimension.RequirementDiscovery], "hard"),
            new("alpha", [RubricDimension.RequirementDiscovery], "Easy"),
        ];

        // When
        var choice = ProgressAnalyzer.PickNextPrompt(candidates, [], [], Day0);

        // Then
        choice.PromptId.ShouldBe("alpha");
        choice.Reason.ShouldBe("weakest dimension: requirement-discovery (never scored); never practised");
    }

    [Fact]
    public void Should_move_to_the_next_weakest_dimension_that_a_prompt_stresses()
    {
        // Given: Reliability is weakest but no prompt stresses it
        PromptCandidate[] candidates = [new("url-shortener", [RubricDimension.ApiDesign], "easy")];
        var session = Session("chat", Day0, AllDimensions(3, (RubricDimension.Reliability, 1), (RubricDimension.ApiDesign, 2)));

        // When
        var choice = ProgressAnalyzer.PickNextPrompt(candidates, [session], [], Day0.AddDays(1));

        // Then
        choice.Dimension.ShouldBe(RubricDimension.ApiDesign);
        choice.Reason.ShouldBe("weakest dimension a prompt stresses: api-design (avg 2.0 over 1 session); never practised");
    }

    [Fact]
    public void Should_fall_back_to_the_least_recently_practised_prompt_when_none_stresses_a_dimension()
    {
        // Given
        PromptCandidate[] candidates = [new("b", [], "easy"), new("a", [], "easy")];
        SessionRecord[] sessions = [Session("a", Day0.AddDays(1)), Session("b", Day0)];

        // When
        var choice = ProgressAnalyzer.PickNextPrompt(candidates, sessions, [], Day0.AddDays(2));

        // Then
        choice.PromptId.ShouldBe("b");
        choice.Basis.ShouldBe(NextPromptBasis.LeastRecentlyPractised);
        choice.Reason.ShouldBe("no prompt stresses a rubric dimension; last practised 2025-03-01");
    }

    [Fact]
    public void Should_refuse_an_empty_list_of_candidates()
    {
        // Then
        Should.Throw<ArgumentException>(() => ProgressAnalyzer.PickNextPrompt([], [], [], Day0));
    }

    [Fact]
    public void Should_accept_a_valid_session_and_name_every_problem_of_an_invalid_one()
    {
        // Given
        var valid = Session("chat", Day0);
        var invalid = valid with
        {
            Id = "not-a-guid",
            PromptId = " ",
            StartedAt = Day0,
            FinishedAt = Day0.AddMinutes(-1),
            PlannedMinutes = 30,
            Scores = new Dictionary<RubricDimension, int> { [RubricDimension.ApiDesign] = 5 },
            AverageScore = 0,
        };

        // When
        var problems = invalid.Validate();

        // Then
        valid.Validate().ShouldBeEmpty();
        problems.Count.ShouldBe(6);
        problems.ShouldContain(p => p.Contains("not-a-guid", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains("ApiDesign score is 5", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains("45 or 60", StringComparison.Ordinal));
    }

    internal static SessionRecord Session(string promptId, DateTimeOffset finishedAt, params (RubricDimension Dimension, int Score)[] scores) =>
        Session(promptId, finishedAt, average: scores.Length == 0 ? 3 : scores.Average(s => s.Score), scores);

    internal static SessionRecord Session(string promptId, DateTimeOffset finishedAt, double average, params (RubricDimension Dimension, int Score)[] scores) =>
        new(
            Id: Guid.NewGuid().ToString("N"),
            PromptId: promptId,
            StartedAt: finishedAt.AddMinutes(-45),
            FinishedAt: finishedAt,
            PlannedMinutes: 45,
            Scores: scores.ToDictionary(s => s.Dimension, s => s.Score),
            AverageScore: average,
            Recommendation: "lean yes",
            DesignText: "# Design",
            DetailsJson: "{}");

    private static (RubricDimension, int)[] AllDimensions(int score, params (RubricDimension Dimension, int Score)[] except) =>
        [.. Enum.GetValues<RubricDimension>().Select(d => (d, except.Where(x => x.Dimension == d).Select(x => x.Score).DefaultIfEmpty(score).First()))];

    private static CardState Card(string promptId, DateTimeOffset due, DateTimeOffset? lastReview = null) =>
        new(CardKinds.Prompt, promptId, LearningState.Review, null, 3, 5, due, lastReview ?? due.AddDays(-3), 1, 0);
}
