using DesignDrill.Core.Catalog;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Estimation;

namespace DesignDrill.Core.Review;

/// <summary>Options for <see cref="DesignReviewer.Review(string, ReviewOptions?)"/>.</summary>
public sealed record ReviewOptions
{
    /// <summary>Level to review at; <see langword="null"/> uses the front matter's <c>level</c>, else <see cref="DefaultLevel"/>.</summary>
    public DesignLevel? Level { get; init; }

    /// <summary>Level used when neither the options nor the document name one: mid (the most lenient; rule of thumb).</summary>
    public const DesignLevel DefaultLevel = DesignLevel.Mid;

    /// <summary>
    /// Convention settings that override the document's front matter (keys as in <see cref="Conventions.SettingKeys"/>,
    /// values as written on a command line, such as <c>2.5M</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string> ConventionOverrides { get; init; } = new Dictionary<string, string>();

    /// <summary>The component catalog; <see cref="ComponentCatalog.Default"/> unless a test supplies another.</summary>
    public ComponentCatalog Catalog { get; init; } = ComponentCatalog.Default;
}
