using System.Globalization;

namespace DesignDrill.Cli.Tests;

/// <summary>A whole practice session in a real terminal (tmux), with the clock moved by the test.</summary>
public sealed class PracticeTerminalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("drill-practice-").FullName;

    private string ClockFile => Path.Combine(_dir, "clock");

    [Fact]
    public void Should_run_a_whole_practice_session_in_a_terminal()
    {
        // Given: a controlled clock, an editor that writes the sample design, and drill started in tmux
        var start = new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
        SetClock(start);
        var drill = Path.Combine(AppContext.BaseDirectory, "drill.dll");
        var sample = Drill.Sample("samples/url-shortener.md");
        var script = Path.Combine(_dir, "run.sh");
        File.WriteAllText(script, $"""
            cd '{_dir}'
            export DESIGNDRILL_CLOCK_FILE='{ClockFile}'
            export DESIGNDRILL_DATA='{_dir}/data'
            export EDITOR="cp '{sample}'"
            unset VISUAL
            dotnet '{drill}' practice url-shortener --minutes 45
            echo "drill exited with $?"
            dotnet '{drill}' progress
            echo "progress exited with $?"
            sleep 600
            """.ReplaceLineEndings("\n"));
        using var terminal = new Terminal(script);

        // When / Then: the brief and the clock appear
        terminal.WaitFor("Interviewer: Design a service that turns a long URL");
        terminal.WaitFor("[Clarify · 5:00 left in phase · 45:00 left] >");

        // Asking questions, two minutes in
        SetClock(start.AddMinutes(2));
        terminal.Type("ask How many daily active users are there?");
        terminal.WaitFor("Interviewer: About 100M daily active users.");
        terminal.WaitFor("[Clarify · 3:00 left in phase · 43:00 left] >");
        terminal.Type("ask What p99 latency do redirects need, and which regions are the users in?");
        terminal.WaitFor("p99 under 50 ms");

        // Writing the design in the editor, six minutes in: the session moves to the furthest phase written
        SetClock(start.AddMinutes(6));
        terminal.Type("edit");
        terminal.WaitFor("Saved. Now: Wrap-up · 5:00 left in phase · 39:00 left");
        terminal.Type("review");
        terminal.WaitFor("DesignDrill review");

        // Finishing at 40 minutes and answering the first follow-up
        SetClock(start.AddMinutes(40));
        terminal.Type("done");
        var screen = terminal.WaitFor("Follow-up 1 of ");
        screen.ShouldContain("Finished after 40:00 of 45 minutes.");
        screen.ShouldContain("SES001 never asked before the architecture appeared (6:00) about:");
        screen.ShouldContain("Scorecard (level mid):");
        terminal.Type("Scale the api tier out horizontally (horizontal scaling) and add caching in front of the store.");
        terminal.Type("");
        screen = terminal.WaitFor("DesignDrill ran it on your design:");
        screen.ShouldContain("Covered: horizontal scaling, caching.");

        // Skipping the rest
        for (var i = 0; i < 4; i++)
        {
            terminal.Type("skip");
        }

        screen = terminal.WaitFor("drill exited with 0");
        screen.ShouldContain("Follow-up 3 of ");
        screen.ShouldContain($"Saved to your progress ({_dir}/data/progress.db): 1 session so far.");

        // The progress survives the tool's restart: a new process reads the session back
        screen = terminal.WaitFor("progress exited with 0");
        screen.ShouldContain("1 session, 2026-11-21 to 2026-11-21");
        screen.ShouldContain("  2026-11-21 09:00  url-shortener              45 min");
        screen.ShouldContain("  url-shortener              due 20");
        File.ReadAllText(Path.Combine(_dir, "url-shortener-practice.md")).ShouldBe(File.ReadAllText(sample));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // the terminal may still hold the folder for a moment; the OS temp cleaner takes it
        }
    }

    private void SetClock(DateTimeOffset at) => File.WriteAllText(ClockFile, at.ToString("O", CultureInfo.InvariantCulture));
}
