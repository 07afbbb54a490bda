using System.Globalization;
using System.Net;
using System.Text;

namespace DesignDrill.Core.Simulation.Design;

/// <summary>
/// Line charts of a simulation's per-interval series as standalone SVG (no script, no external fonts), written by
/// DesignDrill so they open in any browser: p99 latency per flow, failures per flow, utilisation per component.
/// Deterministic text for a given report.
/// </summary>
public static class SimulationSvg
{
    /// <summary>Chart width in SVG user units (pixels).</summary>
    public const int Width = 880;

    /// <summary>Chart height in SVG user units (pixels).</summary>
    public const int Height = 360;

    private const int Left = 70;
    private const int Right = 180;
    private const int Top = 36;
    private const int Bottom = 44;

    /// <summary>A colour-blind-safe palette (Okabe and Ito, "Color Universal Design", 2008).</summary>
    private static readonly string[] Palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"];

    /// <summary>
    /// The charts by file name: always <c>latency-p99.svg</c>, <c>failures.svg</c>, <c>goodput.svg</c> (responses per
    /// interval within each flow's latency target) and <c>utilization.svg</c>; <c>hit-ratio.svg</c> when the design has
    /// a cache, <c>replication-lag.svg</c> when it has a replicated store, <c>consumer-lag.svg</c> when it has a queue or
    /// stream.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <returns>File name → SVG text.</returns>
    public static IReadOnlyDictionary<string, string> Charts(DesignSimulationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var flows = report.Flows.Select((f, i) => (f.Name, Points: report.FlowSeries[i].Select(p => (p.StartSeconds, p.LatencyP99Seconds * 1000)).ToList())).ToList();
        var failures = report.Flows.Select((f, i) => (f.Name, Points: report.FlowSeries[i].Select(p => (p.StartSeconds, (double)p.Failed)).ToList())).ToList();
        var goodput = report.Flows.Select((f, i) => (f.Name, Points: report.FlowSeries[i].Select(p => (p.StartSeconds, (double)p.Goodput)).ToList())).ToList();
        var utilization = report.Components.Select((c, i) => (c.Name, Points: report.ComponentSeries[i].Select(p => (p.StartSeconds, p.Utilization * 100)).ToList()))
            .Where(c => c.Points.Any(p => p.Item2 > 0)).ToList();
        List<(string Name, List<(double T, double V)> Points)> Components(Func<ComponentSeriesPoint, double?> pick, double scale) =>
            [.. report.Components.Select((c, i) => (c.Name, Series: report.ComponentSeries[i]))
                .Where(c => c.Series.Any(p => pick(p) is not null))
                .Select(c => (c.Name, c.Series.Select(p => (p.StartSeconds, pick(p) is { } v ? v * scale : double.NaN)).ToList()))];
        var charts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["latency-p99.svg"] = Chart("p99 latency per flow", "ms", flows, report),
            ["failures.svg"] = Chart($"failed requests per {Number(report.IntervalSeconds)} s", "requests", failures, report),
            ["goodput.svg"] = Chart($"responses within the latency target per {Number(report.IntervalSeconds)} s", "requests", goodput, report),
            ["utilization.svg"] = Chart("utilisation per component", "%", utilization, report),
        };
        var hitRatio = Components(p => p.HitRatio, 100);
        if (hitRatio.Count > 0)
        {
            charts["hit-ratio.svg"] = Chart("cache hit ratio", "%", hitRatio, report);
        }

        var lag = Components(p => p.ReplicationLagSeconds, 1000);
        if (lag.Count > 0)
        {
            charts["replication-lag.svg"] = Chart("replication lag", "ms", lag, report);
        }

        var consumerLag = Components(p => p.ConsumerLag, 1);
        if (consumerLag.Count > 0)
        {
            charts["consumer-lag.svg"] = Chart("consumer lag (messages waiting)", "messages", consumerLag, report);
        }

        return charts;
    }

    private static string Chart(string title, string unit, IReadOnlyList<(string Name, List<(double T, double V)> Points)> series, DesignSimulationReport report)
    {
        var maxT = Math.Max(report.IntervalSeconds, report.DurationSeconds);
        var maxV = series.SelectMany(s => s.Points).Select(p => p.V).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var top = NiceCeiling(maxV <= 0 ? 1 : maxV);
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double X(double t) => Left + (t / maxT * plotW);
        double Y(double v) => Top + plotH - (v / top * plotH);
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        b.Append(CultureInfo.InvariantCulture, $"<title>{Escape(title)}</title>\n<rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>\n");
        b.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"20\" font-size=\"14\" font-weight=\"bold\">{Escape(title)}</text>\n");
        for (var i = 0; i <= 4; i++)
        {
            var v = top * i / 4;
            var y = Y(v);
            b.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Left + plotW}\" y2=\"{y:0.#}\" stroke=\"#dddddd\"/>\n");
            b.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{Number(v)}</text>\n");
        }

        for (var i = 0; i <= 6; i++)
        {
            var t = maxT * i / 6;
            b.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(t):0.#}\" y=\"{Top + plotH + 18}\" text-anchor=\"middle\">{Number(t)} s</text>\n");
        }

        b.Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{Top + (plotH / 2)}\" transform=\"rotate(-90 14 {Top + (plotH / 2)})\" text-anchor=\"middle\">{Escape(unit)}</text>\n");
        b.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotW}\" height=\"{plotH}\" fill=\"none\" stroke=\"#888888\"/>\n");
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Palette[s % Palette.Length];
            var path = new StringBuilder();
            var pen = false;
            foreach (var (t, v) in series[s].Points)
            {
                if (!double.IsFinite(v))
                {
                    pen = false;
                    continue;
                }

                path.Append(CultureInfo.InvariantCulture, $"{(pen ? " L" : " M")}{X(t + (report.IntervalSeconds / 2)):0.#},{Y(v):0.#}");
                pen = true;
            }

            b.Append(CultureInfo.InvariantCulture, $"<path d=\"{path.ToString().Trim()}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.6\"/>\n");
            var ly = Top + 8 + (s * 18);
            b.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left + plotW + 14}\" y1=\"{ly}\" x2=\"{Left + plotW + 34}\" y2=\"{ly}\" stroke=\"{colour}\" stroke-width=\"3\"/>\n");
            b.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + plotW + 40}\" y=\"{ly + 4}\">{Escape(series[s].Name)}</text>\n");
        }

        b.Append("</svg>\n");
        return b.ToString();
    }

    /// <summary>The smallest of 1, 2, 2.5, 5 × 10^k at or above <paramref name="value"/> (axis top).</summary>
    private static double NiceCeiling(double value)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * power >= value)
            {
                return step * power;
            }
        }

        return 10 * power;
    }

    private static string Number(double value) =>
        value.ToString(Math.Abs(value) >= 100 ? "0" : Math.Abs(value) >= 10 ? "0.#" : "0.##", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
