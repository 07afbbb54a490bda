using System.CommandLine;
using System.Globalization;
using DesignDrill.Cli.Practice;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.Progress;
using DesignDrill.Core.Review.Reporting;

namespace DesignDrill.Cli.Commands;

/// <summary><c>drill progress</c>: scores per rubric dimension over time, the weakest dimensions, and what to practise next.</summary>
internal static class ProgressCommand
{
    /// <summary>Examples and exit codes shown at the end of this command's help.</summary>
    public const string Examples =
        """
        Examples:
          drill progress
          DESIGNDRILL_DATA=~/drill-cohort drill progress

        Shows every rubric dimension's recency-weighted average (newest session weighs most) and its history, the
        weakest dimensions, the prompt to practise next and why, your recent sessions, and what spaced repetition has
        due. Progress lives in $DESIGNDRILL_DATA/progress.db, else in your local application data folder.
        Exit codes: 0 ok (also with no sessions yet); 2 the progress database cannot be used (the message says why; the file is left unchanged).
        """;

    /// <summary>Most recent sessions listed (10; rule of thumb, one screen).</summary>
    public const int RecentSessions = 10;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var catalog = new Option<string?>("--catalog") { Description = PromptSource.CatalogDescription, HelpName = "dir" };
        var command = new Command("progress", "Show your scores per rubric dimension over time and what to practise next.");
        command.Options.Add(catalog);
        command.SetAction(parseResult =>
        {
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

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
