using System.Text;
using System.Text.Json;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Practice;
using DesignDrill.Core.Review;
using DesignDrill.Core.Review.Reporting;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.Progress;

/// <summary>The result of reading an export file: the data, or the problems that say why it cannot be imported.</summary>
/// <param name="Data">The data, or <see langword="null"/> when there is any problem.</param>
/// <param name="Problems">Every problem found, in the order of the file; empty on success.</param>
public sealed record ProgressExportReadResult(ProgressData? Data, IReadOnlyList<JsonProblem> Problems)
{
    /// <summary>True when the file was read without problems.</summary>
    public bool Succeeded => Data is not null;
}

/// <summary>The result of an import: what was written, or the problems with the file (and then nothing was written).</summary>
/// <param name="Counts">What was added and replaced, or <see langword="null"/> when the file had problems.</param>
/// <param name="Problems">Every problem of the file; empty when it was imported.</param>
public sealed record ProgressImportResult(ProgressImportCounts? Counts, IReadOnlyList<JsonProblem> Problems)
{
    /// <summary>True when the file was imported.</summary>
    public bool Succeeded => Counts is not null;
}

/// <summary>
/// All of a person's DesignDrill data as one JSON file, schema <c>designdrill/export@1</c> (docs/progress.md, "Export
/// and import"): finished sessions with their scores and design documents, spaced-repetition cards, the review log and
/// practice-session journals. The same data always gives the same text (fixed property and record order, no time of
/// export), so exporting, importing into an empty store and exporting again gives the same file.
/// </summary>
/// <remarks>
/// Reading checks everything before anything is written and never throws for bad input: it returns every problem with
/// its JSON path. Importing writes in one transaction (<see cref="IProgressDataStore.ImportAll"/>): records with the id
/// of a stored one replace it, and nothing else is deleted.
/// </remarks>
public static class ProgressExport
{
    /// <summary>The schema identifier written in every export's <c>schema</c> property.</summary>
    public const string Schema = "designdrill/export@1";

    private static readonly Dictionary<string, RubricDimension> Dimensions =
        Enum.GetValues<RubricDimension>().ToDictionary(JsonReportWriter.DimensionName, d => d, StringComparer.Ordinal);

    private static readonly Dictionary<string, LearningState> States =
        Enum.GetValues<LearningState>().ToDictionary(StateName, s => s, StringComparer.Ordinal);

    /// <summary>Exports everything in a store.</summary>
    /// <param name="store">The store.</param>
    /// <returns>The JSON text (<see cref="Write"/>).</returns>
    public static string Export(IProgressDataStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Write(store.ReadAll());
    }

    /// <summary>
    /// Imports an export file into a store, empty or not: reads and checks the whole file first, then writes it in one
    /// transaction. On any problem nothing is written.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="json">The file's text.</param>
    /// <returns>What was written, or the file's problems with their JSON paths.</returns>
    public static ProgressImportResult Import(IProgressDataStore store, string json)
    {
        ArgumentNullException.ThrowIfNull(store);
        var read = Read(json);
        return read.Data is { } data
            ? new ProgressImportResult(store.ImportAll(data), [])
            : new ProgressImportResult(null, read.Problems);
    }

