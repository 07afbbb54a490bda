using DesignDrill.Core.Analysis.Queueing;
using FsCheck;
using FsCheck.Fluent;

namespace DesignDrill.Core.Tests.Analysis.Queueing;

public sealed class MmcPropertyTests
{
    /// <summary>Servers 1–2,000 and a utilisation in (0, 0.9999].</summary>
    private static readonly Arbitrary<(int Servers, double Rho)> Queues =
        (from servers in Gen.Choose(1, 2_000)
         from permyriad in Gen.Choose(1, 9_999)
         select (servers, permyriad / 10_000.0)).ToArbitrary();

    [Fact]
    public void Should_keep_the_wait_probability_between_zero_and_one()
    {
        Prop.ForAll(Queues, q =>
        {
            var p = ErlangC.WaitProbability(q.Servers, q.Rho * q.Servers);
            return p is >= 0 and <= 1;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Should_raise_the_wait_probability_with_load()
    {
        var pairs =
            from servers in Gen.Choose(1, 2_000)
            from a in Gen.Choose(1, 9_999)
            from b in Gen.Choose(1, 9_999)
            select (servers, Math.Min(a, b) / 10_000.0, Math.Max(a, b) / 10_000.0);

        Prop.ForAll(pairs.ToArbitrary(), q =>
        {
            var (servers, lower, higher) = q;
            var low = ErlangC.WaitProbability(servers, lower * servers);
            var high = ErlangC.WaitProbability(servers, higher * servers);
            return low <= high * (1 + 1e-12);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Should_never_raise_the_wait_by_adding_a_server()
    {
        Prop.ForAll(Queues, q =>
        {
            var load = q.Rho * q.Servers;
            var before = MmcQueue.Analyze(q.Servers, load, 1);
            var after = MmcQueue.Analyze(q.Servers + 1, load, 1);
            return after.WaitProbability <= before.WaitProbability * (1 + 1e-12) &&
                   after.MeanWaitSeconds <= before.MeanWaitSeconds * (1 + 1e-12) &&
                   after.ResponsePercentileSeconds(0.99) <= before.ResponsePercentileSeconds(0.99) * (1 + 1e-9);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Should_give_percentiles_that_rise_with_p()
    {
        var samples =
            from queue in Queues.Generator
            from a in Gen.Choose(0, 9_999)
            from b in Gen.Choose(0, 9_999)
            select (queue.Servers, queue.Rho, Math.Min(a, b) / 10_000.0, Math.Max(a, b) / 10_000.0);

        Prop.ForAll(samples.ToArbitrary(), s =>
        {
            var (servers, rho, lower, higher) = s;
            var result = MmcQueue.Analyze(servers, rho * servers, 1);
            return result.ResponsePercentileSeconds(lower) <= result.ResponsePercentileSeconds(higher) * (1 + 1e-9) &&
                   result.WaitPercentileSeconds(lower) <= result.WaitPercentileSeconds(higher);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Should_satisfy_littles_law_everywhere()
    {
        Prop.ForAll(Queues, q =>
        {
            var lambda = q.Rho * q.Servers;
            var result = MmcQueue.Analyze(q.Servers, lambda, 1);
            return Math.Abs(result.MeanInSystem - (lambda * result.MeanResponseSeconds)) <= 1e-9 * result.MeanInSystem &&
                   Math.Abs(result.MeanInSystem - result.MeanQueueLength - lambda) <= 1e-9 * result.MeanInSystem;
        }).QuickCheckThrowOnFailure();
    }
}
