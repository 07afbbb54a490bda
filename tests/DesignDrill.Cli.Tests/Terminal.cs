using System.Diagnostics;

namespace DesignDrill.Cli.Tests;

/// <summary>
/// A real terminal for end-to-end tests: a detached tmux session on a private socket, driven with send-keys and read
/// with capture-pane. tmux is a test dependency (.ci/run installs it); a missing tmux fails the test loudly.
/// </summary>
internal sealed class Terminal : IDisposable
{
    /// <summary>Longest wait for text to appear (60 s; generous for a cold 'dotnet drill.dll' start on a busy CI machine).</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly string _socket = "drill-test-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Starts <paramref name="script"/> (a shell script path) in a 200×50 terminal.</summary>
    public Terminal(string script)
    {
        Tmux("new-session", "-d", "-s", "main", "-x", "200", "-y", "50", "/bin/sh " + script).ShouldBe(0, "tmux new-session failed: is tmux installed? (.ci/run installs it)");
        Tmux("set-option", "-t", "main", "history-limit", "20000");
    }

    /// <summary>Types <paramref name="text"/> and presses Enter.</summary>
    public void Type(string text)
    {
        if (text.Length > 0)
        {
            Tmux("send-keys", "-t", "main", "-l", text).ShouldBe(0);
        }

        Tmux("send-keys", "-t", "main", "Enter").ShouldBe(0);
    }

    /// <summary>Everything the terminal has shown, scrollback included.</summary>
    public string Screen()
    {
        var (code, output) = TmuxOutput("capture-pane", "-p", "-J", "-S", "-20000", "-t", "main");
        return code == 0 ? output : "";
    }

    /// <summary>Waits until the screen contains <paramref name="text"/> <paramref name="times"/> times or more, and returns the screen.</summary>
    public string WaitFor(string text, int times = 1)
    {
        var watch = Stopwatch.StartNew();
        string screen;
        do
        {
            screen = Screen();
            if (Count(screen, text) >= times)
            {
                return screen;
            }

            Thread.Sleep(50); // polling an external process for output; no assertion depends on this interval
        }
        while (watch.Elapsed < Deadline);

        throw new ShouldAssertException($"the terminal never showed '{text}' ({times}x) within {Deadline.TotalSeconds} s. Screen:\n{screen}");
    }

    public static int Count(string haystack, string needle)
    {
        var count = 0;
        for (var i = haystack.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = haystack.IndexOf(needle, i + needle.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    public void Dispose() => Tmux("kill-server");

    private int Tmux(params string[] args) => TmuxOutput(args).Code;

    private (int Code, string Output) TmuxOutput(params string[] args)
    {
        var info = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-L");
        info.ArgumentList.Add(_socket);
        info.ArgumentList.Add("-f");
        info.ArgumentList.Add("/dev/null");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start tmux");
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
