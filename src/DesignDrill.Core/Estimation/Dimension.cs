using System.Text;

namespace DesignDrill.Core.Estimation;

/// <summary>
/// The physical dimension of a quantity as small integer exponents of the three base dimensions the estimation
/// language knows: information (base unit: byte, <c>B</c>), time (base unit: second, <c>s</c>) and money (base unit:
/// US dollar, <c>$</c>). Counts (users, requests, pastes) are dimensionless. A bandwidth is <c>B/s</c>
/// (<see cref="InformationExponent"/> 1, <see cref="TimeExponent"/> -1); a request rate is <c>1/s</c>.
/// </summary>
/// <param name="InformationExponent">Exponent of bytes; 1 for a size, -1 for "per byte".</param>
/// <param name="TimeExponent">Exponent of seconds; 1 for a duration, -1 for a rate.</param>
/// <param name="MoneyExponent">Exponent of dollars; 1 for a price or cost.</param>
public readonly record struct Dimension(int InformationExponent, int TimeExponent, int MoneyExponent)
{
    /// <summary>A plain count: users, requests, a ratio or a percentage.</summary>
    public static Dimension Dimensionless => default;

    /// <summary>A size in bytes (<c>B</c>).</summary>
    public static Dimension Information => new(1, 0, 0);

    /// <summary>A duration in seconds (<c>s</c>).</summary>
    public static Dimension Time => new(0, 1, 0);

    /// <summary>An amount of money in US dollars (<c>$</c>).</summary>
    public static Dimension Money => new(0, 0, 1);

    /// <summary>Events per second (<c>1/s</c>): requests, queries or writes per second.</summary>
    public static Dimension Rate => new(0, -1, 0);

    /// <summary>Bytes per second (<c>B/s</c>).</summary>
    public static Dimension Bandwidth => new(1, -1, 0);

    /// <summary>True for a plain count (all exponents zero).</summary>
    public bool IsDimensionless => this == default;

    /// <summary>The dimension of a product: exponents add.</summary>
    /// <param name="other">The other factor's dimension.</param>
    /// <returns>The combined dimension.</returns>
    /// <exception cref="OverflowException">An exponent leaves the range of <see cref="int"/> (never for evaluator results, which limit exponents to ±<see cref="MaxExponent"/>).</exception>
    public Dimension Multiply(Dimension other) =>
        new(checked(InformationExponent + other.InformationExponent), checked(TimeExponent + other.TimeExponent),
            checked(MoneyExponent + other.MoneyExponent));

    /// <summary>The dimension of a quotient: exponents subtract.</summary>
    /// <param name="other">The divisor's dimension.</param>
    /// <returns>The combined dimension.</returns>
    /// <exception cref="OverflowException">An exponent leaves the range of <see cref="int"/>.</exception>
    public Dimension Divide(Dimension other) =>
        new(checked(InformationExponent - other.InformationExponent), checked(TimeExponent - other.TimeExponent),
            checked(MoneyExponent - other.MoneyExponent));

    /// <summary>The dimension raised to an integer power: exponents multiply.</summary>
    /// <param name="power">The integer power, for example 2 for an area-like <c>B^2</c>.</param>
    /// <returns>The raised dimension.</returns>
    /// <exception cref="OverflowException">An exponent leaves the range of <see cref="int"/>.</exception>
    public Dimension Pow(int power) =>
        new(checked(InformationExponent * power), checked(TimeExponent * power), checked(MoneyExponent * power));

    /// <summary>
    /// The largest absolute exponent the evaluator produces (16); beyond it an expression such as <c>B^100</c> is
    /// reported instead of evaluated. No estimate needs more than a square or two.
    /// </summary>
    public const int MaxExponent = 16;

    /// <summary>True when every exponent is within ±<see cref="MaxExponent"/>.</summary>
    public bool IsWithinLimits =>
        Math.Abs((long)InformationExponent) <= MaxExponent && Math.Abs((long)TimeExponent) <= MaxExponent &&
        Math.Abs((long)MoneyExponent) <= MaxExponent;

    /// <summary>
    /// The dimension written in base units: <c>1</c> for a count, <c>B</c>, <c>s</c>, <c>$</c>, <c>1/s</c>,
    /// <c>B/s</c>, <c>$/B/s</c>, <c>B^2</c>, <c>1/s^2</c>. The text parses back with <see cref="Units.TryParse"/>.
    /// </summary>
    /// <returns>The unit text.</returns>
    public override string ToString()
    {
        var numerator = new StringBuilder();
        var denominator = new StringBuilder();
        Append(MoneyExponent, "$");
        Append(InformationExponent, "B");
        Append(TimeExponent, "s");
        var top = numerator.Length == 0 ? "1" : numerator.ToString();
        return top + denominator;

        void Append(int exponent, string symbol)
        {
            if (exponent > 0)
            {
                if (numerator.Length > 0)
                {
                    numerator.Append('*');
                }

                numerator.Append(symbol);
                if (exponent > 1)
                {
                    numerator.Append('^').Append(exponent.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else if (exponent < 0)
            {
                denominator.Append('/').Append(symbol);
                if (exponent < -1)
                {
                    denominator.Append('^').Append((-(long)exponent).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
    }

    /// <summary>
    /// A name for the dimension as a person would say it, with its base unit: <c>count</c>, <c>information (B)</c>,
    /// <c>time (s)</c>, <c>money ($)</c>, <c>rate (1/s)</c>, <c>bandwidth (B/s)</c>, or the unit text for others.
    /// Used in messages such as "cannot add information (B) and time (s)".
    /// </summary>
    /// <returns>The description.</returns>
    public string Describe()
    {
        if (IsDimensionless)
        {
            return "count";
        }

        if (this == Information)
        {
            return "information (B)";
        }

        if (this == Time)
        {
            return "time (s)";
        }

        if (this == Money)
        {
            return "money ($)";
        }

        if (this == Rate)
        {
            return "rate (1/s)";
        }

        if (this == Bandwidth)
        {
            return "bandwidth (B/s)";
        }

        return ToString();
    }
}
