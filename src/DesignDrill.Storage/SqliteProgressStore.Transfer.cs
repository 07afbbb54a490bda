using DesignDrill.Core.Progress;
using Microsoft.Data.Sqlite;

namespace DesignDrill.Storage;

/// <summary>Everything at once: reading the whole database for an export, and importing in one transaction (docs/progress.md, "Export and import").</summary>
public sealed partial class SqliteProgressStore
{
    /// <inheritdoc />
    /// <exception cref="ProgressStoreException">When the database cannot be read, or a stored journal is damaged.</exception>
    public ProgressData ReadAll() => Run(connection =>
    {
        // One read transaction: another process's write lands wholly before or after this snapshot.
        using var transaction = connection.BeginTransaction(deferred: true);
        var sessions = ReadSessions(connection, transaction, null, "finished_at, id");
        var cards = ReadCards(connection, transaction, "ORDER BY kind, card_id");
        var reviews = new List<ReviewLogEntry>();
        using (var command = Command(connection, transaction, "SELECT kind, card_id, rating, reviewed_at, due FROM review_log ORDER BY reviewed_at, id"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                reviews.Add(new ReviewLogEntry(reader.GetString(0), reader.GetString(1), (Rating)reader.GetInt32(2), ParseUtc(reader.GetString(3)), ParseUtc(reader.GetString(4))));
            }
        }

        var journals = ReadJournals(connection, transaction, "ORDER BY started_at, id");
        transaction.Commit();
        return new ProgressData(sessions, cards, reviews, journals);
    });

    /// <inheritdoc />
    /// <exception cref="ProgressStoreException">When the database cannot be written (locked, read-only, disk full); nothing is written then.</exception>
    public ProgressImportCounts ImportAll(ProgressData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        ProgressExport.ThrowIfInvalid(data);
        return Run(connection =>
        {
            // IMMEDIATE: take the write lock before the first read, so the counts and the writes see the same database.
            using var transaction = connection.BeginTransaction(deferred: false);
            var sessionsReplaced = data.Sessions.Count(s => Exists(connection, transaction, "sessions", "id = $id", ("$id", s.Id)));
            var cardsReplaced = data.Cards.Count(c => Exists(connection, transaction, "cards", "kind = $kind AND card_id = $id", ("$kind", c.Kind), ("$id", c.CardId)));
            var journalsReplaced = data.Journals.Count(j => Exists(connection, transaction, "session_journals", "id = $id", ("$id", j.Id)));

            // Which reviews the log has is decided before any is added, so two equal reviews in one file are both kept.
            var newReviews = data.Reviews.Where(r => !Exists(
                connection,
                transaction,
                "review_log",
                "kind = $kind AND card_id = $id AND rating = $rating AND reviewed_at = $at AND due = $due",
                ("$kind", r.Kind),
                ("$id", r.CardId),
                ("$rating", (int)r.Rating),
                ("$at", Utc(r.ReviewedAt)),
                ("$due", Utc(r.Due)))).ToList();

            foreach (var session in data.Sessions)
            {
                UpsertSession(connection, transaction, session);
            }

            foreach (var card in data.Cards)
            {
                UpsertCard(connection, transaction, card);
            }

            foreach (var review in newReviews)
            {
                InsertReview(connection, transaction, review);
            }

            foreach (var journal in data.Journals)
            {
                UpsertJournal(connection, transaction, journal);
            }

            transaction.Commit();
            return new ProgressImportCounts(
                data.Sessions.Count - sessionsReplaced,
                sessionsReplaced,
                data.Cards.Count - cardsReplaced,
                cardsReplaced,
                newReviews.Count,
                data.Reviews.Count - newReviews.Count,
                data.Journals.Count - journalsReplaced,
                journalsReplaced);
        });
    }

    private static bool Exists(SqliteConnection connection, SqliteTransaction transaction, string table, string where, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, $"SELECT EXISTS (SELECT 1 FROM {table} WHERE {where})", parameters);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }
}
