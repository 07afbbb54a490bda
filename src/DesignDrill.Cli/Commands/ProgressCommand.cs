using System.CommandLine;
using System.Globalization;
using System.Text;
using DesignDrill.Cli.Practice;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.Progress;
using DesignDrill.Core.Review.Reporting;
using DesignDrill.Storage;

namespace DesignDrill.Cli.Commands;

/// <summary>
/// <c>drill progress</c>: scores per rubric dimension over time, the weakest dimensions, and what to practise next;
/// with <c>--export FILE</c> or <c>--import FILE</c>, all the data as one JSON file (docs/progress.md, "Export and import").
/// </summary>
internal static class ProgressCommand
{
    /// <summary>Examples and exit codes shown at the end of this command's help.</summary>
    public const string Examples =
        """
        Examples:
          drill progress
          DESIGNDRILL_DATA=~/drill-cohort drill progress
          drill progress --export drill-backup.json
          drill progress --import drill-backup.json

        Shows every rubric dimension's recency-weighted average (newest session weighs most) and its history, the
        weakest dimensions, the prompt to practise next and why, your recent sessions, and what spaced repetition has
        due. Progress lives in $DESIGNDRILL_DATA/progress.db, else in your local application data folder.
        --export writes everything (finished sessions with scores and designs, cards, the review log, session journals)
        to one JSON file (designdrill/export@1; '-' for standard output). --import adds such a file to your progress:
        a session, card or journal with the id of one you have replaces it, a review already logged is not logged
        twice, nothing else is deleted. The whole file is checked first; a file with any problem changes nothing.
        Exit codes: 0 ok (also with no sessions yet); 2 the progress database cannot be used, or the file to import or
        export cannot be read, written or used (the message says why; the database is left unchanged).
        """;

