using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using DesignDrill.Cli.Rendering;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Practice;
using DesignDrill.Core.Review.Reporting;

namespace DesignDrill.Cli.Practice;

/// <summary>
/// The interactive loop of <c>drill practice</c>: one command a line, the phase and time left in every prompt line,
/// the design in a file the candidate edits in <c>$EDITOR</c> or any editor. Changes to the file are put on the
/// session's timeline whenever a command is entered. Reads commands from a <see cref="TextReader"/> so tests can
/// script it.
/// </summary>
internal sealed class PracticeConsole(
    PracticeSession session, string designPath, TextReader stdin, TextWriter stdout, TextWriter stderr, Func<string, IEnumerable<string>>? conceptAliases)
{
    /// <summary>The help text of the loop's commands.</summary>
    public const string Help =
        """
        Commands:
          ask QUESTION    ask the interviewer (also: ? QUESTION)
          edit            open the design in $EDITOR (or edit the file in any editor, then type review)
          review          review the design as it stands
          save            put the design's current state on the timeline (done for you on every command)
          next            move on to the next phase
          status          the clock and the phases
          brief           the prompt's brief again
          questions       the questions asked so far, with the answers
          done            finish: session findings, scorecard and the interviewer's follow-ups
          quit            stop without finishing (the design file stays)
        """;

    private byte[]? _lastHash;

    /// <summary>How the loop ended.</summary>
    public enum Outcome
    {
        /// <summary>The candidate typed <c>done</c> and answered (or skipped) the follow-ups.</summary>
        Finished,

        /// <summary>The candidate typed <c>quit</c>, or the input ended.</summary>
        Quit,
    }

    /// <summary>The follow-up feedback given, in order, once finished.</summary>
    public List<FollowUpFeedback> Feedback { get; } = [];

    /// <summary>Runs the loop until <c>done</c> or <c>quit</c> (or the end of the input).</summary>
    /// <returns>How it ended.</returns>
    public Outcome Run()
    {
        var prompt = session.Prompt;
        stdout.WriteLine($"{prompt.Title} ({prompt.Id}) · {session.Plan.Minutes} minutes · level {session.Level.ToString().ToLowerInvariant()}");
        stdout.WriteLine();
        stdout.WriteLine("Interviewer: " + prompt.Brief);
        stdout.WriteLine();
        stdout.WriteLine($"Your design file: {designPath}");
        stdout.WriteLine("Start by asking questions (ask ...). Type help for the commands.");
        Snapshot();
        while (true)
        {
            stdout.Write($"[{session.Clock()}] > ");
            stdout.Flush();
            var line = stdin.ReadLine();
            if (line is null)
            {
                stdout.WriteLine();
                stdout.WriteLine($"Input ended; the session is not finished. Your design is kept in {designPath}.");
                return Outcome.Quit;
            }

            Snapshot();
            var (command, rest) = Split(line);
            switch (command)
            {
                case "":
                    break;
                case "ask" or "?":
                    Ask(rest);
                    break;
                case "edit":
                    Edit();
                    break;
                case "review":
                    Review();
                    break;
                case "save":
                    Save();
                    break;
                case "next":
                    var phase = session.NextPhase();
                    stdout.WriteLine($"Now: {SessionPlan.TitleOf(phase)} ({SessionClock.Format(session.Plan.Get(phase).Box)} box).");
                    break;
                case "status":
                    Status();
                    break;
                case "brief":
                    stdout.WriteLine("Interviewer: " + prompt.Brief);
                    break;
                case "questions":
                    Questions();
                    break;
                case "help":
                    stdout.WriteLine(Help);
                    break;
                case "done" or "finish":
                    Finish();
                    return Outcome.Finished;
                case "quit" or "exit":
                    stdout.WriteLine($"Stopped without finishing. Your design is kept in {designPath}.");
                    return Outcome.Quit;
                default:
                    var closest = Core.Text.EditDistance.Closest(command, Commands);
                    stdout.WriteLine($"Unknown command '{command}'." + (closest is null ? "" : $" Did you mean '{closest}'?") + " Type help for the commands.");
                    break;
            }
        }
    }

    private static readonly string[] Commands = ["ask", "edit", "review", "save", "next", "status", "brief", "questions", "help", "done", "quit"];

    private void Ask(string question)
    {
        if (question.Length == 0)
        {
            stdout.WriteLine("Ask what? For example: ask How many daily active users are there?");
            return;
        }

        var answer = session.Ask(question);
        stdout.WriteLine("Interviewer: " + answer.Answer.ReplaceLineEndings("\n             "));
    }

    private void Edit()
    {
        var editor = EditorCommand();
        if (editor is null)
        {
            stdout.WriteLine($"No editor set (VISUAL or EDITOR). Edit {designPath} in any editor, then type review.");
            return;
        }

        try
        {
            using var process = OperatingSystem.IsWindows()
                ? Process.Start(new ProcessStartInfo("cmd.exe", ["/c", editor + " \"" + designPath + "\""]) { UseShellExecute = false })
                : Process.Start(new ProcessStartInfo("/bin/sh", ["-c", editor + " \"$1\"", "sh", designPath]) { UseShellExecute = false });
            process?.WaitForExit();
            if (process is { ExitCode: not 0 })
            {
                stdout.WriteLine($"The editor exited with code {process.ExitCode}.");
            }
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            stderr.WriteLine($"drill practice: could not start the editor '{editor}': {e.Message}");
            return;
        }

        if (Snapshot())
        {
            stdout.WriteLine("Saved. Now: " + session.Clock());
        }
    }

    /// <summary>The editor command: <c>VISUAL</c>, else <c>EDITOR</c>; <see langword="null"/> when neither is set.</summary>
    internal static string? EditorCommand() =>
        Environment.GetEnvironmentVariable("VISUAL") is { Length: > 0 } visual ? visual
        : Environment.GetEnvironmentVariable("EDITOR") is { Length: > 0 } editor ? editor
        : null;

    private void Review()
    {
        if (ReadDesign() is not { } text)
        {
            return;
        }

        var report = session.Review(text);
        stdout.Write(TextReportWriter.Write(report, designPath, text));
    }

    private void Save()
    {
        if (ReadDesign() is { } text)
        {
            session.Save(text);
            _lastHash = Hash(text);
            stdout.WriteLine($"Saved at {SessionClock.Format(session.Elapsed)}. Now: {SessionPlan.TitleOf(session.Phase)}.");
        }
    }

    private void Status()
    {
        stdout.WriteLine(session.Clock().ToString());
        var durations = SessionFindings.PhaseDurations(session.Timeline, session.Elapsed).ToDictionary(d => d.Phase, d => d.Spent);
        foreach (var phase in session.Plan.Phases)
        {
            var mark = phase.Kind == session.Phase ? ">" : durations.ContainsKey(phase.Kind) ? "✓" : " ";
            var spent = durations.TryGetValue(phase.Kind, out var s) ? $"{SessionClock.Format(s)} of " : "";
            stdout.WriteLine($"  {mark} {phase.Title,-20} {spent}{SessionClock.Format(phase.Box)}");
        }

        stdout.WriteLine($"  questions asked: {session.Questions.Count}");
    }

    private void Questions()
    {
        if (session.Questions.Count == 0)
        {
            stdout.WriteLine("No questions yet.");
            return;
        }

        foreach (var (at, question, answer) in session.Questions)
        {
            stdout.WriteLine($"  {SessionClock.Format(at)}  {question}");
            stdout.WriteLine($"         {answer.Answer.ReplaceLineEndings("\n         ")}");
        }
    }

    private void Finish()
    {
        var text = ReadDesign() ?? session.LatestDesign;
        var result = session.Finish(text);
        stdout.WriteLine();
        stdout.WriteLine($"Finished after {SessionClock.Format(result.Duration)} of {session.Plan.Minutes} minutes.");
        var review = result.Review;
        stdout.WriteLine($"Review: {Plural(review.Count(Severity.Error), "error")}, {Plural(review.Count(Severity.Warning), "warning")}, {Plural(review.Count(Severity.Info), "note")} (type 'drill review {designPath}' for the full report).");
        stdout.WriteLine();
        stdout.WriteLine("How the session went:");
        if (result.SessionFindings.Count == 0)
        {
            stdout.WriteLine("  nothing to report: questions first, numbers before boxes, every phase reached in time.");
        }

        foreach (var finding in result.SessionFindings)
        {
            stdout.WriteLine($"  {Label(finding.Severity)} {finding.Id} {finding.Message}");
            stdout.WriteLine($"      hint: {finding.Hint}");
        }

        stdout.WriteLine();
        stdout.WriteLine($"Scorecard (level {result.Scorecard.Level.ToString().ToLowerInvariant()}):");
        foreach (var score in result.Scorecard.Scores)
        {
            stdout.WriteLine($"  {JsonReportWriter.DimensionName(score.Dimension),-22} {score.Score} {score.Label,-10} {score.Reason}");
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  average {result.Scorecard.Average:0.00} · recommendation: {result.Scorecard.Recommendation}"));
        stdout.WriteLine();
        for (var i = 0; i < result.FollowUps.Count; i++)
        {
            var followUp = result.FollowUps[i];
            stdout.WriteLine($"Follow-up {i + 1} of {result.FollowUps.Count} ({followUp.Why}):");
            stdout.WriteLine("Interviewer: " + followUp.Question);
            stdout.WriteLine("Type your answer; an empty line ends it ('skip' to pass).");
            var answer = ReadAnswer();
            if (answer is null)
            {
                stdout.WriteLine("Input ended; the remaining follow-ups are skipped.");
                break;
            }

            if (answer.Trim().Equals("skip", StringComparison.OrdinalIgnoreCase))
            {
                answer = "";
            }

            var feedback = session.Answer(followUp, answer, conceptAliases);
            Feedback.Add(feedback);
            stdout.WriteLine(feedback.Text);
            stdout.WriteLine();
        }
    }

    private string? ReadAnswer()
    {
        var lines = new List<string>();
        while (true)
        {
            stdout.Write("| ");
            stdout.Flush();
            var line = stdin.ReadLine();
            if (line is null)
            {
                return lines.Count == 0 ? null : string.Join("\n", lines);
            }

            if (line.Trim().Length == 0)
            {
                return string.Join("\n", lines);
            }

            lines.Add(line);
            if (lines.Count == 1 && line.Trim().Equals("skip", StringComparison.OrdinalIgnoreCase))
            {
                return line;
            }
        }
    }

    /// <summary>Puts the design on the timeline when the file changed since the last look; true when it did.</summary>
    private bool Snapshot()
    {
        if (!File.Exists(designPath))
        {
            return false;
        }

        string text;
        try
        {
            text = File.ReadAllText(designPath);
        }
        catch (IOException)
        {
            return false;
        }

        var hash = Hash(text);
        if (_lastHash is not null && hash.AsSpan().SequenceEqual(_lastHash))
        {
            return false;
        }

        _lastHash = hash;
        session.Save(text);
        return true;
    }

    private string? ReadDesign()
    {
        try
        {
            return File.ReadAllText(designPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"drill practice: cannot read {designPath}: {e.Message}");
            return null;
        }
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static byte[] Hash(string text) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));

    private static (string Command, string Argument) Split(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.StartsWith('?'))
        {
            return ("?", trimmed[1..].Trim());
        }

        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (trimmed.ToLowerInvariant(), "") : (trimmed[..space].ToLowerInvariant(), trimmed[(space + 1)..].Trim());
    }

    private static string Label(Severity severity) => severity switch
    {
        Severity.Error => "error  ",
        Severity.Warning => "warning",
        _ => "note   ",
    };
}
