using System.Globalization;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.Catalog;

/// <content>Reading and validating the <c>defaults:</c> and <c>source:</c> keys of catalog entries.</content>
public sealed partial class ComponentCatalog
{
    /// <content>The default-figure part of the reader.</content>
    private sealed partial class CatalogReader
    {
        /// <summary>Key of a <c>source:</c> map that covers every figure the map does not name.</summary>
        private const string OtherSourceKey = "other";

        /// <summary>Written instead of a number when a figure does not apply to a component.</summary>
        private const string NotApplicable = "n/a";

        private static readonly string[] FigureKeys = DefaultFields.All.Select(s => s.YamlKey).ToArray();
        private static readonly string[] SourceKeys = [.. FigureKeys, OtherSourceKey];

        /// <summary>Reads an entry's <c>defaults:</c> with its <c>source:</c>; invalid figures are reported and left out.</summary>
        /// <returns>The valid figures, and the value node of each (for later messages).</returns>
        private (ComponentDefaults Defaults, Dictionary<DefaultField, YamlNode> Nodes) ReadDefaults(Dictionary<string, YamlNode> fields, string from)
        {
            var nodes = new Dictionary<DefaultField, YamlNode>();
            fields.TryGetValue("defaults", out var defaultsNode);
            fields.TryGetValue("source", out var sourceNode);
            var errorsBefore = _diagnostics.Count(d => d.Severity == Severity.Error);
            var (allSource, fieldSources) = ReadSources(sourceNode);
            var sourceBroken = _diagnostics.Count(d => d.Severity == Severity.Error) > errorsBefore;
            if (defaultsNode is null)
            {
                if (sourceNode is not null)
                {
                    Add(Severity.Warning, CatalogDiagnosticCodes.UnusedSource, Span(sourceNode), "'source' is given but the entry has no 'defaults'; it is ignored.", "Add 'defaults:' with the figures the source is for, or remove 'source'.");
                }

                return (ComponentDefaults.Empty, nodes);
            }

            if (defaultsNode.Kind != YamlNodeKind.Mapping)
            {
                Add(Severity.Error, CatalogDiagnosticCodes.WrongShape, Span(defaultsNode), "'defaults' must be a mapping of figures.", "Write 'defaults:' and below it one figure a line, such as 'reads_per_second: 10000'.");
                return (ComponentDefaults.Empty, nodes);
            }

            var values = new List<DefaultValue>();
            var given = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (key, value) in defaultsNode.Pairs)
            {
                var spec = DefaultFields.FindByYamlKey(key.Value);
                if (spec is null)
                {
                    UnknownKey(key, "'defaults'", FigureKeys);
                    continue;
                }

                if (!given.Add(spec.YamlKey))
                {
                    Add(Severity.Error, CatalogDiagnosticCodes.Duplicate, Span(key), $"'{key.Value}' is given twice in these defaults.", "Keep one of them.");
                    continue;
                }

                if (!TryReadFigure(spec, value, out var figure))
                {
                    continue;
                }

                var source = fieldSources.TryGetValue(spec.YamlKey, out var own) ? own : allSource;
                if (source is null && sourceBroken)
                {
                    // The broken 'source:' has been reported; one problem gets one diagnostic.
                    continue;
                }

                if (source is null)
                {
                    Add(Severity.Error, CatalogDiagnosticCodes.MissingSource, Span(key), $"'{key.Value}' has no source; every default figure must say where it comes from.", $"Add 'source: \"...\"' to the entry, or '{key.Value}: \"...\"' under 'source:' (vendor documentation, a published benchmark, or \"rule of thumb\").");
                    continue;
                }

                values.Add(new DefaultValue(spec.Field, figure * spec.ToModelUnit, source, from));
                nodes[spec.Field] = value;
            }

            if (sourceNode is { Kind: YamlNodeKind.Mapping })
            {
                foreach (var (key, _) in sourceNode.Pairs.Where(p => FigureKeys.Contains(p.Key.Value) && !given.Contains(p.Key.Value)))
                {
                    Add(Severity.Warning, CatalogDiagnosticCodes.UnusedSource, Span(key), $"'source' names '{key.Value}', which these defaults do not give; it is ignored.", $"Add '{key.Value}:' under 'defaults:', or remove this source.");
                }
            }

            var defaults = ComponentDefaults.From(values);
            if (defaults.ServiceTimeMeanSeconds?.Value is { } mean && defaults.ServiceTimeP99Seconds?.Value is { } p99 && p99 < mean)
            {
                Add(Severity.Error, CatalogDiagnosticCodes.InvalidFigure, Span(nodes[DefaultField.ServiceTimeP99Seconds]), $"service_time_p99_ms {Ms(p99)} is below service_time_ms {Ms(mean)}; a 99th percentile is never below the mean of positive times.", "Raise the p99 or lower the mean.");
                defaults = defaults with { ServiceTimeP99Seconds = null };
            }

            return (defaults, nodes);
        }

