using System.Globalization;

namespace DesignDrill.Cli.Practice;

/// <summary>
/// The clock of <c>drill practice</c>: the system clock, or — when the environment variable
/// <see cref="ClockFileVariable"/> names a file — the time written in that file (an ISO 8601 timestamp such as
/// <c>2026-11-21T09:05:00Z</c>), read afresh on every look. Scripted terminal tests move time by rewriting the file,
/// so a whole 45-minute session runs in seconds without sleeping.
/// </summary>
internal sealed class PracticeClock(string path) : TimeProvider
{
    /// <summary>The environment variable naming the clock file.</summary>
    public const string ClockFileVariable = "DESIGNDRILL_CLOCK_FILE";

    /// <summary>The clock to use: the file clock when <see cref="ClockFileVariable"/> is set, else <see cref="TimeProvider.System"/>.</summary>
    /// <returns>The clock.</returns>
    public static TimeProvider FromEnvironment() =>
        Environment.GetEnvironmentVariable(ClockFileVariable) is { Length: > 0 } path ? new PracticeClock(path) : System;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        try
        {
            var text = File.ReadAllText(path).Trim();
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new InvalidOperationException($"{ClockFileVariable} names '{path}', which does not hold a readable ISO 8601 time ({e.Message}).", e);
        }
    }
}
