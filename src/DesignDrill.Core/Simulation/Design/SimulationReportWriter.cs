using System.Globalization;
using System.Text;
using System.Text.Json;
using DesignDrill.Core.Simulation.Statistics;

namespace DesignDrill.Core.Simulation.Design;

/// <summary>
/// Writes a <see cref="DesignSimulationReport"/> as JSON (schema <c>designdrill/simulation@1</c>, docs/simulation.md)
/// or as CSV series. Output is deterministic: the same report always gives the same bytes (numbers in the shortest
/// round-trip form, invariant culture, LF line endings).
/// </summary>
public static class SimulationReportWriter
{
    /// <summary>The header line of <see cref="Csv(DesignSimulationReport)"/>: the first ten columns as before, the series added later after them.</summary>
    public const string CsvHeader = "t,kind,name,offered,completed,failed,p50,p99,utilization,queueLength,p95,goodput,queueFull,unavailable,error,timeout,rejectedByBreaker,rateLimited,hitRatio,replicationLagSeconds,consumerLag";

    /// <summary>The schema id written in every JSON report.</summary>
    public const string Schema = "designdrill/simulation@1";

    /// <summary>The report as indented JSON.</summary>
    /// <param name="report">The report.</param>
    /// <param name="includeSeries">Whether to include the per-interval series (they can be long).</param>
    /// <returns>The JSON text, ending with a newline.</returns>
    public static string Json(DesignSimulationReport report, bool includeSeries = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("status", report.Outcome.Status.ToString());
            w.WriteString("message", report.Outcome.Message);
            w.WriteNumber("seed", report.Seed);
            Number(w, "durationSeconds", report.DurationSeconds);
            Number(w, "warmUpSeconds", report.WarmUpSeconds);
            Number(w, "intervalSeconds", report.IntervalSeconds);
            w.WriteNumber("requests", report.Requests);
            w.WriteNumber("events", report.Outcome.EventsProcessed);
            w.WriteStartArray("flows");
            for (var i = 0; i < report.Flows.Count; i++)
            {
                var f = report.Flows[i];
                w.WriteStartObject();
                w.WriteString("name", f.Name);
                Number(w, "ratePerSecond", f.RatePerSecond);
                w.WriteNumber("offered", f.Offered);
                w.WriteNumber("completed", f.Completed);
                w.WriteNumber("failed", f.Failed);
                w.WriteNumber("retries", f.Retries);
                w.WriteNumber("redelivered", f.Redelivered);
                w.WriteNumber("duplicateCalls", f.DuplicateCalls);
                w.WriteNumber("deadLettered", f.DeadLettered);
                w.WriteStartObject("failedBy");
                w.WriteNumber("queueFull", f.FailedQueueFull);
                w.WriteNumber("unavailable", f.FailedUnavailable);
                w.WriteNumber("error", f.FailedError);
                w.WriteNumber("timeout", f.FailedTimeout);
                w.WriteNumber("rejectedByBreaker", f.RejectedByBreaker);
                w.WriteNumber("rateLimited", f.RateLimited);
                w.WriteEndObject();
                Number(w, "throughputPerSecond", f.ThroughputPerSecond);
                Estimate(w, "latencyMeanSeconds", f.LatencyMeanSeconds);
                Estimate(w, "latencyP50Seconds", f.LatencyP50Seconds);
                Estimate(w, "latencyP95Seconds", f.LatencyP95Seconds);
                Estimate(w, "latencyP99Seconds", f.LatencyP99Seconds);
                if (f.GoodputLatencyTargetSeconds is { } goodputTarget)
                {
                    Number(w, "goodputLatencyTargetSeconds", goodputTarget);
                }
                else
                {
                    w.WriteNull("goodputLatencyTargetSeconds");
                }

                if (includeSeries)
                {
                    w.WriteStartArray("series");
                    foreach (var p in report.FlowSeries[i])
                    {
                        w.WriteStartObject();
                        Number(w, "t", p.StartSeconds);
                        w.WriteNumber("offered", p.Offered);
                        w.WriteNumber("completed", p.Completed);
                        w.WriteNumber("failed", p.Failed);
                        Number(w, "p50", p.LatencyP50Seconds);
                        Number(w, "p99", p.LatencyP99Seconds);
                        Number(w, "p95", p.LatencyP95Seconds);
                        w.WriteNumber("goodput", p.Goodput);
                        w.WriteNumber("queueFull", p.FailedQueueFull);
                        w.WriteNumber("unavailable", p.FailedUnavailable);
                        w.WriteNumber("error", p.FailedError);
                        w.WriteNumber("timeout", p.FailedTimeout);
                        w.WriteNumber("rejectedByBreaker", p.RejectedByBreaker);
                        w.WriteNumber("rateLimited", p.RateLimited);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("components");
            for (var i = 0; i < report.Components.Count; i++)
            {
                var c = report.Components[i];
                w.WriteStartObject();
                w.WriteString("name", c.Name);
                w.WriteNumber("servers", c.Servers);
                Number(w, "utilization", c.Utilization);
                Number(w, "meanQueueLength", c.MeanQueueLength);
                Estimate(w, "waitMeanSeconds", c.WaitMeanSeconds);
                Estimate(w, "waitProbability", c.WaitProbability);
                w.WriteNumber("jobs", c.Jobs);
                if (c.HitRatio is { } hit)
                {
                    Number(w, "hitRatio", hit);
                }

                if (c.WritePolicy is { } writePolicy)
                {
                    w.WriteString("eviction", c.Eviction);
                    w.WriteString("writePolicy", writePolicy);
                    w.WriteNumber("cacheWrites", c.CacheWrites ?? 0);
                    w.WriteNumber("writeBacks", c.WriteBacks ?? 0);
                    w.WriteNumber("unflushedWritesLost", c.UnflushedWritesLost ?? 0);
                    w.WriteNumber("writeBacksFailed", c.WriteBacksFailed ?? 0);
                }

                if (c.StaleReads is { } stale)
                {
                    w.WriteNumber("reads", c.Reads);
                    w.WriteNumber("staleReads", stale);
                    w.WriteNumber("writesFailedDuringFailover", c.WritesFailedDuringFailover);
                    w.WriteNumber("acknowledgedWritesLost", c.AcknowledgedWritesLost ?? 0);
                }

                if (includeSeries)
                {
                    w.WriteStartArray("series");
                    foreach (var p in report.ComponentSeries[i])
                    {
                        w.WriteStartObject();
                        Number(w, "t", p.StartSeconds);
                        Number(w, "utilization", p.Utilization);
                        w.WriteNumber("queueLength", p.QueueLength);
                        if (p.HitRatio is { } hitRatio)
                        {
                            Number(w, "hitRatio", hitRatio);
                        }

                        if (p.ReplicationLagSeconds is { } lag)
                        {
                            Number(w, "replicationLagSeconds", lag);
                        }

                        if (p.ConsumerLag is { } consumerLag)
                        {
                            w.WriteNumber("consumerLag", consumerLag);
                        }

                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("slos");
            foreach (var slo in report.Slos)
            {
                w.WriteStartObject();
                w.WriteString("flow", slo.Flow);
                w.WriteString("objective", slo.Objective);
                Number(w, "target", slo.Target);
                Number(w, "actual", slo.Actual);
                w.WriteBoolean("met", slo.Met);
                if (slo.ErrorBudgetBurned is { } burned)
                {
                    Number(w, "errorBudgetBurned", burned);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("events");
            foreach (var entry in report.EventLog)
            {
                w.WriteStringValue(entry);
            }

            w.WriteEndArray();
            w.WriteStartArray("notes");
            foreach (var note in report.Notes)
            {
                w.WriteStringValue(note);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>The per-interval series of every flow and component as CSV (one header line, then one row per interval and item).</summary>
    /// <param name="report">The report.</param>
    /// <returns>
    /// The CSV text: <c>t,kind,name,offered,completed,failed,p50,p99,utilization,queueLength</c>, then
    /// <c>p95,goodput,queueFull,unavailable,error,timeout,rejectedByBreaker,rateLimited</c> (flows) and
    /// <c>hitRatio,replicationLagSeconds,consumerLag</c> (components; empty where they do not apply).
    /// </returns>
    public static string Csv(DesignSimulationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var b = new StringBuilder(CsvHeader + "\n");
        for (var i = 0; i < report.Flows.Count; i++)
        {
            foreach (var p in report.FlowSeries[i])
            {
                b.Append(CultureInfo.InvariantCulture, $"{p.StartSeconds:R},flow,{report.Flows[i].Name},{p.Offered},{p.Completed},{p.Failed},{Csv(p.LatencyP50Seconds)},{Csv(p.LatencyP99Seconds)},,");
                b.Append(CultureInfo.InvariantCulture, $",{Csv(p.LatencyP95Seconds)},{p.Goodput},{p.FailedQueueFull},{p.FailedUnavailable},{p.FailedError},{p.FailedTimeout},{p.RejectedByBreaker},{p.RateLimited},,,\n");
            }
        }

        for (var i = 0; i < report.Components.Count; i++)
        {
            foreach (var p in report.ComponentSeries[i])
            {
                b.Append(CultureInfo.InvariantCulture, $"{p.StartSeconds:R},component,{report.Components[i].Name},,,,,,{p.Utilization:R},{p.QueueLength}");
                b.Append(CultureInfo.InvariantCulture, $",,,,,,,,,{(p.HitRatio is { } hit ? Csv(hit) : "")},{(p.ReplicationLagSeconds is { } lag ? Csv(lag) : "")},{p.ConsumerLag}\n");
            }
        }

        return b.ToString();
    }

    private static string Csv(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Estimate(Utf8JsonWriter w, string name, BatchEstimate estimate)
    {
        Number(w, name, estimate.Value);
        Number(w, name + "Ci95", estimate.HalfWidth95);
    }
}
