using DesignDrill.Core.Simulation;
using FsCheck;
using FsCheck.Fluent;

namespace DesignDrill.Core.Tests.Simulation;

public sealed class EventQueueTests
{
    [Fact]
    public void Should_dequeue_events_in_time_order()
    {
        // Given
        var queue = new EventQueue<int>();
        long[] times = [50, 10, 40, 30, 20, 60, 0];
        foreach (var t in times)
        {
            queue.Enqueue(t, (int)t);
        }

        // When
        var order = new List<long>();
        while (queue.TryDequeue(out var next))
        {
            order.Add(next.TimeNs);
            next.Payload.ShouldBe((int)next.TimeNs);
        }

        // Then
        order.ShouldBe([0, 10, 20, 30, 40, 50, 60]);
        queue.Count.ShouldBe(0);
    }

    [Fact]
    public void Should_dequeue_events_at_the_same_time_first_in_first_out()
    {
        // Given: 100 events at three times, interleaved.
        var queue = new EventQueue<int>();
        for (var i = 0; i < 100; i++)
        {
            queue.Enqueue(i % 3, i);
        }

        // When
        var payloads = new List<int>();
        while (queue.TryDequeue(out var next))
        {
            payloads.Add(next.Payload);
        }

        // Then: time 0 (0, 3, 6, ...), then time 1 (1, 4, ...), then time 2, each in scheduling order.
        var expected = Enumerable.Range(0, 100).OrderBy(i => i % 3).ThenBy(i => i).ToList();
        payloads.ShouldBe(expected);
    }

    [Fact]
    public void Should_grow_by_doubling_and_keep_every_event()
    {
        // Given
        var queue = new EventQueue<long>(capacity: 1);

        // When
        for (long i = 0; i < 1_000; i++)
        {
            queue.Enqueue(1_000 - i, i);
        }

        // Then
        queue.Count.ShouldBe(1_000);
        queue.Capacity.ShouldBe(1_024);
        queue.PeekTimeNs.ShouldBe(1);
        for (long t = 1; t <= 1_000; t++)
        {
            queue.Dequeue().TimeNs.ShouldBe(t);
        }
    }

    [Fact]
    public void Should_throw_when_dequeueing_an_empty_queue()
    {
        // Given
        var queue = new EventQueue<int>();

        // When / Then
        queue.TryDequeue(out _).ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => queue.Dequeue());
        Should.Throw<InvalidOperationException>(() => queue.PeekTimeNs);
        Should.Throw<ArgumentOutOfRangeException>(() => new EventQueue<int>(0));
    }

    [Fact]
    public void Should_match_a_sorted_reference_under_random_interleavings()
    {
        // Given: 500 sequences of operations from a fixed FsCheck seed; a non-negative number enqueues at that time (few
        // distinct times, so ties are common), -1 dequeues.
        var sequences = Gen.Choose(-1, 20).ArrayOf().Sample(500, new Rnd(20_240_501UL), 200);

        // When / Then
        foreach (var ops in sequences)
        {
            Matches(ops).ShouldBeTrue(string.Join(",", ops));
        }

        static bool Matches(int[] ops)
        {
            var queue = new EventQueue<int>(capacity: 1);
            var reference = new SortedSet<(long Time, int Order)>();
            var order = 0;
            foreach (var op in ops)
            {
                if (op >= 0)
                {
                    queue.Enqueue(op, order);
                    reference.Add((op, order));
                    order++;
                }
                else if (reference.Count > 0)
                {
                    var expected = reference.Min;
                    reference.Remove(expected);
                    var actual = queue.Dequeue();
                    if (actual.TimeNs != expected.Time || actual.Payload != expected.Order)
                    {
                        return false;
                    }
                }
                else if (queue.TryDequeue(out _))
                {
                    return false;
                }
            }

            return queue.Count == reference.Count;
        }
    }

    [Fact]
    public void Should_hold_a_steady_state_workload_like_a_sorted_list()
    {
        // Given: the hold model, 1,000 events pending, each dequeue followed by an enqueue at a random later time.
        var random = new Random(42);
        var queue = new EventQueue<int>();
        var reference = new SortedSet<(long Time, long Sequence)>();
        long sequence = 0;
        for (var i = 0; i < 1_000; i++)
        {
            var t = random.NextInt64(1_000_000);
            queue.Enqueue(t, 0);
            reference.Add((t, sequence++));
        }

        // When / Then
        for (var i = 0; i < 100_000; i++)
        {
            var next = queue.Dequeue();
            var expected = reference.Min;
            reference.Remove(expected);
            next.TimeNs.ShouldBe(expected.Time);
            next.Sequence.ShouldBe(expected.Sequence);
            var later = next.TimeNs + random.NextInt64(1_000_000);
            queue.Enqueue(later, 0);
            reference.Add((later, sequence++));
        }
    }

    [Fact]
    public void Should_not_allocate_per_event_in_steady_state()
    {
        // Given: a queue that has already reached its size.
        var queue = new EventQueue<long>();
        for (long i = 0; i < 1_000; i++)
        {
            queue.Enqueue(i * 7 % 1_000, i);
        }

        Hold(queue, 100_000); // a first round, so any one-off work of the runtime (tiered JIT, statics) is done
        var before = GC.GetAllocatedBytesForCurrentThread();

        // When
        Hold(queue, 1_000_000);

        // Then: nothing per event (a stray one-off runtime allocation stays far below a byte an event; one allocation
        // per event would be tens of megabytes)
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(65_536);
    }

    private static void Hold(EventQueue<long> queue, int events)
    {
        for (long i = 0; i < events; i++)
        {
            var next = queue.Dequeue();
            queue.Enqueue(next.TimeNs + 1_000, next.Payload);
        }
    }
}
