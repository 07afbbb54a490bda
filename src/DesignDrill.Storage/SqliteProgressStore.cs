using System.Globalization;
using DesignDrill.Core.Practice;
using DesignDrill.Core.Progress;
using DesignDrill.Core.Review;
using DesignDrill.Storage.Migrations;
using Microsoft.Data.Sqlite;

namespace DesignDrill.Storage;

/// <summary>
/// Practice progress in an SQLite file (docs/progress.md): finished sessions with their scores and design documents,
/// spaced-repetition cards, the review log, and the journals of practice sessions, running or finished
/// (<see cref="ISessionJournalStore"/>).
/// </summary>
/// <remarks>
/// <para>
/// Opening checks the file before anything is written: a file that is not an SQLite database, one cut short or
/// failing SQLite's integrity check, another program's database, or one written by a newer DesignDrill is refused with
/// a <see cref="ProgressStoreException"/> and left byte for byte as it was. A new or older database is brought to
/// <see cref="LatestSchemaVersion"/> by the embedded migrations, in one transaction, after copying an older one to
/// <c>progress.db.bak-v{old}</c>; the schema version is SQLite's <c>PRAGMA user_version</c>.
/// </para>
/// <para>
/// The store keeps one connection open until it is disposed, without connection pooling, so the file is released at
/// once on <see cref="Dispose"/>. Calls are serialised by a lock and are safe from several threads; several processes
/// may share the file (SQLite's own locking; a call waits up to <see cref="DefaultBusyTimeoutSeconds"/> for another
/// process's lock). Journal mode is SQLite's default (rollback journal), so the database is always one file. Times are
/// stored in UTC and come back with offset zero.
/// </para>
/// </remarks>
public sealed partial class SqliteProgressStore : IProgressDataStore
{
    private const string UtcFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private readonly Lock _gate = new();
    private SqliteConnection? _connection;

    /// <summary>Opens (creating it and its folder when missing) the progress database.</summary>
    /// <param name="path">The database file; <see langword="null"/> for <see cref="ProgressStorePaths.Default"/>.</param>
    /// <exception cref="ProgressStoreException">
    /// When the file cannot be used: not an SQLite database, damaged, another program's, written by a newer
    /// DesignDrill, locked, read-only, or its folder cannot be created. The file is left unchanged.
    /// </exception>
    public SqliteProgressStore(string? path = null)
        : this(path ?? ProgressStorePaths.Default, MigrationSet.Embedded, DefaultBusyTimeoutSeconds)
    {
    }

    /// <summary>Opens the database with a given set of migrations and lock wait; for tests of migrations and locking.</summary>
    internal SqliteProgressStore(string path, MigrationSet migrations, int busyTimeoutSeconds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _connection = Open(Path, migrations, busyTimeoutSeconds, out var backupPath);
        BackupPath = backupPath;
        SchemaVersion = migrations.LatestVersion;
    }

    /// <summary>The database file's absolute path.</summary>
    public string Path { get; }

    /// <summary>The schema version of the open database (equal to <see cref="LatestSchemaVersion"/>).</summary>
    public int SchemaVersion { get; }

    /// <summary>
    /// The copy made of an older database before it was migrated on this opening (<c>progress.db.bak-v{old}</c>), or
    /// <see langword="null"/> when nothing was migrated or the database was new.
    /// </summary>
    public string? BackupPath { get; }

    /// <summary>The SQLite library's version, e.g. "3.35.5".</summary>
    internal string SqliteVersion => Run(c => Scalar<string>(c, "SELECT sqlite_version()"));

    /// <inheritdoc />
    /// <exception cref="ProgressStoreException">When the database cannot be written (locked, read-only, disk full).</exception>
    public void SaveSession(SessionRecord session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var problems = session.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The session cannot be stored: " + string.Join(" ", problems), nameof(session));
        }

