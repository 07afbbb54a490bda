using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using DesignDrill.Cli.Commands;

namespace DesignDrill.Cli;

/// <summary>
/// The <c>drill</c> command line: builds the command tree and runs it against the given writers, so tests can run
/// every command in-process and read what it printed.
/// </summary>
public static class DrillApp
{
    /// <summary>Runs <c>drill</c> with <paramref name="args"/>.</summary>
    /// <param name="args">The command-line arguments, without the program name.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors about the invocation go.</param>
    /// <returns>An exit code from <see cref="ExitCodes"/>.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, TextReader.Null, stdout, stderr);

    /// <summary>Runs <c>drill</c> with <paramref name="args"/>, reading interactive input (drill practice, drill cards) from <paramref name="stdin"/>.</summary>
    /// <param name="args">The command-line arguments, without the program name.</param>
    /// <param name="stdin">Where interactive commands read lines from.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors about the invocation go.</param>
    /// <returns>An exit code from <see cref="ExitCodes"/>.</returns>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var root = BuildRoot(stdin, stdout, stderr);
        var parseResult = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        if (parseResult.Errors.Count > 0 && parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                stderr.WriteLine($"drill: {error.Message}");
            }

            stderr.WriteLine("Run 'drill --help' or 'drill <command> --help' for usage and examples.");
            return ExitCodes.UnusableInput;
        }

        return parseResult.Invoke(configuration);
    }

    /// <summary>Examples and exit codes for the root command's help.</summary>
    internal const string RootExamples =
        """
        Examples:
          drill review samples/url-shortener.md
          drill review design.md --format json --fail-on warning
          drill estimate "100M * 10 / day" --in rps
          drill export samples/url-shortener.md --to mermaid
          drill queue --servers 4 --arrival-rate 3.6/s --service-time 1s
          drill prompts --level senior
          drill show url-shortener
          drill ask url-shortener "How many daily active users?"
          drill practice url-shortener --minutes 45
          drill progress
          drill progress --export drill-backup.json
          drill cards --new 5
          drill simulate samples/url-shortener.md --duration 30s --load 0.1x
          drill serve

        Exit codes: 0 ok; 1 findings at or above --fail-on; 2 unusable input.
        Run 'drill <command> --help' for a command's options and examples.
        """;

    /// <summary>Builds the root command with every subcommand, and help that ends with each command's examples.</summary>
    internal static RootCommand BuildRoot(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("DesignDrill: practise system design interviews against a design that is checked.");
        var examples = new Dictionary<Command, string> { [root] = RootExamples };
        var estimate = EstimateCommand.Create(stdout, stderr);
        var review = ReviewCommand.Create(stdout, stderr);
        var export = ExportCommand.Create(stdout, stderr);
        var queue = QueueCommand.Create(stdout, stderr);
        var prompts = PromptsCommand.Create(stdout, stderr);
        var show = ShowCommand.Create(stdout, stderr);
        var ask = AskCommand.Create(stdout, stderr);
        var practice = PracticeCommand.Create(stdin, stdout, stderr);
        var progress = ProgressCommand.Create(stdout, stderr);
        var cards = CardsCommand.Create(stdin, stdout, stderr);
        var simulate = SimulateCommand.Create(stdout, stderr);
        var serve = ServeCommand.Create(stdout, stderr);
        examples[estimate] = EstimateCommand.Examples;
        examples[review] = ReviewCommand.Examples;
        examples[export] = ExportCommand.Examples;
        examples[queue] = QueueCommand.Examples;
        examples[prompts] = PromptsCommand.Examples;
        examples[show] = ShowCommand.Examples;
        examples[ask] = AskCommand.Examples;
        examples[practice] = PracticeCommand.Examples;
        examples[progress] = ProgressCommand.Examples;
        examples[cards] = CardsCommand.Examples;
        examples[simulate] = SimulateCommand.Examples;
        examples[serve] = ServeCommand.Examples;
        root.Subcommands.Add(estimate);
        root.Subcommands.Add(review);
        root.Subcommands.Add(export);
        root.Subcommands.Add(queue);
        root.Subcommands.Add(prompts);
        root.Subcommands.Add(show);
        root.Subcommands.Add(ask);
        root.Subcommands.Add(practice);
        root.Subcommands.Add(progress);
        root.Subcommands.Add(cards);
        root.Subcommands.Add(simulate);
        root.Subcommands.Add(serve);

        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction action)
            {
                help.Action = new ExamplesHelpAction(action, examples);
            }
        }

        return root;
    }
}

/// <summary>Help that prints the standard help, then the command's examples and exit codes.</summary>
internal sealed class ExamplesHelpAction(HelpAction inner, IReadOnlyDictionary<Command, string> examples) : SynchronousCommandLineAction
{
    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        var code = inner.Invoke(parseResult);
        if (examples.TryGetValue(parseResult.CommandResult.Command, out var text))
        {
            parseResult.InvocationConfiguration.Output.WriteLine(text);
        }

        return code;
    }
}
