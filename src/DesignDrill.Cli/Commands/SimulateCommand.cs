using System.CommandLine;
using System.Globalization;
using System.Text;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Review;
using DesignDrill.Core.Simulation;
using DesignDrill.Core.Simulation.Behaviours;
using DesignDrill.Core.Simulation.Design;
using DesignDrill.Core.Simulation.Faults;
using DesignDrill.Core.Simulation.Statistics;
using DesignDrill.Core.Simulation.Workloads;

namespace DesignDrill.Cli.Commands;

/// <summary><c>drill simulate FILE</c>: runs the design request by request and reports latency, errors and utilisation.</summary>
internal static class SimulateCommand
{
    /// <summary>Examples and exit codes shown at the end of this command's help.</summary>
    public const string Examples =
        """
        Examples:
          drill simulate samples/url-shortener.md --duration 30s --load 0.1x
          drill simulate design.md --flow redirect --seed 7 --format json > run.json
          drill simulate design.md --duration 2m --format csv > series.csv
          drill simulate design.md --fault "cache-flush at 60s for 30s" --fault "slow-node api factor 5 at 1m for 30s"
          drill simulate samples/url-shortener.md --scenario cold-cache --load 0.2x
          drill simulate design.md --fault "slow-node api factor 10 at 60s for 30s" --timeout 1s --retries 4 --backoff none
          drill simulate design.md --keys 10000000 --zipf 0.9 --item-bytes 600 --fault "cache-flush at 30s for 1s"
          drill simulate design.md --workload diurnal:60s:3 --duration 3m

        Faults: KIND [TARGET] [KEY VALUE]... at TIME [for DURATION]; the 20 kinds and their keys are in
        docs/simulation-workloads-and-faults.md. --scenario runs one of the prompt's constraint changes (the design's
        front matter names the prompt, or --prompt ID): a change of rate scales the flows, a fault starts a third of
        the way in and lasts a third of the run.

        Every flow is a Poisson stream at its rate × --load; components queue with the analytic model's servers and
        service times. The same file, options and --seed give byte-identical JSON. Runs are bounded (--max-requests,
        default 50,000,000) so no input can hang.
        Exit codes: 0 the run finished or stopped at a limit (the report says which); 2 unusable input (missing file,
        bad option, a design with errors that leave nothing to run).
        """;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "The design document (Markdown)." };
        var duration = new Option<string>("--duration") { Description = "Simulated time: 120s, 2m, 1h (default 60s).", DefaultValueFactory = _ => "60s", HelpName = "time" };
        var warmUp = new Option<string?>("--warm-up") { Description = "Simulated time discarded at the start (default a tenth of the duration).", HelpName = "time" };
        var seed = new Option<int>("--seed") { Description = "Random seed (default 1).", DefaultValueFactory = _ => 1 };
        var load = new Option<string>("--load") { Description = "Multiplier on every flow's rate: 3x, 0.5x (default 1x).", DefaultValueFactory = _ => "1x", HelpName = "factor" };
        var flow = new Option<string?>("--flow") { Description = "Simulate only this flow.", HelpName = "name" };
        var format = new Option<string>("--format") { Description = "text, json or csv (the per-interval series).", DefaultValueFactory = _ => "text", HelpName = "text|json|csv" };
        format.AcceptOnlyFromAmong("text", "json", "csv");
        var faults = new Option<string[]>("--fault") { Description = "A fault to inject, such as \"cache-flush at 60s for 30s\"; repeatable.", HelpName = "fault", AllowMultipleArgumentsPerToken = false, Arity = ArgumentArity.ZeroOrMore };
        var scenario = new Option<string?>("--scenario") { Description = "Run one of the prompt's constraint changes by name (drill show ID --reveal lists them).", HelpName = "name" };
        var promptOption = new Option<string?>("--prompt") { Description = "The prompt whose scenarios --scenario names (default: the design's front matter).", HelpName = "id" };
        var retries = new Option<int?>("--retries") { Description = "Clients retry a failed or timed-out attempt up to this many times (default: no retries).", HelpName = "count" };
        var timeout = new Option<string?>("--timeout") { Description = "Clients give up on an attempt after this long (default: 10s when --retries is given, else never).", HelpName = "time" };
        var backoff = new Option<string>("--backoff") { Description = "Wait between attempts: none, constant or exponential (default exponential).", DefaultValueFactory = _ => "exponential", HelpName = "kind" };
        backoff.AcceptOnlyFromAmong("none", "constant", "exponential");
        var jitter = new Option<string>("--jitter") { Description = "Randomise the wait: none, full, equal or decorrelated (default full).", DefaultValueFactory = _ => "full", HelpName = "kind" };
        jitter.AcceptOnlyFromAmong("none", "full", "equal", "decorrelated");
        var budget = new Option<string?>("--retry-budget") { Description = "Retries allowed as a share of requests, such as 10% (default: no budget).", HelpName = "percent" };
        var keys = new Option<long?>("--keys") { Description = "Read caches with a real keyspace of this many keys (Zipf popularity, LRU of the cache's memory), so the hit ratio emerges.", HelpName = "count" };
        var zipf = new Option<double>("--zipf") { Description = "Popularity skew of --keys (default 0.8; 0 is uniform).", DefaultValueFactory = _ => CacheKeyspace.DefaultZipfExponent, HelpName = "s" };
        var itemBytes = new Option<double>("--item-bytes") { Description = "Memory one cached entry takes with --keys, in bytes (default 1000).", DefaultValueFactory = _ => CacheKeyspace.DefaultItemBytes, HelpName = "bytes" };
        var breakerOption = new Option<bool>("--breaker") { Description = "Give every flow's client a circuit breaker (resilience4j defaults: 50% failures over the last 100 calls; open 60 s unless --breaker-open)." };
        var breakerOpen = new Option<string?>("--breaker-open") { Description = "How long the breaker stays open before it lets probes through, such as 5s.", HelpName = "time" };
        var breakerSlow = new Option<string?>("--breaker-slow")
        {
            Description = "Calls slower than TIME count as slow, and the breaker also opens when SHARE of its window is: 2s:50% (default 60s:100%, resilience4j's; implies --breaker).",
            HelpName = "time[:share]",
        };
        var workload = new Option<string?>("--workload") { Description = "How the rate moves: diurnal:PERIOD[:PEAK_TO_TROUGH] (such as diurnal:60s:3) or ramp:FROM:TO (multiples of the rate, such as ramp:0.5:2).", HelpName = "shape" };
        var svg = new Option<string?>("--svg") { Description = "Also write SVG charts over time (p99 latency, failures, goodput, utilisation; hit ratio, replication lag and consumer lag where the design has them) into this folder.", HelpName = "dir" };
        var maxRequests = new Option<long>("--max-requests") { Description = "Stop generating requests after this many.", DefaultValueFactory = _ => DesignSimulationOptions.DefaultMaxRequests, HelpName = "count" };
        var command = new Command("simulate", "Run the design request by request: latency percentiles, errors and utilisation over time.");
        command.Arguments.Add(file);
        command.Options.Add(duration);
        command.Options.Add(warmUp);
        command.Options.Add(seed);
        command.Options.Add(load);
        command.Options.Add(flow);
        command.Options.Add(format);
        command.Options.Add(maxRequests);
        command.Options.Add(faults);
        command.Options.Add(scenario);
        command.Options.Add(promptOption);
        command.Options.Add(retries);
        command.Options.Add(timeout);
        command.Options.Add(backoff);
        command.Options.Add(jitter);
        command.Options.Add(budget);
        command.Options.Add(svg);
        command.Options.Add(workload);
        command.Options.Add(breakerOption);
        command.Options.Add(breakerOpen);
        command.Options.Add(breakerSlow);
        command.Options.Add(keys);
        command.Options.Add(zipf);
        command.Options.Add(itemBytes);
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file) ?? "";
            if (!DocumentInput.TryRead(path, out var text, out var error))
            {
                stderr.WriteLine($"drill simulate: {error}");
                return ExitCodes.UnusableInput;
            }

            if (!DurationText.TryParseRunDuration(parseResult.GetValue(duration), out var durationNs, out var durationProblem))
            {
                stderr.WriteLine($"drill simulate: --duration '{parseResult.GetValue(duration)}' is not a usable time: {Explain(durationProblem)}");
                return ExitCodes.UnusableInput;
            }

            var seconds = SimTime.ToSeconds(durationNs);

            double? warm = null;
            if (parseResult.GetValue(warmUp) is { } warmText)
            {
                if (Seconds(warmText) is not { } w)
                {
                    stderr.WriteLine($"drill simulate: --warm-up '{warmText}' is not a time; write 10s or 1m.");
                    return ExitCodes.UnusableInput;
                }

                warm = w;
            }

            if (!LoadMultiplier.TryParse(parseResult.GetValue(load), out var factor, out var loadProblem))
            {
                stderr.WriteLine($"drill simulate: --load '{parseResult.GetValue(load)}' is not a usable multiplier: {Explain(loadProblem)}");
                return ExitCodes.UnusableInput;
            }

            var parsedFaults = new List<FaultSpec>();
            foreach (var faultText in parseResult.GetValue(faults) ?? [])
            {
                var parsed = FaultParser.Parse(faultText);
                foreach (var d in parsed.Diagnostics)
                {
                    stderr.WriteLine($"drill simulate: --fault \"{faultText}\" column {d.Span.Column}: {SeverityText(d.Severity)} {d.Code}: {d.Message}" + (d.Hint is { Length: > 0 } hint ? $" (hint: {hint})" : ""));
                }

                if (parsed.Fault is null)
                {
                    return ExitCodes.UnusableInput;
                }

                parsedFaults.Add(parsed.Fault);
            }

            RetryPolicy? policy = null;
            if (parseResult.GetValue(retries) is { } retryCount || parseResult.GetValue(timeout) is not null)
            {
                var count = parseResult.GetValue(retries) ?? 0;
                double? timeoutSeconds = parseResult.GetValue(timeout) is { } timeoutText ? Seconds(timeoutText) : 10;
                double? budgetRatio = null;
                if (parseResult.GetValue(budget) is { } budgetText)
                {
                    budgetRatio = double.TryParse(budgetText.Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && percent > 0 && percent <= 100 ? percent / 100 : -1;
                }

                if (count < 0 || timeoutSeconds is not > 0 || budgetRatio is < 0)
                {
                    stderr.WriteLine("drill simulate: --retries must be 0 or more, --timeout a time such as 1s, and --retry-budget a percentage such as 10%.");
                    return ExitCodes.UnusableInput;
                }

                try
                {
                    policy = new RetryPolicy(
                        maxAttempts: count + 1,
                        attemptTimeoutNs: SimTime.FromSeconds(timeoutSeconds.Value),
                        backoff: Enum.Parse<BackoffKind>(parseResult.GetValue(backoff) ?? "exponential", ignoreCase: true),
                        jitter: parseResult.GetValue(backoff) == "none" ? JitterKind.None : Enum.Parse<JitterKind>(parseResult.GetValue(jitter) ?? "full", ignoreCase: true),
                        retryBudgetRatio: budgetRatio);
                }
                catch (ArgumentOutOfRangeException e)
                {
                    stderr.WriteLine("drill simulate: " + e.Message.Split('\n')[0]);
                    return ExitCodes.UnusableInput;
                }
            }

            CacheKeyspace? keyspace = null;
            if (parseResult.GetValue(keys) is { } keyCount)
            {
                keyspace = new CacheKeyspace(keyCount, parseResult.GetValue(zipf), parseResult.GetValue(itemBytes));
            }

            CircuitBreakerOptions? breakerSettings = null;
            if (parseResult.GetValue(breakerOption) || parseResult.GetValue(breakerOpen) is not null || parseResult.GetValue(breakerSlow) is not null)
            {
                var openSeconds = parseResult.GetValue(breakerOpen) is { } openText ? Seconds(openText) : SimTime.ToSeconds(CircuitBreakerOptions.DefaultOpenDurationNs);
                if (openSeconds is not > 0)
                {
                    stderr.WriteLine($"drill simulate: --breaker-open '{parseResult.GetValue(breakerOpen)}' is not a time; write 5s or 1m.");
                    return ExitCodes.UnusableInput;
                }

                var slowNs = CircuitBreakerOptions.DefaultSlowCallDurationThresholdNs;
                var slowShare = CircuitBreakerOptions.DefaultSlowCallRateThreshold;
                if (parseResult.GetValue(breakerSlow) is { } slowText)
                {
                    if (ParseSlowCalls(slowText) is not { } slow)
                    {
                        stderr.WriteLine($"drill simulate: --breaker-slow '{slowText}' is not a slow-call threshold; write 2s (a call slower than 2 s is slow; the breaker opens when every call in its window is) or 2s:50% (when half of them are).");
                        return ExitCodes.UnusableInput;
                    }

                    (slowNs, slowShare) = slow;
                }

                breakerSettings = new CircuitBreakerOptions(openDurationNs: SimTime.FromSeconds(openSeconds.Value), slowCallDurationThresholdNs: slowNs, slowCallRateThreshold: slowShare);
            }

            WorkloadShape? shape = null;
            if (parseResult.GetValue(workload) is { } shapeText)
            {
                shape = ParseWorkload(shapeText);
                if (shape is null)
                {
                    stderr.WriteLine($"drill simulate: --workload '{shapeText}' is not a shape; write diurnal:60s:3 or ramp:0.5:2.");
                    return ExitCodes.UnusableInput;
                }
            }

            var options = new DesignSimulationOptions
            {
                Workload = shape,
                ClientBreaker = breakerSettings,
                Keyspace = keyspace,
                ClientRetries = policy,
                Faults = parsedFaults,
                DurationSeconds = seconds,
                WarmUpSeconds = warm,
                Seed = parseResult.GetValue(seed),
                LoadFactor = factor,
                OnlyFlow = parseResult.GetValue(flow),
                MaxRequests = parseResult.GetValue(maxRequests),
            };
            if (options.Problems() is { Count: > 0 } problems)
            {
                stderr.WriteLine("drill simulate: " + string.Join("; ", problems) + ".");
                return ExitCodes.UnusableInput;
            }

            var report = DesignReviewer.Review(text);
            foreach (var d in report.Diagnostics.Where(d => d.Severity == Severity.Error))
            {
                stderr.WriteLine($"{path}:{d.Span.Line}:{d.Span.Column}: error {d.Code}: {d.Message}");
            }

            if (parseResult.GetValue(scenario) is { } scenarioName)
            {
                var promptId = parseResult.GetValue(promptOption) ?? report.Document.FrontMatter?.Prompt;
                if (promptId is null || PromptCatalog.Default.Get(promptId) is not { } prompt)
                {
                    stderr.WriteLine(promptId is null
                        ? "drill simulate: --scenario needs a prompt: name it in the design's front matter (prompt: ID) or pass --prompt ID."
                        : $"drill simulate: no prompt '{promptId}'. Run 'drill prompts' for the list.");
                    return ExitCodes.UnusableInput;
                }

                if (prompt.ConstraintChanges.FirstOrDefault(c => string.Equals(c.Name, scenarioName, StringComparison.OrdinalIgnoreCase)) is not { } change)
                {
                    stderr.WriteLine($"drill simulate: '{prompt.Id}' has no scenario '{scenarioName}'. Its scenarios: {string.Join(", ", prompt.ConstraintChanges.Select(c => c.Name))}.");
                    return ExitCodes.UnusableInput;
                }

                var notes = new List<string>();
                var reference = prompt.ReferenceDesignText is { } referenceText ? DesignReviewer.Review(referenceText) : null;
                options = SimulationScenario.Apply(report, change, options, reference, notes);
                stdout.WriteLine($"Scenario {change.Name}: {change.Description}");
                foreach (var note in notes)
                {
                    stdout.WriteLine("  (" + note + ")");
                }
            }

            // A progress bar on the terminal only: never in redirected or captured output.
            var showProgress = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
            var lastShown = -1;
            if (showProgress)
            {
                options = options with
                {
                    OnProgress = done =>
                    {
                        var percent = (int)(done * 100);
                        if (percent != lastShown)
                        {
                            lastShown = percent;
                            stderr.Write($"\rsimulating [{new string('#', percent / 5),-20}] {percent,3}%");
                        }
                    },
                };
            }

            var run = DesignSimulator.Run(report, options);
            if (showProgress)
            {
                stderr.Write("\r" + new string(' ', 40) + "\r");
            }
            if (run.Flows.Count == 0)
            {
                stderr.WriteLine("drill simulate: nothing to run: " + (run.Notes.Count > 0 ? string.Join("; ", run.Notes) : "the architecture has no flow with a rate") + ".");
                return ExitCodes.UnusableInput;
            }

            if (parseResult.GetValue(svg) is { } folder)
            {
                var charts = SimulationSvg.Charts(run);
                try
                {
                    Directory.CreateDirectory(folder);
                    foreach (var (name, chart) in charts)
                    {
                        File.WriteAllText(Path.Combine(folder, name), chart);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    stderr.WriteLine($"drill simulate: cannot write the charts to {folder}: {e.Message}");
                    return ExitCodes.UnusableInput;
                }

                stderr.WriteLine($"drill simulate: charts written to {folder}: {string.Join(", ", charts.Keys)}");
            }

            stdout.Write(parseResult.GetValue(format) switch
            {
                "json" => SimulationReportWriter.Json(run),
                "csv" => SimulationReportWriter.Csv(run),
                _ => Text(run, path),
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Seconds from a duration such as "500ms", "10s", "2m" or "1h" (<see cref="DurationText"/>); null when unreadable.</summary>
    internal static double? Seconds(string? text) =>
        DurationText.TryParse(text, out var ns, out _) ? SimTime.ToSeconds(ns) : null;

    /// <summary>A workload shape from "diurnal:60s:3", "diurnal:24h" or "ramp:0.5:2"; null when unreadable.</summary>
    internal static WorkloadShape? ParseWorkload(string text)
    {
        var parts = text.Trim().ToLowerInvariant().Split(':');
        return parts[0] switch
        {
            "diurnal" when parts.Length == 2 && Seconds(parts[1]) is > 0 and var period =>
                new WorkloadShape("diurnal", PeriodNs: SimTime.FromSecondsSaturating(period)),
            "diurnal" when parts.Length == 3 && Seconds(parts[1]) is > 0 and var period && Number(parts[2]) is { } ratio =>
                new WorkloadShape("diurnal", PeriodNs: SimTime.FromSecondsSaturating(period), PeakToTrough: ratio),
            "ramp" when parts.Length == 3 && Number(parts[1]) is { } from && Number(parts[2]) is { } to =>
                new WorkloadShape("ramp", From: from, To: to),
            _ => null,
        };
    }

    /// <summary>
    /// The slow-call threshold of <c>--breaker-slow</c>: "2s" (duration; every call in the window must be slow) or
    /// "2s:50%" / "2s:0.5" (duration and share, above 0 and at most 100%); null when unreadable or out of range.
    /// </summary>
    internal static (long DurationNs, double Share)? ParseSlowCalls(string text)
    {
        var parts = text.Trim().Split(':');
        if (parts.Length > 2 || !DurationText.TryParse(parts[0].Trim(), out var durationNs, out _) || durationNs < 1)
        {
            return null;
        }

        if (parts.Length == 1)
        {
            return (durationNs, CircuitBreakerOptions.DefaultSlowCallRateThreshold);
        }

        var shareText = parts[1].Trim();
        var percent = shareText.EndsWith('%');
        if (!double.TryParse(percent ? shareText[..^1] : shareText, NumberStyles.Float, CultureInfo.InvariantCulture, out var share))
        {
            return null;
        }

        share = percent ? share / 100 : share;
        return share > 0 && share <= 1 ? (durationNs, share) : null;
    }

    /// <summary>A plain number ("2.5", or "2.5x" as a multiple); null when unreadable. Range checks are the options'.</summary>
    private static double? Number(string text) =>
        double.TryParse(text.Trim().TrimEnd('x'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A diagnostic as one line: its code, message and hint.</summary>
    private static string Explain(Diagnostic? diagnostic) =>
        diagnostic is null ? "unreadable." : $"{diagnostic.Code} {diagnostic.Message}" + (diagnostic.Hint is { Length: > 0 } hint ? $" (hint: {hint})" : "");

    private static string Text(DesignSimulationReport run, string path)
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"DesignDrill simulation {path} · seed {run.Seed} · {run.DurationSeconds:0.###} s simulated, first {run.WarmUpSeconds:0.###} s discarded\n");
        b.Append(CultureInfo.InvariantCulture, $"{run.Outcome.Message}; {run.Outcome.EventsProcessed:N0} events\n\n");
        b.Append("flow                 rate/s    completed   failed   thr/s      mean          p50        p95        p99\n");
        var causes = new List<string>();
        foreach (var f in run.Flows)
        {
            b.Append(CultureInfo.InvariantCulture, $"{Trim(f.Name, 20),-20} {f.RatePerSecond,8:0.##} {f.Completed,12:N0} {f.Failed,8:N0} {f.ThroughputPerSecond,8:0.#}  {Time(f.LatencyMeanSeconds),-13} {Time(f.LatencyP50Seconds.Value),-10} {Time(f.LatencyP95Seconds.Value),-10} {Time(f.LatencyP99Seconds)}\n");
        }

        foreach (var f in run.Flows.Where(f => f.Failed > 0))
        {
            causes.Add(string.Create(CultureInfo.InvariantCulture, $"  {f.Name}: {f.FailedQueueFull:N0} queue full, {f.FailedUnavailable:N0} unavailable ({f.RejectedByBreaker:N0} refused by the breaker), {f.FailedError:N0} errors ({f.RateLimited:N0} rate limited), {f.FailedTimeout:N0} timeouts; {f.Retries:N0} retries"));
        }

        foreach (var f in run.Flows.Where(f => f.Redelivered > 0 || f.DeadLettered > 0))
        {
            causes.Add(string.Create(CultureInfo.InvariantCulture, $"  {f.Name} (behind a queue): {f.Redelivered:N0} redelivered, {f.DuplicateCalls:N0} duplicate calls, {f.DeadLettered:N0} dead-lettered"));
        }

        if (causes.Count > 0)
        {
            b.Append("failures by cause, and delivery behind queues:\n");
            foreach (var line in causes)
            {
                b.Append(line).Append('\n');
            }
        }

        if (run.Slos.Count > 0)
        {
            b.Append("\nobjectives (from the requirements):\n");
            foreach (var slo in run.Slos)
            {
                var actual = slo.ErrorBudgetBurned is null ? Time(slo.Actual) : slo.Actual.ToString("P3", CultureInfo.InvariantCulture);
                var budget = slo.ErrorBudgetBurned is { } burned ? string.Create(CultureInfo.InvariantCulture, $", error budget burned {burned:P0}") : "";
                b.Append(CultureInfo.InvariantCulture, $"  {(slo.Met ? "met   " : "MISSED")} {slo.Flow}: {slo.Objective}, simulated {actual}{budget}\n");
            }
        }

        b.Append("\ncomponent            servers  utilisation  mean queue  P(wait)   hit ratio\n");
        foreach (var c in run.Components)
        {
            var servers = c.Servers == 0 ? "∞" : c.Servers.ToString(CultureInfo.InvariantCulture);
            var hit = c.HitRatio is { } h ? h.ToString("P1", CultureInfo.InvariantCulture) : "";
            b.Append(CultureInfo.InvariantCulture, $"{Trim(c.Name, 20),-20} {servers,7}  {c.Utilization,11:P1}  {c.MeanQueueLength,10:0.##}  {c.WaitProbability.Value,7:P1}   {hit}\n");
        }

        b.Append("\np99 latency and failures per interval (").Append(run.IntervalSeconds.ToString("0.###", CultureInfo.InvariantCulture)).Append(" s each; ▁ low … █ high):\n");
        for (var i = 0; i < run.Flows.Count; i++)
        {
            var series = run.FlowSeries[i];
            var p99 = series.Select(p => p.LatencyP99Seconds).ToList();
            var failed = series.Select(p => (double)p.Failed).ToList();
            var top = p99.Where(double.IsFinite).DefaultIfEmpty(0).Max();
            b.Append(CultureInfo.InvariantCulture, $"  {Trim(run.Flows[i].Name, 18),-18} p99    {Spark(p99)}  max {Time(top)}\n");
            b.Append(CultureInfo.InvariantCulture, $"  {"",-18} errors {Spark(failed)}  total {series.Sum(p => p.Failed):N0}\n");
        }

        if (run.EventLog.Count > 0)
        {
            b.Append("\nevents:\n");
            foreach (var entry in run.EventLog)
            {
                b.Append("  ").Append(entry).Append('\n');
            }
        }

        foreach (var note in run.Notes)
        {
            b.Append("note: ").Append(note).Append('\n');
        }

        return b.ToString();
    }

    /// <summary>A sparkline of at most 60 cells (intervals averaged into cells), NaN as a space.</summary>
    private static string Spark(IReadOnlyList<double> values)
    {
        const string Levels = "▁▂▃▄▅▆▇█";
        if (values.Count == 0)
        {
            return "";
        }

        var cells = Math.Min(60, values.Count);
        var averaged = new double[cells];
        for (var c = 0; c < cells; c++)
        {
            var from = c * values.Count / cells;
            var to = Math.Max(from + 1, (c + 1) * values.Count / cells);
            var finite = values.Skip(from).Take(to - from).Where(double.IsFinite).ToList();
            averaged[c] = finite.Count == 0 ? double.NaN : finite.Average();
        }

        var max = averaged.Where(double.IsFinite).DefaultIfEmpty(0).Max();
        return new string([.. averaged.Select(v => !double.IsFinite(v) ? ' ' : max <= 0 ? Levels[0] : Levels[(int)Math.Min(Levels.Length - 1, Math.Floor(v / max * (Levels.Length - 1) + 0.5))])]);
    }

    private static string Time(BatchEstimate estimate) =>
        double.IsFinite(estimate.HalfWidth95) ? $"{Time(estimate.Value)}±{Time(estimate.HalfWidth95)}" : Time(estimate.Value);

    private static string Time(double seconds) => !double.IsFinite(seconds) ? "-"
        : seconds >= 1 ? seconds.ToString("0.##", CultureInfo.InvariantCulture) + " s"
        : seconds >= 0.001 ? (seconds * 1000).ToString("0.#", CultureInfo.InvariantCulture) + " ms"
        : (seconds * 1e6).ToString("0", CultureInfo.InvariantCulture) + " µs";

    private static string SeverityText(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    private static string Trim(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
