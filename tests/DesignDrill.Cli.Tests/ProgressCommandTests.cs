using System.Globalization;

namespace DesignDrill.Cli.Tests;

/// <summary>
/// drill practice, progress and cards in-process, with their own data folder and clock file. The environment
/// variables are process-wide, so every test that sets them lives in this one class (xUnit runs a class's tests one at a time).
/// </summary>
public sealed class ProgressCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("drill-progress-").FullName;
    private readonly string? _oldData = Environment.GetEnvironmentVariable("DESIGNDRILL_DATA");
    private readonly string? _oldClock = Environment.GetEnvironmentVariable("DESIGNDRILL_CLOCK_FILE");
    private readonly string? _oldEditor = Environment.GetEnvironmentVariable("EDITOR");
    private readonly string? _oldVisual = Environment.GetEnvironmentVariable("VISUAL");

    public ProgressCommandTests()
    {
        Environment.SetEnvironmentVariable("DESIGNDRILL_DATA", Path.Combine(_dir, "data"));
        Environment.SetEnvironmentVariable("DESIGNDRILL_CLOCK_FILE", Path.Combine(_dir, "clock"));
        Environment.SetEnvironmentVariable("EDITOR", null);
        Environment.SetEnvironmentVariable("VISUAL", null);
        SetClock(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));
    }

    private string DesignFile => Path.Combine(_dir, "design.md");

    [Fact]
    public void Should_refuse_an_unknown_prompt_and_other_session_lengths()
    {
        // Given / When
        var unknown = Run("", "practice", "url-shortner", "--file", DesignFile);
        var minutes = Run("", "practice", "url-shortener", "--minutes", "30", "--file", DesignFile);

        // Then
        unknown.Code.ShouldBe(2);
        unknown.Err.ShouldContain("no prompt 'url-shortner'. Did you mean url-shortener?");
        minutes.Code.ShouldBe(2);
        minutes.Err.ShouldContain("--minutes must be 45 or 60, not 30.");
        File.Exists(DesignFile).ShouldBeFalse();
    }

    [Fact]
    public void Should_continue_an_existing_design_file_without_overwriting_it()
    {
        // Given
        File.WriteAllText(DesignFile, "# Mine\n\nDo not lose this.\n");

        // When
        var (code, output, _) = Run("quit\n", "practice", "url-shortener", "--file", DesignFile);

        // Then
        code.ShouldBe(0);
        output.ShouldContain($"Continuing with the existing file {DesignFile} (it is not overwritten).");
        output.ShouldContain($"Stopped without finishing. Your design is kept in {DesignFile}.");
        File.ReadAllText(DesignFile).ShouldBe("# Mine\n\nDo not lose this.\n");
    }

    [Fact]
    public void Should_create_the_design_from_the_template_and_keep_it_when_input_ends()
    {
        // Given / When
        var (code, output, _) = Run("ask How many users are there in total?\n", "practice", "rate-limiter", "--file", DesignFile, "--level", "senior");

        // Then
        code.ShouldBe(0);
        output.ShouldContain("[Clarify · 5:00 left in phase · 45:00 left] > Interviewer: About 20M API keys are active on a given day.");
        output.ShouldContain("Input ended; the session is not finished.");
        var design = File.ReadAllText(DesignFile);
        design.ShouldStartWith("---\nprompt: rate-limiter\nlevel: senior\n---\n\n# Distributed rate limiter\n");
        design.ShouldContain("\n## Architecture\n");
    }

    [Fact]
    public void Should_save_a_finished_session_and_show_it_after_a_restart()
    {
        // Given: a design written before the session starts, finished at once, follow-ups skipped
        File.Copy(Drill.Sample("samples/url-shortener.md"), DesignFile);
        SetClock(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));

        // When
        var practice = Run("done\nskip\nskip\nskip\nskip\nskip\n", "practice", "url-shortener", "--file", DesignFile);
        var progress = Run("", "progress");

        // Then: a new store instance reads the session back
        practice.Code.ShouldBe(0);
        practice.Out.ShouldContain("Saved to your progress (");
        practice.Out.ShouldContain("1 session so far.");
        progress.Code.ShouldBe(0);
        progress.Out.ShouldContain("1 session, 2026-11-21 to 2026-11-21");
        progress.Out.ShouldContain("requirement-discovery");
        progress.Out.ShouldContain("  2026-11-21 09:00  url-shortener              45 min  avg ");
        progress.Out.ShouldContain("Next up: ");
        progress.Out.ShouldContain("Prompts scheduled for another go (spaced repetition):\n  url-shortener              due 20");
    }

    [Fact]
    public void Should_say_there_is_nothing_yet_and_pick_a_prompt()
    {
        // Given / When
        var (code, output, _) = Run("", "progress");

        // Then
        code.ShouldBe(0);
        output.ShouldContain("No finished sessions yet.");
        output.ShouldContain("Next up: ");
        output.ShouldContain("Concept cards: ");
    }

    [Fact]
    public void Should_review_new_concept_cards_and_schedule_them()
    {
        // Given / When: two new caching cards, rated good and again, then the list
        var (code, output, _) = Run("\n3\n\n1\n", "cards", "--new", "2", "--category", "caching");
        var list = Run("", "cards", "--list");

        // Then: again comes back in minutes (FSRS-5 learning step 1 min), good in 10 minutes (second step)
        code.ShouldBe(0);
        output.ShouldContain("Card 1 of 2 · caching · ");
        output.ShouldContain("Next review: in 10 minutes.");
        output.ShouldContain("Next review: in 1 minute.");
        output.ShouldContain("Reviewed 2 cards.");
        list.Out.ShouldContain("caching             12     2     0");

        // When the clock moves on 10 minutes, both are due
        SetClock(new DateTimeOffset(2026, 11, 21, 9, 10, 0, TimeSpan.Zero));
        Run("", "cards", "--list").Out.ShouldContain("caching             12     2     2");
    }

    [Fact]
    public void Should_refuse_an_unknown_card_category()
    {
        // Given / When
        var (code, _, error) = Run("", "cards", "--category", "cachng");

        // Then
        code.ShouldBe(2);
        error.ShouldContain("no category 'cachng'. Did you mean caching?");
    }

    [Fact]
    public void Should_explain_a_corrupt_database_and_leave_it_unchanged()
    {
        // Given: something that is not a DesignDrill database where progress lives
        var data = Path.Combine(_dir, "data");
        Directory.CreateDirectory(data);
        var file = Path.Combine(data, "progress.db");
        File.WriteAllText(file, "these are my notes, not a database\n");
        var before = File.ReadAllBytes(file);

        // When
        var progress = Run("", "progress");
        var practice = Run("", "practice", "url-shortener", "--file", DesignFile);

        // Then
        progress.Code.ShouldBe(2);
        progress.Err.ShouldContain(file);
        practice.Code.ShouldBe(2);
        File.ReadAllBytes(file).ShouldBe(before);
        File.Exists(DesignFile).ShouldBeFalse();
    }

    [Fact]
    public void Should_export_all_data_import_it_elsewhere_and_export_the_same_file()
    {
        // Given: a finished session (its prompt card scheduled) and two concept cards reviewed
        File.Copy(Drill.Sample("samples/url-shortener.md"), DesignFile);
        Run("done\nskip\nskip\nskip\nskip\nskip\n", "practice", "url-shortener", "--file", DesignFile).Code.ShouldBe(0);
        Run("\n3\n\n1\n", "cards", "--new", "2", "--category", "caching").Code.ShouldBe(0);
        var first = Path.Combine(_dir, "export.json");
        var second = Path.Combine(_dir, "again.json");

        // When: exported, imported into another data folder, and exported from there
        var export = Run("", "progress", "--export", first);
        Environment.SetEnvironmentVariable("DESIGNDRILL_DATA", Path.Combine(_dir, "elsewhere"));
        var import = Run("", "progress", "--import", first);
        var again = Run("", "progress", "--export", second);
        var progress = Run("", "progress");

        // Then
        export.Code.ShouldBe(0);
        export.Out.ShouldBe($"Exported 1 finished session, 3 cards, 3 reviews and 0 session journals from {Path.Combine(_dir, "data", "progress.db")} to {first}.\n");
        import.Code.ShouldBe(0);
        import.Err.ShouldBeEmpty();
        import.Out.ShouldBe(
            $"Imported {first} into {Path.Combine(_dir, "elsewhere", "progress.db")}:\n" +
            "  finished sessions: 1 added, 0 replaced\n" +
            "  cards:             3 added, 0 replaced\n" +
            "  reviews:           3 added, 0 already in the log\n" +
            "  session journals:  0 added, 0 replaced\n");
        again.Code.ShouldBe(0);
        File.ReadAllText(second).ShouldBe(File.ReadAllText(first));
        File.ReadAllText(first).ShouldStartWith("{\n  \"schema\": \"designdrill/export@1\",\n  \"sessions\": [\n");
        File.ReadAllText(first).ShouldEndWith("}\n");
        progress.Out.ShouldContain("1 session, 2026-11-21 to 2026-11-21");
        Directory.GetFiles(_dir).ShouldNotContain(f => f.EndsWith(".partial", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_import_the_same_file_twice_without_logging_a_review_twice()
    {
        // Given
        Run("\n3\n", "cards", "--new", "1").Code.ShouldBe(0);
        var file = Path.Combine(_dir, "export.json");
        Run("", "progress", "--export", file).Code.ShouldBe(0);

        // When
        var import = Run("", "progress", "--import", file);

        // Then
        import.Code.ShouldBe(0);
        import.Out.ShouldContain("  cards:             0 added, 1 replaced\n");
        import.Out.ShouldContain("  reviews:           0 added, 1 already in the log\n");
    }

    [Fact]
    public void Should_change_nothing_and_say_where_an_import_file_is_damaged()
    {
        // Given: a store with a card, and an export whose second review has a bad rating and whose card has a typo
        Run("\n3\n\n1\n", "cards", "--new", "2").Code.ShouldBe(0);
        var file = Path.Combine(_dir, "export.json");
        Run("", "progress", "--export", file).Code.ShouldBe(0);
        var before = Run("", "progress", "--export", "-").Out;
        var text = File.ReadAllText(file);
        var at = text.LastIndexOf("\"rating\": ", StringComparison.Ordinal);
        File.WriteAllText(file, (text[..at] + "\"rating\": 5" + text[(at + 11)..]).Replace("\"state\": \"learning\"", "\"state\": \"lerning\"", StringComparison.Ordinal));

        // When
        var (code, output, error) = Run("", "progress", "--import", file);

        // Then
        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldBe(
            $"drill progress: {file} cannot be imported, so nothing was changed. 3 problems:\n" +
            "  $.cards[0].state: \"lerning\" is not a learning state (Write \"learning\", \"review\" or \"relearning\".)\n" +
            "  $.cards[1].state: \"lerning\" is not a learning state (Write \"learning\", \"review\" or \"relearning\".)\n" +
            "  $.reviewLog[1].rating: 5 is not a rating (Write 1 (again), 2 (hard), 3 (good) or 4 (easy).)\n");
        Run("", "progress", "--export", "-").Out.ShouldBe(before);
    }

    [Fact]
    public void Should_refuse_both_options_a_missing_file_and_a_file_that_is_not_json()
    {
        // Given
        var notJson = Path.Combine(_dir, "notes.txt");
        File.WriteAllText(notJson, "my notes\n");
        var missing = Path.Combine(_dir, "missing.json");

        // When
        var both = Run("", "progress", "--export", "a.json", "--import", "b.json");
        var none = Run("", "progress", "--import", missing);
        var text = Run("", "progress", "--import", notJson);
        var folder = Run("", "progress", "--export", Path.Combine(_dir, "no", "such", "folder", "x.json"));

        // Then
        both.Code.ShouldBe(2);
        both.Err.ShouldBe("drill progress: give --export or --import, not both (export first to keep a copy, then import).\n");
        none.Code.ShouldBe(2);
        none.Err.ShouldBe($"drill progress: there is no file {missing} to import.\n");
        text.Code.ShouldBe(2);
        text.Err.ShouldStartWith($"drill progress: {notJson} cannot be imported, so nothing was changed. 1 problem:\n  $: the file is not valid JSON at line 1, column 1: ");
        folder.Code.ShouldBe(2);
        folder.Err.ShouldStartWith($"drill progress: cannot write the export to {Path.Combine(_dir, "no", "such", "folder", "x.json")}: ");
    }

    [Fact]
    public void Should_export_to_standard_output()
    {
        // Given / When
        var (code, output, error) = Run("", "progress", "--export", "-");

        // Then
        code.ShouldBe(0);
        error.ShouldBeEmpty();
        output.ShouldBe("{\n  \"schema\": \"designdrill/export@1\",\n  \"sessions\": [],\n  \"cards\": [],\n  \"reviewLog\": [],\n  \"journals\": []\n}\n");
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("DESIGNDRILL_DATA", _oldData);
        Environment.SetEnvironmentVariable("DESIGNDRILL_CLOCK_FILE", _oldClock);
        Environment.SetEnvironmentVariable("EDITOR", _oldEditor);
        Environment.SetEnvironmentVariable("VISUAL", _oldVisual);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static (int Code, string Out, string Err) Run(string input, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = DrillApp.Run(args, new StringReader(input), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private void SetClock(DateTimeOffset at) => File.WriteAllText(Path.Combine(_dir, "clock"), at.ToString("O", CultureInfo.InvariantCulture));
}
