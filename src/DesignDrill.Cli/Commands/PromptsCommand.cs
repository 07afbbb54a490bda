using System.CommandLine;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.DesignDocs;

namespace DesignDrill.Cli.Commands;

/// <summary><c>drill prompts [--tag T] [--level L]</c>: lists the prompt catalog.</summary>
internal static class PromptsCommand
{
    /// <summary>Examples and exit codes shown at the end of this command's help.</summary>
    public const string Examples =
        """
        Examples:
          drill prompts
          drill prompts --tag caching --level mid
          drill prompts --catalog my-prompts/

        Exit codes: 0 ok (even when no prompt matches); 2 unusable input (a missing --catalog directory).
        Problems in prompt files are printed to stderr as file:line:column; prompts with errors are left out.
        """;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var tag = new Option<string?>("--tag") { Description = "Only prompts with this tag (case-insensitive).", HelpName = "tag" };
        var level = new Option<string?>("--level") { Description = "Only prompts for this interview level.", HelpName = "mid|senior|staff" };
        level.AcceptOnlyFromAmong("mid", "senior", "staff");
        var catalog = new Option<string?>("--catalog") { Description = PromptSource.CatalogDescription, HelpName = "dir" };
        var command = new Command("prompts", "List the interview prompts: id, title, difficulty, levels and tags.");
        command.Options.Add(tag);
        command.Options.Add(level);
        command.Options.Add(catalog);
        command.SetAction(parseResult =>
        {
            var prompts = PromptSource.Load(parseResult.GetValue(catalog), stderr, "prompts");
            if (prompts is null)
            {
                return ExitCodes.UnusableInput;
            }

            var tagValue = parseResult.GetValue(tag);
            DesignLevel? levelValue = parseResult.GetValue(level) is { } l ? Enum.Parse<DesignLevel>(l, ignoreCase: true) : null;
            var selected = prompts.Prompts
                .Where(p => tagValue is null || p.HasTag(tagValue))
                .Where(p => levelValue is null || p.Levels.Contains(levelValue.Value))
                .ToList();
            if (selected.Count == 0)
            {
                stdout.WriteLine("No prompt matches.");
                return ExitCodes.Ok;
            }

            Write(selected, stdout);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(IReadOnlyList<Prompt> prompts, TextWriter stdout)
    {
        string[] header = ["id", "title", "difficulty", "levels", "tags"];
        var rows = prompts.Select(p => new[]
        {
            p.Id,
            p.Title,
            PromptText.Difficulty(p.Difficulty),
            PromptText.Levels(p.Levels),
            string.Join(", ", p.Tags),
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            stdout.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }
    }
}

/// <summary>How the prompt commands spell difficulties and levels: lower case, as in the prompt files.</summary>
internal static class PromptText
{
    public static string Difficulty(PromptDifficulty difficulty) => difficulty.ToString().ToLowerInvariant();

    public static string Levels(IEnumerable<DesignLevel> levels) => string.Join(", ", levels.Select(l => l.ToString().ToLowerInvariant()));
}
