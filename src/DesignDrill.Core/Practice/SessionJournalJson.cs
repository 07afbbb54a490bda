using System.Text;
using System.Text.Json;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.Practice;

/// <summary>The result of reading a session journal: the journal, or the problems that say why it could not be read.</summary>
/// <param name="Journal">The journal, or <see langword="null"/> when there is any problem.</param>
/// <param name="Problems">Every problem found, in the order of the file; empty on success.</param>
public sealed record SessionJournalReadResult(SessionJournal? Journal, IReadOnlyList<JsonProblem> Problems)
{
    /// <summary>True when the journal was read without problems.</summary>
    public bool Succeeded => Journal is not null;
}

/// <summary>
/// The JSON form of a <see cref="SessionJournal"/>, schema <c>designdrill/session-journal@1</c> (docs/practice.md,
/// "Journal and replay"): camelCase properties in a fixed order, instants as UTC text with 100 ns precision
/// (<c>2026-11-21T09:00:00.0000000Z</c>), times since the start as <c>hh:mm:ss.fffffff</c> (exact to 100 ns, so a
/// replay from the JSON gives the same timeline), kinds as <c>ask</c>, <c>nextPhase</c>, <c>save</c>, <c>review</c>,
/// <c>finish</c> and <c>answer</c>, levels as <c>mid</c>, <c>senior</c> and <c>staff</c>.
/// </summary>
/// <example>
/// <code>
/// {
///   "schema": "designdrill/session-journal@1",
///   "id": "3f2a9c1e0b7d4e6f8a5b2c1d0e9f8a7b",
///   "promptId": "url-shortener",
///   "plannedMinutes": 45,
///   "level": "mid",
///   "startedAt": "2026-11-21T09:00:00.0000000Z",
///   "entries": [
///     { "at": "00:01:00", "kind": "ask", "text": "How many daily active users?" },
///     { "at": "00:04:30", "kind": "nextPhase", "text": "" },
///     { "at": "00:40:00", "kind": "finish", "text": "# Design ..." },
///     { "at": "00:42:10", "kind": "answer", "text": "Shard by ...", "followUp": 0 }
///   ],
///   "draft": { "at": "00:39:58.2500000", "text": "# Design ..." }
/// }
/// </code>
/// </example>
public static class SessionJournalJson
{
    /// <summary>The schema identifier written in every journal's <c>schema</c> property.</summary>
    public const string Schema = "designdrill/session-journal@1";

    private static readonly Dictionary<string, JournalEntryKind> Kinds =
        Enum.GetValues<JournalEntryKind>().ToDictionary(KindName, k => k, StringComparer.Ordinal);

    private static readonly Dictionary<string, DesignLevel> Levels =
        Enum.GetValues<DesignLevel>().ToDictionary(LevelName, l => l, StringComparer.Ordinal);

    /// <summary>Renders a journal as indented JSON (LF line ends, no trailing newline); the same journal always gives the same text.</summary>
    /// <param name="journal">The journal; must pass <see cref="SessionJournal.Validate"/>.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentException">When the journal fails validation (a bug in the caller).</exception>
    public static string Write(SessionJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ThrowIfInvalid(journal, nameof(journal));
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteJournal(json, journal);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a journal written by <see cref="Write"/> (or by hand), checking everything; never throws for bad input.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>
    /// The journal, or problems with their JSON paths: not JSON, another schema, a bad id, an unknown kind, a negative
    /// time, times going backwards, an answer without a follow-up index, commands after the finish, unknown properties.
    /// </returns>
    public static SessionJournalReadResult Read(string json)
    {
        var problems = new List<JsonProblem>();
        using var document = JsonInput.Parse(json, problems);
        if (document is null)
        {
            return new SessionJournalReadResult(null, problems);
        }

        var journal = ReadJournal(document.RootElement, "$", problems, requireSchema: true);
        return new SessionJournalReadResult(problems.Count == 0 ? journal : null, problems);
    }

    /// <summary>The JSON name of an entry kind: <c>ask</c>, <c>nextPhase</c>, <c>save</c>, <c>review</c>, <c>finish</c>, <c>answer</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    public static string KindName(JournalEntryKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    /// <summary>The JSON name of a level: <c>mid</c>, <c>senior</c>, <c>staff</c>.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The name.</returns>
    public static string LevelName(DesignLevel level) => level.ToString().ToLowerInvariant();

    /// <summary>The writer settings of DesignDrill's data files: indented, LF line ends, non-ASCII text kept readable.</summary>
    internal static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Throws when a journal fails <see cref="SessionJournal.Validate"/>.</summary>
    internal static void ThrowIfInvalid(SessionJournal journal, string parameter)
    {
        var problems = journal.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Journal '{journal.Id}' is not valid: " + string.Join(" ", problems), parameter);
        }
    }

