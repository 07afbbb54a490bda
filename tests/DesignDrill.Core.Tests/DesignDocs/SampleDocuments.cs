namespace DesignDrill.Core.Tests.DesignDocs;

/// <summary>The complete example of docs/design-format.md, kept in sync by a test.</summary>
internal static class SampleDocuments
{
    public const string UrlShortener = """
        ---
        prompt: url-shortener
        level: senior
        conventions:
          seconds_per_day: 100K
          days_per_month: 30
          storage_prefixes: binary
        ---
        # URL shortener

        ## Clarifying questions
        - Q: How many daily active users? A: 100M
        - Custom aliases? -> yes, optional
        - Do links expire?

        ## Requirements
        ### Functional
        - Shorten a long URL, optionally with a custom alias
        - Redirect a short code to its long URL
        ### Non-functional
        - p99 redirect latency < 100 ms
        - 99.99% availability for redirects
        - strong consistency for alias creation, eventual consistency for click counts
        - 11 nines durability for stored links
        - RPO 0, RTO < 5 min
        - multi-region: US and EU
        - fast

        ## Estimates
        ```
        dau = 100M
        new_urls = dau * 0.1 / day
        write_rate = new_urls                    ≈ 1.2K/s
        read_rate = write_rate * 100             ≈ 116K/s   # 100:1 read/write
        storage_5y = new_urls * 5 years * 500 B  ≈ 9 TB
        ```

        ## API
        - `POST /v1/urls {long_url, custom_alias?, expires_at?} -> {short_url}`
        - `GET /{code} -> 302 Location`
        - `DELETE /v1/urls/{code} -> 204`

        ## Data model
        - url(code PK, long_url, user_id, created_at: timestamp, expires_at) in urls
        - click(code PK PARTITION, clicked_at SORT, country) in clicks

        ## Architecture
        ```
        lb: load_balancer x2
        api: service x6, 2K rps each, 20 ms
        cache: redis, 64 GB, ttl 24h, hit 90%, eviction lru
        urls: postgres, 1 primary + 2 replicas, 2 TB
        clicks: kafka, 12 partitions, consumers 3
        stats: worker x3, 500 rps, 50 ms

        flow redirect at read_rate * 3, read: client -> lb -> api -> cache -> urls on miss
        flow shorten at write_rate * 3, write, size 1 KB: client -> lb -> api -> urls
        flow analytics after redirect: api => clicks => stats
        ```

        ## Deep dives
        Key generation: base62 of a 64-bit id from a range allocator.

        ## Bottlenecks and failure modes
        - The primary is a single point of failure for writes; fail over to a replica.

        ## Trade-offs
        - 302 instead of 301 so clicks are counted.

        ## Operations
        - Alert on p99 redirect latency and cache hit ratio.
        """;
}
