using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Practice;
using DesignDrill.Core.Progress;
using DesignDrill.Core.Review;
using FsCheck;
using FsCheck.Fluent;

namespace DesignDrill.Core.Tests.Progress;

/// <summary>The export file of all data (designdrill/export@1): writing it, and reading it back with clear problems.</summary>
public sealed class ProgressExportTests
{
    private static readonly DateTimeOffset Day0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private const string Written =
        """
        {
          "schema": "designdrill/export@1",
          "sessions": [
            {
              "id": "11111111111111111111111111111111",
              "promptId": "chat",
              "startedAt": "2025-03-01T08:15:46.8765433Z",
              "finishedAt": "2025-03-01T09:00:00.0000001Z",
              "plannedMinutes": 60,
              "scores": {
                "requirement-discovery": 1,
                "reliability": 4
              },
              "averageScore": 2.6666666666666665,
              "recommendation": "lean yes",
              "designText": "# Chat — 日本語\n\u0000",
              "detailsJson": "{\"timeline\":[]}"
            }
          ],
          "cards": [
            {
              "kind": "concept",
              "cardId": "erlang-c",
              "state": "learning",
              "step": 1,
              "stabilityDays": 3.173,
              "difficulty": 5.282434422319005,
              "due": "2025-03-01T09:10:00.0000000Z",
              "lastReview": "2025-03-01T09:00:00.0000000Z",
              "reps": 1,
              "lapses": 0
            },
            {
              "kind": "prompt",
              "cardId": "chat",
              "state": "review",
              "step": null,
              "stabilityDays": 0.1,
              "difficulty": 10,
              "due": "2025-03-04T09:00:00.0000000Z",
              "lastReview": "2025-03-01T09:00:00.0000000Z",
              "reps": 3,
              "lapses": 1
            }
          ],
          "reviewLog": [
            {
              "kind": "prompt",
              "cardId": "chat",
              "rating": 3,
              "reviewedAt": "2025-03-01T09:00:00.0000000Z",
              "due": "2025-03-04T09:00:00.0000000Z"
            }
          ],
          "journals": [
            {
              "schema": "designdrill/session-journal@1",
              "id": "22222222222222222222222222222222",
              "promptId": "url-shortener",
              "plannedMinutes": 45,
              "level": "mid",
              "startedAt": "2025-03-01T09:00:00.0000000Z",
              "entries": [
                {
                  "at": "00:01:00",
                  "kind": "ask",
                  "text": "How many users?"
                }
              ],
              "draft": null
            }
          ]
        }
        """;

    private static ProgressData Data { get; } = new(
        [
            new SessionRecord(
                new string('1', 32),
                "chat",
                Day0.AddMinutes(-44).AddSeconds(-13).AddTicks(-1_234_567),
                Day0.AddTicks(1),
                60,
                new Dictionary<RubricDimension, int> { [RubricDimension.Reliability] = 4, [RubricDimension.RequirementDiscovery] = 1 },
                8.0 / 3,
                "lean yes",
                "# Chat — 日本語\n\u0000",
                "{\"timeline\":[]}"),
        ],
        [
            new CardState(CardKinds.Prompt, "chat", LearningState.Review, null, 0.1, 10, Day0.AddDays(3), Day0, 3, 1),
            new CardState(CardKinds.Concept, "erlang-c", LearningState.Learning, 1, 3.173, 5.282434422319005, Day0.AddMinutes(10), Day0, 1, 0),
        ],
        [new ReviewLogEntry(CardKinds.Prompt, "chat", Rating.Good, Day0, Day0.AddDays(3))],
        [new SessionJournal(new string('2', 32), "url-shortener", 45, DesignLevel.Mid, Day0, [new JournalEntry(TimeSpan.FromMinutes(1), JournalEntryKind.Ask, "How many users?")], null)]);

    [Fact]
    public void Should_write_the_documented_form_in_a_fixed_order()
    {
        // Given / When: cards given out of order, scores in a dictionary
        var json = ProgressExport.Write(Data);

        // Then
        json.ShouldBe(Written);
    }

