using System.Text;
using System.Text.Json;
using DesignDrill.Core.Analysis;
using DesignDrill.Core.Architecture;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Estimation;

namespace DesignDrill.Core.Review.Reporting;

/// <summary>
/// Writes a <see cref="ReviewReport"/> as JSON in the documented schema <c>designdrill/review-report@1</c>
/// (docs/report-schema.md). Property order is fixed and nothing depends on the clock or the machine, so the same
/// input always gives the same bytes.
/// </summary>
public static class JsonReportWriter
{
    /// <summary>The schema identifier written in every report's <c>schema</c> property.</summary>
    public const string Schema = "designdrill/review-report@1";

    /// <summary>Renders the report as indented JSON (LF line ends, no trailing newline).</summary>
    /// <param name="report">The review report.</param>
    /// <param name="file">The file name to record, as the user gave it; <see langword="null"/> when the text had no file.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(ReviewReport report, string? file)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            WriteReport(json, report, file);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteReport(Utf8JsonWriter json, ReviewReport report, string? file)
    {
        var document = report.Document;
        var conventions = report.Conventions;
        json.WriteStartObject();
        json.WriteString("schema", Schema);
        WriteNullableString(json, "file", file);
        WriteNullableString(json, "prompt", document.FrontMatter?.Prompt);
        WriteNullableString(json, "title", document.Title);
        json.WriteString("level", report.Level.ToString().ToLowerInvariant());

        json.WriteStartObject("conventions");
        json.WriteNumber("secondsPerDay", conventions.SecondsPerDay);
        json.WriteNumber("secondsPerMonth", conventions.SecondsPerMonth);
        json.WriteNumber("daysPerYear", conventions.DaysPerYear);
        json.WriteString("storagePrefixes", conventions.BinaryPrefixes ? "binary" : "decimal");
        json.WriteEndObject();

        json.WriteStartObject("summary");
        json.WriteNumber("errors", report.Count(Severity.Error));
        json.WriteNumber("warnings", report.Count(Severity.Warning));
        json.WriteNumber("infos", report.Count(Severity.Info));
        json.WriteNumber("estimates", report.Estimates.Results.Count);
        json.WriteNumber("components", report.Architecture.Components.Count);
        json.WriteNumber("flows", report.Architecture.Flows.Count);
        json.WriteEndObject();

        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in report.Diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("severity", Name(diagnostic.Severity));
            json.WriteString("code", diagnostic.Code);
            WriteSpan(json, diagnostic.Span);
            json.WriteString("message", diagnostic.Message);
            WriteNullableString(json, "hint", diagnostic.Hint);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("estimates");
        foreach (var result in report.Estimates.Results)
        {
            json.WriteStartObject();
            json.WriteString("name", result.Input.Name);
            json.WriteNumber("line", result.Input.NameSpan.Line);
            json.WriteString("expression", result.Input.Expression);
            WriteQuantity(json, "value", "unit", "display", result.Value, conventions);
            WriteNullableString(json, "stated", result.Input.Stated);
            WriteNullableString(json, "displayAsStated", result.Value?.FormatInUnitOf(result.Input.Stated, conventions));
            WriteNumber(json, "statedValue", result.StatedValue?.Value ?? double.NaN);

            json.WriteString("verdict", VerdictName(result.Verdict));
            WriteNumber(json, "ratio", result.Ratio ?? double.NaN);

            json.WriteString("derivation", result.Derivation);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            json.WriteStartObject();
            json.WriteString("id", finding.Id);
            json.WriteString("rule", finding.Rule);
            json.WriteString("severity", Name(finding.Severity));
            json.WriteString("dimension", DimensionName(finding.Dimension));
            WriteSpan(json, finding.Span);
            json.WriteString("message", finding.Message);
            json.WriteString("hint", finding.Hint);
            json.WriteStartObject("evidence");
            foreach (var (name, value) in finding.Evidence.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                WriteNumber(json, name, value);
            }

            json.WriteEndObject();
            WriteNullableString(json, "concept", finding.Concept);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        WriteAnalysis(json, report.Analysis);
        WriteScores(json, report.Scorecard);

        json.WriteStartObject("architecture");
        json.WriteStartArray("components");
        foreach (var component in report.Architecture.Components)
        {
            WriteComponent(json, component, conventions);
        }

        json.WriteEndArray();
        json.WriteStartArray("flows");
        foreach (var flow in report.Architecture.Flows)
        {
            WriteFlow(json, flow);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteAnalysis(Utf8JsonWriter json, ArchitectureAnalysis analysis)
    {
        json.WriteStartArray("components");
        foreach (var c in analysis.Components)
        {
            json.WriteStartObject();
            json.WriteString("name", c.Name);
            WriteNumber(json, "offeredLoadPerSecond", c.OfferedLoadPerSecond);
            WriteNumber(json, "readLoadPerSecond", c.ReadLoadPerSecond);
            WriteNumber(json, "writeLoadPerSecond", c.WriteLoadPerSecond);
            WriteNumber(json, "capacityPerSecond", c.CapacityPerSecond);
            WriteNumber(json, "utilization", c.Utilization);
            json.WriteBoolean("saturated", c.IsSaturated);
            WriteNumber(json, "shedPerSecond", c.ShedPerSecond);
            json.WriteNumber("replicas", c.Parameters.Replicas);
            json.WriteNumber("servers", c.Servers);
            WriteNumber(json, "serviceTimeSeconds", c.Parameters.ServiceTimeSeconds);
            WriteNumber(json, "meanWaitSeconds", c.Queue is { IsSaturated: false } q ? q.MeanWaitSeconds : double.NaN);
            WriteNumber(json, "availability", c.Availability);
            WriteNumber(json, "storageNeededBytes", c.StorageNeed?.Bytes ?? double.NaN);
            WriteNullableString(json, "storageEstimate", c.StorageNeed?.EstimateName);
            WriteNumber(json, "storageCapacityBytes", c.StorageCapacityBytes ?? double.NaN);
            json.WriteBoolean("onRequestPath", c.OnRequestPath);
            json.WriteStartObject("origins");
            foreach (var (name, origin) in c.Parameters.Origins.OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                json.WriteString(name, origin);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("flows");
        foreach (var f in analysis.Flows)
        {
            json.WriteStartObject();
            json.WriteString("name", f.Name);
            WriteNumber(json, "ratePerSecond", f.RatePerSecond ?? double.NaN);
            WriteNumber(json, "requestBytesPerSecond", f.Flow.RequestBytesPerSecond ?? double.NaN);
            WriteNumber(json, "responseBytesPerSecond", f.Flow.ResponseBytesPerSecond ?? double.NaN);
            WriteNumber(json, "latencyMeanSeconds", f.Latency?.MeanSeconds ?? double.NaN);
            WriteNumber(json, "latencyP50Seconds", f.Latency?.P50Seconds ?? double.NaN);
            WriteNumber(json, "latencyP95Seconds", f.Latency?.P95Seconds ?? double.NaN);
            WriteNumber(json, "latencyP99Seconds", f.Latency?.P99Seconds ?? double.NaN);
            WriteNumber(json, "availability", f.Availability);
            WriteNumber(json, "downtimeSecondsPerMonth", f.DowntimeSecondsPerMonth);
            json.WriteStartArray("hops");
            foreach (var h in f.Hops)
            {
                json.WriteStartObject();
                json.WriteString("component", h.Component);
                WriteNumber(json, "visitProbability", h.VisitProbability);
                WriteNumber(json, "fanOut", h.FanOut);
                WriteNumber(json, "meanSeconds", h.MeanSeconds);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("saturated");
            foreach (var name in f.SaturatedComponents)
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        if (analysis.Headroom is { } headroom)
        {
            json.WriteStartObject("headroom");
            WriteNumber(json, "multiple", headroom.Multiple);
            json.WriteString("component", headroom.Component);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("headroom");
        }

        json.WriteStartArray("singlePointsOfFailure");
        foreach (var c in analysis.SinglePointsOfFailure)
        {
            json.WriteStringValue(c.Name);
        }

        json.WriteEndArray();
        WriteNumber(json, "monthlyCostUsd", analysis.MonthlyCostUsd ?? double.NaN);
    }

    private static void WriteScores(Utf8JsonWriter json, Rubric.RubricScorecard scorecard)
    {
        json.WriteStartArray("scores");
        foreach (var score in scorecard.Scores)
        {
            json.WriteStartObject();
            json.WriteString("dimension", DimensionName(score.Dimension));
            json.WriteNumber("score", score.Score);
            json.WriteString("label", score.Label);
            json.WriteNumber("penalty", score.Penalty);
            json.WriteString("reason", score.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteNumber(json, "averageScore", scorecard.Average);
        json.WriteString("recommendation", scorecard.Recommendation);
    }

    /// <summary>Writes a finite number, or null for NaN and infinities (JSON has neither).</summary>
    private static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteComponent(Utf8JsonWriter json, BoundComponent component, Conventions conventions)
    {
        var declaration = component.Declaration;
        json.WriteStartObject();
        json.WriteString("name", component.Name);
        json.WriteNumber("line", declaration.NameSpan.Line);
        WriteNullableString(json, "kind", declaration.Kind?.Id);
        WriteNullableString(json, "technology", declaration.Technology);
        json.WriteNumber("replicas", component.Replicas);
        WriteQuantity(json, "capacityPerReplica", null, null, component.CapacityPerReplica, conventions);
        WriteQuantity(json, "serviceTime", null, null, component.ServiceTime, conventions);
        WriteQuantity(json, "memoryPerReplica", null, null, component.MemoryPerReplica, conventions);
        WriteQuantity(json, "storagePerReplica", null, null, component.StoragePerReplica, conventions);
        WriteNumber(json, "hitRatio", component.HitRatio ?? double.NaN);

        json.WriteStartArray("settings");
        foreach (var setting in declaration.Settings)
        {
            json.WriteStartObject();
            WriteNullableString(json, "key", setting.Key);
            json.WriteString("value", setting.ValueText);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFlow(Utf8JsonWriter json, BoundFlow flow)
    {
        var declaration = flow.Declaration;
        json.WriteStartObject();
        json.WriteString("name", flow.Name);
        json.WriteNumber("line", declaration.NameSpan.Line);
        WriteNullableString(json, "rate", declaration.RateText);
        WriteNullableString(json, "after", declaration.AfterFlow);
        WriteNumber(json, "ratePerSecond", flow.RatePerSecond ?? double.NaN);

        json.WriteString("operation", declaration.Operation.ToString().ToLowerInvariant());
        json.WriteStartArray("path");
        for (var i = 0; i < declaration.Steps.Count; i++)
        {
            var step = declaration.Steps[i];
            json.WriteStartObject();
            json.WriteString("component", step.Component);
            json.WriteString("edge", step.EdgeIn.ToString().ToLowerInvariant());
            json.WriteBoolean("onMiss", step.OnMiss);
            json.WriteNumber("fanOut", i < flow.FanOut.Count ? flow.FanOut[i] : 1);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteQuantity(Utf8JsonWriter json, string valueName, string? unitName, string? displayName, Quantity? quantity, Conventions conventions)
    {
        if (quantity is { } q && double.IsFinite(q.Value))
        {
            json.WriteNumber(valueName, q.Value);
            if (unitName is not null)
            {
                json.WriteString(unitName, q.Dimension.ToString());
            }

            if (displayName is not null)
            {
                json.WriteString(displayName, q.Format(conventions));
            }
        }
        else
        {
            json.WriteNull(valueName);
            if (unitName is not null)
            {
                json.WriteNull(unitName);
            }

            if (displayName is not null)
            {
                json.WriteNull(displayName);
            }
        }
    }

    private static void WriteSpan(Utf8JsonWriter json, SourceSpan span)
    {
        if (span.HasLocation)
        {
            json.WriteNumber("line", span.Line);
            json.WriteNumber("column", span.Column);
            json.WriteNumber("endColumn", span.EndColumn);
        }
        else
        {
            json.WriteNull("line");
            json.WriteNull("column");
            json.WriteNull("endColumn");
        }
    }

    private static void WriteNullableString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>The lower-case name of a severity as written in reports: <c>error</c>, <c>warning</c>, <c>info</c>.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>Its report name.</returns>
    public static string Name(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>The report name of a stated-value verdict: <c>not-stated</c>, <c>ok</c>, <c>close</c>, <c>off</c>, <c>dimension-mismatch</c>, <c>unevaluated</c>.</summary>
    /// <param name="verdict">The verdict.</param>
    /// <returns>Its report name.</returns>
    public static string VerdictName(StatedVerdict verdict) => verdict switch
    {
        StatedVerdict.NotStated => "not-stated",
        StatedVerdict.Ok => "ok",
        StatedVerdict.Close => "close",
        StatedVerdict.Off => "off",
        StatedVerdict.DimensionMismatch => "dimension-mismatch",
        _ => "unevaluated",
    };

    /// <summary>The kebab-case report name of a rubric dimension, such as <c>requirement-discovery</c>.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <returns>Its report name.</returns>
    public static string DimensionName(RubricDimension dimension) => dimension switch
    {
        RubricDimension.RequirementDiscovery => "requirement-discovery",
        RubricDimension.ApiDesign => "api-design",
        RubricDimension.DataModelling => "data-modelling",
        RubricDimension.Scalability => "scalability",
        RubricDimension.Reliability => "reliability",
        RubricDimension.OperationalRealism => "operational-realism",
        RubricDimension.TradeOffs => "trade-offs",
        _ => "communication",
    };
}
