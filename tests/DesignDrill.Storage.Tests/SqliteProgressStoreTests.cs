using DesignDrill.Core.Progress;
using DesignDrill.Core.Review;

namespace DesignDrill.Storage.Tests;

public sealed class SqliteProgressStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_round_trip_a_session_with_every_field()
    {
        // Given: unicode design text, partial scores, an offset other than UTC, and sub-second times
        var session = new SessionRecord(
            Id: Guid.NewGuid().ToString("N"),
            PromptId: "url-shortener",
            StartedAt: new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.FromHours(2)).AddTicks(1234567),
            FinishedAt: new DateTimeOffset(2025, 3, 1, 10, 58, 30, TimeSpan.FromHours(2)).AddTicks(7654321),
            PlannedMinutes: 60,
            Scores: new Dictionary<RubricDimension, int>
            {
                [RubricDimension.RequirementDiscovery] = 1,
                [RubricDimension.Scalability] = 4,
                [RubricDimension.Reliability] = 2,
                [RubricDimension.Communication] = 3,
            },
            AverageScore: 2.5,
            Recommendation: "lean no",
            DesignText: Sessions.UnicodeDesign,
            DetailsJson: "{\"timeline\":[{\"at\":\"00:05\",\"phase\":\"clarify\"}],\"followUps\":[\"traffic is 10x — what breaks first?\"]}");
        using var store = new SqliteProgressStore(_folder.DatabasePath);

        // When
        store.SaveSession(session);
        var read = store.ListSessions().ShouldHaveSingleItem();

        // Then
        read.Id.ShouldBe(session.Id);
        read.PromptId.ShouldBe(session.PromptId);
        read.StartedAt.ShouldBe(session.StartedAt);
        read.FinishedAt.ShouldBe(session.FinishedAt);
        read.FinishedAt.Offset.ShouldBe(TimeSpan.Zero);
        read.PlannedMinutes.ShouldBe(60);
        read.Scores.OrderBy(s => s.Key).ShouldBe(session.Scores.OrderBy(s => s.Key));
        read.AverageScore.ShouldBe(2.5);
        read.Recommendation.ShouldBe("lean no");
        read.DesignText.ShouldBe(Sessions.UnicodeDesign);
        read.DetailsJson.ShouldBe(session.DetailsJson);
    }

    [Fact]
    public void Should_keep_a_large_design_document_exactly()
    {
        // Given: about 2 MB, far more than one database page
        var design = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"- line {i}: cache → db ✓ {Sessions.UnicodeDesign.Length}\n"));
        var session = Sessions.Make("chat", Sessions.Day0) with { DesignText = design };
        using var store = new SqliteProgressStore(_folder.DatabasePath);

        // When
        store.SaveSession(session);

        // Then
        store.ListSessions().ShouldHaveSingleItem().DesignText.ShouldBe(design);
    }

    [Fact]
    public void Should_replace_a_session_saved_again_with_the_same_id()
    {
        // Given
        var first = Sessions.Make("chat", Sessions.Day0, score: 2);
        var second = first with
        {
            Scores = new Dictionary<RubricDimension, int> { [RubricDimension.ApiDesign] = 4 },
            DesignText = "revised",
        };
        using var store = new SqliteProgressStore(_folder.DatabasePath);
        store.SaveSession(first);

        // When
        store.SaveSession(second);

        // Then
        var read = store.ListSessions().ShouldHaveSingleItem();
        read.DesignText.ShouldBe("revised");
        read.Scores.ShouldBe(new Dictionary<RubricDimension, int> { [RubricDimension.ApiDesign] = 4 });
    }

    [Fact]
    public void Should_list_sessions_newest_first_and_by_prompt()
    {
        // Given: two sessions finishing at the same moment are ordered by id, descending
        var old = Sessions.Make("chat", Sessions.Day0);
        var tieA = Sessions.Make("url-shortener", Sessions.Day0.AddDays(1), id: new string('a', 32));
        var tieB = Sessions.Make("chat", Sessions.Day0.AddDays(1), id: new string('b', 32));
        var newest = Sessions.Make("chat", Sessions.Day0.AddDays(2));
        using var store = new SqliteProgressStore(_folder.DatabasePath);
        foreach (var session in new[] { tieA, newest, old, tieB })
        {
            store.SaveSession(session);
        }

        // When
        var all = store.ListSessions();
        var chat = store.ListSessions("chat");

        // Then
        all.Select(s => s.Id).ShouldBe([newest.Id, tieB.Id, tieA.Id, old.Id]);
        chat.Select(s => s.Id).ShouldBe([newest.Id, tieB.Id, old.Id]);
        chat.ShouldAllBe(s => s.Scores.Count == 8);
        store.ListSessions("nothing-here").ShouldBeEmpty();
    }

    [Fact]
    public void Should_refuse_an_invalid_session_and_store_nothing()
    {
        // Given
        var invalid = Sessions.Make("chat", Sessions.Day0) with { PlannedMinutes = 30 };
        using var store = new SqliteProgressStore(_folder.DatabasePath);

        // When
        var error = Should.Throw<ArgumentException>(() => store.SaveSession(invalid));

        // Then
        error.Message.ShouldContain("45 or 60");
        store.ListSessions().ShouldBeEmpty();
    }

    [Fact]
    public void Should_round_trip_cards_and_list_them_by_kind_and_due_date()
    {
        // Given
        var scheduler = FsrsScheduler.Default;
        var concept = scheduler.Review(null, CardKinds.Concept, "erlang-c", Rating.Good, Sessions.Day0);
        var graduated = scheduler.Review(concept, CardKinds.Concept, "erlang-c", Rating.Good, concept.Due);
        var prompt = FsrsScheduler.ForPrompts.Review(null, CardKinds.Prompt, "chat", Rating.Hard, Sessions.Day0);
        var other = FsrsScheduler.ForPrompts.Review(null, CardKinds.Prompt, "a-first", Rating.Easy, Sessions.Day0);
        using var store = new SqliteProgressStore(_folder.DatabasePath);

        // When
        store.SaveCard(concept);
        store.SaveCard(graduated);
        store.SaveCard(prompt);
        store.SaveCard(other);

        // Then
        store.GetCard(CardKinds.Concept, "erlang-c").ShouldBe(graduated);
        store.GetCard(CardKinds.Prompt, "chat").ShouldBe(prompt);
        store.GetCard(CardKinds.Prompt, "erlang-c").ShouldBeNull();
        store.ListCards(CardKinds.Prompt).Select(c => c.CardId).ShouldBe(["a-first", "chat"]);
        store.ListCards(CardKinds.Concept).ShouldBe([graduated]);
        store.ListDueCards(Sessions.Day0).ShouldBeEmpty();
        store.ListDueCards(prompt.Due).ShouldBe([prompt]);
        store.ListDueCards(other.Due).Select(c => c.CardId).ShouldBe(["chat", "erlang-c", "a-first"]);
        store.ListDueCards(other.Due, CardKinds.Prompt).Select(c => c.CardId).ShouldBe(["chat", "a-first"]);
    }

    [Fact]
    public void Should_round_trip_the_review_log_oldest_first()
    {
        // Given
        var first = new ReviewLogEntry(CardKinds.Concept, "cache-stampede", Rating.Again, Sessions.Day0, Sessions.Day0.AddMinutes(1));
        var second = new ReviewLogEntry(CardKinds.Concept, "cache-stampede", Rating.Easy, Sessions.Day0.AddMinutes(1), Sessions.Day0.AddDays(16));
        var otherCard = new ReviewLogEntry(CardKinds.Prompt, "cache-stampede", Rating.Good, Sessions.Day0, Sessions.Day0.AddDays(3));
        using var store = new SqliteProgressStore(_folder.DatabasePath);

        // When
        store.RecordReview(second);
        store.RecordReview(otherCard);
        store.RecordReview(first);

        // Then
        store.ListReviews(CardKinds.Concept, "cache-stampede").ShouldBe([first, second]);
        store.ListReviews(CardKinds.Prompt, "cache-stampede").ShouldBe([otherCard]);
    }

    [Fact]
    public void Should_refuse_cards_and_reviews_of_unknown_kinds()
    {
        // Given
        using var store = new SqliteProgressStore(_folder.DatabasePath);
        var card = FsrsScheduler.Default.Review(null, CardKinds.Concept, "x", Rating.Good, Sessions.Day0);

        // Then
        Should.Throw<ArgumentException>(() => store.SaveCard(card with { Kind = "flashcard" }));
        Should.Throw<ArgumentException>(() => store.SaveCard(card with { Difficulty = 11 }));
        Should.Throw<ArgumentException>(() => store.RecordReview(new ReviewLogEntry("flashcard", "x", Rating.Good, Sessions.Day0, Sessions.Day0)));
        Should.Throw<ArgumentException>(() => store.RecordReview(new ReviewLogEntry(CardKinds.Concept, "x", (Rating)7, Sessions.Day0, Sessions.Day0)));
    }

    [Fact]
    public void Should_keep_progress_across_a_restart()
    {
        // Given: a session recorded through the progress recorder, which also reviews the prompt card
        var session = Sessions.Make("rate-limiter", Sessions.Day0, score: 3) with { DesignText = Sessions.UnicodeDesign };
        CardState card;
        using (var store = new SqliteProgressStore(_folder.DatabasePath))
        {
            card = ProgressRecorder.RecordFinishedSession(store, session);
        }

        // When: a new store instance opens the same file
        using var reopened = new SqliteProgressStore(_folder.DatabasePath);

        // Then
        var read = reopened.ListSessions().ShouldHaveSingleItem();
        read.DesignText.ShouldBe(Sessions.UnicodeDesign);
        read.Scores.Count.ShouldBe(8);
        reopened.GetCard(CardKinds.Prompt, "rate-limiter").ShouldBe(card);
        card.LearningState.ShouldBe(LearningState.Review);
        card.Due.ShouldBe(Sessions.Day0.AddDays(3));
        reopened.ListReviews(CardKinds.Prompt, "rate-limiter").ShouldBe([new ReviewLogEntry(CardKinds.Prompt, "rate-limiter", Rating.Good, Sessions.Day0, card.Due)]);
        reopened.BackupPath.ShouldBeNull();
    }

    [Fact]
    public void Should_release_the_file_on_dispose_and_refuse_calls_afterwards()
    {
        // Given
        var store = new SqliteProgressStore(_folder.DatabasePath);
        store.SaveSession(Sessions.Make("chat", Sessions.Day0));

        // When
        store.Dispose();
        var moved = _folder.File("moved.db");
        File.Move(_folder.DatabasePath, moved);

        // Then
        Should.Throw<ObjectDisposedException>(() => store.ListSessions());
        using var reopened = new SqliteProgressStore(moved);
        reopened.ListSessions().Count.ShouldBe(1);
    }
}