    /// <summary>
    /// Renders data as indented JSON (LF line ends, no trailing newline): sessions by finish time then id, cards by kind
    /// then id, reviews in the order given, journals by start time then id.
    /// </summary>
    /// <param name="data">The data; every record must be valid.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentException">When a record fails validation (a bug in the caller).</exception>
    public static string Write(ProgressData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        ThrowIfInvalid(data);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, SessionJournalJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteStartArray("sessions");
            foreach (var session in data.Sessions.OrderBy(s => s.FinishedAt).ThenBy(s => s.Id, StringComparer.Ordinal))
            {
                WriteSession(json, session);
            }

            json.WriteEndArray();
            json.WriteStartArray("cards");
            foreach (var card in data.Cards.OrderBy(c => c.Kind, StringComparer.Ordinal).ThenBy(c => c.CardId, StringComparer.Ordinal))
            {
                WriteCard(json, card);
            }

            json.WriteEndArray();
            json.WriteStartArray("reviewLog");
            foreach (var review in data.Reviews)
            {
                json.WriteStartObject();
                json.WriteString("kind", review.Kind);
                json.WriteString("cardId", review.CardId);
                json.WriteNumber("rating", (int)review.Rating);
                json.WriteString("reviewedAt", JsonInput.FormatUtc(review.ReviewedAt));
                json.WriteString("due", JsonInput.FormatUtc(review.Due));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("journals");
            foreach (var journal in data.Journals.OrderBy(j => j.StartedAt).ThenBy(j => j.Id, StringComparer.Ordinal))
            {
                SessionJournalJson.WriteJournal(json, journal);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Reads an export file, checking every record: types, ids (a session id is 32 hex digits), times with a time
    /// zone, scores 1–4, planned lengths 45 or 60, card states, ratings 1–4, journals as
    /// <see cref="SessionJournalJson.Read"/> checks them, ids given twice, unknown properties. Never throws for bad input.
    /// </summary>
    /// <param name="json">The file's text.</param>
    /// <returns>The data, or every problem with its JSON path (<c>$.cards[3].difficulty</c>).</returns>
    public static ProgressExportReadResult Read(string json)
    {
        var problems = new List<JsonProblem>();
        using var document = JsonInput.Parse(json, problems);
        if (document is null)
        {
            return new ProgressExportReadResult(null, problems);
        }

        var root = JsonObjectReader.Open(document.RootElement, "$", problems, "a DesignDrill export");
        if (root is null)
        {
            return new ProgressExportReadResult(null, problems);
        }

        var schema = root.String("schema", $"The first property of an export is \"schema\": \"{Schema}\".");
        if (schema is not null && !string.Equals(schema, Schema, StringComparison.Ordinal))
        {
            var hint = string.Equals(schema, SessionJournalJson.Schema, StringComparison.Ordinal)
                ? "This is one session journal, not an export of all data; export with 'drill progress --export FILE'."
                : $"Expected \"{Schema}\"; export the data again with 'drill progress --export FILE'.";
            root.Problem("schema", $"{JsonInput.Quote(schema)} is not a DesignDrill export this version reads", hint);
            return new ProgressExportReadResult(null, problems);
        }

        var sessions = ReadAll(root, "sessions", problems, ReadSession, s => s.Id, "session");
        var cards = ReadAll(root, "cards", problems, ReadCard, c => $"{c.Kind} '{c.CardId}'", "card");
        var reviews = ReadAll(root, "reviewLog", problems, ReadReview, null, "review");
        var journals = ReadAll(root, "journals", problems, (e, p, list) => SessionJournalJson.ReadJournal(e, p, list, requireSchema: false), j => j.Id, "session journal");
        root.ReportUnknown();
        return problems.Count == 0
            ? new ProgressExportReadResult(new ProgressData(sessions!, cards!, reviews!, journals!), problems)
            : new ProgressExportReadResult(null, problems);
    }

    /// <summary>The JSON name of a learning state: <c>learning</c>, <c>review</c>, <c>relearning</c>.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The name.</returns>
    public static string StateName(LearningState state) => state.ToString().ToLowerInvariant();

    /// <summary>Throws when any record of <paramref name="data"/> fails its validation, or a session, card or journal id is there twice.</summary>
    /// <param name="data">The data.</param>
    /// <exception cref="ArgumentException">Naming the first invalid record and its problems, or the id given twice.</exception>
    public static void ThrowIfInvalid(ProgressData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var invalid = data.Sessions.Select(s => (What: $"Session '{s.Id}'", Problems: s.Validate()))
            .Concat(data.Cards.Select(c => (What: $"Card {c.Kind} '{c.CardId}'", Problems: c.Validate())))
            .Concat(data.Reviews.Select(r => (What: $"The review of {r.Kind} '{r.CardId}' at {JsonInput.FormatUtc(r.ReviewedAt)}", Problems: r.Validate())))
            .Concat(data.Journals.Select(j => (What: $"Journal '{j.Id}'", Problems: j.Validate())))
            .FirstOrDefault(x => x.Problems.Count > 0);
        if (invalid.Problems is { Count: > 0 })
        {
            throw new ArgumentException($"{invalid.What} is not valid: {string.Join(" ", invalid.Problems)}", nameof(data));
        }

        var twice = data.Sessions.GroupBy(s => s.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"session '{g.Key}'")
            .Concat(data.Cards.GroupBy(c => (c.Kind, c.CardId)).Where(g => g.Count() > 1).Select(g => $"card {g.Key.Kind} '{g.Key.CardId}'"))
            .Concat(data.Journals.GroupBy(j => j.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"journal '{g.Key}'"))
            .FirstOrDefault();
        if (twice is not null)
        {
            throw new ArgumentException($"The data holds the {twice} twice.", nameof(data));
        }
    }

    private static void WriteSession(Utf8JsonWriter json, SessionRecord session)
    {
        json.WriteStartObject();
        json.WriteString("id", session.Id);
        json.WriteString("promptId", session.PromptId);
        json.WriteString("startedAt", JsonInput.FormatUtc(session.StartedAt));
        json.WriteString("finishedAt", JsonInput.FormatUtc(session.FinishedAt));
        json.WriteNumber("plannedMinutes", session.PlannedMinutes);
        json.WriteStartObject("scores");
        foreach (var (dimension, score) in session.Scores.OrderBy(s => s.Key))
        {
            json.WriteNumber(JsonReportWriter.DimensionName(dimension), score);
        }

        json.WriteEndObject();
        json.WriteNumber("averageScore", session.AverageScore);
        json.WriteString("recommendation", session.Recommendation);
        json.WriteString("designText", session.DesignText);
        json.WriteString("detailsJson", session.DetailsJson);
        json.WriteEndObject();
    }

    private static void WriteCard(Utf8JsonWriter json, CardState card)
    {
        json.WriteStartObject();
        json.WriteString("kind", card.Kind);
        json.WriteString("cardId", card.CardId);
        json.WriteString("state", StateName(card.LearningState));
        if (card.Step is { } step)
        {
            json.WriteNumber("step", step);
        }
        else
        {
            json.WriteNull("step");
        }

        json.WriteNumber("stabilityDays", card.StabilityDays);
        json.WriteNumber("difficulty", card.Difficulty);
        json.WriteString("due", JsonInput.FormatUtc(card.Due));
        json.WriteString("lastReview", JsonInput.FormatUtc(card.LastReview));
        json.WriteNumber("reps", card.Reps);
        json.WriteNumber("lapses", card.Lapses);
        json.WriteEndObject();
    }

    /// <summary>Reads the array <paramref name="name"/> item by item; reports a key given twice at its second item.</summary>
    private static List<T>? ReadAll<T>(
        JsonObjectReader root,
        string name,
        List<JsonProblem> problems,
        Func<JsonElement, string, List<JsonProblem>, T?> read,
        Func<T, string>? key,
        string what)
        where T : class
    {
        if (root.Array(name) is not { } items)
        {
            return null;
        }

        var records = new List<T>(items.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"{root.PathOf(name)}[{i}]";
            if (read(items[i], path, problems) is not { } record)
            {
                continue;
            }

            if (key is not null && !seen.TryAdd(key(record), i))
            {
                problems.Add(new JsonProblem(path, $"the {what} {key(record)} is given twice (also at {root.PathOf(name)}[{seen[key(record)]}])", "Keep one of them."));
                continue;
            }

            records.Add(record);
        }

        return records;
    }

    private static SessionRecord? ReadSession(JsonElement element, string path, List<JsonProblem> problems)
    {
        var before = problems.Count;
        var reader = JsonObjectReader.Open(element, path, problems, "a finished session");
        if (reader is null)
        {
            return null;
        }

        var id = reader.String("id");
        if (id is not null && !SessionJournal.IsSessionId(id))
        {
            reader.Problem("id", $"{JsonInput.Quote(id)} is not a session id", "A session id is 32 hexadecimal digits (a GUID without dashes).");
        }

        var promptId = NonEmpty(reader, "promptId");
        var startedAt = reader.Instant("startedAt");
        var finishedAt = reader.Instant("finishedAt");
        if (startedAt is { } s && finishedAt is { } f && f < s)
        {
            reader.Problem("finishedAt", $"the session finished ({JsonInput.FormatUtc(f)}) before it started ({JsonInput.FormatUtc(s)})");
        }

        var minutes = reader.Int("plannedMinutes", "Write 45 or 60.");
        if (minutes is { } m && !SessionRecord.PlannedLengthsMinutes.Contains(m))
        {
            reader.Problem("plannedMinutes", $"{m} minutes is not a session length", "Write 45 or 60.");
        }

        var scores = ReadScores(reader, problems);
        var average = reader.Double("averageScore", "Write the scorecard's average, 1 to 4.");
        if (average is < SessionRecord.MinimumScore or > SessionRecord.MaximumScore)
        {
            reader.Problem("averageScore", FormattableString.Invariant($"{average} is outside 1 to 4"), "Write the scorecard's average, 1 to 4.");
        }

        var recommendation = reader.String("recommendation");
        var design = reader.String("designText");
        var details = reader.String("detailsJson", "Write the practice engine's details as a JSON string, \"{}\" when there are none.");
        reader.ReportUnknown();
        return problems.Count > before
            ? null
            : new SessionRecord(id!, promptId!, startedAt!.Value, finishedAt!.Value, minutes!.Value, scores!, average!.Value, recommendation!, design!, details!);
    }

    private static Dictionary<RubricDimension, int>? ReadScores(JsonObjectReader session, List<JsonProblem> problems)
    {
        const string Hint = "Write an object of rubric dimensions and scores 1 to 4, such as { \"reliability\": 3 }.";
        if (session.Required("scores", Hint) is not { } value)
        {
            return null;
        }

        var reader = JsonObjectReader.Open(value, session.PathOf("scores"), problems, "the scores per rubric dimension");
        if (reader is null)
        {
            return null;
        }

        var scores = new Dictionary<RubricDimension, int>();
        foreach (var property in value.EnumerateObject())
        {
            if (!Dimensions.TryGetValue(property.Name, out var dimension))
            {
                continue;
            }

            if (reader.AsInt(property.Value, reader.PathOf(property.Name), "Write a score from 1 to 4.") is { } score)
            {
                if (score is < SessionRecord.MinimumScore or > SessionRecord.MaximumScore)
                {
                    reader.Problem(property.Name, $"the score {score} is outside 1 to 4", "Write a score from 1 (strong no) to 4 (strong yes).");
                }

                scores[dimension] = score;
            }
        }

        foreach (var name in Dimensions.Keys)
        {
            reader.Optional(name);
        }

        reader.ReportUnknown();
        return scores;
    }

    private static CardState? ReadCard(JsonElement element, string path, List<JsonProblem> problems)
    {
        var before = problems.Count;
        var reader = JsonObjectReader.Open(element, path, problems, "a card");
        if (reader is null)
        {
            return null;
        }

        var kind = ReadKind(reader);
        var cardId = NonEmpty(reader, "cardId");
        var stateName = reader.String("state", "Write \"learning\", \"review\" or \"relearning\".");
        LearningState? state = null;
        if (stateName is not null)
        {
            if (States.TryGetValue(stateName, out var found))
            {
                state = found;
            }
            else
            {
                reader.Problem("state", $"{JsonInput.Quote(stateName)} is not a learning state", "Write \"learning\", \"review\" or \"relearning\".");
            }
        }

        int? step = null;
        if (reader.Required("step", "Write the learning step (0, 1, ...) or null in review.") is { ValueKind: not JsonValueKind.Null } stepValue)
        {
            step = reader.AsInt(stepValue, reader.PathOf("step"), "Write the learning step (0, 1, ...) or null in review.");
            if (step < 0)
            {
                reader.Problem("step", $"the step {step} is negative", "Steps count from 0.");
            }
        }

        var stability = reader.Double("stabilityDays");
        if (stability <= 0)
        {
            reader.Problem("stabilityDays", FormattableString.Invariant($"the stability {stability} days is not above 0"), "FSRS stability is a positive number of days.");
        }

        var difficulty = reader.Double("difficulty");
        if (difficulty is < FsrsScheduler.MinimumDifficulty or > FsrsScheduler.MaximumDifficulty)
        {
            reader.Problem("difficulty", FormattableString.Invariant($"the difficulty {difficulty} is outside 1 to 10"), "FSRS difficulty is from 1 (easiest) to 10 (hardest).");
        }

        var due = reader.Instant("due");
        var lastReview = reader.Instant("lastReview");
        var reps = NotNegative(reader, "reps");
        var lapses = NotNegative(reader, "lapses");
        reader.ReportUnknown();
        return problems.Count > before
            ? null
            : new CardState(kind!, cardId!, state!.Value, step, stability!.Value, difficulty!.Value, due!.Value, lastReview!.Value, reps!.Value, lapses!.Value);
    }

    private static ReviewLogEntry? ReadReview(JsonElement element, string path, List<JsonProblem> problems)
    {
        var before = problems.Count;
        var reader = JsonObjectReader.Open(element, path, problems, "a review");
        if (reader is null)
        {
            return null;
        }

        var kind = ReadKind(reader);
        var cardId = NonEmpty(reader, "cardId");
        var rating = reader.Int("rating", "Write 1 (again), 2 (hard), 3 (good) or 4 (easy).");
        if (rating is { } r && !Enum.IsDefined((Rating)r))
        {
            reader.Problem("rating", $"{r} is not a rating", "Write 1 (again), 2 (hard), 3 (good) or 4 (easy).");
        }

        var reviewedAt = reader.Instant("reviewedAt");
        var due = reader.Instant("due");
        reader.ReportUnknown();
        return problems.Count > before ? null : new ReviewLogEntry(kind!, cardId!, (Rating)rating!.Value, reviewedAt!.Value, due!.Value);
    }

    private static string? ReadKind(JsonObjectReader reader)
    {
        var hint = "Write " + string.Join(" or ", CardKinds.All.Select(k => $"\"{k}\"")) + ".";
        var kind = reader.String("kind", hint);
        if (kind is not null && !CardKinds.IsKnown(kind))
        {
            var closest = EditDistance.Closest(kind, CardKinds.All);
            reader.Problem("kind", $"unknown card kind {JsonInput.Quote(kind)}", closest is null ? hint : $"Did you mean \"{closest}\"? {hint}");
        }

        return kind;
    }

    private static string? NonEmpty(JsonObjectReader reader, string name)
    {
        var text = reader.String(name);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            reader.Problem(name, $"'{name}' is empty");
        }

        return text;
    }

    private static int? NotNegative(JsonObjectReader reader, string name)
    {
        var number = reader.Int(name);
        if (number < 0)
        {
            reader.Problem(name, $"{number} is negative", "Counts are 0 or more.");
        }

        return number;
    }
}
