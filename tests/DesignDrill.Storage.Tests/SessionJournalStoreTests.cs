using DesignDrill.Core.Catalog;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Practice;
using DesignDrill.Core.Progress;
using DesignDrill.Storage.Migrations;

namespace DesignDrill.Storage.Tests;

/// <summary>Practice-session journals in the SQLite store: saved as a session runs, autosaved drafts, and a restart.</summary>
public sealed class SessionJournalStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_round_trip_a_journal_with_every_field()
    {
        // Given: unicode texts, sub-millisecond times, an answer after the finish and a draft
        var journal = Journals.Finished(Journals.Id('1'), Sessions.Day0);
        using var store = new SqliteProgressStore(_folder.DatabasePath);

        // When
        store.SaveJournal(journal);

        // Then
        var read = store.GetJournal(journal.Id).ShouldNotBeNull();
        read.ShouldBe(journal);
        read.StartedAt.Offset.ShouldBe(TimeSpan.Zero);
        read.Entries[^1].FollowUpIndex.ShouldBe(2);
        read.Draft.ShouldBe(journal.Draft);
        store.GetJournal(Journals.Id('9')).ShouldBeNull();
    }

    [Fact]
    public void Should_replace_a_journal_saved_again_with_the_same_id()
    {
        // Given
        var first = Journals.Unfinished(Journals.Id('1'), Sessions.Day0);
        var longer = first with { Entries = [.. first.Entries, new JournalEntry(TimeSpan.FromMinutes(20), JournalEntryKind.NextPhase, "")], Draft = null };
        using var store = new SqliteProgressStore(_folder.DatabasePath);
        store.SaveJournal(first);

        // When
        store.SaveJournal(longer);

        // Then
        store.GetJournal(first.Id).ShouldBe(longer);
        store.ListJournals().ShouldHaveSingleItem();
    }

    [Fact]
    public void Should_save_only_the_draft_columns_while_typing()
    {
        // Given
        var journal = Journals.Unfinished(Journals.Id('1'), Sessions.Day0);
        using var store = new SqliteProgressStore(_folder.DatabasePath);
        store.SaveJournal(journal);
        var entriesBefore = RawColumn(journal.Id, "journal_json");

        // When
        var saved = store.SaveDraft(journal.Id, new SessionDraft(TimeSpan.FromMinutes(30) + TimeSpan.FromTicks(1), "## Requirements\n- typed — 日本語\n"));

        // Then
        saved.ShouldBeTrue();
        RawColumn(journal.Id, "journal_json").ShouldBe(entriesBefore);
        RawColumn(journal.Id, "draft_at").ShouldBe("2025-03-01T09:30:00.1234568Z");
        RawColumn(journal.Id, "last_activity_at").ShouldBe("2025-03-01T09:30:00.1234568Z");
        store.GetJournal(journal.Id).ShouldBe(journal with { Draft = new SessionDraft(TimeSpan.FromMinutes(30) + TimeSpan.FromTicks(1), "## Requirements\n- typed — 日本語\n") });
    }

    [Fact]
    public void Should_not_save_a_draft_without_an_unfinished_journal()
    {
        // Given
        var finished = Journals.Finished(Journals.Id('1'), Sessions.Day0);
        using var store = new SqliteProgressStore(_folder.DatabasePath);
        store.SaveJournal(finished);

        // When
        var unknown = store.SaveDraft(Journals.Id('2'), new SessionDraft(TimeSpan.Zero, "x"));
        var afterFinish = store.SaveDraft(finished.Id, new SessionDraft(TimeSpan.FromHours(2), "x"));

        // Then
        unknown.ShouldBeFalse();
        afterFinish.ShouldBeFalse();
        store.GetJournal(finished.Id).ShouldBe(finished);
        store.ListJournals().ShouldHaveSingleItem();
        Should.Throw<ArgumentException>(() => store.SaveDraft(finished.Id, new SessionDraft(TimeSpan.FromSeconds(-1), "x")));
    }

    [Fact]
    public void Should_list_unfinished_journals_most_recently_active_first()
    {
        // Given: an old session typed into lately, a newer one left alone, a finished one, and a tie broken by id
        var old = Journals.Unfinished(Journals.Id('1'), Sessions.Day0);
        var newer = Journals.Unfinished(Journals.Id('2'), Sessions.Day0.AddHours(1));
        var done = Journals.Finished(Journals.Id('3'), Sessions.Day0.AddHours(2));
        var tieA = Journals.Unfinished(Journals.Id('a'), Sessions.Day0.AddHours(-5)) with { Entries = [], Draft = null };
        var tieB = Journals.Unfinished(Journals.Id('b'), Sessions.Day0.AddHours(-5)) with { Entries = [], Draft = null };
        using var store = new SqliteProgressStore(_folder.DatabasePath);
        foreach (var journal in new[] { done, tieA, old, newer, tieB })
        {
            store.SaveJournal(journal);
        }

        // When
        store.SaveDraft(old.Id, new SessionDraft(TimeSpan.FromHours(3), "late typing"));
        var unfinished = store.ListUnfinishedJournals();
        var all = store.ListJournals();

        // Then
        unfinished.Select(j => j.Id).ShouldBe([old.Id, newer.Id, tieB.Id, tieA.Id]);
        all.Select(j => j.Id).ShouldBe([old.Id, done.Id, newer.Id, tieB.Id, tieA.Id]);
        unfinished.ShouldNotContain(j => j.IsFinished);
    }

    [Fact]
    public void Should_delete_a_journal_and_keep_everything_else()
    {
        // Given
        var journal = Journals.Unfinished(Journals.Id('1'), Sessions.Day0);
        var other = Journals.Unfinished(Journals.Id('2'), Sessions.Day0);
        using var store = new SqliteProgressStore(_folder.DatabasePath);
        store.SaveJournal(journal);
        store.SaveJournal(other);
        store.SaveSession(Sessions.Make("url-shortener", Sessions.Day0.AddHours(1), id: journal.Id));

        // When
        var deleted = store.DeleteJournal(journal.Id);
        var again = store.DeleteJournal(journal.Id);

        // Then
        deleted.ShouldBeTrue();
        again.ShouldBeFalse();
        store.GetJournal(journal.Id).ShouldBeNull();
        store.GetJournal(other.Id).ShouldBe(other);
        store.ListSessions().ShouldHaveSingleItem().Id.ShouldBe(journal.Id);
    }

    [Fact]
    public void Should_refuse_an_invalid_journal_and_store_nothing()
    {
        // Given
        var invalid = Journals.Unfinished(Journals.Id('1'), Sessions.Day0) with { PlannedMinutes = 30 };
        using var store = new SqliteProgressStore(_folder.DatabasePath);

        // When
        var error = Should.Throw<ArgumentException>(() => store.SaveJournal(invalid));

        // Then
        error.Message.ShouldContain("45 or 60");
        store.ListJournals().ShouldBeEmpty();
    }

    [Fact]
    public void Should_carry_on_a_practice_session_after_a_restart()
    {
        // Given: a session autosaved after every command and while typing, then the process ends
        var prompt = PromptCatalog.Default.Get("url-shortener").ShouldNotBeNull();
        var clock = new StepClock(Sessions.Day0);
        var session = new PracticeSession(prompt, SessionPlan.FortyFiveMinutes, clock, DesignLevel.Senior);
        using (var store = new SqliteProgressStore(_folder.DatabasePath))
        {
            clock.Advance(TimeSpan.FromSeconds(61.5));
            session.Ask("How many daily active users are there?");
            store.SaveJournal(session.Journal);
            clock.Advance(TimeSpan.FromMinutes(4));
            session.Save("## Requirements\n- shorten a URL\n\n## Estimates\ndau = 100M\n");
            store.SaveJournal(session.Journal);
            clock.Advance(TimeSpan.FromSeconds(7.25));
            store.SaveDraft(session.Id, session.SetDraft("## Requirements\n- shorten a URL\n\n## Estimates\ndau = 100M\nrps = dau * 10 / day\n")).ShouldBeTrue();
        }

        // When: a new process opens the file and replays the unfinished journal
        SessionJournal restored;
        using (var reopened = new SqliteProgressStore(_folder.DatabasePath))
        {
            restored = reopened.ListUnfinishedJournals().ShouldHaveSingleItem();
            reopened.BackupPath.ShouldBeNull();
        }

        var resumed = PracticeSession.Replay(restored, prompt, clock);

        // Then
        restored.ShouldBe(session.Journal);
        resumed.Phase.ShouldBe(session.Phase);
        resumed.Phase.ShouldBe(PhaseKind.Estimates);
        resumed.Questions.ShouldHaveSingleItem().Answer.Answer.ShouldBe(session.Questions[0].Answer.Answer);
        resumed.LatestDesign.ShouldBe(session.LatestDesign);
        resumed.Draft.ShouldBe(session.Draft);
        resumed.Timeline.Select(e => (e.At, e.Kind, e.Phase, e.Text)).ShouldBe(session.Timeline.Select(e => (e.At, e.Kind, e.Phase, e.Text)));
    }

    [Fact]
    public void Should_migrate_a_version_1_database_keeping_its_data_and_a_backup()
    {
        // Given: a database written by a build that knew only schema version 1, with a session, a card and a review
        var version1 = MigrationSet.From(MigrationSet.Embedded.Migrations.Where(m => m.Version == 1).Select(m => (m.Name, m.Sql)));
        var session = Sessions.Make("chat", Sessions.Day0) with { DesignText = Sessions.UnicodeDesign };
        CardState card;
        using (var old = new SqliteProgressStore(_folder.DatabasePath, version1, 1))
        {
            old.SchemaVersion.ShouldBe(1);
            card = ProgressRecorder.RecordFinishedSession(old, session);
        }

        var original = File.ReadAllBytes(_folder.DatabasePath);

        // When
        using var store = new SqliteProgressStore(_folder.DatabasePath);
        var journal = Journals.Finished(Journals.Id('1'), Sessions.Day0);
        store.SaveJournal(journal);

        // Then
        store.SchemaVersion.ShouldBe(2);
        store.BackupPath.ShouldBe(_folder.DatabasePath + ".bak-v1");
        File.ReadAllBytes(store.BackupPath!).ShouldBe(original);
        var read = store.ListSessions().ShouldHaveSingleItem();
        read.DesignText.ShouldBe(Sessions.UnicodeDesign);
        read.Scores.Count.ShouldBe(8);
        store.GetCard(CardKinds.Prompt, "chat").ShouldBe(card);
        store.ListReviews(CardKinds.Prompt, "chat").ShouldHaveSingleItem();
        store.GetJournal(journal.Id).ShouldBe(journal);
        using var raw = DbFile.OpenRaw(_folder.DatabasePath);
        DbFile.Scalar(raw, "PRAGMA user_version").ShouldBe(2L);
    }

    [Fact]
    public void Should_say_which_journal_is_damaged_when_its_stored_json_cannot_be_read()
    {
        // Given: a journal whose JSON a database tool changed by hand
        var journal = Journals.Unfinished(Journals.Id('1'), Sessions.Day0);
        using var store = new SqliteProgressStore(_folder.DatabasePath);
        store.SaveJournal(journal);
        using (var raw = DbFile.OpenRaw(_folder.DatabasePath))
        {
            DbFile.Scalar(raw, "UPDATE session_journals SET journal_json = replace(journal_json, '\"ask\"', '\"asked\"')");
        }

        // When
        var error = Should.Throw<ProgressStoreException>(() => store.GetJournal(journal.Id));

        // Then
        error.Problem.ShouldBe(ProgressStoreProblem.Corrupt);
        error.Message.ShouldContain($"the journal of practice session {journal.Id} cannot be read ($.entries[0].kind: unknown kind \"asked\"");
    }

    private string RawColumn(string id, string column)
    {
        using var raw = DbFile.OpenRaw(_folder.DatabasePath);
        return (string)DbFile.Scalar(raw, $"SELECT {column} FROM session_journals WHERE id = '{id}'")!;
    }

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class StepClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}

