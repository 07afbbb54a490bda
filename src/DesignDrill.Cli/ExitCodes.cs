namespace DesignDrill.Cli;

/// <summary>The process exit codes of <c>drill</c>, documented in README.md and in each command's help.</summary>
public static class ExitCodes
{
    /// <summary>Success: the command ran and found nothing at or above the <c>--fail-on</c> level.</summary>
    public const int Ok = 0;

    /// <summary><c>drill review</c> found a finding or diagnostic at or above the <c>--fail-on</c> level.</summary>
    public const int FindingsAtOrAboveThreshold = 1;

    /// <summary>Unusable input: a missing or unreadable file, a file that is not text, bad options, or an expression that cannot be evaluated.</summary>
    public const int UnusableInput = 2;
}
