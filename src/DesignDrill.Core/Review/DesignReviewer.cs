using DesignDrill.Core.Analysis;
using DesignDrill.Core.Architecture;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Estimation;

namespace DesignDrill.Core.Review;

/// <summary>
/// The review pipeline: parse the document, settle the conventions, evaluate the estimates, bind the architecture's
/// numbers, then run every rule in <see cref="ReviewRules"/>. Deterministic for a given input; never throws for bad input.
/// </summary>
public static class DesignReviewer
{
    /// <summary>Reviews a design document.</summary>
    /// <param name="text">The whole document (Markdown with optional YAML front matter).</param>
    /// <param name="options">Level, convention overrides and catalog; defaults when <see langword="null"/>.</param>
    /// <returns>The report, with diagnostics and findings sorted by line.</returns>
    public static ReviewReport Review(string text, ReviewOptions? options = null)
    {
        options ??= new ReviewOptions();
        var document = DesignDocumentParser.Parse(text ?? "");
        var diagnostics = new List<Diagnostic>(document.Diagnostics);

        var conventions = Conventions.Default;
        if (document.FrontMatter is { Conventions.Count: > 0 } front)
        {
            foreach (var convention in front.Conventions)
            {
                conventions = Conventions.FromSettings(
                    new Dictionary<string, string> { [convention.Key] = convention.ValueText }, conventions, diagnostics, convention.ValueSpan);
            }
        }

        if (options.ConventionOverrides.Count > 0)
        {
            conventions = Conventions.FromSettings(options.ConventionOverrides, conventions, diagnostics);
        }

        var level = options.Level ?? document.FrontMatter?.Level ?? ReviewOptions.DefaultLevel;
        var inputs = document.Estimates
            .Select(e => new EstimateInput(e.Name, e.NameSpan, e.Expression, e.ExpressionSpan, e.Stated, e.StatedSpan))
            .ToList();
        var sheet = EstimateSheet.Evaluate(inputs, conventions);
        diagnostics.AddRange(sheet.Diagnostics);

        var architecture = ArchitectureBinder.Bind(document.Architecture, sheet.Values, conventions, options.Catalog, diagnostics);
        var analysis = ArchitectureAnalyzer.Analyze(
            architecture, ParameterResolver.Resolve(architecture, options.Catalog), StorageNeeds.Match(document, sheet, architecture));
        var context = new ReviewContext(document, sheet, architecture, conventions, level, options.Catalog, analysis);
        var findings = ReviewRules.All.SelectMany(rule => rule.Check(context)).ToList();

        return new ReviewReport(
            document,
            conventions,
            level,
            sheet,
            architecture,
            Order(diagnostics, d => d.Span, d => d.Code),
            Order(findings, f => f.Span, f => f.Id),
            analysis);
    }

    private static List<T> Order<T>(IEnumerable<T> items, Func<T, SourceSpan> span, Func<T, string> code) =>
        items.Select((item, index) => (item, index))
            .OrderBy(x => span(x.item).Line)
            .ThenBy(x => span(x.item).Column)
            .ThenBy(x => code(x.item), StringComparer.Ordinal)
            .ThenBy(x => x.index)
            .Select(x => x.item)
            .ToList();
}
