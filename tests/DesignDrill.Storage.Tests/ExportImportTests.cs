using DesignDrill.Core.Progress;
using DesignDrill.Core.Review;

namespace DesignDrill.Storage.Tests;

/// <summary>Exporting all data as JSON (designdrill/export@1) and importing it into an empty or a used store.</summary>
public sealed class ExportImportTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_export_import_into_a_fresh_store_and_export_the_same_json()
    {
        // Given: sessions recorded with their prompt cards, concept cards reviewed, and journals running and finished
        string first;
        using (var store = new SqliteProgressStore(_folder.DatabasePath))
        {
            Fill(store);
            first = ProgressExport.Export(store);
        }

        // When
        ProgressImportResult result;
        string second;
        using (var fresh = new SqliteProgressStore(_folder.File("fresh.db")))
        {
            result = ProgressExport.Import(fresh, first);
            second = ProgressExport.Export(fresh);
            fresh.ListSessions().ShouldContain(s => s.DesignText == Sessions.UnicodeDesign);
        }

        // Then
        result.Problems.ShouldBeEmpty();
        result.Counts.ShouldBe(new ProgressImportCounts(3, 0, 4, 0, 6, 0, 2, 0));
        second.ShouldBe(first);
    }

    [Fact]
    public void Should_replace_records_with_the_same_ids_and_delete_nothing_else()
    {
        // Given: a store with data of its own, and an export from another store that shares one session and one card
        var shared = Sessions.Make("chat", Sessions.Day0, id: new string('5', 32), score: 1);
        using var store = new SqliteProgressStore(_folder.DatabasePath);
        store.SaveSession(shared);
        store.SaveSession(Sessions.Make("rate-limiter", Sessions.Day0.AddDays(1)));
        ProgressRecorder.RecordCardReview(store, CardKinds.Concept, "erlang-c", Rating.Again, Sessions.Day0);
        store.SaveJournal(Journals.Unfinished(Journals.Id('7'), Sessions.Day0));
        string export;
        using (var other = new SqliteProgressStore(_folder.File("other.db")))
        {
            other.SaveSession(shared with { DesignText = "revised", Scores = new Dictionary<RubricDimension, int> { [RubricDimension.Reliability] = 4 }, AverageScore = 4 });
            ProgressRecorder.RecordCardReview(other, CardKinds.Concept, "erlang-c", Rating.Easy, Sessions.Day0.AddDays(2));
            ProgressRecorder.RecordCardReview(other, CardKinds.Concept, "cache-stampede", Rating.Good, Sessions.Day0);
            export = ProgressExport.Export(other);
        }

        // When
        var result = ProgressExport.Import(store, export);
        var again = ProgressExport.Import(store, export);

        // Then: the shared session and card are replaced, the rest is kept, and a second import logs no review twice
        result.Counts.ShouldBe(new ProgressImportCounts(0, 1, 1, 1, 2, 0, 0, 0));
        again.Counts.ShouldBe(new ProgressImportCounts(0, 1, 0, 2, 0, 2, 0, 0));
        var sessions = store.ListSessions();
        sessions.Count.ShouldBe(2);
        var replaced = sessions.Single(s => s.Id == shared.Id);
        replaced.DesignText.ShouldBe("revised");
        replaced.Scores.ShouldBe(new Dictionary<RubricDimension, int> { [RubricDimension.Reliability] = 4 });
        store.ListCards(CardKinds.Concept).Select(c => c.CardId).ShouldBe(["cache-stampede", "erlang-c"]);
        store.GetCard(CardKinds.Concept, "erlang-c").ShouldNotBeNull().LastReview.ShouldBe(Sessions.Day0.AddDays(2));
        store.ListReviews(CardKinds.Concept, "erlang-c").Select(r => r.Rating).ShouldBe([Rating.Again, Rating.Easy]);
        store.GetJournal(Journals.Id('7')).ShouldNotBeNull();
    }

    [Fact]
    public void Should_change_nothing_when_the_file_is_damaged()
    {
        // Given: a valid export with one bad value near its end, so every record before it would be importable
        string export;
        using (var source = new SqliteProgressStore(_folder.File("source.db")))
        {
            Fill(source);
            export = ProgressExport.Export(source);
        }

        var damaged = ReplaceLast(export, "\"kind\": \"save\"", "\"kind\": \"sav\"");
        using (var store = new SqliteProgressStore(_folder.DatabasePath))
        {
            store.SaveSession(Sessions.Make("chat", Sessions.Day0));
        }

        var before = DbFile.Hash(_folder.DatabasePath);

        // When
        ProgressImportResult result;
        using (var store = new SqliteProgressStore(_folder.DatabasePath))
        {
            result = ProgressExport.Import(store, damaged);
        }

        // Then
        result.Succeeded.ShouldBeFalse();
        result.Counts.ShouldBeNull();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Path.ShouldBe("$.journals[1].entries[2].kind");
        problem.ToString().ShouldStartWith("$.journals[1].entries[2].kind: unknown kind \"sav\" (Did you mean \"save\"?");
        DbFile.Hash(_folder.DatabasePath).ShouldBe(before);
    }

    [Fact]
    public void Should_write_nothing_when_the_database_fails_half_way_through_an_import()
    {
        // Given: a database that refuses journals (a trigger standing in for a disk that fails at the last write)
        string export;
        using (var source = new SqliteProgressStore(_folder.File("source.db")))
        {
            Fill(source);
            export = ProgressExport.Export(source);
        }

        using var store = new SqliteProgressStore(_folder.DatabasePath);
        store.SaveSession(Sessions.Make("chat", Sessions.Day0));
        var before = ProgressExport.Export(store);
        using (var raw = DbFile.OpenRaw(_folder.DatabasePath))
        {
            DbFile.Scalar(raw, "CREATE TRIGGER refuse_journals BEFORE INSERT ON session_journals BEGIN SELECT RAISE(ABORT, 'no room for journals'); END;");
        }

        // When
        var error = Should.Throw<ProgressStoreException>(() => ProgressExport.Import(store, export));

        // Then: the sessions, cards and reviews written before the journals were rolled back with them
        error.Message.ShouldContain("no room for journals");
        ProgressExport.Export(store).ShouldBe(before);
    }

    [Fact]
    public void Should_refuse_invalid_data_given_in_code_and_write_nothing()
    {
        // Given
        using var store = new SqliteProgressStore(_folder.DatabasePath);
        var data = new ProgressData(
            [Sessions.Make("chat", Sessions.Day0)],
            [],
            [new ReviewLogEntry(CardKinds.Prompt, "chat", (Rating)9, Sessions.Day0, Sessions.Day0)],
            []);

        // When
        var error = Should.Throw<ArgumentException>(() => store.ImportAll(data));

        // Then
        error.Message.ShouldContain("Rating 9 is not 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).");
        store.ListSessions().ShouldBeEmpty();
    }

    [Fact]
    public void Should_read_everything_ordered()
    {
        // Given
        using var store = new SqliteProgressStore(_folder.DatabasePath);
        Fill(store);

        // When
        var data = store.ReadAll();

        // Then
        data.Sessions.Select(s => s.FinishedAt).ShouldBeInOrder();
        data.Cards.Select(c => (c.Kind, c.CardId)).ShouldBe([(CardKinds.Concept, "cache-stampede"), (CardKinds.Concept, "erlang-c"), (CardKinds.Prompt, "chat"), (CardKinds.Prompt, "rate-limiter")]);
        data.Reviews.Select(r => r.ReviewedAt).ShouldBeInOrder();
        data.Reviews.Count.ShouldBe(6);
        data.Journals.Select(j => j.Id).ShouldBe([Journals.Id('1'), Journals.Id('2')]);
    }

    /// <summary>3 sessions (2 prompts), 4 cards, 6 reviews, an unfinished and a finished journal.</summary>
    private static void Fill(SqliteProgressStore store)
    {
        ProgressRecorder.RecordFinishedSession(store, Sessions.Make("chat", Sessions.Day0, score: 2) with { DesignText = Sessions.UnicodeDesign });
        ProgressRecorder.RecordFinishedSession(store, Sessions.Make("chat", Sessions.Day0.AddDays(4), score: 3));
        ProgressRecorder.RecordFinishedSession(store, Sessions.Make("rate-limiter", Sessions.Day0.AddDays(1).AddTicks(3), score: 4));
        ProgressRecorder.RecordCardReview(store, CardKinds.Concept, "erlang-c", Rating.Good, Sessions.Day0);
        ProgressRecorder.RecordCardReview(store, CardKinds.Concept, "erlang-c", Rating.Again, Sessions.Day0.AddMinutes(10));
        ProgressRecorder.RecordCardReview(store, CardKinds.Concept, "cache-stampede", Rating.Easy, Sessions.Day0.AddHours(1));
        store.SaveJournal(Journals.Unfinished(Journals.Id('2'), Sessions.Day0.AddDays(2)));
        store.SaveJournal(Journals.Finished(Journals.Id('1'), Sessions.Day0));
    }

    private static string ReplaceLast(string text, string find, string replace)
    {
        var at = text.LastIndexOf(find, StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0);
        return text[..at] + replace + text[(at + find.Length)..];
    }
}
