using System.CommandLine;
using DesignDrill.Cli.Rendering;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Estimation;
using DesignDrill.Core.Review;
using DesignDrill.Core.Review.Reporting;

namespace DesignDrill.Cli.Commands;

/// <summary><c>drill review FILE</c>: parses a design, checks its estimates and reports findings.</summary>
internal static class ReviewCommand
{
    /// <summary>Examples and exit codes shown at the end of this command's help.</summary>
    public const string Examples =
        """
        Examples:
          drill review samples/url-shortener.md
          drill review design.md --level staff
          drill review design.md --format json > report.json
          drill review design.md --format markdown --fail-on warning

        Exit codes: 0 nothing at or above --fail-on; 1 something at or above --fail-on (default error);
        2 unusable input (missing file, not text).
        """;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "The design document (Markdown)." };
        var format = new Option<string>("--format")
        {
            Description = "Output format.",
            DefaultValueFactory = _ => "text",
            HelpName = "text|markdown|json",
        };
        format.AcceptOnlyFromAmong("text", "markdown", "json");
        var level = new Option<string?>("--level")
        {
            Description = "Review at this level (default: the document's front matter, else mid).",
            HelpName = "mid|senior|staff",
        };
        level.AcceptOnlyFromAmong("mid", "senior", "staff");
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit with 1 when a diagnostic or finding is at or above this severity.",
            DefaultValueFactory = _ => "error",
            HelpName = "error|warning|never",
        };
        failOn.AcceptOnlyFromAmong("error", "warning", "never");
        var conventions = new ConventionOptions();

        var command = new Command("review", "Review a design document: parse it, evaluate and check its estimates, and report findings with their lines, rubric dimensions and fixes.");
        command.Arguments.Add(file);
        command.Options.Add(format);
        command.Options.Add(level);
        command.Options.Add(failOn);
        conventions.AddTo(command);
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file) ?? "";
            if (!DocumentInput.TryRead(path, out var text, out var error))
            {
                stderr.WriteLine($"drill review: {error}");
                return ExitCodes.UnusableInput;
            }

            var overrides = new List<Diagnostic>();
            _ = conventions.Apply(parseResult, Conventions.Default, overrides);
            if (overrides.Any(d => d.Severity == Severity.Error))
            {
                foreach (var d in overrides)
                {
                    stderr.WriteLine($"drill review: {d.Message}");
                }

                return ExitCodes.UnusableInput;
            }

            var options = new ReviewOptions
            {
                Level = parseResult.GetValue(level) switch
                {
                    "mid" => DesignLevel.Mid,
                    "senior" => DesignLevel.Senior,
                    "staff" => DesignLevel.Staff,
                    _ => null,
                },
                ConventionOverrides = conventions.ToSettings(parseResult),
            };
            var report = DesignReviewer.Review(text, options);
            var output = parseResult.GetValue(format) switch
            {
                "json" => JsonReportWriter.Write(report, path) + "\n",
                "markdown" => MarkdownReportWriter.Write(report, path, text),
                _ => TextReportWriter.Write(report, path, text, colour: UseColour(stdout)),
            };
            stdout.Write(output);

            var threshold = parseResult.GetValue(failOn) switch
            {
                "warning" => (Severity?)Severity.Warning,
                "never" => null,
                _ => Severity.Error,
            };
            return threshold is { } t && report.HighestSeverity is { } highest && highest >= t
                ? ExitCodes.FindingsAtOrAboveThreshold
                : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Colour only on a real terminal, and never when NO_COLOR is set (no-color.org convention).</summary>
    private static bool UseColour(TextWriter stdout) =>
        ReferenceEquals(stdout, Console.Out)
        && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
}
