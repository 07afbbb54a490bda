using DesignDrill.Core.Simulation;
using DesignDrill.Core.Simulation.Behaviours;
using Xunit.Abstractions;

namespace DesignDrill.Core.Tests.Simulation;

/// <summary>
/// The issue's retry-storm criterion at the level of the behaviours: a tiny closed-loop model in which clients retry
/// per <see cref="RetryPolicy"/> against one slowed-down server. See docs/simulation-clients.md for the figures.
/// </summary>
public sealed class RetryStormModelTests(ITestOutputHelper output)
{
    private const long NsPerSecond = 1_000_000_000;

    /// <summary>
    /// λ = 1,000 requests/s into 8 workers with 1 ms mean exponential service (utilisation 0.125, capacity 8,000/s);
    /// from 60 s to 90 s service is 10 times slower (capacity 800/s, below λ); clients time out after 1 s; the run
    /// lasts 180 s. The utilisation is low enough that even five attempts per request (5,000/s) fit the healthy
    /// capacity, so a storm can drain once the fault ends; at utilisation above 1/5 immediate retries would keep the
    /// queue beyond the timeout for ever (a metastable failure), which is the design-level simulator's to show.
    /// </summary>
    private static readonly StormSettings Settings = new(
        ArrivalRatePerSecond: 1_000,
        Workers: 8,
        MeanServiceNs: 1_000_000,
        SlowdownFactor: 10,
        FaultStartNs: 60 * NsPerSecond,
        FaultEndNs: 90 * NsPerSecond,
        DurationNs: 180 * NsPerSecond);

    /// <summary>Immediate retries: no backoff, five attempts, 1 s timeout.</summary>
    private static readonly RetryPolicy Immediate = new(maxAttempts: 5, attemptTimeoutNs: NsPerSecond,
        backoff: BackoffKind.None);

    /// <summary>Exponential backoff with full jitter from 100 ms to 10 s, five attempts, 1 s timeout, budget 10%.</summary>
    private static readonly RetryPolicy Budgeted = new(maxAttempts: 5, attemptTimeoutNs: NsPerSecond,
        backoff: BackoffKind.Exponential, jitter: JitterKind.Full, baseDelayNs: 100_000_000,
        maxDelayNs: 10 * NsPerSecond, retryBudgetRatio: RetryBudget.SreRetryRatio);

    /// <summary>The same backoff and jitter without the budget.</summary>
    private static readonly RetryPolicy BackoffOnly = new(maxAttempts: 5, attemptTimeoutNs: NsPerSecond,
        backoff: BackoffKind.Exponential, jitter: JitterKind.Full, baseDelayNs: 100_000_000,
        maxDelayNs: 10 * NsPerSecond);

    [Fact]
    public void Should_amplify_the_offered_load_at_least_twofold_with_immediate_retries_and_then_recover()
    {
        // Given / When
        var run = RetryStormModel.Run(Settings, Immediate, seed: 2_025);
        Report("immediate retries", run);

        // Then: the peak second during or after the slowdown offers at least twice the base arrival rate...
        run.PeakAmplification(Settings, 60, 180).ShouldBeGreaterThanOrEqualTo(2.0);

        // ...and within 60 s of the end of the fault the queue is back to its pre-fault level for good, with the offered
        // load back to the arrival rate (within 10%) over the last 30 s.
        var recoveredAt = run.RecoveredAtSecond(Settings);
        recoveredAt.ShouldNotBeNull();
        recoveredAt.Value.ShouldBeLessThanOrEqualTo(150);
        run.MeanOfferedPerSecond(150, 180).ShouldBe(Settings.ArrivalRatePerSecond, 0.1 * Settings.ArrivalRatePerSecond);
    }

