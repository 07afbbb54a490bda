using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Practice;
using FsCheck;
using FsCheck.Fluent;

namespace DesignDrill.Core.Tests.Practice;

/// <summary>The JSON form of a session journal (designdrill/session-journal@1): writing it, and reading it back with clear problems.</summary>
public sealed class SessionJournalJsonTests
{
    private const string Id = "3f2a9c1e0b7d4e6f8a5b2c1d0e9f8a7b";

    /// <summary>The journal <see cref="Journal"/> as <see cref="SessionJournalJson.Write"/> renders it.</summary>
    private const string Written =
        """
        {
          "schema": "designdrill/session-journal@1",
          "id": "3f2a9c1e0b7d4e6f8a5b2c1d0e9f8a7b",
          "promptId": "url-shortener",
          "plannedMinutes": 45,
          "level": "senior",
          "startedAt": "2026-11-21T09:00:00.1234567Z",
          "entries": [
            {
              "at": "00:01:00",
              "kind": "ask",
              "text": "How many users? — naïve 日本語"
            },
            {
              "at": "00:02:30.0000001",
              "kind": "nextPhase",
              "text": ""
            },
            {
              "at": "00:10:00",
              "kind": "save",
              "text": "## Requirements\n- shorten \"links\"\n"
            },
            {
              "at": "00:40:00",
              "kind": "finish",
              "text": "## Requirements\n- shorten \"links\"\n"
            },
            {
              "at": "1.00:00:00",
              "kind": "answer",
              "text": "Shard by code.",
              "followUp": 2
            }
          ],
          "draft": {
            "at": "00:39:59.5000000",
            "text": "## Requirements\n- shorten \"links\"\n"
          }
        }
        """;

