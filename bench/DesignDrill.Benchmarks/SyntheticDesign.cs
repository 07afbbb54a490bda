using System.Globalization;
using System.Text;

namespace DesignDrill.Benchmarks;

/// <summary>
/// Builds a large, valid design document for the analysis benchmarks: a number of product domains, each with the same
/// realistic shape — a load balancer, a gateway with a rate limiter, two services, two caches, a SQL store with
/// replicas, a wide-column store, a document store, a search index, a time-series store, a warehouse, an object
/// store, an id generator, a queue, a stream and three kinds of workers — and five flows: a cached read, a write with
/// sibling calls and a change-data-capture hand-off, a fanned-out search read, a fan-out on write after the write,
/// and an export through a queue after the write. Domains differ in their user counts, so their loads differ.
/// </summary>
/// <remarks>
/// The text is a pure function of <c>domains</c>: no clock, no random source. The same file is compiled into the test
/// project, where a test checks that the document reviews without errors or warnings.
/// </remarks>
public static class SyntheticDesign
{
    /// <summary>Components declared per domain: 20.</summary>
    public const int ComponentsPerDomain = 20;

    /// <summary>Flows declared per domain: 5.</summary>
    public const int FlowsPerDomain = 5;

    /// <summary>Domains in the benchmark's design: 10, for the acceptance criterion's 200 components and 50 flows.</summary>
    public const int BenchmarkDomains = 10;

    /// <summary>Builds the document.</summary>
    /// <param name="domains">Number of domains, from 1; the design has 20 components and 5 flows per domain.</param>
    /// <returns>The Markdown text, LF line ends.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="domains"/> is below 1.</exception>
    public static string Generate(int domains = BenchmarkDomains)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(domains, 1);
        var b = new StringBuilder(domains * 4096);
        b.Append("---\nprompt: super-app\nlevel: senior\n---\n\n# Super app, ")
            .Append(domains.ToString(CultureInfo.InvariantCulture)).Append(" domains\n\n");

        b.Append("## Clarifying questions\n")
            .Append("- How many users? Each domain has its own audience, from 2M to ")
            .Append((domains + 1).ToString(CultureInfo.InvariantCulture)).Append("M daily active users.\n")
            .Append("- What do users do? Read about twenty items a day, search five times and write two items.\n\n");

        b.Append("## Requirements\n\n### Functional\n- Read, search and write items in every domain.\n- Push every write to followers and export it for analytics.\n\n")
            .Append("### Non-functional\n- p99 read latency < 300 ms.\n- Availability 99.9% for reads and writes.\n- Eventual consistency for feeds and analytics.\n\n");

        b.Append("## Estimates\n```\n");
        for (var d = 0; d < domains; d++)
        {
            var s = Suffix(d);
            b.Append(CultureInfo.InvariantCulture, $"dau{s} = {2 + d}M\n")
                .Append(CultureInfo.InvariantCulture, $"read_rate{s} = dau{s} * 20 / day\n")
                .Append(CultureInfo.InvariantCulture, $"write_rate{s} = dau{s} * 2 / day\n")
                .Append(CultureInfo.InvariantCulture, $"search_rate{s} = dau{s} * 5 / day\n")
                .Append(CultureInfo.InvariantCulture, $"peak_read{s} = read_rate{s} * 3\n")
                .Append(CultureInfo.InvariantCulture, $"peak_write{s} = write_rate{s} * 3\n")
                .Append(CultureInfo.InvariantCulture, $"peak_search{s} = search_rate{s} * 3\n")
                .Append(CultureInfo.InvariantCulture, $"followers{s} = 10\n")
                .Append(CultureInfo.InvariantCulture, $"storage_5y{s} = write_rate{s} * 5 years * 1 KB\n");
        }

        b.Append("```\n\n## API\n");
        for (var d = 0; d < domains; d++)
        {
            b.Append(CultureInfo.InvariantCulture, $"- `GET /d{d}/items/{{id}} -> {{id, body}}`\n")
                .Append(CultureInfo.InvariantCulture, $"- `GET /d{d}/search?q&limit&cursor -> {{items, next_cursor}}`\n")
                .Append(CultureInfo.InvariantCulture, $"- `POST /d{d}/items {{body, idempotency_key}} -> {{id}}`\n");
        }

        b.Append("\n## Data model\n");
        for (var d = 0; d < domains; d++)
        {
            var s = Suffix(d);
            b.Append(CultureInfo.InvariantCulture, $"- `item{s}(id PK PARTITION, owner_id, body, created_at) in db{s}`\n")
                .Append(CultureInfo.InvariantCulture, $"- `timeline{s}(user_id PK PARTITION, created_at SORT, item_id) in kv{s}`\n")
                .Append(CultureInfo.InvariantCulture, $"- `profile{s}(user_id PK PARTITION, name, bio) in docs{s}`\n");
        }

