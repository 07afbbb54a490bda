namespace DesignDrill.Core.Diagnostics;

/// <summary>How serious a diagnostic or finding is. Ordered: <see cref="Info"/> &lt; <see cref="Warning"/> &lt; <see cref="Error"/>.</summary>
public enum Severity
{
    /// <summary>A note or suggestion; never fails a review.</summary>
    Info = 0,

    /// <summary>Probably a mistake, or something an interviewer would question.</summary>
    Warning = 1,

    /// <summary>Wrong: the input cannot be used as written, or a number is off by more than 2x.</summary>
    Error = 2,
}