        Run(connection =>
        {
            using var transaction = connection.BeginTransaction();
            UpsertSession(connection, transaction, session);
            transaction.Commit();
            return 0;
        });
    }

    /// <inheritdoc />
    /// <exception cref="ProgressStoreException">When the database cannot be read.</exception>
    public IReadOnlyList<SessionRecord> ListSessions(string? promptId = null) => Run(connection => ReadSessions(connection, null, promptId, "finished_at DESC, id DESC"));

    /// <inheritdoc />
    /// <exception cref="ProgressStoreException">When the database cannot be read.</exception>
    public CardState? GetCard(string kind, string cardId)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(cardId);
        return Run(connection => ReadCards(connection, null, "WHERE kind = $kind AND card_id = $id", ("$kind", kind), ("$id", cardId)).SingleOrDefault());
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">Also when stability is not positive, difficulty is outside 1–10, or counts are negative.</exception>
    /// <exception cref="ProgressStoreException">When the database cannot be written.</exception>
    public void SaveCard(CardState card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var problems = card.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Card {card.Kind} '{card.CardId}' cannot be stored: " + string.Join(" ", problems), nameof(card));
        }

        Run(connection =>
        {
            UpsertCard(connection, null, card);
            return 0;
        });
    }

    /// <summary>Inserts or replaces one card's state (already validated).</summary>
    private static void UpsertCard(SqliteConnection connection, SqliteTransaction? transaction, CardState card)
    {
        Execute(connection, transaction, """
            INSERT INTO cards (kind, card_id, state, step, stability_days, difficulty, due, last_review, reps, lapses)
            VALUES ($kind, $id, $state, $step, $stability, $difficulty, $due, $last, $reps, $lapses)
            ON CONFLICT (kind, card_id) DO UPDATE SET
                state = excluded.state, step = excluded.step, stability_days = excluded.stability_days,
                difficulty = excluded.difficulty, due = excluded.due, last_review = excluded.last_review,
                reps = excluded.reps, lapses = excluded.lapses
            """,
            ("$kind", card.Kind),
            ("$id", card.CardId),
            ("$state", card.LearningState.ToString()),
            ("$step", card.Step),
            ("$stability", card.StabilityDays),
            ("$difficulty", card.Difficulty),
            ("$due", Utc(card.Due)),
            ("$last", Utc(card.LastReview)),
            ("$reps", card.Reps),
            ("$lapses", card.Lapses));
    }

    /// <inheritdoc />
    /// <exception cref="ProgressStoreException">When the database cannot be read.</exception>
    public IReadOnlyList<CardState> ListCards(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return Run(connection => ReadCards(connection, null, "WHERE kind = $kind ORDER BY card_id", ("$kind", kind)));
    }

    /// <inheritdoc />
    /// <exception cref="ProgressStoreException">When the database cannot be read.</exception>
    public IReadOnlyList<CardState> ListDueCards(DateTimeOffset now, string? kind = null) => Run(connection =>
        ReadCards(
            connection,
            null,
            kind is null ? "WHERE due <= $now ORDER BY due, kind, card_id" : "WHERE due <= $now AND kind = $kind ORDER BY due, card_id",
            ("$now", Utc(now)),
            ("$kind", kind)));

    /// <inheritdoc />
    /// <exception cref="ProgressStoreException">When the database cannot be written.</exception>
    public void RecordReview(ReviewLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var problems = entry.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The review cannot be logged: " + string.Join(" ", problems), nameof(entry));
        }

        Run(connection =>
        {
            InsertReview(connection, null, entry);
            return 0;
        });
    }

    /// <summary>Appends one review (already validated) to the log.</summary>
    private static void InsertReview(SqliteConnection connection, SqliteTransaction? transaction, ReviewLogEntry entry)
    {
        Execute(
            connection,
            transaction,
            "INSERT INTO review_log (kind, card_id, rating, reviewed_at, due) VALUES ($kind, $id, $rating, $at, $due)",
            ("$kind", entry.Kind),
            ("$id", entry.CardId),
            ("$rating", (int)entry.Rating),
            ("$at", Utc(entry.ReviewedAt)),
            ("$due", Utc(entry.Due)));
    }

    /// <inheritdoc />
    /// <exception cref="ProgressStoreException">When the database cannot be read.</exception>
    public IReadOnlyList<ReviewLogEntry> ListReviews(string kind, string cardId)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(cardId);
        return Run(connection =>
        {
            var entries = new List<ReviewLogEntry>();
            using var command = Command(
                connection,
                null,
                "SELECT kind, card_id, rating, reviewed_at, due FROM review_log WHERE kind = $kind AND card_id = $id ORDER BY reviewed_at, id",
                ("$kind", kind),
                ("$id", cardId));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                entries.Add(new ReviewLogEntry(reader.GetString(0), reader.GetString(1), (Rating)reader.GetInt32(2), ParseUtc(reader.GetString(3)), ParseUtc(reader.GetString(4))));
            }

            return (IReadOnlyList<ReviewLogEntry>)entries;
        });
    }

    /// <summary>Closes the database; the file is released at once. Further calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _connection?.Dispose();
            _connection = null;
        }
    }

    /// <summary>Inserts or replaces one session (already validated) and its scores.</summary>
    private static void UpsertSession(SqliteConnection connection, SqliteTransaction transaction, SessionRecord session)
    {
        Execute(connection, transaction, """
            INSERT INTO sessions (id, prompt_id, started_at, finished_at, planned_minutes, average_score, recommendation, design_text, details_json)
            VALUES ($id, $prompt, $started, $finished, $planned, $average, $recommendation, $design, $details)
            ON CONFLICT (id) DO UPDATE SET
                prompt_id = excluded.prompt_id, started_at = excluded.started_at, finished_at = excluded.finished_at,
                planned_minutes = excluded.planned_minutes, average_score = excluded.average_score,
                recommendation = excluded.recommendation, design_text = excluded.design_text, details_json = excluded.details_json
            """,
            ("$id", session.Id),
            ("$prompt", session.PromptId),
            ("$started", Utc(session.StartedAt)),
            ("$finished", Utc(session.FinishedAt)),
            ("$planned", session.PlannedMinutes),
            ("$average", session.AverageScore),
            ("$recommendation", session.Recommendation),
            ("$design", session.DesignText),
            ("$details", session.DetailsJson));
        Execute(connection, transaction, "DELETE FROM session_scores WHERE session_id = $id", ("$id", session.Id));
        foreach (var (dimension, score) in session.Scores.OrderBy(s => s.Key))
        {
            Execute(
                connection,
                transaction,
                "INSERT INTO session_scores (session_id, dimension, score) VALUES ($id, $dimension, $score)",
                ("$id", session.Id),
                ("$dimension", dimension.ToString()),
                ("$score", score));
        }
    }

    /// <summary>Reads sessions with their scores, of one prompt or all, in the given SQL order.</summary>
    private static List<SessionRecord> ReadSessions(SqliteConnection connection, SqliteTransaction? transaction, string? promptId, string orderBy)
    {
        var filter = promptId is null ? string.Empty : " WHERE prompt_id = $prompt";
        var scores = new Dictionary<string, Dictionary<RubricDimension, int>>(StringComparer.Ordinal);
        using (var command = Command(connection, transaction, $"SELECT session_id, dimension, score FROM session_scores WHERE session_id IN (SELECT id FROM sessions{filter})", ("$prompt", promptId)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                // A dimension this build does not know (renamed in a later schema) is skipped, not fatal.
                if (Enum.TryParse<RubricDimension>(reader.GetString(1), ignoreCase: false, out var dimension))
                {
                    var id = reader.GetString(0);
                    if (!scores.TryGetValue(id, out var map))
                    {
                        scores[id] = map = [];
                    }

                    map[dimension] = reader.GetInt32(2);
                }
            }
        }

        var sessions = new List<SessionRecord>();
        using (var command = Command(
            connection,
            transaction,
            $"SELECT id, prompt_id, started_at, finished_at, planned_minutes, average_score, recommendation, design_text, details_json FROM sessions{filter} ORDER BY {orderBy}",
            ("$prompt", promptId)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                sessions.Add(new SessionRecord(
                    id,
                    reader.GetString(1),
                    ParseUtc(reader.GetString(2)),
                    ParseUtc(reader.GetString(3)),
                    reader.GetInt32(4),
                    scores.TryGetValue(id, out var map) ? map : new Dictionary<RubricDimension, int>(),
                    reader.GetDouble(5),
                    reader.GetString(6),
                    reader.GetString(7),
                    reader.GetString(8)));
            }
        }

        return sessions;
    }

    private static IReadOnlyList<CardState> ReadCards(SqliteConnection connection, SqliteTransaction? transaction, string where, params (string Name, object? Value)[] parameters)
    {
        var cards = new List<CardState>();
        using var command = Command(
            connection,
            transaction,
            $"SELECT kind, card_id, state, step, stability_days, difficulty, due, last_review, reps, lapses FROM cards {where}",
            parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cards.Add(new CardState(
                reader.GetString(0),
                reader.GetString(1),
                Enum.Parse<LearningState>(reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.GetDouble(4),
                reader.GetDouble(5),
                ParseUtc(reader.GetString(6)),
                ParseUtc(reader.GetString(7)),
                reader.GetInt32(8),
                reader.GetInt32(9)));
        }

        return cards;
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString(UtcFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseUtc(string text) =>
        DateTimeOffset.ParseExact(text, UtcFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            if (sql.Contains(name, StringComparison.Ordinal))
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
        }

        return command;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, null, sql);
        return (T)command.ExecuteScalar()!;
    }

    /// <summary>Runs one operation under the lock, turning SQLite errors into <see cref="ProgressStoreException"/>.</summary>
    private T Run<T>(Func<SqliteConnection, T> operation)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_connection is null, this);
            try
            {
                return operation(_connection);
            }
            catch (SqliteException e)
            {
                throw Translate(Path, e);
            }
        }
    }
}
