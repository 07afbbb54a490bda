namespace DesignDrill.Core.Estimation;

/// <content>Formatting a computed value in the unit a stated value was written in.</content>
public readonly partial record struct Quantity
{
    /// <summary>
    /// Formats this quantity in the unit of <paramref name="stated"/>, so a computed value can be read beside the
    /// candidate's own figure: 115.7/s against <c>10M/day</c> shows as <c>10M/day</c>, 9.125 TB against <c>9 TB</c> as
    /// <c>9.125 TB</c>. The stated text is split into a leading number (with an optional K/M/B/T scale) and a unit; the
    /// number is scaled like the candidate's. Never throws.
    /// </summary>
    /// <param name="stated">The stated value as written after <c>≈</c> or <c>~</c>, such as <c>1.2K/s</c> or <c>12.7 GB/month</c>.</param>
    /// <param name="conventions">Conventions that size the unit (month, KB, ...).</param>
    /// <returns>The formatted value, or <see langword="null"/> when the stated text has no readable unit of this quantity's dimension.</returns>
    public string? FormatInUnitOf(string? stated, Conventions conventions)
    {
        if (string.IsNullOrWhiteSpace(stated) || stated.Length > 200 || !double.IsFinite(Value))
        {
            return null;
        }

        var text = stated.Trim();
        var numberEnd = 0;
        while (numberEnd < text.Length && (char.IsAsciiDigit(text[numberEnd]) || text[numberEnd] is '.' or ','))
        {
            numberEnd++;
        }

        if (numberEnd == 0)
        {
            return null;
        }

        var scaleEnd = numberEnd;
        var scale = 1.0;
        var suffix = "";
        if (scaleEnd < text.Length && text[scaleEnd] is 'K' or 'M' or 'B' or 'T'
            && (scaleEnd + 1 == text.Length || text[scaleEnd + 1] is '/' or ' '))
        {
            (scale, suffix) = text[scaleEnd] switch
            {
                'K' => (1e3, "K"),
                'M' => (1e6, "M"),
                'B' => (1e9, "B"),
                _ => (1e12, "T"),
            };
            scaleEnd++;
        }

        var unitText = text[scaleEnd..].Trim();
        Quantity unit;
        if (unitText.Length == 0)
        {
            unit = Count(1);
        }
        else if (!Units.TryParse(unitText, conventions, out unit, out _))
        {
            return null;
        }

        if (unit.Dimension != Dimension || !(unit.Value > 0))
        {
            return null;
        }

        var number = FormatNumber(Value / unit.Value / scale);
        var separator = unitText.Length == 0 || unitText.StartsWith('/') || unitText == "%" ? "" : " ";
        return number + suffix + separator + unitText;
    }
}
