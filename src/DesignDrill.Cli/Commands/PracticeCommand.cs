using System.CommandLine;
using System.Globalization;
using DesignDrill.Cli.Practice;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Practice;
using DesignDrill.Core.Progress;

namespace DesignDrill.Cli.Commands;

/// <summary><c>drill practice [ID] [--minutes 45|60]</c>: a timed, interactive practice interview in the terminal.</summary>
internal static class PracticeCommand
{
    /// <summary>Examples and exit codes shown at the end of this command's help.</summary>
    public const string Examples =
        """
        Examples:
          drill practice url-shortener
          drill practice chat --minutes 60 --level senior
          drill practice                      (the prompt your progress says to practise next)
          drill practice rate-limiter --file my-limiter.md

        In the session: ask QUESTION, edit, review, next, status, done (then answer the follow-ups), quit.
        The design file is created from a template (never overwriting a file) and opened with $VISUAL or $EDITOR;
        without one, edit it in any editor and type review. The phase and the time left are shown before every command.
        A finished session is saved to your progress (scores per rubric dimension, the design, the timeline) and its
        prompt is scheduled for spaced repetition (FSRS-5); --no-save practises without saving.
        Progress lives in $DESIGNDRILL_DATA/progress.db, else in your local application data folder (DesignDrill/progress.db).
        Exit codes: 0 finished or quit; 2 unusable input (unknown prompt, minutes other than 45 or 60, unusable progress database).
        """;

    public static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<string?>("id") { Description = "The prompt id (drill prompts); omitted: the one your progress says to practise next.", Arity = ArgumentArity.ZeroOrOne };
        var minutes = new Option<int>("--minutes") { Description = "Session length: 45 or 60 minutes.", DefaultValueFactory = _ => 45, HelpName = "45|60" };
        var level = new Option<string?>("--level") { Description = "Level the design is reviewed at: mid, senior or staff (default: mid).", HelpName = "level" };
        var file = new Option<string?>("--file") { Description = "The design file; an existing file is continued, never overwritten (default: ID-practice.md here).", HelpName = "path" };
        var catalog = new Option<string?>("--catalog") { Description = PromptSource.CatalogDescription, HelpName = "dir" };
        var noSave = new Option<bool>("--no-save") { Description = "Do not save the session to your progress." };
        var command = new Command("practice", "Practise a prompt as a timed interview: ask, write the design, review, finish and answer the follow-ups.");
        command.Arguments.Add(id);
        command.Options.Add(minutes);
        command.Options.Add(level);
        command.Options.Add(file);
        command.Options.Add(catalog);
        command.Options.Add(noSave);
        command.SetAction(parseResult =>
        {
            var plan = SessionPlan.ForMinutes(parseResult.GetValue(minutes));
            if (plan is null)
            {
                stderr.WriteLine($"drill practice: --minutes must be 45 or 60, not {parseResult.GetValue(minutes)}.");
                return ExitCodes.UnusableInput;
            }

            var designLevel = DesignLevel.Mid;
            if (parseResult.GetValue(level) is { } levelText && !Enum.TryParse(levelText.Trim(), ignoreCase: true, out designLevel))
            {
                stderr.WriteLine($"drill practice: --level must be mid, senior or staff, not '{levelText}'.");
                return ExitCodes.UnusableInput;
            }

            var prompts = PromptSource.Load(parseResult.GetValue(catalog), stderr, "practice");
            if (prompts is null)
            {
                return ExitCodes.UnusableInput;
            }

            using var store = parseResult.GetValue(noSave) ? null : ProgressSource.Open(stderr, "practice");
            if (store is null && !parseResult.GetValue(noSave))
            {
                return ExitCodes.UnusableInput;
            }

            var clock = PracticeClock.FromEnvironment();
            var wanted = parseResult.GetValue(id);
            Prompt? prompt;
            if (wanted is null)
            {
                var choice = ProgressAnalyzer.PickNextPrompt(
                    [.. prompts.Prompts.Select(p => new PromptCandidate(p.Id, p.Stresses, p.Difficulty.ToString().ToLowerInvariant()))],
                    store?.ListSessions() ?? [],
                    store?.ListCards(CardKinds.Prompt) ?? [],
                    clock.GetUtcNow());
                prompt = prompts.Get(choice.PromptId)!;
                stdout.WriteLine($"Next up: {prompt.Id} — {choice.Reason}");
            }
            else if (prompts.Get(wanted.Trim()) is not { } found)
            {
                var close = prompts.Suggest(wanted);
                stderr.WriteLine($"drill practice: no prompt '{wanted}'." + (close.Count > 0 ? " Did you mean " + string.Join(", ", close) + "?" : ""));
                stderr.WriteLine("Run 'drill prompts' for the list.");
                return ExitCodes.UnusableInput;
            }
            else
            {
                prompt = found;
            }

            var path = parseResult.GetValue(file) is { } given ? Path.GetFullPath(given) : FreshPath(prompt.Id);
            try
            {
                if (File.Exists(path))
                {
                    stdout.WriteLine($"Continuing with the existing file {path} (it is not overwritten).");
                }
                else
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllText(path, DesignTemplate.Render(prompt, designLevel));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"drill practice: cannot create the design file {path}: {e.Message}");
                return ExitCodes.UnusableInput;
            }

            var session = new PracticeSession(prompt, plan, clock, designLevel);
            var console = new PracticeConsole(session, path, stdin, stdout, stderr, AnswerChecker.AliasesFrom(ConceptCatalog.Default));
            if (console.Run() == PracticeConsole.Outcome.Finished && store is not null && session.Result is not null)
            {
                var record = SessionRecords.From(session);
                var card = ProgressRecorder.RecordFinishedSession(store, record);
                var count = store.ListSessions().Count;
                stdout.WriteLine($"Saved to your progress ({store.Path}): {count} {(count == 1 ? "session" : "sessions")} so far. Run 'drill progress' to see them.");
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"'{prompt.Id}' is due for another go on {card.Due.UtcDateTime:yyyy-MM-dd} (spaced repetition, rated {ProgressAnalyzer.RatingFor(record)})."));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary><c>ID-practice.md</c> in the current folder, or <c>ID-practice-2.md</c>, ... when taken: never an existing file.</summary>
    private static string FreshPath(string id)
    {
        var folder = Directory.GetCurrentDirectory();
        var path = Path.Combine(folder, $"{id}-practice.md");
        for (var n = 2; File.Exists(path); n++)
        {
            path = Path.Combine(folder, $"{id}-practice-{n}.md");
        }

        return path;
    }
}