    /// <summary>Most recent sessions listed (10; rule of thumb, one screen).</summary>
    public const int RecentSessions = 10;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var catalog = new Option<string?>("--catalog") { Description = PromptSource.CatalogDescription, HelpName = "dir" };
        var export = new Option<string?>("--export") { Description = "Write all your data to FILE as JSON (designdrill/export@1); '-' writes it to standard output.", HelpName = "file" };
        var import = new Option<string?>("--import") { Description = "Add the data of an export FILE to your progress (same ids replace; nothing else is deleted; a file with any problem changes nothing).", HelpName = "file" };
        var command = new Command("progress", "Show your scores per rubric dimension over time and what to practise next; export or import all your data.");
        command.Options.Add(catalog);
        command.Options.Add(export);
        command.Options.Add(import);
        command.SetAction(parseResult =>
        {
            var exportPath = parseResult.GetValue(export);
            var importPath = parseResult.GetValue(import);
            if (exportPath is not null && importPath is not null)
            {
                stderr.WriteLine("drill progress: give --export or --import, not both (export first to keep a copy, then import).");
                return ExitCodes.UnusableInput;
            }

            if (exportPath is not null)
            {
                return Export(exportPath, stdout, stderr);
            }

            if (importPath is not null)
            {
                return Import(importPath, stdout, stderr);
            }

            var prompts = PromptSource.Load(parseResult.GetValue(catalog), stderr, "progress");
            if (prompts is null)
            {
                return ExitCodes.UnusableInput;
            }

            using var store = ProgressSource.Open(stderr, "progress");
            if (store is null)
            {
                return ExitCodes.UnusableInput;
            }

            var now = PracticeClock.FromEnvironment().GetUtcNow();
            var sessions = store.ListSessions();
            var promptCards = store.ListCards(CardKinds.Prompt);
            stdout.WriteLine($"Progress ({store.Path})");
            if (sessions.Count == 0)
            {
                stdout.WriteLine("No finished sessions yet. Start one with 'drill practice' (it picks a prompt for you) or 'drill practice ID'.");
            }
            else
            {
                var summary = ProgressAnalyzer.Summarize(sessions);
                stdout.WriteLine(Invariant($"{sessions.Count} {(sessions.Count == 1 ? "session" : "sessions")}, {sessions[^1].StartedAt.UtcDateTime:yyyy-MM-dd} to {sessions[0].FinishedAt.UtcDateTime:yyyy-MM-dd}"));
                stdout.WriteLine();
                stdout.WriteLine($"{"dimension",-22} {"avg",4}  {"last",4}  history, oldest first (1 strong no .. 4 strong yes)");
                foreach (var dimension in summary.Dimensions)
                {
                    var history = dimension.History.Select(p => p.Score).ToList();
                    var average = dimension.WeightedAverage is { } a ? Invariant($"{a:0.0}") : "-";
                    var last = history.Count > 0 ? history[^1].ToString(CultureInfo.InvariantCulture) : "-";
                    stdout.WriteLine($"{JsonReportWriter.DimensionName(dimension.Dimension),-22} {average,4}  {last,4}  {string.Join(' ', history.TakeLast(20))}");
                }

                stdout.WriteLine();
                stdout.WriteLine("Weakest: " + string.Join(", ", summary.Weakest.Select(JsonReportWriter.DimensionName)));
                stdout.WriteLine();
                stdout.WriteLine("Recent sessions:");
                foreach (var s in sessions.Take(RecentSessions))
                {
                    stdout.WriteLine(Invariant($"  {s.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm}  {s.PromptId,-26} {s.PlannedMinutes} min  avg {s.AverageScore:0.00}  {s.Recommendation}"));
                }
            }

            stdout.WriteLine();
            var choice = ProgressAnalyzer.PickNextPrompt(
                [.. prompts.Prompts.Select(p => new PromptCandidate(p.Id, p.Stresses, p.Difficulty.ToString().ToLowerInvariant()))],
                sessions,
                promptCards,
                now);
            stdout.WriteLine($"Next up: {choice.PromptId} — {choice.Reason}");
            stdout.WriteLine($"  drill practice {choice.PromptId}");
            var scheduled = promptCards.OrderBy(c => c.Due).ToList();
            if (scheduled.Count > 0)
            {
                stdout.WriteLine();
                stdout.WriteLine("Prompts scheduled for another go (spaced repetition):");
                foreach (var card in scheduled.Take(RecentSessions))
                {
                    stdout.WriteLine(Invariant($"  {card.CardId,-26} {(card.IsDue(now) ? "due now" : $"due {card.Due.UtcDateTime:yyyy-MM-dd}")}"));
                }
            }

            var concepts = ConceptCatalog.Default.Cards.Count;
            var seen = store.ListCards(CardKinds.Concept);
            stdout.WriteLine();
            stdout.WriteLine($"Concept cards: {concepts} in the deck, {seen.Count} seen, {seen.Count(c => c.IsDue(now))} due now (drill cards).");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Most problems of an import file printed (20; rule of thumb, one screen — the rest are counted).</summary>
    public const int MaxProblemsShown = 20;

    /// <summary>Writes the export to <paramref name="path"/> (through a temporary file beside it, so a failed write never leaves half a file), or to standard output for '-'.</summary>
    private static int Export(string path, TextWriter stdout, TextWriter stderr)
    {
        using var store = ProgressSource.Open(stderr, "progress");
        if (store is null)
        {
            return ExitCodes.UnusableInput;
        }

        ProgressData data;
        string json;
        try
        {
            data = store.ReadAll();
            json = ProgressExport.Write(data);
        }
        catch (ProgressStoreException e)
        {
            stderr.WriteLine($"drill progress: {e.Message}");
            return ExitCodes.UnusableInput;
        }

        if (path == "-")
        {
            stdout.WriteLine(json);
            return ExitCodes.Ok;
        }

        var full = Path.GetFullPath(path);
        var temporary = full + ".partial";
        try
        {
            File.WriteAllText(temporary, json + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            stderr.WriteLine($"drill progress: cannot write the export to {full}: {e.Message}");
            return ExitCodes.UnusableInput;
        }

        stdout.WriteLine(Invariant($"Exported {Count(data.Sessions.Count, "finished session")}, {Count(data.Cards.Count, "card")}, {Count(data.Reviews.Count, "review")} and {Count(data.Journals.Count, "session journal")} from {store.Path} to {full}."));
        return ExitCodes.Ok;
    }

    /// <summary>Checks the whole file, then imports it in one transaction; prints the file's problems (and changes nothing) when it has any.</summary>
    private static int Import(string path, TextWriter stdout, TextWriter stderr)
    {
        var full = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            stderr.WriteLine($"drill progress: there is no file {full} to import.");
            return ExitCodes.UnusableInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"drill progress: cannot read {full}: {e.Message}");
            return ExitCodes.UnusableInput;
        }

        using var store = ProgressSource.Open(stderr, "progress");
        if (store is null)
        {
            return ExitCodes.UnusableInput;
        }

        ProgressImportResult result;
        try
        {
            result = ProgressExport.Import(store, text);
        }
        catch (ProgressStoreException e)
        {
            stderr.WriteLine($"drill progress: {e.Message}");
            return ExitCodes.UnusableInput;
        }

        if (result.Counts is not { } counts)
        {
            stderr.WriteLine($"drill progress: {full} cannot be imported, so nothing was changed. {Count(result.Problems.Count, "problem")}:");
            foreach (var problem in result.Problems.Take(MaxProblemsShown))
            {
                stderr.WriteLine("  " + problem);
            }

            if (result.Problems.Count > MaxProblemsShown)
            {
                stderr.WriteLine(Invariant($"  … and {result.Problems.Count - MaxProblemsShown} more."));
            }

            return ExitCodes.UnusableInput;
        }

        stdout.WriteLine($"Imported {full} into {store.Path}:");
        stdout.WriteLine(Invariant($"  finished sessions: {counts.SessionsAdded} added, {counts.SessionsReplaced} replaced"));
        stdout.WriteLine(Invariant($"  cards:             {counts.CardsAdded} added, {counts.CardsReplaced} replaced"));
        stdout.WriteLine(Invariant($"  reviews:           {counts.ReviewsAdded} added, {counts.ReviewsAlreadyLogged} already in the log"));
        stdout.WriteLine(Invariant($"  session journals:  {counts.JournalsAdded} added, {counts.JournalsReplaced} replaced"));
        return ExitCodes.Ok;
    }

    private static string Count(int count, string noun) => Invariant($"{count} {noun}{(count == 1 ? "" : "s")}");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The temporary file stays; the message about the failed write already names the folder.
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
