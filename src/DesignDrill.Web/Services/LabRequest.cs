using DesignDrill.Core.Catalog;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Review;
using DesignDrill.Core.Simulation;
using DesignDrill.Core.Simulation.Design;
using DesignDrill.Core.Simulation.Faults;
using DesignDrill.Core.Simulation.Workloads;

namespace DesignDrill.Web.Services;

/// <summary>
/// What the simulation lab asks for, as typed: the design, the run's length, load and seed, faults one a line (the
/// syntax of <c>drill simulate --fault</c>) and optionally a prompt's constraint change to run as a scenario. Reads it
/// with the Core's parsers (<see cref="DurationText"/>, <see cref="LoadMultiplier"/>, <see cref="FaultParser"/>,
/// <see cref="SimulationScenario"/>), so the lab and the CLI accept and refuse exactly the same text.
/// </summary>
public sealed record LabRequest
{
    /// <summary>Longest run the lab accepts: 1 hour of simulated time (rule of thumb: keeps one run under about a minute of wall time at interview scale).</summary>
    public const double MaxDurationSeconds = 3_600;

    /// <summary>Most requests one lab run may generate: 20 million (rule of thumb: about 5 s of wall time on 2 cores, docs/performance.md).</summary>
    public const long MaxRequests = 20_000_000;

    /// <summary>The design document.</summary>
    public string Text { get; init; } = "";

    /// <summary>Simulated time, such as <c>60s</c> or <c>2m</c>.</summary>
    public string Duration { get; init; } = "60s";

    /// <summary>Load multiplier, such as <c>1x</c> or <c>3x</c>.</summary>
    public string Load { get; init; } = "1x";

    /// <summary>Random seed: the same seed gives the same run.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Faults, one a line, such as <c>cache-flush on cache at 20s for 10s</c>.</summary>
    public string Faults { get; init; } = "";

    /// <summary>
    /// Keys of a real cache keyspace, or null to use the caches' stated hit ratios. With keys, caches are read key by key
    /// with Zipf popularity and the hit ratio emerges (<c>drill simulate --keys</c>, docs/simulation-caches.md).
    /// </summary>
    public long? Keys { get; init; }

    /// <summary>The keyspace's Zipf exponent s (<see cref="CacheKeyspace.DefaultZipfExponent"/>; 0 is uniform).</summary>
    public double Zipf { get; init; } = CacheKeyspace.DefaultZipfExponent;

    /// <summary>The prompt whose constraint change <see cref="Scenario"/> names, or null.</summary>
    public string? PromptId { get; init; }

    /// <summary>A constraint change of <see cref="PromptId"/> to apply, or null.</summary>
    public string? Scenario { get; init; }

    /// <summary>Reads the request into the review and the simulator's options, or says what is wrong.</summary>
    /// <param name="prompts">The prompt catalog (for scenarios).</param>
    /// <returns>The plan, or the problems (each a sentence naming the field and, for faults, the line and column).</returns>
    public LabPlan Plan(PromptCatalog prompts)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        var problems = new List<string>();
        var notes = new List<string>();
        if (!DurationText.TryParseRunDuration(Duration, out var durationNs, out var durationProblem))
        {
            problems.Add($"Duration '{Duration}': {durationProblem?.Message ?? "not a time"}" + (durationProblem?.Hint is { } h ? $" ({h})" : ""));
        }
        else if (SimTime.ToSeconds(durationNs) > MaxDurationSeconds)
        {
            problems.Add($"Duration '{Duration}' is longer than the lab's limit of 1 hour; use `drill simulate` for longer runs.");
        }

        if (!LoadMultiplier.TryParse(Load, out var factor, out var loadProblem))
        {
            problems.Add($"Load '{Load}': {loadProblem?.Message ?? "not a multiplier"}" + (loadProblem?.Hint is { } h ? $" ({h})" : ""));
        }

        var faults = new List<FaultSpec>();
        var lines = (Faults ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parsed = FaultParser.Parse(line);
            foreach (var d in parsed.Diagnostics.Where(d => d.Severity == Severity.Error))
            {
                problems.Add($"Fault line {i + 1}, column {d.Span.Column}: {d.Code} {d.Message}" + (d.Hint is { Length: > 0 } hint ? $" (hint: {hint})" : ""));
            }

            if (parsed.Fault is { } fault)
            {
                faults.Add(fault);
            }
        }

        var report = DesignReviewer.Review(Text ?? "");
        if (problems.Count > 0)
        {
            return new LabPlan(report, null, problems, notes);
        }

        var options = new DesignSimulationOptions
        {
            DurationSeconds = SimTime.ToSeconds(durationNs),
            LoadFactor = factor,
            Seed = Seed,
            Faults = faults,
            MaxRequests = MaxRequests,
            Limits = new SimulationLimits(WallClockBudget: TimeSpan.FromMinutes(2)),
            Keyspace = Keys is { } keys ? new CacheKeyspace(keys, Zipf, CacheKeyspace.DefaultItemBytes) : null,
        };
        if (!string.IsNullOrWhiteSpace(Scenario))
        {
            if (PromptId is null || prompts.Get(PromptId) is not { } prompt)
            {
                problems.Add("A scenario needs a prompt: pick the prompt whose constraint change to run.");
            }
            else if (prompt.ConstraintChanges.FirstOrDefault(c => string.Equals(c.Name, Scenario, StringComparison.OrdinalIgnoreCase)) is not { } change)
            {
                problems.Add($"'{prompt.Id}' has no scenario '{Scenario}'. Its scenarios: {string.Join(", ", prompt.ConstraintChanges.Select(c => c.Name))}.");
            }
            else
            {
                var reference = prompt.ReferenceDesignText is { } referenceText ? DesignReviewer.Review(referenceText) : null;
                options = SimulationScenario.Apply(report, change, options, reference, notes);
                notes.Insert(0, $"Scenario {change.Name}: {change.Description}");
            }
        }

        problems.AddRange(options.Problems());
        return new LabPlan(report, problems.Count == 0 ? options : null, problems, notes);
    }
}

/// <summary>A lab request read: the reviewed design and the simulator's options, or the problems.</summary>
/// <param name="Review">The design's review (its diagnostics say what the simulator could not read).</param>
/// <param name="Options">The options to run with; null when there are problems.</param>
/// <param name="Problems">What is wrong with the request, one sentence each.</param>
/// <param name="Notes">What a scenario changed, for the results page.</param>
public sealed record LabPlan(ReviewReport Review, DesignSimulationOptions? Options, IReadOnlyList<string> Problems, IReadOnlyList<string> Notes);
