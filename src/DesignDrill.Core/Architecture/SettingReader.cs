using DesignDrill.Core.Text;

namespace DesignDrill.Core.Architecture;

/// <summary>Classifies one comma-separated setting of a component or flow into a <see cref="ComponentSetting"/>.</summary>
internal static class SettingReader
{
    private const int MaxClassifiedLength = 512;

    /// <summary>Key phrases written before the value (<c>ttl 24h</c>), longest first, with their normalised key.</summary>
    private static readonly (string Phrase, string Key)[] PrefixKeys =
    [
        ("partitioned by", "partition_key"), ("partition key", "partition_key"), ("partition by", "partition_key"),
        ("sharded by", "partition_key"), ("shard key", "partition_key"), ("shard by", "partition_key"),
        ("read replicas", "replicas"), ("consumer groups", "consumer_groups"), ("service time", "latency"),
        ("hit ratio", "hit_ratio"), ("hit rate", "hit_ratio"), ("rate limit", "limit"), ("queue size", "queue_size"),
        ("replicas", "replicas"), ("replica", "replicas"), ("instances", "replicas"), ("nodes", "replicas"),
        ("capacity", "capacity"), ("throughput", "capacity"), ("latency", "latency"),
        ("memory", "memory"), ("mem", "memory"), ("ram", "memory"), ("storage", "storage"), ("disk", "storage"),
        ("ttl", "ttl"), ("expiry", "ttl"), ("hit", "hit_ratio"), ("eviction", "eviction"), ("evict", "eviction"),
        ("partitions", "partitions"), ("shards", "shards"), ("consumers", "consumers"), ("dlq", "dlq"),
        ("strategy", "strategy"), ("balancing", "strategy"), ("algorithm", "algorithm"), ("algo", "algorithm"),
        ("limit", "limit"), ("regions", "regions"), ("region", "regions"), ("zones", "zones"), ("azs", "zones"), ("az", "zones"),
        ("primaries", "primaries"), ("primary", "primaries"), ("size", "size"), ("request", "size"), ("payload", "size"),
        ("response", "response_size"), ("timeout", "timeout"), ("retries", "retries"), ("concurrency", "concurrency"),
        ("threads", "concurrency"), ("connections", "connections"), ("replication", "replication"), ("consistency", "consistency"),
        ("quorum", "quorum"), ("batch", "batch_size"), ("visibility timeout", "visibility_timeout"),
    ];

    /// <summary>Key words written after the value (<c>12 partitions</c>, <c>64 GB memory</c>).</summary>
    private static readonly (string Phrase, string Key)[] SuffixKeys =
    [
        ("hit ratio", "hit_ratio"), ("hit rate", "hit_ratio"), ("read replicas", "replicas"), ("consumer groups", "consumer_groups"),
        ("partitions", "partitions"), ("partition", "partitions"), ("shards", "shards"), ("shard", "shards"),
        ("consumers", "consumers"), ("consumer", "consumers"), ("replicas", "replicas"), ("replica", "replicas"),
        ("instances", "replicas"), ("nodes", "replicas"), ("zones", "zones"), ("azs", "zones"), ("az", "zones"),
        ("regions", "regions"), ("region", "regions"), ("primaries", "primaries"), ("primary", "primaries"),
        ("hits", "hit_ratio"), ("hit", "hit_ratio"), ("memory", "memory"), ("ram", "memory"), ("storage", "storage"),
        ("disk", "storage"), ("latency", "latency"), ("capacity", "capacity"), ("ttl", "ttl"), ("threads", "concurrency"),
        ("connections", "connections"), ("retries", "retries"), ("timeout", "timeout"),
    ];

