using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using DesignDrill.Core.Practice;

namespace DesignDrill.Cli.Commands;

/// <summary><c>drill ask ID "QUESTION" [--json]</c>: asks the interviewer a clarifying question about a prompt.</summary>
internal static class AskCommand
{
    /// <summary>Examples and exit codes shown at the end of this command's help.</summary>
    public const string Examples =
        """
        Examples:
          drill ask url-shortener "How many daily active users?"
          drill ask chat "Does message order matter, and how long do we keep history?"
          drill ask url-shortener "Is it read heavy?" --json

        Exit codes: 0 ok (also when the answer is "your call"); 2 unusable input (an unknown prompt id, with the closest ids as a hint).
        --json prints {"topics": [...], "answer": "..."}; topics is empty when the question matched none.
        """;

    private static readonly JsonSerializerOptions JsonText = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<string>("id") { Description = "The prompt id, as listed by 'drill prompts'." };
        var question = new Argument<string>("question") { Description = "Your clarifying question, in quotes." };
        var json = new Option<bool>("--json") { Description = "Print {\"topics\": [...], \"answer\": \"...\"} instead of the answer text." };
        var catalog = new Option<string?>("--catalog") { Description = PromptSource.CatalogDescription, HelpName = "dir" };
        var command = new Command("ask", "Ask the interviewer a clarifying question; the answer comes from the prompt's hidden facts.");
        command.Arguments.Add(id);
        command.Arguments.Add(question);
        command.Options.Add(json);
        command.Options.Add(catalog);
        command.SetAction(parseResult =>
        {
            var prompts = PromptSource.Load(parseResult.GetValue(catalog), stderr, "ask");
            if (prompts is null)
            {
                return ExitCodes.UnusableInput;
            }

            var wanted = parseResult.GetValue(id) ?? "";
            if (prompts.Get(wanted.Trim()) is not { } prompt)
            {
                var close = prompts.Suggest(wanted);
                stderr.WriteLine($"drill ask: no prompt '{wanted}'." + (close.Count > 0 ? " Did you mean " + string.Join(", ", close) + "?" : ""));
                stderr.WriteLine("Run 'drill prompts' for the list.");
                return ExitCodes.UnusableInput;
            }

            var answer = ClarifyingAnswerer.Answer(prompt, parseResult.GetValue(question));
            stdout.WriteLine(parseResult.GetValue(json) ? Json(answer) : answer.Answer);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The answer as <c>{"topics": [...], "answer": "..."}</c>, on one line.</summary>
    internal static string Json(ClarifyingAnswer answer) =>
        "{\"topics\": [" + string.Join(", ", answer.Topics.Select(t => JsonSerializer.Serialize(t, JsonText))) + "], \"answer\": " + JsonSerializer.Serialize(answer.Answer, JsonText) + "}";
}
