using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DesignDrill.Core.Analysis.Queueing;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Estimation;

namespace DesignDrill.Cli.Commands;

/// <summary>
/// <c>drill queue</c>: analyses a pool of identical servers as an M/M/c queue (see docs/analysis.md) and prints
/// utilisation, probability of waiting, mean wait and response time, mean queue length and number in system, and the
/// 95th and 99th percentile response times.
/// </summary>
/// <remarks>
/// A saturated pool (utilisation at or above 100%) is a valid answer, not bad input: the command prints the saturation
/// report with the load to shed and exits 0. In JSON it keeps every field, with <c>utilization</c> at or above 1, the
/// others <c>null</c>, and adds <c>shedRatePerSecond</c>.
/// </remarks>
internal static class QueueCommand
{
    /// <summary>Examples and exit codes shown at the end of this command's help.</summary>
    public const string Examples =
        """
        Examples:
          drill queue --servers 4 --arrival-rate 3.6/s --service-time 1s
          drill queue --servers 8 --arrival-rate "2K rps" --service-time "3 ms"
          drill queue --servers 20 --arrival-rate "10M / day" --service-rate 5/s --json

        Rates and times take units: 3.6/s, 2K rps, 10M / day, 250ms, "20 ms".
        Exit codes: 0 ok, including a saturated pool (utilisation >= 100%), which is reported with the load to shed;
        2 missing or invalid options.
        """;

    /// <summary>Most servers accepted: 1,000,000. The Erlang recursion costs one step per server (rule of thumb: enough for any pool sized by hand).</summary>
    public const int MaxServers = 1_000_000;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var servers = new Option<int>("--servers")
        {
            Description = "Number of identical servers (workers, threads, instances) sharing one queue.",
            HelpName = "C",
            Required = true,
        };
        var arrivalRate = new Option<string>("--arrival-rate")
        {
            Description = "Arrival rate λ across the pool, with a unit: 3.6/s, \"2K rps\", \"10M / day\".",
            HelpName = "RATE",
            Required = true,
        };
        var serviceTime = new Option<string?>("--service-time")
        {
            Description = "Mean service time of one request on one server: 250ms, \"20 ms\", 1s.",
            HelpName = "T",
        };
        var serviceRate = new Option<string?>("--service-rate")
        {
            Description = "Service rate μ of one server (instead of --service-time): 4/s, \"50 rps\".",
            HelpName = "RATE",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print the metrics as one JSON object, times in seconds.",
        };

