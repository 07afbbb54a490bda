using DesignDrill.Core.Analysis.Queueing;

namespace DesignDrill.Core.Tests.Analysis.Queueing;

public sealed class MmcBehaviourTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.99)]
    [InlineData(0.9999)]
    public void Should_give_a_wait_probability_equal_to_the_utilisation_for_one_server(double rho)
    {
        // Given / When
        var waitProbability = ErlangC.WaitProbability(1, rho);

        // Then: for M/M/1 an arrival waits exactly when the server is busy.
        waitProbability.ShouldBe(rho, 1e-15);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.99)]
    [InlineData(0.9999)]
    public void Should_stay_finite_and_in_range_for_ten_thousand_servers(double rho)
    {
        // Given
        const int servers = 10_000;

        // When
        var waitProbability = ErlangC.WaitProbability(servers, rho * servers);
        var result = MmcQueue.Analyze(servers, rho * servers, 1);

        // Then
        double.IsFinite(waitProbability).ShouldBeTrue();
        waitProbability.ShouldBeInRange(0, 1);
        double.IsFinite(result.MeanWaitSeconds).ShouldBeTrue();
        double.IsFinite(result.ResponsePercentileSeconds(0.99)).ShouldBeTrue();
    }

    [Fact]
    public void Should_rise_with_load_at_ten_thousand_servers()
    {
        // Given
        const int servers = 10_000;
        double[] loads = [0.5, 0.9, 0.95, 0.99, 0.999, 0.9999];

        // When
        var probabilities = loads.Select(rho => ErlangC.WaitProbability(servers, rho * servers)).ToList();

        // Then
        for (var i = 1; i < probabilities.Count; i++)
        {
            probabilities[i].ShouldBeGreaterThanOrEqualTo(probabilities[i - 1]);
        }

        probabilities[^1].ShouldBeGreaterThan(0.9);
        probabilities[0].ShouldBe(0, 1e-300);
    }

    [Fact]
    public void Should_match_the_closed_form_of_one_server_near_saturation()
    {
        // Given: M/M/1 at ρ = 0.9999, where W ~ Exp(μ − λ).
        var result = MmcQueue.Analyze(1, 0.9999, 1);

        // When / Then
        result.WaitProbability.ShouldBe(0.9999, 1e-15);
        result.MeanResponseSeconds.ShouldBe(10_000, 1e-6);
        result.ResponsePercentileSeconds(0.99).ShouldBe(Math.Log(100) * 10_000, 1e-5);
    }

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(4, 3.6)]
    [InlineData(100, 95)]
    public void Should_satisfy_littles_law(int servers, double lambda)
    {
        // Given / When
        var result = MmcQueue.Analyze(servers, lambda, 1);

        // Then: L = λW, Lq = λWq, and L − Lq is the mean number in service, λ/μ.
        result.MeanInSystem.ShouldBe(lambda * result.MeanResponseSeconds, 1e-12);
        result.MeanQueueLength.ShouldBe(lambda * result.MeanWaitSeconds, 1e-12);
        (result.MeanInSystem - result.MeanQueueLength).ShouldBe(lambda, 1e-9);
    }

    [Fact]
    public void Should_handle_a_drain_rate_equal_to_the_service_rate()
    {
        // Given: c = 2, λ = 1, μ = 1, so cμ − λ = μ and the general form of the response CDF divides 0 by 0.
        var result = MmcQueue.Analyze(2, 1, 1);
        var nearby = MmcQueue.Analyze(2, 1 + 1e-7, 1);

        // When
        var median = result.ResponsePercentileSeconds(0.5);

        // Then
        double.IsFinite(median).ShouldBeTrue();
        median.ShouldBe(nearby.ResponsePercentileSeconds(0.5), 1e-5);
        result.ResponseCdf(median).ShouldBe(0.5, 1e-9);
    }

    [Fact]
    public void Should_report_saturation_with_the_load_to_shed()
    {
        // Given: 4 servers of 10/s each facing 50/s.
        // When
        var result = MmcQueue.Analyze(4, 50, 10);

        // Then
        result.IsSaturated.ShouldBeTrue();
        result.Utilization.ShouldBe(1.25, 1e-12);
        result.ShedRatePerSecond.ShouldBe(10, 1e-12);
        result.WaitProbability.ShouldBe(1);
        result.MeanWaitSeconds.ShouldBe(double.PositiveInfinity);
        result.MeanInSystem.ShouldBe(double.PositiveInfinity);
        result.ResponsePercentileSeconds(0.99).ShouldBe(double.PositiveInfinity);
        result.ResponseCdf(1e9).ShouldBe(0);
    }

    [Fact]
    public void Should_treat_exactly_full_utilisation_as_saturated()
    {
        var result = MmcQueue.Analyze(2, 2, 1);

        result.IsSaturated.ShouldBeTrue();
        result.ShedRatePerSecond.ShouldBe(0);
        double.IsNaN(result.MeanWaitSeconds).ShouldBeFalse();
    }

    [Fact]
    public void Should_give_the_bare_service_time_with_no_arrivals()
    {
        var result = MmcQueue.Analyze(3, 0, 4);

        result.WaitProbability.ShouldBe(0);
        result.MeanResponseSeconds.ShouldBe(0.25, 1e-15);
        result.ResponsePercentileSeconds(0.5).ShouldBe(Math.Log(2) / 4, 1e-10);
        result.WaitPercentileSeconds(0.99).ShouldBe(0);
    }

    [Theory]
    [InlineData(0, 1.0, 1.0)]
    [InlineData(-1, 1.0, 1.0)]
    [InlineData(1, -1.0, 1.0)]
    [InlineData(1, double.NaN, 1.0)]
    [InlineData(1, double.PositiveInfinity, 1.0)]
    [InlineData(1, 1.0, 0.0)]
    [InlineData(1, 1.0, double.NaN)]
    public void Should_reject_invalid_queue_parameters(int servers, double lambda, double mu)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => MmcQueue.Analyze(servers, lambda, mu));
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(2, -0.1)]
    [InlineData(2, 2.0)]
    [InlineData(2, 3.0)]
    [InlineData(2, double.NaN)]
    public void Should_reject_invalid_erlang_c_input(int servers, double load)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ErlangC.WaitProbability(servers, load));
    }

    [Fact]
    public void Should_compute_erlang_b_for_a_published_loss_system()
    {
        // Given: the classic trunk-sizing example, 10 Erlangs offered to 10 trunks (B ≈ 0.2146).
        // When / Then
        ErlangC.ErlangB(10, 10).ShouldBe(0.21458, 5e-5);
        ErlangC.ErlangB(1, 1).ShouldBe(0.5, 1e-15);
        Should.Throw<ArgumentOutOfRangeException>(() => ErlangC.ErlangB(1, double.PositiveInfinity));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Should_reject_a_percentile_outside_zero_to_one(double p)
    {
        var result = MmcQueue.Analyze(2, 1, 1);

        Should.Throw<ArgumentOutOfRangeException>(() => result.ResponsePercentileSeconds(p));
        Should.Throw<ArgumentOutOfRangeException>(() => result.WaitPercentileSeconds(p));
    }

    [Fact]
    public void Should_invert_the_response_cdf_at_its_percentiles()
    {
        // Given
        var result = MmcQueue.Analyze(4, 3.6, 1);

        // When / Then
        foreach (var p in new[] { 0.01, 0.5, 0.9, 0.99, 0.9999 })
        {
            result.ResponseCdf(result.ResponsePercentileSeconds(p)).ShouldBe(p, 1e-9);
            result.WaitCdf(result.WaitPercentileSeconds(p)).ShouldBeGreaterThanOrEqualTo(p - 1e-12);
        }
    }
}
