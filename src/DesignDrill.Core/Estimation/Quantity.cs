namespace DesignDrill.Core.Estimation;

/// <summary>
/// A number with a dimension, stored in base units: bytes, seconds, US dollars. <c>10 KB</c> is
/// <c>Quantity(10_000, Dimension.Information)</c>; <c>4 rps</c> is <c>Quantity(4, Dimension.Rate)</c>.
/// </summary>
/// <param name="Value">The amount in base units (bytes, seconds, dollars and their products).</param>
/// <param name="Dimension">The dimension.</param>
public readonly partial record struct Quantity(double Value, Dimension Dimension)
{
    /// <summary>A plain count.</summary>
    /// <param name="value">The count.</param>
    /// <returns>The dimensionless quantity.</returns>
    public static Quantity Count(double value) => new(value, Dimension.Dimensionless);

    /// <summary>A size in bytes.</summary>
    /// <param name="bytes">Number of bytes.</param>
    /// <returns>The quantity.</returns>
    public static Quantity FromBytes(double bytes) => new(bytes, Dimension.Information);

    /// <summary>A duration in seconds.</summary>
    /// <param name="seconds">Number of seconds.</param>
    /// <returns>The quantity.</returns>
    public static Quantity FromSeconds(double seconds) => new(seconds, Dimension.Time);

    /// <summary>A rate in events per second.</summary>
    /// <param name="perSecond">Events per second.</param>
    /// <returns>The quantity.</returns>
    public static Quantity FromRatePerSecond(double perSecond) => new(perSecond, Dimension.Rate);

    /// <summary>An amount in US dollars.</summary>
    /// <param name="dollars">Dollars.</param>
    /// <returns>The quantity.</returns>
    public static Quantity FromDollars(double dollars) => new(dollars, Dimension.Money);

    /// <summary>The product; dimensions multiply. The value may overflow to infinity; callers check.</summary>
    /// <param name="other">The other factor.</param>
    /// <returns>The product.</returns>
    public Quantity Multiply(Quantity other) => new(Value * other.Value, Dimension.Multiply(other.Dimension));

    /// <summary>The quotient; dimensions divide. Division by zero gives infinity or NaN; callers check.</summary>
    /// <param name="other">The divisor.</param>
    /// <returns>The quotient.</returns>
    public Quantity Divide(Quantity other) => new(Value / other.Value, Dimension.Divide(other.Dimension));

    /// <summary>True when both value and dimension match within a relative tolerance.</summary>
    /// <param name="other">The quantity to compare with.</param>
    /// <param name="relativeTolerance">Allowed relative difference, for example 1e-9.</param>
    /// <returns>True when equal within tolerance.</returns>
    public bool EqualsWithin(Quantity other, double relativeTolerance) =>
        Dimension == other.Dimension &&
        Math.Abs(Value - other.Value) <= relativeTolerance * Math.Max(Math.Abs(Value), Math.Abs(other.Value));

    /// <inheritdoc />
    public override string ToString() => Format(Conventions.Default);
}
