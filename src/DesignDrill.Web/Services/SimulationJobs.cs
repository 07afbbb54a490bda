using System.Collections.Concurrent;
using DesignDrill.Core.Simulation.Design;

namespace DesignDrill.Web.Services;

/// <summary>
/// Runs lab simulations in the background so the page can show real progress: a run is a job with an id, polled by
/// the page (about every 300 ms) for its share done, then its results. At most <see cref="MaxConcurrentRuns"/> run at
/// once (the rest wait); finished jobs are forgotten after <see cref="KeepFor"/>. Thread-safe.
/// </summary>
public sealed class SimulationJobs : IDisposable
{
    /// <summary>Runs at once: 1 (rule of thumb on a 2-core machine: one run uses one core; the other serves the pages).</summary>
    public const int MaxConcurrentRuns = 1;

    /// <summary>How long a finished job's results are kept: 30 minutes (rule of thumb: long enough to read them).</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, SimulationJob> _jobs = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(MaxConcurrentRuns, MaxConcurrentRuns);
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Creates the registry.</summary>
    /// <param name="clock">The clock (for forgetting old jobs).</param>
    public SimulationJobs(TimeProvider clock)
    {
        _clock = clock;
    }

    /// <summary>Starts a run in the background.</summary>
    /// <param name="plan">A plan without problems.</param>
    /// <returns>The job, queued or running.</returns>
    /// <exception cref="ArgumentException">When the plan has problems (no options).</exception>
    public SimulationJob Start(LabPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Options is null)
        {
            throw new ArgumentException("The plan has problems; show them instead of running.", nameof(plan));
        }

        Forget();
        var job = new SimulationJob(Guid.NewGuid().ToString("N"), plan, _clock.GetUtcNow());
        _jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job));
        return job;
    }

    /// <summary>Finds a job.</summary>
    /// <param name="id">The job's id.</param>
    /// <returns>The job, or null when unknown or forgotten.</returns>
    public SimulationJob? Get(string id) => _jobs.GetValueOrDefault(id);

    /// <summary>Runs a plan now on the calling thread (for the JSON API and scenario runs in a review).</summary>
    /// <param name="plan">A plan without problems.</param>
    /// <returns>The simulation's report.</returns>
    public DesignSimulationReport RunNow(LabPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(plan.Options);
        _gate.Wait(_stopping.Token);
        try
        {
            return DesignSimulator.Run(plan.Review, plan.Options, _stopping.Token);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Cancels running jobs.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _gate.Dispose();
    }

    private async Task RunAsync(SimulationJob job)
    {
        try
        {
            await _gate.WaitAsync(_stopping.Token);
        }
        catch (OperationCanceledException)
        {
            job.Fail("The server is stopping; run the simulation again.");
            return;
        }

        try
        {
            job.MarkRunning();
            var options = job.Plan.Options! with { OnProgress = job.Report };
            job.Complete(DesignSimulator.Run(job.Plan.Review, options, _stopping.Token));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or OperationCanceledException or OutOfMemoryException)
        {
            job.Fail("The simulation stopped: " + e.Message);
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Forget()
    {
        var cutoff = _clock.GetUtcNow() - KeepFor;
        foreach (var (id, job) in _jobs)
        {
            if (job.IsFinished && job.Created < cutoff)
            {
                _jobs.TryRemove(id, out _);
            }
        }
    }
}

/// <summary>One lab run: its plan, progress and result.</summary>
/// <param name="id">32 hexadecimal digits.</param>
/// <param name="plan">What runs.</param>
/// <param name="created">When it was started.</param>
public sealed class SimulationJob(string id, LabPlan plan, DateTimeOffset created)
{
    private volatile int _state; // 0 queued, 1 running, 2 done, 3 failed
    private double _progress;

    /// <summary>The job's id.</summary>
    public string Id { get; } = id;

    /// <summary>What runs.</summary>
    public LabPlan Plan { get; } = plan;

    /// <summary>When it was started.</summary>
    public DateTimeOffset Created { get; } = created;

    /// <summary>Share of simulated time done, 0–1.</summary>
    public double Progress => Volatile.Read(ref _progress);

    /// <summary>True while waiting for another run to finish.</summary>
    public bool IsQueued => _state == 0;

    /// <summary>True once it completed or failed.</summary>
    public bool IsFinished => _state >= 2;

    /// <summary>The report, once done.</summary>
    public DesignSimulationReport? Result { get; private set; }

    /// <summary>Why it failed, when it did.</summary>
    public string? Error { get; private set; }

    internal void MarkRunning() => _state = 1;

    internal void Report(double done) => Volatile.Write(ref _progress, Math.Clamp(done, 0, 1));

    internal void Complete(DesignSimulationReport result)
    {
        Result = result;
        Volatile.Write(ref _progress, 1);
        _state = 2;
    }

    internal void Fail(string message)
    {
        Error = message;
        _state = 3;
    }
}