    /// <summary>Writes one journal object (with its <c>schema</c> property).</summary>
    internal static void WriteJournal(Utf8JsonWriter json, SessionJournal journal)
    {
        json.WriteStartObject();
        json.WriteString("schema", Schema);
        json.WriteString("id", journal.Id);
        json.WriteString("promptId", journal.PromptId);
        json.WriteNumber("plannedMinutes", journal.PlannedMinutes);
        json.WriteString("level", LevelName(journal.Level));
        json.WriteString("startedAt", JsonInput.FormatUtc(journal.StartedAt));
        json.WriteStartArray("entries");
        foreach (var entry in journal.Entries)
        {
            json.WriteStartObject();
            json.WriteString("at", JsonInput.FormatElapsed(entry.At));
            json.WriteString("kind", KindName(entry.Kind));
            json.WriteString("text", entry.Text);
            if (entry.FollowUpIndex is { } followUp)
            {
                json.WriteNumber("followUp", followUp);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (journal.Draft is { } draft)
        {
            json.WriteStartObject("draft");
            json.WriteString("at", JsonInput.FormatElapsed(draft.At));
            json.WriteString("text", draft.Text);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("draft");
        }

        json.WriteEndObject();
    }

    /// <summary>Reads one journal object at <paramref name="path"/>, adding problems; the result is meaningful only when none were added.</summary>
    internal static SessionJournal? ReadJournal(JsonElement element, string path, List<JsonProblem> problems, bool requireSchema)
    {
        var before = problems.Count;
        var reader = JsonObjectReader.Open(element, path, problems, "a session journal");
        if (reader is null)
        {
            return null;
        }

        var schema = requireSchema ? reader.String("schema", $"The first property of a journal is \"schema\": \"{Schema}\".") : reader.Optional("schema") is { } given ? reader.AsString(given, reader.PathOf("schema")) : Schema;
        if (schema is not null && !string.Equals(schema, Schema, StringComparison.Ordinal))
        {
            reader.Problem("schema", $"{JsonInput.Quote(schema)} is not a session journal this version of DesignDrill reads", $"Expected \"{Schema}\".");
            return null;
        }

        var id = reader.String("id");
        if (id is not null && !SessionJournal.IsSessionId(id))
        {
            reader.Problem("id", $"{JsonInput.Quote(id)} is not a session id", "A session id is 32 hexadecimal digits (a GUID without dashes), such as \"3f2a9c1e0b7d4e6f8a5b2c1d0e9f8a7b\".");
        }

        var promptId = reader.String("promptId");
        if (promptId is not null && string.IsNullOrWhiteSpace(promptId))
        {
            reader.Problem("promptId", "the prompt id is empty", "Write the id of a catalog prompt, such as \"url-shortener\" (drill prompts lists them).");
        }

        var minutes = reader.Int("plannedMinutes", "Write 45 or 60.");
        if (minutes is { } m && SessionPlan.ForMinutes(m) is null)
        {
            reader.Problem("plannedMinutes", $"{m} minutes is not a session length", "Write 45 or 60.");
        }

        var levelText = reader.String("level", "Write \"mid\", \"senior\" or \"staff\".");
        DesignLevel? level = null;
        if (levelText is not null)
        {
            if (Levels.TryGetValue(levelText, out var found))
            {
                level = found;
            }
            else
            {
                reader.Problem("level", $"{JsonInput.Quote(levelText)} is not a level", "Write \"mid\", \"senior\" or \"staff\".");
            }
        }

        var startedAt = reader.Instant("startedAt");
        var entries = ReadEntries(reader, problems);
        var draft = ReadDraft(reader, problems);
        reader.ReportUnknown();
        if (problems.Count > before || id is null || promptId is null || minutes is null || level is null || startedAt is null || entries is null)
        {
            return null;
        }

        return new SessionJournal(id, promptId, minutes.Value, level.Value, startedAt.Value, entries, draft);
    }

    private static List<JournalEntry>? ReadEntries(JsonObjectReader journal, List<JsonProblem> problems)
    {
        if (journal.Array("entries") is not { } items)
        {
            return null;
        }

        var entries = new List<JournalEntry>(items.Count);
        var previous = TimeSpan.Zero;
        var finishedAt = -1;
        for (var i = 0; i < items.Count; i++)
        {
            var entryPath = $"{journal.PathOf("entries")}[{i}]";
            var reader = JsonObjectReader.Open(items[i], entryPath, problems, "a journal entry");
            if (reader is null)
            {
                continue;
            }

            var at = reader.Elapsed("at");
            if (at is { } time)
            {
                if (time < previous)
                {
                    reader.Problem("at", $"\"{JsonInput.FormatElapsed(time)}\" is before the entry before it (\"{JsonInput.FormatElapsed(previous)}\")", "Entries are in time order; a time never goes back.");
                }
                else
                {
                    previous = time;
                }
            }

            var kind = ReadKind(reader);
            var text = reader.Optional("text") is { } textValue ? reader.AsString(textValue, reader.PathOf("text")) : kind == JournalEntryKind.NextPhase ? "" : Missing(reader, "text");
            int? followUp = null;
            if (reader.Optional("followUp") is { } followUpValue)
            {
                followUp = reader.AsInt(followUpValue, reader.PathOf("followUp"), "Write the 0-based index of the follow-up answered.");
                if (kind is not null and not JournalEntryKind.Answer)
                {
                    reader.Problem("followUp", $"{Article(kind.Value)} {KindName(kind.Value)} entry has no follow-up", "Only \"answer\" entries have \"followUp\"; remove it.");
                }
                else if (followUp < 0)
                {
                    reader.Problem("followUp", $"{followUp} is negative", "Write the 0-based index of the follow-up answered.");
                }
            }
            else if (kind == JournalEntryKind.Answer)
            {
                reader.Problem("followUp", "an answer entry needs 'followUp'", "Write the 0-based index of the follow-up answered, such as \"followUp\": 0.");
            }

            if (kind is { } k)
            {
                if (k == JournalEntryKind.Answer && finishedAt < 0)
                {
                    reader.Problem("kind", "an answer comes before the session finished", "Answers to follow-ups come after the \"finish\" entry.");
                }
                else if (k != JournalEntryKind.Answer && finishedAt >= 0)
                {
                    reader.Problem("kind", $"{Article(k)} {KindName(k)} entry comes after the session finished (entry {finishedAt})", "After \"finish\" only \"answer\" entries follow.");
                }

                if (k == JournalEntryKind.Finish && finishedAt < 0)
                {
                    finishedAt = i;
                }
            }

            reader.ReportUnknown();
            if (at is not null && kind is not null && text is not null)
            {
                entries.Add(new JournalEntry(at.Value, kind.Value, text, kind == JournalEntryKind.Answer ? followUp : null));
            }
        }

        return entries;
    }

    private static string Article(JournalEntryKind kind) => kind is JournalEntryKind.Ask or JournalEntryKind.Answer ? "an" : "a";

    private static string? Missing(JsonObjectReader reader, string name)
    {
        reader.Problem(name, $"'{name}' is missing", "Write the question, the design text or the answer (\"\" for nothing).");
        return null;
    }

    private static JournalEntryKind? ReadKind(JsonObjectReader reader)
    {
        var hint = "Write one of " + string.Join(", ", Kinds.Keys.Select(k => $"\"{k}\"")) + ".";
        if (reader.String("kind", hint) is not { } name)
        {
            return null;
        }

        if (Kinds.TryGetValue(name, out var kind))
        {
            return kind;
        }

        var closest = EditDistance.Closest(name, Kinds.Keys);
        reader.Problem("kind", $"unknown kind {JsonInput.Quote(name)}", closest is null ? hint : $"Did you mean \"{closest}\"? {hint}");
        return null;
    }

    private static SessionDraft? ReadDraft(JsonObjectReader journal, List<JsonProblem> problems)
    {
        if (journal.Optional("draft") is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var reader = JsonObjectReader.Open(value, journal.PathOf("draft"), problems, "a draft (or null)");
        if (reader is null)
        {
            return null;
        }

        var at = reader.Elapsed("at");
        var text = reader.String("text");
        reader.ReportUnknown();
        return at is not null && text is not null ? new SessionDraft(at.Value, text) : null;
    }
}
