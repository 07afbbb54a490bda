namespace DesignDrill.Core.Estimation;

/// <summary>How a computed value prefers to be shown; a hint to formatting, not part of the value.</summary>
public enum QuantityDisplay
{
    /// <summary>In the unit chosen from the dimension and size (see <see cref="Quantity.Format(Conventions)"/>).</summary>
    Natural,

    /// <summary>
    /// As a percentage with enough digits to show the unavailability (see <see cref="Quantity.FormatPercent"/>): the
    /// results of <c>series</c>, <c>parallel</c> and <c>kofn</c>.
    /// </summary>
    Percent,
}
