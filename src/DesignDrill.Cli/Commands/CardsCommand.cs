using System.CommandLine;
using System.Globalization;
using DesignDrill.Cli.Practice;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.Progress;

namespace DesignDrill.Cli.Commands;

/// <summary><c>drill cards</c>: review the concept cards spaced repetition has due, and meet a few new ones.</summary>
internal static class CardsCommand
{
    /// <summary>Examples and exit codes shown at the end of this command's help.</summary>
    public const string Examples =
        """
        Examples:
          drill cards
          drill cards --new 5 --category caching
          drill cards --list

        Each card shows its question; press Enter to see the answer, then rate your recall: 1 again, 2 hard, 3 good,
        4 easy (q stops). FSRS-5 schedules the next review from the rating (docs/progress.md). Cards due come first,
        then up to --new cards never seen (default 10).
        Exit codes: 0 ok; 2 unusable input (unknown category, --new below 0, unusable progress database).
        """;

    /// <summary>New cards introduced per run by default (10; rule of thumb, half of Anki's default of 20 new cards a day).</summary>
    public const int DefaultNewCards = ConceptReviewQueue.DefaultNewCards;

    public static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var newCards = new Option<int>("--new") { Description = $"New cards to introduce after the due ones (default {DefaultNewCards}).", DefaultValueFactory = _ => DefaultNewCards, HelpName = "count" };
        var category = new Option<string?>("--category") { Description = "Only cards of this category (see --list).", HelpName = "name" };
        var list = new Option<bool>("--list") { Description = "List the categories with how many cards are seen and due, and stop." };
        var command = new Command("cards", "Review concept cards with spaced repetition (FSRS-5).");
        command.Options.Add(newCards);
        command.Options.Add(category);
        command.Options.Add(list);
        command.SetAction(parseResult =>
        {
            var deck = ConceptCatalog.Default;
            if (parseResult.GetValue(newCards) < 0)
            {
                stderr.WriteLine("drill cards: --new must be 0 or more.");
                return ExitCodes.UnusableInput;
            }

            ConceptCategory? only = null;
            if (parseResult.GetValue(category) is { } name)
            {
                var names = Enum.GetValues<ConceptCategory>().ToDictionary(ConceptCatalog.CategoryName, c => c, StringComparer.OrdinalIgnoreCase);
                if (!names.TryGetValue(name.Trim(), out var found))
                {
                    var closest = Core.Text.EditDistance.Closest(name.Trim(), names.Keys);
                    stderr.WriteLine($"drill cards: no category '{name}'." + (closest is null ? "" : $" Did you mean {closest}?") + " Categories: " + string.Join(", ", names.Keys) + ".");
                    return ExitCodes.UnusableInput;
                }

                only = found;
            }

            using var store = ProgressSource.Open(stderr, "cards");
            if (store is null)
            {
                return ExitCodes.UnusableInput;
            }

            var clock = PracticeClock.FromEnvironment();
            var states = store.ListCards(CardKinds.Concept).ToDictionary(c => c.CardId, StringComparer.Ordinal);
            if (parseResult.GetValue(list))
            {
                var now = clock.GetUtcNow();
                stdout.WriteLine($"{"category",-16} {"cards",5} {"seen",5} {"due",5}");
                foreach (var group in deck.Cards.GroupBy(c => c.Category))
                {
                    var seen = group.Count(c => states.ContainsKey(c.Id));
                    var due = group.Count(c => states.TryGetValue(c.Id, out var s) && s.IsDue(now));
                    stdout.WriteLine($"{ConceptCatalog.CategoryName(group.Key),-16} {group.Count(),5} {seen,5} {due,5}");
                }

                return ExitCodes.Ok;
            }

            var start = clock.GetUtcNow();
            var pool = deck.Cards.Where(c => only is null || c.Category == only).ToList();
            var queue = ConceptReviewQueue.Build(deck, [.. states.Values], start, parseResult.GetValue(newCards), only);
            if (queue.Count == 0)
            {
                var next = states.Values.Where(s => pool.Any(c => c.Id == s.CardId)).OrderBy(s => s.Due).FirstOrDefault();
                stdout.WriteLine("Nothing due." + (next is null ? "" : string.Create(CultureInfo.InvariantCulture, $" The next card is due {next.Due.UtcDateTime:yyyy-MM-dd HH:mm} UTC.")));
                return ExitCodes.Ok;
            }

            var reviewed = 0;
            for (var i = 0; i < queue.Count; i++)
            {
                var card = queue[i];
                stdout.WriteLine();
                stdout.WriteLine($"Card {i + 1} of {queue.Count} · {ConceptCatalog.CategoryName(card.Category)} · {card.Title}{(states.ContainsKey(card.Id) ? "" : " · new")}");
                stdout.WriteLine("Q: " + card.Front);
                stdout.Write("(Enter to show the answer, q to stop) ");
                stdout.Flush();
                var line = stdin.ReadLine();
                if (line is null || line.Trim().Equals("q", StringComparison.OrdinalIgnoreCase))
                {
                    break;
                }

                stdout.WriteLine("A: " + card.Back);
                if (card.Source is { } source)
                {
                    stdout.WriteLine("   source: " + source);
                }

                var rating = AskRating(stdin, stdout);
                if (rating is null)
                {
                    break;
                }

                var state = ProgressRecorder.RecordCardReview(store, CardKinds.Concept, card.Id, rating.Value, clock.GetUtcNow());
                reviewed++;
                stdout.WriteLine($"Next review: {Until(state.Due - clock.GetUtcNow())}.");
            }

            stdout.WriteLine();
            stdout.WriteLine($"Reviewed {reviewed} {(reviewed == 1 ? "card" : "cards")}. Progress saved in {store.Path}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Rating? AskRating(TextReader stdin, TextWriter stdout)
    {
        while (true)
        {
            stdout.Write("How well did you recall it? 1 again, 2 hard, 3 good, 4 easy: ");
            stdout.Flush();
            var line = stdin.ReadLine();
            if (line is null || line.Trim().Equals("q", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            switch (line.Trim().ToLowerInvariant())
            {
                case "1" or "again": return Rating.Again;
                case "2" or "hard": return Rating.Hard;
                case "3" or "good": return Rating.Good;
                case "4" or "easy": return Rating.Easy;
                default:
                    stdout.WriteLine("Type 1, 2, 3 or 4 (or q to stop).");
                    break;
            }
        }
    }

    /// <summary>"in 10 minutes", "in 3 days".</summary>
    private static string Until(TimeSpan span) =>
        span.TotalMinutes < 1.5 ? "in 1 minute"
        : span.TotalMinutes < 90 ? $"in {(int)Math.Round(span.TotalMinutes)} minutes"
        : span.TotalHours < 36 ? $"in {(int)Math.Round(span.TotalHours)} hours"
        : $"in {(int)Math.Round(span.TotalDays)} days";
}
