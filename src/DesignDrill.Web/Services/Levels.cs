using DesignDrill.Core.DesignDocs;

namespace DesignDrill.Web.Services;

/// <summary>Reads the interview level from a form or query value.</summary>
public static class Levels
{
    /// <summary>The levels offered in the studio's menus, lower case.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetNames<DesignLevel>().Select(n => n.ToLowerInvariant())];

    /// <summary>Parses <c>mid</c>, <c>senior</c> or <c>staff</c> (any case); anything else is <see cref="DesignLevel.Mid"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The level.</returns>
    public static DesignLevel Parse(string? value) =>
        Enum.TryParse<DesignLevel>(value, ignoreCase: true, out var level) && Enum.IsDefined(level) ? level : DesignLevel.Mid;
}
