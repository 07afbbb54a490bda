using System.Text.Json;
using System.Text.Json.Serialization;
using DesignDrill.Core.Simulation;
using DesignDrill.Core.Simulation.Design;
using DesignDrill.Core.Simulation.Faults;

namespace DesignDrill.Web.Services;

/// <summary>
/// A line chart as the browser draws it (client/src/charts.js): x values, named series of y values (null for a gap),
/// and shaded bands for fault windows. Serialised as camelCase JSON into a <c>script[data-chart]</c>.
/// </summary>
/// <param name="Title">The chart's title.</param>
/// <param name="XLabel">The x axis title, with its unit.</param>
/// <param name="YLabel">The y axis title, with its unit.</param>
/// <param name="Labels">The x values.</param>
/// <param name="Series">The lines.</param>
/// <param name="Bands">Shaded x ranges with a label.</param>
public sealed record ChartSpec(string Title, string XLabel, string YLabel, IReadOnlyList<double> Labels, IReadOnlyList<ChartSeries> Series, IReadOnlyList<ChartBand> Bands)
{
    /// <summary>Step between x ticks (1 for session numbers), or null for automatic ticks.</summary>
    public double? XStep { get; init; }

    /// <summary>The y axis's lower end, or null to start at zero.</summary>
    public double? YMin { get; init; }

    /// <summary>The y axis's upper end, or null for automatic.</summary>
    public double? YMax { get; init; }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The chart as JSON, safe inside a <c>script</c> element (System.Text.Json escapes &lt;, &gt; and &amp;).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>
    /// The simulation's charts, per interval of the run: requests per second (offered, completed, goodput, failed);
    /// failures per second by cause (when there were any); latency p50/p95/p99 per flow; utilisation per component;
    /// and, when the design has them, cache hit ratio, replication lag and consumer lag.
    /// </summary>
    /// <param name="report">The run's report.</param>
    /// <param name="faults">The faults scheduled (shaded on every chart).</param>
    /// <returns>The charts, in that order; those without data are left out.</returns>
    public static IReadOnlyList<ChartSpec> ForSimulation(DesignSimulationReport report, IReadOnlyList<FaultSpec> faults)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(faults);
        var bands = faults
            .Select(f => new ChartBand(SimTime.ToSeconds(f.StartNs), Math.Min(report.DurationSeconds, SimTime.ToSeconds(f.EndNs)), f.Name))
            .ToList();
        var charts = new List<ChartSpec>();
        if (report.FlowSeries.Count > 0 && report.FlowSeries[0].Count > 0)
        {
            var x = report.FlowSeries[0].Select(p => p.StartSeconds).ToList();
            double?[] PerSecond(Func<FlowSeriesPoint, long> pick) =>
                [.. Enumerable.Range(0, x.Count).Select(i => (double?)report.FlowSeries.Sum(s => i < s.Count ? pick(s[i]) : 0) / report.IntervalSeconds)];
            charts.Add(new ChartSpec(
                "Requests per second (all flows)",
                "time (s)",
                "requests/s",
                x,
                [new("offered", PerSecond(p => p.Offered)), new("completed", PerSecond(p => p.Completed)), new("goodput (within the latency target)", PerSecond(p => p.Goodput)), new("failed", PerSecond(p => p.Failed))],
                bands));
            var causes = new (string Name, Func<FlowSeriesPoint, long> Pick)[]
            {
                ("waiting line full", p => p.FailedQueueFull),
                ("unavailable", p => p.FailedUnavailable),
                ("error", p => p.FailedError),
                ("timeout", p => p.FailedTimeout),
                ("refused by the circuit breaker", p => p.RejectedByBreaker),
                ("rate limited", p => p.RateLimited),
            };
            var failing = causes.Where(c => report.FlowSeries.Any(s => s.Any(p => c.Pick(p) > 0))).Select(c => new ChartSeries(c.Name, PerSecond(c.Pick))).ToList();
            if (failing.Count > 0)
            {
                charts.Add(new ChartSpec("Failures per second by cause", "time (s)", "failures/s", x, failing, bands));
            }

            var latency = new List<ChartSeries>();
            for (var f = 0; f < report.Flows.Count && f < report.FlowSeries.Count; f++)
            {
                var series = report.FlowSeries[f];
                latency.Add(new(report.Flows[f].Name + " p99", [.. series.Select(p => Milliseconds(p.LatencyP99Seconds))]));
                latency.Add(new(report.Flows[f].Name + " p95", [.. series.Select(p => Milliseconds(p.LatencyP95Seconds))]));
                latency.Add(new(report.Flows[f].Name + " p50", [.. series.Select(p => Milliseconds(p.LatencyP50Seconds))]));
            }

            charts.Add(new ChartSpec("Latency per flow", "time (s)", "latency (ms)", x, latency, bands));
        }

        if (report.ComponentSeries.Count > 0 && report.ComponentSeries[0].Count > 0)
        {
            var x = report.ComponentSeries[0].Select(p => p.StartSeconds).ToList();
            List<ChartSeries> PerComponent(Func<ComponentSeriesPoint, double?> pick) =>
                [.. report.Components
                    .Select((c, i) => (c.Name, Series: report.ComponentSeries[i]))
                    .Where(c => c.Series.Any(p => pick(p) is not null))
                    .Select(c => new ChartSeries(c.Name, [.. c.Series.Select(pick)]))];
            charts.Add(new ChartSpec("Utilisation per component", "time (s)", "busy (%)", x, PerComponent(p => Math.Round(p.Utilization * 100, 2)), bands));
            var optional = new (string Title, string YLabel, Func<ComponentSeriesPoint, double?> Pick)[]
            {
                ("Cache hit ratio", "hits (%)", p => p.HitRatio is { } h ? Math.Round(h * 100, 2) : null),
                ("Replication lag", "lag (s)", p => p.ReplicationLagSeconds),
                ("Consumer lag", "messages waiting", p => p.ConsumerLag),
            };
            foreach (var (title, yLabel, pick) in optional)
            {
                if (PerComponent(pick) is { Count: > 0 } lines)
                {
                    charts.Add(new ChartSpec(title, "time (s)", yLabel, x, lines, bands));
                }
            }
        }

        return charts;
    }

    private static double? Milliseconds(double seconds) => double.IsFinite(seconds) ? Math.Round(seconds * 1000, 3) : null;
}

/// <summary>One line of a chart.</summary>
/// <param name="Name">The legend's name.</param>
/// <param name="Values">One y value per x value; null where there is none.</param>
/// <param name="Axis"><c>y</c> (left) or <c>y2</c> (right).</param>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values, string Axis = "y");

/// <summary>A shaded x range, such as a fault's window.</summary>
/// <param name="From">Start, in x units.</param>
/// <param name="To">End, in x units.</param>
/// <param name="Label">What it marks.</param>
public sealed record ChartBand(double From, double To, string Label);