        b.Append("\n## Architecture\n```\n");
        for (var d = 0; d < domains; d++)
        {
            var s = Suffix(d);
            b.Append(CultureInfo.InvariantCulture, $"lb{s}: load_balancer x2\n")
                .Append(CultureInfo.InvariantCulture, $"gw{s}: api_gateway x3\n")
                .Append(CultureInfo.InvariantCulture, $"limiter{s}: rate_limiter x2, token_bucket\n")
                .Append(CultureInfo.InvariantCulture, $"api{s}: service x12, 2K rps each, 10 ms\n")
                .Append(CultureInfo.InvariantCulture, $"profile{s}: service x8, 1K rps each, 15 ms\n")
                .Append(CultureInfo.InvariantCulture, $"cache{s}: redis x3, 32 GB each, ttl 1h, hit 90%, eviction lru\n")
                .Append(CultureInfo.InvariantCulture, $"profile_cache{s}: memcached x2, 16 GB each, ttl 10 min, hit 80%, eviction lru\n")
                .Append(CultureInfo.InvariantCulture, $"db{s}: postgres, 1 primary + 2 replicas, 2 TB, partition key id\n")
                .Append(CultureInfo.InvariantCulture, $"kv{s}: cassandra x6, partition key user_id\n")
                .Append(CultureInfo.InvariantCulture, $"docs{s}: mongodb x3, partition key user_id\n")
                .Append(CultureInfo.InvariantCulture, $"search{s}: elasticsearch x6\n")
                .Append(CultureInfo.InvariantCulture, $"metrics{s}: influxdb x2, partition key series_id\n")
                .Append(CultureInfo.InvariantCulture, $"warehouse{s}: clickhouse x2, partition key item_id\n")
                .Append(CultureInfo.InvariantCulture, $"objects{s}: s3\n")
                .Append(CultureInfo.InvariantCulture, $"ids{s}: id_generator x2\n")
                .Append(CultureInfo.InvariantCulture, $"jobs{s}: sqs\n")
                .Append(CultureInfo.InvariantCulture, $"events{s}: kafka x3, 10K rps each, 12 partitions\n")
                .Append(CultureInfo.InvariantCulture, $"fanout{s}: worker x8, 500 rps each, 20 ms\n")
                .Append(CultureInfo.InvariantCulture, $"exporter{s}: worker x4, 500 rps each, 50 ms\n")
                .Append(CultureInfo.InvariantCulture, $"notifier{s}: worker x2, 1K rps each, 5 ms\n");
        }

        b.Append('\n');
        for (var d = 0; d < domains; d++)
        {
            var s = Suffix(d);
            b.Append(CultureInfo.InvariantCulture, $"flow read{s} at peak_read{s}, read: client -> lb{s} -> gw{s} -> limiter{s} + api{s} -> cache{s} -> db{s} on miss\n")
                .Append(CultureInfo.InvariantCulture, $"flow write{s} at peak_write{s}, write, size 1 KB: client -> lb{s} -> gw{s} -> limiter{s} + api{s} -> ids{s} + db{s} => events{s}\n")
                .Append(CultureInfo.InvariantCulture, $"flow search{s} at peak_search{s}, read: client -> lb{s} -> gw{s} -> api{s} -> search{s} + profile{s} x 2 -> profile_cache{s} -> docs{s} on miss\n")
                .Append(CultureInfo.InvariantCulture, $"flow fan{s} after write{s}: events{s} => fanout{s} -> kv{s} x followers{s} + metrics{s}\n")
                .Append(CultureInfo.InvariantCulture, $"flow export{s} after write{s}: api{s} => jobs{s} => exporter{s} -> objects{s} + warehouse{s} x 1% + notifier{s}\n");
        }

        b.Append("```\n\n")
            .Append("## Deep dives\nEach domain owns its stores; writes reach followers through its event stream.\n\n")
            .Append("## Bottlenecks and failure modes\n- A primary failure fails writes over to a replica in about 30 s.\n\n")
            .Append("## Trade-offs\n- Fan-out on write over fan-out on read: reads stay cheap at the price of write amplification.\n\n")
            .Append("## Operations\nDashboards for p99 latency, error rate, cache hit ratio and consumer lag per domain. Daily snapshots of every\nstore with point-in-time recovery; rolling deploys. Every call carries an OAuth token, and each client is rate limited.\n");
        return b.ToString();
    }

    private static string Suffix(int domain) => "_" + domain.ToString(CultureInfo.InvariantCulture);
}