    /// <summary>Bare words with a known meaning: the key they set.</summary>
    private static readonly Dictionary<string, string> KnownWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["token_bucket"] = "algorithm",
        ["leaky_bucket"] = "algorithm",
        ["fixed_window"] = "algorithm",
        ["sliding_window"] = "algorithm",
        ["sliding_log"] = "algorithm",
        ["sliding_window_log"] = "algorithm",
        ["sliding_window_counter"] = "algorithm",
        ["gcra"] = "algorithm",
        ["round_robin"] = "strategy",
        ["least_connections"] = "strategy",
        ["least_conn"] = "strategy",
        ["least_requests"] = "strategy",
        ["random"] = "strategy",
        ["ip_hash"] = "strategy",
        ["consistent_hash"] = "strategy",
        ["consistent_hashing"] = "strategy",
        ["weighted_round_robin"] = "strategy",
        ["power_of_two"] = "strategy",
        ["lru"] = "eviction",
        ["lfu"] = "eviction",
        ["fifo"] = "eviction",
        ["allkeys_lru"] = "eviction",
        ["volatile_lru"] = "eviction",
        ["allkeys_lfu"] = "eviction",
        ["volatile_ttl"] = "eviction",
        ["dlq"] = "dlq",
        ["dead_letter"] = "dlq",
        ["write_through"] = "write_policy",
        ["write_back"] = "write_policy",
        ["write_behind"] = "write_policy",
        ["write_around"] = "write_policy",
        ["cache_aside"] = "write_policy",
        ["read_through"] = "write_policy",
        ["multi_az"] = "zones",
        ["multi_region"] = "regions",
    };

    /// <summary>Reads the setting in <c>[start, end)</c> (already trimmed, non-empty); may yield two for <c>1 primary + 2 replicas</c>.</summary>
    public static IEnumerable<ComponentSetting> Read(string text, int start, int end, int line)
    {
        var span = LineText.Span(line, start, end);
        if (end - start > MaxClassifiedLength)
        {
            return [new ComponentSetting(null, text[start..end], span, SettingForm.Word, span)];
        }

        var perReplica = false;
        var valueEnd = end;
        foreach (var suffix in new[] { "each", "per replica", "per node", "per instance", "per server", "per worker", "per consumer" })
        {
            var at = end - suffix.Length;
            if (at > start && string.Compare(text, at, suffix, 0, suffix.Length, StringComparison.OrdinalIgnoreCase) == 0 && text[at - 1] is ' ' or '\t')
            {
                perReplica = true;
                valueEnd = LineText.Trim(text, start, at).End;
                break;
            }
        }

        if (PrimaryAndReplicas(text, start, valueEnd, line) is { } topology)
        {
            return topology;
        }

        foreach (var (phrase, key) in PrefixKeys)
        {
            if (!PhraseAt(text, start, valueEnd, phrase))
            {
                continue;
            }

            var i = LineText.SkipSpace(text, start + phrase.Length, valueEnd);
            if (i < valueEnd && text[i] is '=' or ':')
            {
                i = LineText.SkipSpace(text, i + 1, valueEnd);
            }

            if (i < valueEnd && i > start + phrase.Length)
            {
                return [new ComponentSetting(key, text[i..valueEnd], span, SettingForm.KeyValue, LineText.Span(line, i, valueEnd), perReplica)];
            }

            if (i < valueEnd && text[start + phrase.Length] is '=' or ':')
            {
                return [new ComponentSetting(key, text[i..valueEnd], span, SettingForm.KeyValue, LineText.Span(line, i, valueEnd), perReplica)];
            }
        }

        foreach (var (phrase, key) in SuffixKeys)
        {
            var at = valueEnd - phrase.Length;
            if (at > start && PhraseAt(text, at, valueEnd, phrase) && text[at - 1] is ' ' or '\t')
            {
                var (vs, ve) = LineText.Trim(text, start, at);
                if (vs < ve && (char.IsAsciiDigit(text[vs]) || IsSingleName(text, vs, ve)))
                {
                    return [new ComponentSetting(key, text[vs..ve], span, SettingForm.KeyValue, LineText.Span(line, vs, ve), perReplica)];
                }
            }
        }

        var valueSpan = LineText.Span(line, start, valueEnd);
        var value = text[start..valueEnd];
        if (char.IsAsciiDigit(text[start]) || (text[start] is '.' or '~' or '≈' && start + 1 < valueEnd && char.IsAsciiDigit(text[start + 1])))
        {
            return [new ComponentSetting(null, value, span, SettingForm.Quantity, valueSpan, perReplica)];
        }

        var normalized = value.Replace('-', '_').Replace(' ', '_');
        return KnownWords.TryGetValue(normalized, out var wordKey)
            ? [new ComponentSetting(wordKey, value, span, SettingForm.Word, valueSpan, perReplica)]
            : [new ComponentSetting(null, value, span, SettingForm.Word, valueSpan, perReplica)];
    }

    /// <summary><c>1 primary + 2 replicas</c> (also "and", "," and singular/plural forms) as two settings.</summary>
    private static List<ComponentSetting>? PrimaryAndReplicas(string text, int start, int end, int line)
    {
        if (!char.IsAsciiDigit(text[start]))
        {
            return null;
        }

        var n1End = Digits(text, start, end);
        var word1 = LineText.SkipSpace(text, n1End, end);
        var word1End = LineText.ReadName(text, word1, end, allowHyphen: false);
        var w1 = LineText.Slice(text, word1, word1End).ToLowerInvariant();
        if (w1 is not ("primary" or "primaries" or "leader" or "leaders"))
        {
            return null;
        }

        var join = LineText.SkipSpace(text, word1End, end);
        if (join < end && text[join] == '+')
        {
            join++;
        }
        else if (LineText.WordAt(text, join, end, "and"))
        {
            join += 3;
        }
        else
        {
            return null;
        }

        var n2 = LineText.SkipSpace(text, join, end);
        var n2End = Digits(text, n2, end);
        var word2 = LineText.SkipSpace(text, n2End, end);
        if (LineText.WordAt(text, word2, end, "read"))
        {
            word2 = LineText.SkipSpace(text, word2 + 4, end);
        }

        var word2End = LineText.ReadName(text, word2, end, allowHyphen: false);
        var w2 = LineText.Slice(text, word2, word2End).ToLowerInvariant();
        if (n2End == n2 || w2 is not ("replica" or "replicas" or "follower" or "followers" or "secondaries" or "secondary") || LineText.SkipSpace(text, word2End, end) != end)
        {
            return null;
        }

        return
        [
            new ComponentSetting("primaries", text[start..n1End], LineText.Span(line, start, word1End), SettingForm.KeyValue, LineText.Span(line, start, n1End)),
            new ComponentSetting("replicas", text[n2..n2End], LineText.Span(line, n2, word2End), SettingForm.KeyValue, LineText.Span(line, n2, n2End)),
        ];
    }

    private static int Digits(string text, int i, int end)
    {
        while (i < end && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool PhraseAt(string text, int i, int end, string phrase) =>
        i + phrase.Length <= end
        && string.Compare(text, i, phrase, 0, phrase.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (i + phrase.Length == end || !LineText.IsIdentPart(text[i + phrase.Length]));

    private static bool IsSingleName(string text, int start, int end) =>
        LineText.ReadName(text, start, end, allowHyphen: false) == end;
}