    [Fact]
    public void Should_not_amplify_the_offered_load_with_exponential_backoff_full_jitter_and_a_retry_budget()
    {
        // Given / When
        var run = RetryStormModel.Run(Settings, Budgeted, seed: 2_025);
        Report("backoff + full jitter + 10% budget", run);

        // Then: no second offers 1.5 times the arrival rate, and the queue recovers as well.
        run.PeakAmplification(Settings, 60, 180).ShouldBeLessThan(1.5);
        run.RecoveredAtSecond(Settings).ShouldNotBeNull();
        run.Throttled.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Should_still_amplify_with_backoff_and_jitter_alone_when_the_fault_outlasts_the_backoff()
    {
        // Given / When: without the budget every request still makes its five attempts within about 5.7 s.
        var run = RetryStormModel.Run(Settings, BackoffOnly, seed: 2_025);
        Report("backoff + full jitter, no budget", run);

        // Then: jitter spreads the retries but a 30 s fault still sees them all.
        run.PeakAmplification(Settings, 60, 180).ShouldBeGreaterThanOrEqualTo(2.0);
    }

    [Fact]
    public void Should_give_identical_series_for_the_same_seed()
    {
        // Given / When
        var first = RetryStormModel.Run(Settings with { DurationNs = 100 * NsPerSecond }, Budgeted, seed: 9);
        var second = RetryStormModel.Run(Settings with { DurationNs = 100 * NsPerSecond }, Budgeted, seed: 9);

        // Then
        second.OfferedPerSecond.ShouldBe(first.OfferedPerSecond);
        second.QueueAtSecond.ShouldBe(first.QueueAtSecond);
        second.Succeeded.ShouldBe(first.Succeeded);
    }

    private void Report(string name, StormRun run)
    {
        output.WriteLine(
            $"{name}: peak offered {run.PeakOfferedPerSecond(60, 180)}/s " +
            $"({run.PeakOfferedPerSecond(60, 180) / Settings.ArrivalRatePerSecond:F2}x), " +
            $"pre-fault mean {run.MeanOfferedPerSecond(10, 60):F0}/s, peak queue {run.QueueAtSecond.Max()}, " +
            $"recovered at {run.RecoveredAtSecond(Settings)?.ToString() ?? "never"} s, requests {run.Requests}, " +
            $"succeeded {run.Succeeded}, gave up {run.GaveUp}, throttled {run.Throttled}, orphaned {run.Orphaned}");
        output.WriteLine("offered per second: " + string.Join(' ', run.OfferedPerSecond));
        output.WriteLine("queue per second: " + string.Join(' ', run.QueueAtSecond));
    }
}

/// <summary>The model's parameters.</summary>
/// <param name="ArrivalRatePerSecond">Poisson rate λ of new requests (first attempts).</param>
/// <param name="Workers">Server workers c.</param>
/// <param name="MeanServiceNs">Mean exponential service time when healthy.</param>
/// <param name="SlowdownFactor">Service time multiplier for attempts that start service during the fault.</param>
/// <param name="FaultStartNs">When the slowdown starts.</param>
/// <param name="FaultEndNs">When it ends.</param>
/// <param name="DurationNs">Length of the run.</param>
internal sealed record StormSettings(
    double ArrivalRatePerSecond,
    int Workers,
    long MeanServiceNs,
    double SlowdownFactor,
    long FaultStartNs,
    long FaultEndNs,
    long DurationNs);

/// <summary>The per-second series and totals of one run.</summary>
/// <param name="OfferedPerSecond">Attempts (first tries and retries) reaching the server in each second.</param>
/// <param name="QueueAtSecond">Attempts waiting (not in service) at the start of each second.</param>
/// <param name="GoodputPerSecond">Requests answered in time, by the second of the answer.</param>
/// <param name="Requests">New requests.</param>
/// <param name="Succeeded">Requests answered before their attempt timed out.</param>
/// <param name="GaveUp">Requests that failed after their last attempt.</param>
/// <param name="Throttled">Retries refused by the retry budget (each fails its request).</param>
/// <param name="Orphaned">Attempts served after their client had timed out (wasted work).</param>
internal sealed record StormRun(
    int[] OfferedPerSecond,
    int[] QueueAtSecond,
    int[] GoodputPerSecond,
    long Requests,
    long Succeeded,
    long GaveUp,
    long Throttled,
    long Orphaned)
{
    /// <summary>The largest per-second offered load in seconds [from, to).</summary>
    public int PeakOfferedPerSecond(int from, int to) => OfferedPerSecond[from..to].Max();

    /// <summary>The largest per-second offered load in seconds [from, to) divided by the arrival rate λ.</summary>
    public double PeakAmplification(StormSettings settings, int from, int to) =>
        PeakOfferedPerSecond(from, to) / settings.ArrivalRatePerSecond;

    /// <summary>The mean per-second offered load in seconds [from, to).</summary>
    public double MeanOfferedPerSecond(int from, int to) => OfferedPerSecond[from..to].Average();

    /// <summary>
    /// The recovery criterion: the first whole second at or after the end of the fault from which the queue, sampled
    /// at the start of every second to the end of the run, never exceeds its largest pre-fault sample (seconds 10 to
    /// 60) plus the number of workers; <c>null</c> if it never settles.
    /// </summary>
    public int? RecoveredAtSecond(StormSettings settings)
    {
        var faultEnd = (int)(settings.FaultEndNs / 1_000_000_000);
        var threshold = QueueAtSecond[10..(int)(settings.FaultStartNs / 1_000_000_000)].Max() + settings.Workers;
        var last = QueueAtSecond.Length - 1;
        if (QueueAtSecond[last] > threshold)
        {
            return null;
        }

        while (last > faultEnd && QueueAtSecond[last - 1] <= threshold)
        {
            last--;
        }

        return last;
    }
}

/// <summary>
/// Poisson clients, one FIFO server with c workers and an unbounded queue, a slowdown, client timeouts and retries.
/// Everything the clients do comes from <see cref="RetryPolicy"/> and <see cref="RetryBudget"/>; the event list is the
/// engine's <see cref="EventQueue{TPayload}"/> and randomness the engine's <see cref="SimRandom"/>.
/// </summary>
/// <remarks>
/// The per-attempt timeout is applied as RetryPolicy documents: a timeout event beside every attempt; whichever of the
/// response and the timeout comes first decides; a timed-out attempt stays queued at the server and is served anyway
/// (orphaned work). A request's retry is sent at timeout time + <see cref="RetryPolicy.NextDelayNs"/>, if the budget
/// grants it.
/// </remarks>
internal static class RetryStormModel
{
    private enum Kind : byte
    {
        Arrival,
        Departure,
        Timeout,
        Retry,
    }

