using DesignDrill.Core.Practice;
using Microsoft.Data.Sqlite;

namespace DesignDrill.Storage;

/// <summary>Practice-session journals (table <c>session_journals</c>, schema version 2; docs/progress.md).</summary>
public sealed partial class SqliteProgressStore
{
    private const string JournalColumns = "id, started_at, journal_json, draft_text, draft_at";

    /// <inheritdoc />
    /// <exception cref="ProgressStoreException">When the database cannot be written (locked, read-only, disk full).</exception>
    public void SaveJournal(SessionJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ThrowIfInvalid(journal);
        Run(connection =>
        {
            UpsertJournal(connection, null, journal);
            return 0;
        });
    }

    /// <inheritdoc />
    /// <exception cref="ProgressStoreException">When the database cannot be written (locked, read-only, disk full).</exception>
    public bool SaveDraft(string sessionId, SessionDraft draft)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.At < TimeSpan.Zero || draft.Text is null)
        {
            throw new ArgumentException("A draft needs a time not before the session's start and a text (an empty string when nothing was typed).", nameof(draft));
        }

        return Run(connection =>
        {
            // Two primary-key lookups: the start time turns the draft's time since the start into an instant, then one
            // UPDATE writes the draft columns only. A journal finished in between is left alone by the UPDATE's filter.
            using var find = Command(connection, null, "SELECT started_at FROM session_journals WHERE id = $id AND finished = 0", ("$id", sessionId));
            if (find.ExecuteScalar() is not string startedAt)
            {
                return false;
            }

            var at = Utc(ParseUtc(startedAt) + draft.At);
            using var update = Command(
                connection,
                null,
                """
                UPDATE session_journals SET draft_text = $text, draft_at = $at, last_activity_at = max(last_activity_at, $at)
                WHERE id = $id AND finished = 0
                """,
                ("$id", sessionId),
                ("$text", draft.Text),
                ("$at", at));
            return update.ExecuteNonQuery() == 1;
        });
    }

    /// <inheritdoc />
    /// <exception cref="ProgressStoreException">When the database cannot be read, or the stored journal is damaged.</exception>
    public SessionJournal? GetJournal(string sessionId)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        return Run(connection => ReadJournals(connection, null, "WHERE id = $id", ("$id", sessionId)).SingleOrDefault());
    }

    /// <inheritdoc />
    /// <exception cref="ProgressStoreException">When the database cannot be read, or a stored journal is damaged.</exception>
    public IReadOnlyList<SessionJournal> ListUnfinishedJournals() =>
        Run(connection => ReadJournals(connection, null, "WHERE finished = 0 ORDER BY last_activity_at DESC, id DESC"));

    /// <inheritdoc />
    /// <exception cref="ProgressStoreException">When the database cannot be read, or a stored journal is damaged.</exception>
    public IReadOnlyList<SessionJournal> ListJournals() =>
        Run(connection => ReadJournals(connection, null, "ORDER BY last_activity_at DESC, id DESC"));

    /// <inheritdoc />
    /// <exception cref="ProgressStoreException">When the database cannot be written.</exception>
    public bool DeleteJournal(string sessionId)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        return Run(connection =>
        {
            using var command = Command(connection, null, "DELETE FROM session_journals WHERE id = $id", ("$id", sessionId));
            return command.ExecuteNonQuery() > 0;
        });
    }

    private static void ThrowIfInvalid(SessionJournal journal)
    {
        var problems = journal.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The journal cannot be stored: " + string.Join(" ", problems), nameof(journal));
        }
    }

    /// <summary>Inserts or replaces one journal (already validated): the entries as JSON, the draft in its own columns.</summary>
    private static void UpsertJournal(SqliteConnection connection, SqliteTransaction? transaction, SessionJournal journal)
    {
        Execute(connection, transaction, """
            INSERT INTO session_journals (id, prompt_id, started_at, finished, last_activity_at, journal_json, draft_text, draft_at)
            VALUES ($id, $prompt, $started, $finished, $activity, $json, $draft, $draftAt)
            ON CONFLICT (id) DO UPDATE SET
                prompt_id = excluded.prompt_id, started_at = excluded.started_at, finished = excluded.finished,
                last_activity_at = excluded.last_activity_at, journal_json = excluded.journal_json,
                draft_text = excluded.draft_text, draft_at = excluded.draft_at
            """,
            ("$id", journal.Id),
            ("$prompt", journal.PromptId),
            ("$started", Utc(journal.StartedAt)),
            ("$finished", journal.IsFinished ? 1 : 0),
            ("$activity", Utc(journal.StartedAt + journal.LastActivity)),
            ("$json", SessionJournalJson.Write(journal with { Draft = null })),
            ("$draft", journal.Draft?.Text),
            ("$draftAt", journal.Draft is { } draft ? Utc(journal.StartedAt + draft.At) : null));
    }

    private IReadOnlyList<SessionJournal> ReadJournals(SqliteConnection connection, SqliteTransaction? transaction, string where, params (string Name, object? Value)[] parameters)
    {
        var journals = new List<SessionJournal>();
        using var command = Command(connection, transaction, $"SELECT {JournalColumns} FROM session_journals {where}", parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            var read = SessionJournalJson.Read(reader.GetString(2));
            if (read.Journal is not { } journal)
            {
                throw new ProgressStoreException(Path, ProgressStoreProblem.Corrupt, ProgressStoreMessages.DamagedJournal(Path, id, string.Join("; ", read.Problems.Take(3))));
            }

            var draft = reader.IsDBNull(3) ? null : new SessionDraft(ParseUtc(reader.GetString(4)) - journal.StartedAt, reader.GetString(3));
            journals.Add(journal with { Draft = draft });
        }

        return journals;
    }
}
