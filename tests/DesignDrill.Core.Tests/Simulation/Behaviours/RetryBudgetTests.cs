using DesignDrill.Core.Simulation.Behaviours;

namespace DesignDrill.Core.Tests.Simulation.Behaviours;

public sealed class RetryBudgetTests
{
    [Fact]
    public void Should_start_full_and_refuse_the_retry_after_the_capacity_is_spent()
    {
        // Given
        var budget = new RetryBudget(RetryBudget.SreRetryRatio, maxTokens: 10);

        // When
        var granted = Enumerable.Range(0, 15).Count(_ => budget.TryWithdrawRetry());

        // Then
        granted.ShouldBe(10);
        budget.RetryCount.ShouldBe(10);
        budget.ThrottledCount.ShouldBe(5);
        budget.Tokens.ShouldBe(0);
        budget.CanRetry.ShouldBeFalse();
    }

    [Fact]
    public void Should_refill_one_retry_per_ten_requests_at_ten_percent()
    {
        // Given: an exhausted budget.
        var budget = new RetryBudget(0.1, maxTokens: 10);
        while (budget.TryWithdrawRetry())
        {
        }

        // When / Then: nine requests leave 0.9 tokens, the tenth makes a whole one.
        for (var i = 0; i < 9; i++)
        {
            budget.RecordRequest();
        }

        budget.CanRetry.ShouldBeFalse();
        budget.Tokens.ShouldBe(0.9, 1e-12);
        budget.RecordRequest();
        budget.TryWithdrawRetry().ShouldBeTrue();
        budget.TryWithdrawRetry().ShouldBeFalse();
    }

    [Fact]
    public void Should_grant_exactly_capacity_plus_ratio_times_requests_to_a_client_that_always_retries()
    {
        // Given: a client that asks to retry after every one of 1,000 requests.
        var budget = new RetryBudget(0.1, maxTokens: 10);

        // When
        for (var i = 0; i < 1_000; i++)
        {
            budget.RecordRequest();
            budget.TryWithdrawRetry();
        }

        // Then: 10 + ⌊0.1 × 999⌋ — the first request's deposit found the bucket full and was lost — so retries are
        // 10.9% of requests, the SRE book's 10% plus the reserve.
        budget.RetryCount.ShouldBe(109);
        budget.ThrottledCount.ShouldBe(891);
    }

    [Fact]
    public void Should_not_bank_more_than_the_capacity_while_all_is_well()
    {
        // Given
        var budget = new RetryBudget(0.5, maxTokens: 3);

        // When: a million requests without a failure.
        for (var i = 0; i < 1_000_000; i++)
        {
            budget.RecordRequest();
        }

        // Then: the outage that follows may spend three retries, not half a million.
        budget.Tokens.ShouldBe(3);
        Enumerable.Range(0, 10).Count(_ => budget.TryWithdrawRetry()).ShouldBe(3);
    }

    [Fact]
    public void Should_round_the_ratio_to_millionths_and_count_exactly()
    {
        // Given: a third, which is 0.333333 after rounding.
        var budget = new RetryBudget(1.0 / 3, maxTokens: 1);
        budget.TryWithdrawRetry().ShouldBeTrue();

        // When: three requests make 0.999999 tokens, a fourth 1.333332.
        budget.RecordRequest();
        budget.RecordRequest();
        budget.RecordRequest();
        var afterThree = budget.CanRetry;
        budget.RecordRequest();

        // Then
        budget.RetryRatio.ShouldBe(0.333333);
        afterThree.ShouldBeFalse();
        budget.TryWithdrawRetry().ShouldBeTrue();
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1e-7)]
    [InlineData(1_000.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Should_refuse_a_ratio_outside_one_per_million_to_one_thousand(double ratio)
    {
        // Given / When / Then
        Should.Throw<ArgumentOutOfRangeException>(() => new RetryBudget(ratio)).ParamName.ShouldBe("retryRatio");
    }

    [Fact]
    public void Should_refuse_a_capacity_below_one_or_above_a_trillion()
    {
        // Given / When / Then
        Should.Throw<ArgumentOutOfRangeException>(() => new RetryBudget(0.1, 0)).ParamName.ShouldBe("maxTokens");
        Should.Throw<ArgumentOutOfRangeException>(() => new RetryBudget(0.1, RetryBudget.MaxMaxTokens + 1));
        new RetryBudget(RetryBudget.MaxRetryRatio, RetryBudget.MaxMaxTokens).Tokens.ShouldBe(1e12);
    }
}
