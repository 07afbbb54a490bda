namespace DesignDrill.Core.Estimation;

/// <summary>
/// How a stated value compares with the computed one. Thresholds are a rule of thumb for back-of-the-envelope work:
/// within ±25% is right, within 2x is close, beyond 2x is wrong.
/// </summary>
public enum StatedVerdict
{
    /// <summary>The line states no value; nothing to check.</summary>
    NotStated,

    /// <summary>Computed ÷ stated is between 0.75 and 1.25 (both zero counts as Ok).</summary>
    Ok,

    /// <summary>Computed ÷ stated is between 0.5 and 2 but outside ±25%: a warning (EST015).</summary>
    Close,

    /// <summary>More than 2x apart, a zero against a non-zero, or opposite signs: an error (EST016).</summary>
    Off,

    /// <summary>The stated value has a different dimension, such as bytes against bytes per second: an error (EST017).</summary>
    DimensionMismatch,

    /// <summary>The expression or the stated value has errors, so no comparison was made.</summary>
    Unevaluated,
}