    private static SessionJournal Journal { get; } = new(
        Id,
        "url-shortener",
        45,
        DesignLevel.Senior,
        new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.FromHours(1)).AddTicks(1_234_567),
        [
            new JournalEntry(TimeSpan.FromMinutes(1), JournalEntryKind.Ask, "How many users? — naïve 日本語"),
            new JournalEntry(TimeSpan.FromSeconds(150) + TimeSpan.FromTicks(1), JournalEntryKind.NextPhase, ""),
            new JournalEntry(TimeSpan.FromMinutes(10), JournalEntryKind.Save, "## Requirements\n- shorten \"links\"\n"),
            new JournalEntry(TimeSpan.FromMinutes(40), JournalEntryKind.Finish, "## Requirements\n- shorten \"links\"\n"),
            new JournalEntry(TimeSpan.FromDays(1), JournalEntryKind.Answer, "Shard by code.", 2),
        ],
        new SessionDraft(TimeSpan.FromSeconds(2399.5), "## Requirements\n- shorten \"links\"\n"));

    [Fact]
    public void Should_write_the_documented_form()
    {
        // Given / When
        var json = SessionJournalJson.Write(Journal);

        // Then
        json.ShouldBe(Written);
    }

    [Fact]
    public void Should_read_back_exactly_what_it_wrote()
    {
        // Given
        var noDraft = Journal with { Draft = null, Entries = [] };

        // When
        var read = SessionJournalJson.Read(Written);
        var readNoDraft = SessionJournalJson.Read(SessionJournalJson.Write(noDraft));

        // Then
        read.Problems.ShouldBeEmpty();
        read.Succeeded.ShouldBeTrue();
        read.Journal.ShouldBe(Journal);
        read.Journal!.StartedAt.Offset.ShouldBe(TimeSpan.Zero);
        readNoDraft.Journal.ShouldBe(noDraft);
        SessionJournalJson.Write(readNoDraft.Journal!).ShouldContain("\"draft\": null");
    }

    [Fact]
    public void Should_accept_a_next_phase_without_text_and_a_start_with_an_offset()
    {
        // Given
        var json = Written
            .Replace("\"kind\": \"nextPhase\",\n      \"text\": \"\"", "\"kind\": \"nextPhase\"", StringComparison.Ordinal)
            .Replace("2026-11-21T09:00:00.1234567Z", "2026-11-21T10:00:00.1234567+01:00", StringComparison.Ordinal);

        // When
        var read = SessionJournalJson.Read(json);

        // Then
        read.Problems.ShouldBeEmpty();
        read.Journal.ShouldBe(Journal);
    }

    [Theory]
    [InlineData("\"kind\": \"ask\"", "\"kind\": \"asked\"", "$.entries[0].kind", "unknown kind \"asked\"", "Did you mean \"ask\"?")]
    [InlineData("\"kind\": \"save\"", "\"kind\": \"commit\"", "$.entries[2].kind", "unknown kind \"commit\"", "Write one of \"ask\", \"nextPhase\", \"save\", \"review\", \"finish\", \"answer\".")]
    [InlineData("\"at\": \"00:01:00\"", "\"at\": \"-00:01:00\"", "$.entries[0].at", "\"-00:01:00\" is negative; times count from the session's start", "hh:mm:ss")]
    [InlineData("\"at\": \"00:10:00\"", "\"at\": \"00:02:00\"", "$.entries[2].at", "\"00:02:00\" is before the entry before it (\"00:02:30.0000001\")", "a time never goes back")]
    [InlineData("\"at\": \"00:01:00\"", "\"at\": \"1 minute\"", "$.entries[0].at", "\"1 minute\" is not a time since the start", "\"00:12:04.5\"")]
    [InlineData("\"at\": \"00:01:00\"", "\"at\": \"12:04\"", "$.entries[0].at", "\"12:04\" is not a time since the start", null)]
    [InlineData("\"at\": \"00:01:00\"", "\"at\": 60", "$.entries[0].at", "expected a string, found a number", null)]
    [InlineData("\"id\": \"3f2a9c1e0b7d4e6f8a5b2c1d0e9f8a7b\"", "\"id\": \"session-1\"", "$.id", "\"session-1\" is not a session id", "32 hexadecimal digits")]
    [InlineData("\"id\": \"3f2a9c1e0b7d4e6f8a5b2c1d0e9f8a7b\"", "\"id\": \"3f2a9c1e-0b7d-4e6f-8a5b-2c1d0e9f8a7b\"", "$.id", "is not a session id", null)]
    [InlineData("designdrill/session-journal@1", "designdrill/session-journal@2", "$.schema", "\"designdrill/session-journal@2\" is not a session journal this version of DesignDrill reads", "Expected \"designdrill/session-journal@1\".")]
    [InlineData("\"schema\": \"designdrill/session-journal@1\",", "", "$.schema", "'schema' is missing", null)]
    [InlineData("\"plannedMinutes\": 45", "\"plannedMinutes\": 30", "$.plannedMinutes", "30 minutes is not a session length", "Write 45 or 60.")]
    [InlineData("\"plannedMinutes\": 45", "\"plannedMinutes\": 45.5", "$.plannedMinutes", "expected a whole number, found 45.5", "Write 45 or 60.")]
    [InlineData("\"level\": \"senior\"", "\"level\": \"junior\"", "$.level", "\"junior\" is not a level", null)]
    [InlineData("\"promptId\": \"url-shortener\"", "\"promptId\": \" \"", "$.promptId", "the prompt id is empty", null)]
    [InlineData("2026-11-21T09:00:00.1234567Z", "2026-11-21T09:00:00", "$.startedAt", "\"2026-11-21T09:00:00\" is not a time with a time zone", null)]
    [InlineData("2026-11-21T09:00:00.1234567Z", "2026-02-30T09:00:00Z", "$.startedAt", "is not a time with a time zone", null)]
    [InlineData("\"followUp\": 2", "\"followUp\": -1", "$.entries[4].followUp", "-1 is negative", null)]
    [InlineData(",\n      \"followUp\": 2", "", "$.entries[4].followUp", "an answer entry needs 'followUp'", null)]
    [InlineData("\"kind\": \"ask\",", "\"kind\": \"ask\", \"followUp\": 0,", "$.entries[0].followUp", "an ask entry has no follow-up", null)]
    [InlineData("\"kind\": \"finish\"", "\"kind\": \"review\"", "$.entries[4].kind", "an answer comes before the session finished", null)]
    [InlineData("\"kind\": \"answer\",\n      \"text\": \"Shard by code.\",\n      \"followUp\": 2", "\"kind\": \"ask\",\n      \"text\": \"One more?\"", "$.entries[4].kind", "an ask entry comes after the session finished (entry 3)", null)]
    [InlineData("\"kind\": \"answer\",\n      \"text\": \"Shard by code.\",\n      \"followUp\": 2", "\"kind\": \"finish\",\n      \"text\": \"again\"", "$.entries[4].kind", "a finish entry comes after the session finished (entry 3)", null)]
    [InlineData("\"promptId\"", "\"promptID\"", "$.promptID", "unknown property 'promptID'", "Did you mean 'promptId'?")]
    [InlineData("\"promptId\"", "\"promptId\": \"chat\", \"promptId\"", "$.promptId", "'promptId' is given twice", null)]
    [InlineData("\"text\": \"Shard by code.\"", "\"text\": null", "$.entries[4].text", "expected a string, found null", null)]
    [InlineData("\"entries\": [", "\"entries\": {\"a\": 1}, \"x\": [", "$.entries", "expected an array, found an object", null)]
    [InlineData("\"draft\": {", "\"draft\": [], \"y\": {", "$.draft", "expected a draft (or null) (a JSON object), found an array", null)]
    [InlineData("\"at\": \"00:39:59.5000000\",", "", "$.draft.at", "'at' is missing", null)]
    public void Should_say_what_is_wrong_and_where(string find, string replace, string path, string message, string? hint)
    {
        // Given
        Written.ShouldContain(find);
        var json = Written.Replace(find, replace, StringComparison.Ordinal);

        // When
        var read = SessionJournalJson.Read(json);

        // Then
        read.Succeeded.ShouldBeFalse();
        read.Journal.ShouldBeNull();
        var problem = read.Problems.FirstOrDefault(p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal));
        problem.ShouldNotBeNull(string.Join("\n", read.Problems));
        if (hint is not null)
        {
            problem.Hint.ShouldNotBeNull().ShouldContain(hint);
        }
    }

    [Theory]
    [InlineData("", "$", "the file is empty")]
    [InlineData("   \n", "$", "the file is empty")]
    [InlineData("{\n  \"schema\": \"designdrill/session-journal@1\",\n  \"id\": ", "$", "the file is not valid JSON at line 3, column 9")]
    [InlineData("[1, 2]", "$", "expected a session journal (a JSON object), found an array")]
    [InlineData("{} trailing", "$", "the file is not valid JSON at line 1")]
    [InlineData("{}", "$.schema", "'schema' is missing")]
    public void Should_say_when_the_file_is_not_a_journal_at_all(string json, string path, string message)
    {
        // Given / When
        var read = SessionJournalJson.Read(json);

        // Then
        read.Journal.ShouldBeNull();
        read.Problems.ShouldContain(p => p.Path == path && p.Message.StartsWith(message, StringComparison.Ordinal), string.Join("\n", read.Problems));
    }

    [Fact]
    public void Should_report_every_problem_of_a_journal_at_once()
    {
        // Given
        var json = Written
            .Replace("\"kind\": \"ask\"", "\"kind\": \"asked\"", StringComparison.Ordinal)
            .Replace("\"plannedMinutes\": 45", "\"plannedMinutes\": 50", StringComparison.Ordinal)
            .Replace("\"at\": \"00:40:00\"", "\"at\": \"-00:40:00\"", StringComparison.Ordinal);

        // When
        var problems = SessionJournalJson.Read(json).Problems;

        // Then
        problems.Select(p => p.Path).ShouldBe(["$.plannedMinutes", "$.entries[0].kind", "$.entries[3].at"]);
        problems[1].ToString().ShouldBe("$.entries[0].kind: unknown kind \"asked\" (Did you mean \"ask\"? Write one of \"ask\", \"nextPhase\", \"save\", \"review\", \"finish\", \"answer\".)");
    }

    [Fact]
    public void Should_refuse_to_write_an_invalid_journal()
    {
        // Given
        var backwards = Journal with { Entries = [Journal.Entries[2], Journal.Entries[0]] };

        // When
        var error = Should.Throw<ArgumentException>(() => SessionJournalJson.Write(backwards));

        // Then
        error.Message.ShouldContain("Entry 1 is at 00:01:00, before the entry before it (00:10:00); entries are in time order.");
    }

    [Fact]
    public void Should_validate_journals_built_in_code()
    {
        // Given
        var bad = new SessionJournal(
            "nope",
            "",
            30,
            (DesignLevel)9,
            DateTimeOffset.UnixEpoch,
            [
                new JournalEntry(TimeSpan.FromSeconds(-1), JournalEntryKind.Answer, "x"),
                new JournalEntry(TimeSpan.Zero, JournalEntryKind.Ask, null!, 1),
                new JournalEntry(TimeSpan.Zero, (JournalEntryKind)42, "x"),
            ],
            new SessionDraft(TimeSpan.FromSeconds(-5), "x"));

        // When
        var problems = bad.Validate();

        // Then
        problems.ShouldBe(
        [
            "Id 'nope' is not a GUID in the 32-hex-digit \"N\" form.",
            "PromptId is empty.",
            "PlannedMinutes is 30; a session is planned for 45 or 60 minutes.",
            "Level 9 is not mid, senior or staff.",
            "Entry 0 is at -00:00:01, before the start.",
            "Entry 0 answers a follow-up but has no follow-up index of 0 or more.",
            "Entry 0 answers a follow-up before the session finished.",
            "Entry 1 has no text (use an empty string).",
            "Entry 1 is Ask and has a follow-up index; only answers have one.",
            "Entry 2 has an undefined kind 42.",
            "The draft needs a time not before the start and a text (an empty string when nothing was typed).",
        ]);
        Journal.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void Should_never_throw_on_damaged_text()
    {
        // Given: the written journal cut short, with a character replaced, or with a span deleted, anywhere
        var damaged =
            from position in Gen.Choose(0, Written.Length - 1)
            from length in Gen.Choose(0, 40)
            from replacement in Gen.Elements("", "x", "\"", "{", "]", "-", "0", "null", ",")
            from cut in Gen.Elements(true, false)
            select cut
                ? Written[..position]
                : Written[..position] + replacement + Written[Math.Min(Written.Length, position + length)..];

        // When / Then: a journal or problems, never an exception, and never both
        Prop.ForAll(damaged.ToArbitrary(), json =>
        {
            var read = SessionJournalJson.Read(json);
            return read.Succeeded ? read.Problems.Count == 0 && read.Journal!.Validate().Count == 0 : read.Problems.Count > 0;
        }).QuickCheckThrowOnFailure();
    }
}
