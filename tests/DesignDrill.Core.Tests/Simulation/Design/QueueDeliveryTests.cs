using DesignDrill.Core.Review;
using DesignDrill.Core.Simulation.Design;
using DesignDrill.Core.Simulation.Faults;

namespace DesignDrill.Core.Tests.Simulation.Design;

/// <summary>Queues in the run deliver at least once: failed processing is redelivered after the visibility timeout, then dead-lettered.</summary>
public sealed class QueueDeliveryTests
{
    private const string Design = """
        ## Architecture
        ```
        api: service x2, 1K rps each, 2 ms
        jobs: sqs, visibility timeout 2s, dlq
        worker: worker x2, 500 rps each, 5 ms
        db: postgres x2, 2K rps each, 3 ms
        flow submit at 200/s, write: client -> api => jobs => worker -> db
        ```
        """;

    private static DesignSimulationReport Run(string fault) =>
        DesignSimulator.Run(DesignReviewer.Review(Design), new DesignSimulationOptions
        {
            DurationSeconds = 60,
            WarmUpSeconds = 1,
            Seed = 8,
            Faults = [FaultParser.Parse(fault).Fault!],
        });

    [Fact]
    public void Should_redeliver_messages_whose_processing_failed_and_count_the_duplicate_work()
    {
        // When: 20% of the database's answers are errors for the whole run
        var run = Run("transient-errors db fraction 0.2 at 0s");

        // Then: the submit itself never fails (the response came at the enqueue), about 20% of messages come back,
        // each redelivery repeats the worker's call, and few reach the dead-letter queue (0.2^5 of them)
        var submit = run.FindFlow("submit")!;
        submit.Failed.ShouldBe(0);
        var expected = submit.Offered * (0.2 / 0.8);
        ((double)submit.Redelivered).ShouldBe(expected, expected * 0.1);
        submit.DuplicateCalls.ShouldBe(submit.Redelivered);
        submit.DeadLettered.ShouldBeLessThan(20);
    }

    [Fact]
    public void Should_dead_letter_a_message_after_the_most_receives()
    {
        // When: the database fails every call for 20 s
        var run = Run("transient-errors db fraction 1 at 10s for 20s");

        // Then: messages that arrive early in the window fail 5 times 2 s apart and go to the dead-letter queue
        var submit = run.FindFlow("submit")!;
        submit.DeadLettered.ShouldBeGreaterThan(1_000);
        submit.Redelivered.ShouldBeGreaterThan(4 * submit.DeadLettered);
    }
}
