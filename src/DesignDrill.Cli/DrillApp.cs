using System.CommandLine;
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
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var root = BuildRoot(stdout, stderr);
        var parseResult = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        if (parseResult.Errors.Count > 0)
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

    /// <summary>Builds the root command with every subcommand.</summary>
    internal static RootCommand BuildRoot(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand(
            """
            DesignDrill: practise system design interviews against a design that is checked.

            Examples:
              drill review samples/url-shortener.md
              drill review design.md --format json --fail-on warning
              drill estimate "100M * 10 / day" --in rps
              drill export samples/url-shortener.md --to mermaid

            Exit codes: 0 ok; 1 findings at or above --fail-on; 2 unusable input.
            """);
        root.Subcommands.Add(EstimateCommand.Create(stdout, stderr));
        root.Subcommands.Add(ReviewCommand.Create(stdout, stderr));
        root.Subcommands.Add(ExportCommand.Create(stdout, stderr));
        return root;
    }
}