        /// <summary>A technology's service times must stay consistent once laid over its kind's (p99 ≥ mean).</summary>
        private ComponentDefaults CheckMergedServiceTimes(ComponentKindInfo kind, ComponentDefaults own, Dictionary<DefaultField, YamlNode> nodes)
        {
            var merged = kind.Defaults.Merge(own);
            if (merged.ServiceTimeMeanSeconds?.Value is not { } mean || merged.ServiceTimeP99Seconds?.Value is not { } p99 || p99 >= mean)
            {
                return own;
            }

            var field = own.ServiceTimeMeanSeconds is not null ? DefaultField.ServiceTimeMeanSeconds : DefaultField.ServiceTimeP99Seconds;
            var inherited = field == DefaultField.ServiceTimeMeanSeconds ? $"service_time_p99_ms {Ms(p99)}" : $"service_time_ms {Ms(mean)}";
            Add(Severity.Error, CatalogDiagnosticCodes.InvalidFigure, Span(nodes[field]), $"With the {inherited} of kind '{kind.Id}', this technology's p99 ({Ms(p99)} ms) would be below its mean ({Ms(mean)} ms).", "Give both service_time_ms and service_time_p99_ms for this technology.");
            return field == DefaultField.ServiceTimeMeanSeconds ? own with { ServiceTimeMeanSeconds = null } : own with { ServiceTimeP99Seconds = null };
        }

        private (string? All, Dictionary<string, string> Fields) ReadSources(YamlNode? node)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            switch (node)
            {
                case null:
                    return (null, fields);
                case { Kind: YamlNodeKind.Scalar }:
                    return (SourceText(node), fields);
                case { Kind: YamlNodeKind.Mapping }:
                    string? other = null;
                    foreach (var (key, value) in node.Pairs)
                    {
                        if (!SourceKeys.Contains(key.Value))
                        {
                            UnknownKey(key, "'source'", SourceKeys);
                            continue;
                        }

                        if (fields.ContainsKey(key.Value) || (key.Value == OtherSourceKey && other is not null))
                        {
                            Add(Severity.Error, CatalogDiagnosticCodes.Duplicate, Span(key), $"'{key.Value}' is given twice in this source.", "Keep one of them.");
                            continue;
                        }

                        if (SourceText(value) is not { } text)
                        {
                            continue;
                        }

                        if (key.Value == OtherSourceKey)
                        {
                            other = text;
                        }
                        else
                        {
                            fields[key.Value] = text;
                        }
                    }

                    return (other, fields);
                default:
                    Add(Severity.Error, CatalogDiagnosticCodes.WrongShape, Span(node), "'source' must be a text or a mapping from figure to text.", "Write 'source: \"rule of thumb\"', or 'source:' with lines such as 'reads_per_second: \"Redis docs: redis-benchmark\"'.");
                    return (null, fields);
            }
        }

        private string? SourceText(YamlNode node)
        {
            if (node.Kind == YamlNodeKind.Scalar && node.Value.Trim().Length > 0)
            {
                return node.Value.Trim();
            }

            Add(Severity.Error, CatalogDiagnosticCodes.WrongShape, Span(node), "A source must be a non-empty text.", "Name vendor documentation, a published benchmark, or write \"rule of thumb\".");
            return null;
        }

        /// <summary>Reads one figure in the file's unit: a finite number in range, or <c>n/a</c> (null).</summary>
        private bool TryReadFigure(DefaultFieldSpec spec, YamlNode node, out double? figure)
        {
            figure = null;
            if (node.Kind != YamlNodeKind.Scalar)
            {
                Add(Severity.Error, CatalogDiagnosticCodes.WrongShape, Span(node), $"'{spec.YamlKey}' must be a single number.", $"Write '{spec.YamlKey}: 100' (or 'n/a' when it does not apply).");
                return false;
            }

            var text = node.Value.Trim();
            if (text.Equals(NotApplicable, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (!double.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            {
                Add(Severity.Error, CatalogDiagnosticCodes.InvalidFigure, Span(node), $"'{text}' is not a number for '{spec.YamlKey}'.", $"Write a plain number in {UnitName(spec)} such as 100, 0.5 or 1e5, or 'n/a' when it does not apply.");
                return false;
            }

            var (ok, allowed) = spec.Range switch
            {
                DefaultFieldRange.PositiveFraction => (number is > 0 and <= 1, "a fraction above 0 and at most 1, such as 0.999"),
                DefaultFieldRange.Fraction => (number is >= 0 and <= 1, "a fraction from 0 to 1, such as 0.8"),
                _ => (number >= 0, "zero or more"),
            };
            if (!ok)
            {
                Add(Severity.Error, CatalogDiagnosticCodes.InvalidFigure, Span(node), $"'{spec.YamlKey}' is {text}; it must be {allowed}.", spec.Range == DefaultFieldRange.NonNegative ? "Use a value of zero or more." : "Write a fraction, not a percentage: 99.9% is 0.999.");
                return false;
            }

            figure = number;
            return true;
        }

        private static string UnitName(DefaultFieldSpec spec) => spec.Unit switch
        {
            "ms" => "milliseconds",
            "GB" => "gigabytes",
            "/s" => "operations per second",
            "USD" => "US dollars",
            _ => "a fraction",
        };

        private static string Ms(double seconds) => (seconds * DefaultFields.MillisecondsPerSecond).ToString("G4", CultureInfo.InvariantCulture);
    }
}