    public static StormRun Run(StormSettings settings, RetryPolicy policy, int seed)
    {
        var random = new SimRandom(seed);
        var budget = policy.CreateRetryBudget();
        var seconds = (int)(settings.DurationNs / 1_000_000_000);
        var offered = new int[seconds];
        var queueAt = new int[seconds];
        var goodput = new int[seconds];
        var events = new EventQueue<Event>(1_024);
        var line = new Queue<(int Call, int Attempt)>();
        var calls = new List<CallState>();
        var meanInterarrivalNs = 1e9 / settings.ArrivalRatePerSecond;
        var busy = 0;
        long succeeded = 0, gaveUp = 0, throttled = 0, orphaned = 0;
        var nextSample = 0;

        events.Enqueue(SimTime.RoundSaturating(random.ExponentialWithMean(meanInterarrivalNs)), new Event(Kind.Arrival, 0, 0));
        while (events.TryDequeue(out var next) && next.TimeNs < settings.DurationNs)
        {
            var now = next.TimeNs;
            while (nextSample < seconds && (long)nextSample * 1_000_000_000 <= now)
            {
                queueAt[nextSample++] = line.Count;
            }

            var (kind, call, attempt) = (next.Payload.Kind, next.Payload.Call, next.Payload.Attempt);
            switch (kind)
            {
                case Kind.Arrival:
                    calls.Add(new CallState(1, 0, Done: false));
                    budget?.RecordRequest();
                    Send(calls.Count - 1, 1, now);
                    events.Enqueue(now + SimTime.RoundSaturating(random.ExponentialWithMean(meanInterarrivalNs)),
                        new Event(Kind.Arrival, 0, 0));
                    break;

                case Kind.Departure:
                    busy--;
                    if (line.TryDequeue(out var waiting))
                    {
                        StartService(waiting.Call, waiting.Attempt, now);
                    }

                    if (!calls[call].Done && calls[call].Attempt == attempt)
                    {
                        calls[call] = calls[call] with { Done = true };
                        succeeded++;
                        goodput[(int)(now / 1_000_000_000)]++;
                    }
                    else
                    {
                        orphaned++;
                    }

                    break;

                case Kind.Timeout:
                    if (calls[call].Done || calls[call].Attempt != attempt)
                    {
                        break;
                    }

                    var delay = policy.NextDelayNs(attempt, calls[call].LastDelayNs, random);
                    if (delay is null)
                    {
                        calls[call] = calls[call] with { Done = true };
                        gaveUp++;
                    }
                    else if (budget is not null && !budget.TryWithdrawRetry())
                    {
                        calls[call] = calls[call] with { Done = true };
                        throttled++;
                    }
                    else
                    {
                        calls[call] = new CallState(attempt + 1, delay.Value, Done: false);
                        if (delay.Value == 0)
                        {
                            Send(call, attempt + 1, now);
                        }
                        else
                        {
                            events.Enqueue(now + delay.Value, new Event(Kind.Retry, call, attempt + 1));
                        }
                    }

                    break;

                default:
                    Send(call, attempt, now);
                    break;
            }
        }

        return new StormRun(offered, queueAt, goodput, calls.Count, succeeded, gaveUp, throttled, orphaned);

        void Send(int call, int attempt, long now)
        {
            offered[(int)(now / 1_000_000_000)]++;
            events.Enqueue(now + policy.AttemptTimeoutNs, new Event(Kind.Timeout, call, attempt));
            if (busy < settings.Workers)
            {
                StartService(call, attempt, now);
            }
            else
            {
                line.Enqueue((call, attempt));
            }
        }

        void StartService(int call, int attempt, long now)
        {
            busy++;
            var slow = now >= settings.FaultStartNs && now < settings.FaultEndNs;
            var mean = settings.MeanServiceNs * (slow ? settings.SlowdownFactor : 1);
            events.Enqueue(now + SimTime.RoundSaturating(random.ExponentialWithMean(mean)),
                new Event(Kind.Departure, call, attempt));
        }
    }

    private readonly record struct Event(Kind Kind, int Call, int Attempt);

    /// <summary>A request's progress: its current attempt, the delay before it, and whether it has ended.</summary>
    private readonly record struct CallState(int Attempt, long LastDelayNs, bool Done);
}