/// <summary>Journals for storage tests, built directly (their replay is the Core's concern).</summary>
internal static class Journals
{
    public static string Id(char digit) => new(digit, 32);

    public static SessionJournal Unfinished(string id, DateTimeOffset startedAt) => new(
        id,
        "url-shortener",
        45,
        DesignLevel.Mid,
        startedAt.AddTicks(1_234_567),
        [
            new JournalEntry(TimeSpan.FromMinutes(1), JournalEntryKind.Ask, "How many users? — naïve 日本語"),
            new JournalEntry(TimeSpan.FromMinutes(2) + TimeSpan.FromTicks(1), JournalEntryKind.NextPhase, ""),
            new JournalEntry(TimeSpan.FromMinutes(10), JournalEntryKind.Save, Sessions.UnicodeDesign),
        ],
        new SessionDraft(TimeSpan.FromMinutes(11.5), Sessions.UnicodeDesign + "\nmore"));

    public static SessionJournal Finished(string id, DateTimeOffset startedAt)
    {
        var journal = Unfinished(id, startedAt);
        return journal with
        {
            PlannedMinutes = 60,
            Level = DesignLevel.Staff,
            Entries =
            [
                .. journal.Entries,
                new JournalEntry(TimeSpan.FromMinutes(55), JournalEntryKind.Finish, Sessions.UnicodeDesign),
                new JournalEntry(TimeSpan.FromMinutes(58), JournalEntryKind.Answer, "Shard by code.", 2),
            ],
            Draft = new SessionDraft(TimeSpan.FromMinutes(55), Sessions.UnicodeDesign),
        };
    }
}
