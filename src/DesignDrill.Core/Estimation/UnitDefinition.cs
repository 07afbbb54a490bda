namespace DesignDrill.Core.Estimation;

/// <summary>What kind of word a unit-table entry is; decides how the parser treats it.</summary>
public enum UnitKind
{
    /// <summary>A unit of measure (<c>KB</c>, <c>ms</c>, <c>rps</c>, <c>USD</c>): multiplies the number before it.</summary>
    Unit,

    /// <summary>A scale word (<c>thousand</c>, <c>million</c>, or a free-standing <c>K</c>, <c>M</c>, <c>T</c>): a dimensionless factor.</summary>
    Scale,
}

/// <summary>
/// One word of the estimation language's unit table: its spellings, dimension and size in base units (bytes,
/// seconds, dollars). Units are data; the parser and the formatter follow from this table.
/// </summary>
/// <param name="Names">Every accepted spelling; matched case-sensitively (<c>B</c> is a byte, <c>b</c> is not a unit).</param>
/// <param name="Kind">Unit or scale word.</param>
/// <param name="Dimension">The dimension of one of this unit.</param>
/// <param name="Size">The size of one of this unit in base units under given conventions (a month depends on them).</param>
/// <param name="Description">A short description for docs and messages, such as "kilobyte: 1,000 B (1,024 B with binary prefixes)".</param>
public sealed record UnitDefinition(
    IReadOnlyList<string> Names, UnitKind Kind, Dimension Dimension, Func<Conventions, double> Size, string Description)
{
    /// <summary>The first spelling, used when the unit is named in messages.</summary>
    public string Symbol => Names[0];

    /// <summary>One of this unit as a quantity under <paramref name="conventions"/>.</summary>
    /// <param name="conventions">The conventions that size calendar and storage units.</param>
    /// <returns>The quantity.</returns>
    public Quantity ToQuantity(Conventions conventions) => new(Size(conventions), Dimension);
}
