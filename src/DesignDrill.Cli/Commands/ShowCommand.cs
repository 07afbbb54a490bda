using System.CommandLine;
using DesignDrill.Core.Catalog;

namespace DesignDrill.Cli.Commands;

/// <summary><c>drill show ID [--reveal]</c>: prints a prompt's brief, or with <c>--reveal</c> its whole sheet and reference design.</summary>
internal static class ShowCommand
{
    /// <summary>Examples and exit codes shown at the end of this command's help.</summary>
    public const string Examples =
        """
        Examples:
          drill show url-shortener
          drill show chat --reveal

        Exit codes: 0 ok; 2 unusable input (an unknown prompt id, with the closest ids as a hint).
        Without --reveal only the brief is shown: the facts are what you find out by asking.
        """;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<string>("id") { Description = "The prompt id, as listed by 'drill prompts'." };
        var reveal = new Option<bool>("--reveal") { Description = "Also print the hidden facts, what the prompt tests, its follow-ups and the reference design." };
        var catalog = new Option<string?>("--catalog") { Description = PromptSource.CatalogDescription, HelpName = "dir" };
        var command = new Command("show", "Show a prompt's brief (and, with --reveal, its fact sheet and reference design).");
        command.Arguments.Add(id);
        command.Options.Add(reveal);
        command.Options.Add(catalog);
        command.SetAction(parseResult =>
        {
            var prompts = PromptSource.Load(parseResult.GetValue(catalog), stderr, "show");
            if (prompts is null)
            {
                return ExitCodes.UnusableInput;
            }

            var wanted = parseResult.GetValue(id) ?? "";
            if (prompts.Get(wanted.Trim()) is not { } prompt)
            {
                var close = prompts.Suggest(wanted);
                stderr.WriteLine($"drill show: no prompt '{wanted}'." + (close.Count > 0 ? " Did you mean " + string.Join(", ", close) + "?" : ""));
                stderr.WriteLine("Run 'drill prompts' for the list.");
                return ExitCodes.UnusableInput;
            }

            WriteBrief(prompt, stdout);
            if (parseResult.GetValue(reveal))
            {
                WriteSheet(prompt, stdout);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteBrief(Prompt prompt, TextWriter stdout)
    {
        stdout.WriteLine($"{prompt.Title} ({prompt.Id}) · {PromptText.Difficulty(prompt.Difficulty)} · {PromptText.Levels(prompt.Levels)}");
        stdout.WriteLine();
        stdout.WriteLine(prompt.Brief);
    }

    private static void WriteSheet(Prompt prompt, TextWriter stdout)
    {
        Section(stdout, "Facts", prompt.Facts.Select(f => $"{f.Topic}: {f.Answer}"));
        Section(stdout, "Tests", prompt.Tests);
        Section(stdout, "Hard parts", prompt.HardParts.Select(h => $"{h.Name} ({string.Join(", ", h.Concepts)})"));
        Section(stdout, "Trade-offs", prompt.TradeOffs);
        Section(stdout, "Follow-ups", prompt.FollowUps);
        Section(stdout, "Constraint changes", prompt.ConstraintChanges.Select(c => $"{c.Name}: {c.Description} [{Describe(c.Change)}]"));
        stdout.WriteLine();
        stdout.WriteLine($"Reference design: {prompt.ReferenceDesign}");
        stdout.WriteLine();
        stdout.Write(prompt.ReferenceDesignText?.ReplaceLineEndings("\n"));
    }

    private static void Section(TextWriter stdout, string title, IEnumerable<string> lines)
    {
        var items = lines.ToList();
        if (items.Count == 0)
        {
            return;
        }

        stdout.WriteLine();
        stdout.WriteLine(title);
        foreach (var line in items)
        {
            stdout.WriteLine($"- {line}");
        }
    }

    private static string Describe(ConstraintChangeAction change) => change switch
    {
        ScaleFlows s => FormattableString.Invariant($"scale_flows {s.Factor}"),
        ScaleFlow s => FormattableString.Invariant($"scale_flow {s.Flow} x{s.Factor}"),
        KillComponent k => $"kill_component {k.Component}",
        CacheFlush c => $"cache_flush {c.Component}",
        LoseRegion => "lose_region",
        _ => change.GetType().Name,
    };
}