    [Fact]
    public void Should_read_back_exactly_what_it_wrote()
    {
        // Given / When
        var read = ProgressExport.Read(Written);

        // Then
        read.Problems.ShouldBeEmpty();
        var data = read.Data.ShouldNotBeNull();
        ProgressExport.Write(data).ShouldBe(Written);
        data.Sessions[0].AverageScore.ShouldBe(8.0 / 3);
        data.Sessions[0].Scores.OrderBy(s => s.Key).ShouldBe(Data.Sessions[0].Scores.OrderBy(s => s.Key));
        data.Sessions[0].StartedAt.ShouldBe(Data.Sessions[0].StartedAt);
        data.Cards.ShouldBe(Data.Cards.Reverse());
        data.Reviews.ShouldBe(Data.Reviews);
        data.Journals.ShouldBe(Data.Journals);
    }

    [Fact]
    public void Should_read_an_empty_export()
    {
        // Given
        var json = ProgressExport.Write(ProgressData.Empty);

        // When
        var read = ProgressExport.Read(json);

        // Then
        json.ShouldBe("{\n  \"schema\": \"designdrill/export@1\",\n  \"sessions\": [],\n  \"cards\": [],\n  \"reviewLog\": [],\n  \"journals\": []\n}");
        read.Data.ShouldNotBeNull().Sessions.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("\"difficulty\": 10", "\"difficulty\": 11", "$.cards[1].difficulty", "the difficulty 11 is outside 1 to 10")]
    [InlineData("\"stabilityDays\": 0.1", "\"stabilityDays\": 0", "$.cards[1].stabilityDays", "the stability 0 days is not above 0")]
    [InlineData("\"kind\": \"concept\"", "\"kind\": \"concepts\"", "$.cards[0].kind", "unknown card kind \"concepts\"")]
    [InlineData("\"state\": \"learning\"", "\"state\": \"new\"", "$.cards[0].state", "\"new\" is not a learning state")]
    [InlineData("\"step\": 1", "\"step\": -1", "$.cards[0].step", "the step -1 is negative")]
    [InlineData("\"reps\": 3", "\"reps\": -3", "$.cards[1].reps", "-3 is negative")]
    [InlineData("\"cardId\": \"erlang-c\"", "\"cardId\": \"chat\", \"kind2\": 1", "$.cards[0].kind2", "unknown property 'kind2'")]
    [InlineData("\"kind\": \"concept\",\n      \"cardId\": \"erlang-c\"", "\"kind\": \"prompt\",\n      \"cardId\": \"chat\"", "$.cards[1]", "the card prompt 'chat' is given twice (also at $.cards[0])")]
    [InlineData("\"rating\": 3", "\"rating\": 7", "$.reviewLog[0].rating", "7 is not a rating")]
    [InlineData("\"reviewedAt\": \"2025-03-01T09:00:00.0000000Z\"", "\"reviewedAt\": \"yesterday\"", "$.reviewLog[0].reviewedAt", "\"yesterday\" is not a time with a time zone")]
    [InlineData("\"id\": \"11111111111111111111111111111111\"", "\"id\": \"1\"", "$.sessions[0].id", "\"1\" is not a session id")]
    [InlineData("\"plannedMinutes\": 60", "\"plannedMinutes\": 50", "$.sessions[0].plannedMinutes", "50 minutes is not a session length")]
    [InlineData("\"reliability\": 4", "\"reliability\": 5", "$.sessions[0].scores.reliability", "the score 5 is outside 1 to 4")]
    [InlineData("\"reliability\": 4", "\"reliabilty\": 4", "$.sessions[0].scores.reliabilty", "unknown property 'reliabilty'")]
    [InlineData("\"averageScore\": 2.6666666666666665", "\"averageScore\": 0.5", "$.sessions[0].averageScore", "0.5 is outside 1 to 4")]
    [InlineData("\"finishedAt\": \"2025-03-01T09:00:00.0000001Z\"", "\"finishedAt\": \"2025-03-01T08:00:00Z\"", "$.sessions[0].finishedAt", "the session finished (2025-03-01T08:00:00.0000000Z) before it started")]
    [InlineData("\"detailsJson\": \"{\\\"timeline\\\":[]}\"", "\"detailsJson\": {}", "$.sessions[0].detailsJson", "expected a string, found an object")]
    [InlineData("\"kind\": \"ask\"", "\"kind\": \"asks\"", "$.journals[0].entries[0].kind", "unknown kind \"asks\"")]
    [InlineData("\"at\": \"00:01:00\"", "\"at\": \"-00:01:00\"", "$.journals[0].entries[0].at", "is negative")]
    [InlineData("\"id\": \"22222222222222222222222222222222\"", "\"id\": \"22222222-2222-2222-2222-222222222222\"", "$.journals[0].id", "is not a session id")]
    [InlineData("\"reviewLog\"", "\"reviewlog\"", "$.reviewLog", "'reviewLog' is missing")]
    [InlineData("\"cards\": [", "\"cards\": 3, \"x\": [", "$.cards", "expected an array, found a number")]
    [InlineData("designdrill/export@1", "designdrill/export@2", "$.schema", "\"designdrill/export@2\" is not a DesignDrill export this version reads")]
    public void Should_say_what_is_wrong_and_where(string find, string replace, string path, string message)
    {
        // Given
        Written.ShouldContain(find);
        var json = Written.Replace(find, replace, StringComparison.Ordinal);

        // When
        var read = ProgressExport.Read(json);

        // Then
        read.Succeeded.ShouldBeFalse();
        read.Data.ShouldBeNull();
        read.Problems.ShouldContain(p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal), string.Join("\n", read.Problems));
    }

    [Fact]
    public void Should_point_a_session_journal_file_to_the_export_command()
    {
        // Given: one journal where an export of all data belongs
        var journal = SessionJournalJson.Write(Data.Journals[0]);

        // When
        var problem = ProgressExport.Read(journal).Problems.ShouldHaveSingleItem();

        // Then
        problem.ToString().ShouldBe("$.schema: \"designdrill/session-journal@1\" is not a DesignDrill export this version reads (This is one session journal, not an export of all data; export with 'drill progress --export FILE'.)");
    }

    [Fact]
    public void Should_report_the_problems_of_every_section_at_once()
    {
        // Given
        var json = Written
            .Replace("\"difficulty\": 10", "\"difficulty\": 0", StringComparison.Ordinal)
            .Replace("\"rating\": 3", "\"rating\": \"good\"", StringComparison.Ordinal)
            .Replace("\"plannedMinutes\": 60", "\"plannedMinutes\": 30", StringComparison.Ordinal);

        // When
        var problems = ProgressExport.Read(json).Problems;

        // Then
        problems.Select(p => p.Path).ShouldBe(["$.sessions[0].plannedMinutes", "$.cards[1].difficulty", "$.reviewLog[0].rating"]);
    }

    [Fact]
    public void Should_refuse_to_write_invalid_data()
    {
        // Given
        var badCard = Data with { Cards = [Data.Cards[0] with { Difficulty = 0 }] };
        var twice = Data with { Journals = [Data.Journals[0], Data.Journals[0]] };

        // When / Then
        Should.Throw<ArgumentException>(() => ProgressExport.Write(badCard)).Message.ShouldContain("Card prompt 'chat' is not valid: The difficulty is 0; it is 1 to 10.");
        Should.Throw<ArgumentException>(() => ProgressExport.Write(twice)).Message.ShouldContain("holds the journal '22222222222222222222222222222222' twice");
    }

    [Fact]
    public void Should_never_throw_on_damaged_text()
    {
        // Given: the written export cut short, or with a span replaced, anywhere
        var damaged =
            from position in Gen.Choose(0, Written.Length - 1)
            from length in Gen.Choose(0, 40)
            from replacement in Gen.Elements("", "x", "\"", "{", "]", "-", "0", "null", ",", "1e999")
            from cut in Gen.Elements(true, false)
            select cut ? Written[..position] : Written[..position] + replacement + Written[Math.Min(Written.Length, position + length)..];

        // When / Then: data or problems, never an exception, and data only when it would pass every validation
        Prop.ForAll(damaged.ToArbitrary(), json =>
        {
            var read = ProgressExport.Read(json);
            if (!read.Succeeded)
            {
                return read.Problems.Count > 0;
            }

            ProgressExport.ThrowIfInvalid(read.Data!);
            return read.Problems.Count == 0;
        }).QuickCheckThrowOnFailure();
    }
}