        var command = new Command("queue",
            "Analyse a pool of servers as an M/M/c queue: utilisation, waiting, queue length and response-time percentiles.");
        command.Options.Add(servers);
        command.Options.Add(arrivalRate);
        command.Options.Add(serviceTime);
        command.Options.Add(serviceRate);
        command.Options.Add(json);
        command.SetAction(parseResult => Run(
            parseResult.GetValue(servers),
            parseResult.GetValue(arrivalRate) ?? "",
            parseResult.GetValue(serviceTime),
            parseResult.GetValue(serviceRate),
            parseResult.GetValue(json),
            stdout,
            stderr));
        return command;
    }

    private static int Run(int servers, string arrivalText, string? serviceTimeText, string? serviceRateText, bool json,
        TextWriter stdout, TextWriter stderr)
    {
        if (servers is < 1 or > MaxServers)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"drill queue: --servers must be a whole number from 1 to {MaxServers:N0}, not {servers}"));
            return ExitCodes.UnusableInput;
        }

        if ((serviceTimeText is null) == (serviceRateText is null))
        {
            stderr.WriteLine("drill queue: give exactly one of --service-time (such as 250ms) and --service-rate (such as 4/s)");
            return ExitCodes.UnusableInput;
        }

        if (!TryRead("--arrival-rate", arrivalText, Dimension.Rate, "a rate such as 3.6/s, \"2K rps\" or \"10M / day\"",
                allowZero: true, stderr, out var lambda))
        {
            return ExitCodes.UnusableInput;
        }

        double mu;
        if (serviceTimeText is not null)
        {
            if (!TryRead("--service-time", serviceTimeText, Dimension.Time, "a time such as 250ms, \"20 ms\" or 1s",
                    allowZero: false, stderr, out var serviceTime))
            {
                return ExitCodes.UnusableInput;
            }

            mu = 1 / serviceTime;
        }
        else if (!TryRead("--service-rate", serviceRateText!, Dimension.Rate, "a rate such as 4/s or \"50 rps\"",
                     allowZero: false, stderr, out mu))
        {
            return ExitCodes.UnusableInput;
        }

        if (!double.IsFinite(mu))
        {
            stderr.WriteLine("drill queue: the service time is too small to represent; check its unit");
            return ExitCodes.UnusableInput;
        }

        var result = MmcQueue.Analyze(servers, lambda, mu);
        if (json)
        {
            WriteJson(result, stdout);
        }
        else
        {
            WriteText(result, stdout);
        }

        return ExitCodes.Ok;
    }

    private static bool TryRead(string option, string text, Dimension expected, string example, bool allowZero,
        TextWriter stderr, out double value)
    {
        value = 0;
        var result = EstimateEvaluator.Evaluate(text, new Dictionary<string, Quantity>(), Conventions.Default,
            new SourceSpan(1, 1, 1));
        if (result.Value is not { } quantity)
        {
            stderr.WriteLine($"drill queue: {option} '{text}' cannot be read:");
            DiagnosticOutput.WriteErrors(result.Diagnostics, text, stderr);
            return false;
        }

        if (quantity.Dimension != expected)
        {
            var hint = quantity.Dimension.IsDimensionless && expected == Dimension.Rate ? $" (did you mean '{text.Trim()}/s'?)"
                : quantity.Dimension.IsDimensionless && expected == Dimension.Time ? $" (did you mean '{text.Trim()} s'?)"
                : "";
            stderr.WriteLine(
                $"drill queue: {option} '{text}' is {Describe(quantity.Dimension)}; it must be {example}{hint}");
            return false;
        }

        if (!(quantity.Value > 0 || (allowZero && quantity.Value == 0)))
        {
            stderr.WriteLine($"drill queue: {option} '{text}' must be {(allowZero ? "zero or positive" : "positive")}");
            return false;
        }

        value = quantity.Value;
        return true;
    }

    private static void WriteText(MmcResult r, TextWriter stdout)
    {
        var conventions = Conventions.Default;
        var perServer = Quantity.FromRatePerSecond(r.ServiceRatePerSecond).Format(conventions);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"M/M/c queue: {r.Servers} {(r.Servers == 1 ? "server" : "servers")}, arrivals {Rate(r.ArrivalRatePerSecond)}, mean service time {Seconds(1 / r.ServiceRatePerSecond)} ({perServer} per server)"));
        if (r.IsSaturated)
        {
            var capacity = r.Servers * r.ServiceRatePerSecond;
            stdout.WriteLine($"  SATURATED: utilisation {Percent(r.Utilization)}; arrivals meet or exceed the capacity of {Rate(capacity)}.");
            stdout.WriteLine("  There is no steady state: the queue grows without bound, so waits and response times have no finite mean.");
            var load = r.ArrivalRatePerSecond / r.ServiceRatePerSecond;
            var enough = load < MaxServers ? $" (or run at least {Math.Floor(load) + 1:0} servers)" : "";
            stdout.WriteLine($"  Load to shed: more than {Rate(r.ShedRatePerSecond)}, to bring utilisation below 100%{enough}.");
            return;
        }

        Row("utilisation", Percent(r.Utilization));
        Row("probability of waiting", Percent(r.WaitProbability));
        Row("mean wait", Seconds(r.MeanWaitSeconds));
        Row("mean response time", Seconds(r.MeanResponseSeconds));
        Row("mean queue length", Quantity.FormatNumber(r.MeanQueueLength));
        Row("mean number in system", Quantity.FormatNumber(r.MeanInSystem));
        Row("p95 response time", Seconds(r.ResponsePercentileSeconds(0.95)));
        Row("p99 response time", Seconds(r.ResponsePercentileSeconds(0.99)));

        void Row(string label, string value) => stdout.WriteLine($"  {label,-24}{value}");
    }

    private static void WriteJson(MmcResult r, TextWriter stdout)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("utilization", r.Utilization);
            Field("waitProbability", r.WaitProbability);
            Field("meanWaitSeconds", r.MeanWaitSeconds);
            Field("meanResponseSeconds", r.MeanResponseSeconds);
            Field("meanQueueLength", r.MeanQueueLength);
            Field("meanInSystem", r.MeanInSystem);
            Field("responseP95Seconds", r.IsSaturated ? 0 : r.ResponsePercentileSeconds(0.95));
            Field("responseP99Seconds", r.IsSaturated ? 0 : r.ResponsePercentileSeconds(0.99));
            if (r.IsSaturated)
            {
                writer.WriteNumber("shedRatePerSecond", r.ShedRatePerSecond);
            }

            writer.WriteEndObject();

            void Field(string name, double value)
            {
                if (r.IsSaturated)
                {
                    writer.WriteNull(name);
                }
                else
                {
                    writer.WriteNumber(name, value);
                }
            }
        }

        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string Describe(Dimension dimension) =>
        dimension.IsDimensionless ? "a plain number" : dimension.Describe();

    private static string Percent(double fraction) => Quantity.FormatNumber(100 * fraction) + "%";

    private static string Seconds(double seconds) => Quantity.FromSeconds(seconds).Format(Conventions.Default);

    private static string Rate(double perSecond) => Quantity.FromRatePerSecond(perSecond).Format(Conventions.Default);
}
