using System.CommandLine;
using DesignDrill.Core.Architecture;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Cli.Commands;

/// <summary><c>drill export FILE --to mermaid</c>: writes the document's architecture as a diagram.</summary>
internal static class ExportCommand
{
    /// <summary>Examples and exit codes shown at the end of this command's help.</summary>
    public const string Examples =
        """
        Examples:
          drill export samples/url-shortener.md --to mermaid
          drill export design.md > architecture.mmd

        Exit codes: 0 ok; 2 unusable input (missing file, not text).
        Parse errors are printed to stderr; the diagram shows what could be read.
        """;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "The design document (Markdown)." };
        var to = new Option<string>("--to")
        {
            Description = "Output format.",
            DefaultValueFactory = _ => "mermaid",
            HelpName = "mermaid",
        };
        to.AcceptOnlyFromAmong("mermaid");
        var command = new Command("export", "Export the architecture of a design document.");
        command.Arguments.Add(file);
        command.Options.Add(to);
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file) ?? "";
            if (!DocumentInput.TryRead(path, out var text, out var error))
            {
                stderr.WriteLine($"drill export: {error}");
                return ExitCodes.UnusableInput;
            }

            var document = DesignDocumentParser.Parse(text);
            foreach (var d in document.Diagnostics.Where(d => d.Severity == Severity.Error))
            {
                stderr.WriteLine($"{path}:{d.Span.Line}:{d.Span.Column}: error {d.Code}: {d.Message}");
            }

            stdout.Write(MermaidExporter.Export(document.Architecture));
            return ExitCodes.Ok;
        });
        return command;
    }
}
