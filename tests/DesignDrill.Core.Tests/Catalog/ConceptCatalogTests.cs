using System.Text.RegularExpressions;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Review;
using DesignDrill.Core.Tests.Review;
using FsCheck;
using FsCheck.Fluent;

namespace DesignDrill.Core.Tests.Catalog;

public partial class ConceptCatalogTests
{
    private const string Valid =
        """
        cards:
          - id: token-bucket
            title: Token bucket
            category: resilience
            front: How does a token bucket work?
            back: Tokens refill at a fixed rate. Each request takes one.
            terms: [token bucket]
            dimensions: [reliability, api-design]
            related: [leaky-bucket]
            source: Rule of thumb
          - id: leaky-bucket
            title: Leaky bucket
            category: resilience
            front: How does a leaky bucket work?
            back: Requests drain at a constant rate. Bursts wait.
            terms: [leaky bucket]
            dimensions: [reliability]
        """;

    /// <summary>The areas the brief asks the bundled cards to cover, one card id (or more) each.</summary>
    private static readonly string[] RequiredIds =
    [
        "vertical-scaling", "horizontal-scaling", "round-robin", "least-connections", "l4-vs-l7-load-balancing", "health-checks",
        "cache-aside", "read-through-cache", "write-through-cache", "write-behind-cache", "cache-invalidation", "cache-ttl",
        "cache-stampede", "cache-hit-ratio", "sql-vs-nosql", "leader-follower-replication", "multi-leader-replication",
        "leaderless-replication", "quorum", "replication-lag", "range-partitioning", "hash-partitioning",
        "directory-partitioning", "geo-partitioning", "rebalancing", "hot-partitions", "partition-key", "cap-theorem",
        "pacelc", "strong-consistency", "linearizability", "causal-consistency", "read-your-writes", "eventual-consistency",
        "message-queue", "at-most-once", "at-least-once", "exactly-once", "message-ordering", "dead-letter-queue",
        "consumer-groups", "idempotency", "idempotency-keys", "rest", "pagination", "api-versioning", "grpc", "websockets",
        "long-polling", "server-sent-events", "timeouts", "retries", "exponential-backoff", "jitter", "circuit-breaker",
        "bulkhead", "backpressure", "load-shedding", "rate-limiting", "token-bucket", "leaky-bucket", "sliding-window",
        "metrics", "logging", "distributed-tracing", "red-method", "use-method", "sli", "slo", "sla", "error-budget",
        "tail-latency", "authentication", "authorization", "oauth2", "oidc", "tls", "encryption-at-rest",
        "secrets-management", "least-privilege", "memory-latency", "ssd-latency", "disk-seek", "same-datacenter-round-trip",
        "cross-region-round-trip", "seconds-per-day", "dau-to-qps", "peak-factor", "storage-estimate", "availability-nines",
        "serial-availability", "parallel-availability", "raft", "paxos", "leader-election", "leases", "fencing-tokens", "cdn",
        "blob-storage", "bloom-filter", "hyperloglog", "count-min-sketch", "geohash", "quadtree", "consistent-hashing",
        "littles-law", "utilisation", "erlang-c", "single-point-of-failure", "redundancy", "rpo", "rto", "disaster-recovery",
        "active-active", "active-passive", "event-sourcing", "cqrs", "saga", "two-phase-commit", "outbox-pattern",
        "write-ahead-log", "lsm-tree", "b-tree", "database-indexes", "denormalisation", "fan-out-on-write", "fan-out-on-read",
    ];

    private static ConceptCatalogLoadResult Load(string yaml) => ConceptCatalog.Load(yaml, "concepts.yaml");

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0, $"'{find}' is not in the test YAML");
        return text[..at] + replace + text[(at + find.Length)..];
    }

    [Fact]
    public void Should_load_the_bundled_cards_without_any_diagnostic()
    {
        // Given / When
        var result = ConceptCatalog.DefaultLoadResult;

        // Then
        result.Diagnostics.ShouldBeEmpty(string.Join(Environment.NewLine, result.Diagnostics));
        ConceptCatalog.Default.Cards.Count.ShouldBe(result.Catalog.Cards.Count);
    }

    [Fact]
    public void Should_bundle_at_least_100_cards_with_every_category_used()
    {
        // Given
        var catalog = ConceptCatalog.Default;

        // When
        var perCategory = Enum.GetValues<ConceptCategory>().ToDictionary(c => c, c => catalog.ByCategory(c).Count);

        // Then
        catalog.Cards.Count.ShouldBeGreaterThanOrEqualTo(100);
        perCategory.Where(p => p.Value < 5).Select(p => p.Key).ShouldBeEmpty("every category has at least five cards");
        perCategory.Values.Sum().ShouldBe(catalog.Cards.Count);
    }

    [Fact]
    public void Should_cover_every_area_the_cards_were_asked_to_cover()
    {
        // Given
        var catalog = ConceptCatalog.Default;

        // When
        var missing = RequiredIds.Where(id => catalog.Get(id) is null).ToList();

        // Then
        missing.ShouldBeEmpty();
    }

    [Fact]
    public void Should_resolve_every_related_id_of_the_bundled_cards()
    {
        // Given
        var catalog = ConceptCatalog.Default;

        // When
        var broken = catalog.Cards.SelectMany(c => c.Related.Where(r => r == c.Id || catalog.Get(r) is null).Select(r => $"{c.Id} -> {r}")).ToList();

        // Then
        broken.ShouldBeEmpty();
        catalog.Cards.Count(c => c.Related.Count > 0).ShouldBeGreaterThan(catalog.Cards.Count * 9 / 10);
    }

    [Fact]
    public void Should_write_every_bundled_card_in_the_documented_shape()
    {
        // Given
        var catalog = ConceptCatalog.Default;

        // When
        var problems = catalog.Cards.SelectMany(Problems).ToList();

        // Then
        problems.ShouldBeEmpty();

        static IEnumerable<string> Problems(ConceptCard card)
        {
            if (!card.Front.EndsWith('?'))
            {
                yield return $"{card.Id}: the front is not a question";
            }

            var sentences = SentenceEnd().Count(card.Back);
            if (sentences is < 2 or > 5)
            {
                yield return $"{card.Id}: the back has {sentences} sentences, not 2 to 5";
            }

            if (card.Terms.Count == 0 || card.Dimensions.Count == 0)
            {
                yield return $"{card.Id}: no terms or no dimensions";
            }
        }
    }

    [Fact]
    public void Should_find_every_bundled_card_by_each_of_its_terms()
    {
        // Given
        var catalog = ConceptCatalog.Default;

        // When
        var lost = catalog.Cards.SelectMany(c => c.Terms.Where(t => catalog.FindByTerm(t) != c).Select(t => $"{c.Id}: '{t}'")).ToList();

        // Then
        lost.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("memory-latency")]
    [InlineData("ssd-latency")]
    [InlineData("disk-seek")]
    [InlineData("same-datacenter-round-trip")]
    [InlineData("cross-region-round-trip")]
    [InlineData("latency-numbers")]
    public void Should_cite_a_published_table_on_every_latency_number(string id)
    {
        // Given / When
        var card = ConceptCatalog.Default.Get(id).ShouldNotBeNull();

        // Then
        card.Category.ShouldBe(ConceptCategory.Estimation);
        card.Source.ShouldNotBeNull().ShouldContain("Dean");
        card.Source.ShouldContain("Colin Scott");
    }

    [Fact]
    public void Should_find_the_concepts_named_in_a_design_paragraph()
    {
        // Given
        const string Answer =
            """
            Writes go through a Token-Bucket rate limiter at the gateway. Reads use cache-aside with TTLs and jitter, and
            the payment client has Circuit Breakers and exponential back-off. Orders are sharded by user_id (hash
            partitioning); events leave through a transactional outbox to at-least-once consumers with a DLQ.
            """;

        // When
        var ids = ConceptCatalog.Default.Mentioned(Answer).Select(c => c.Id).ToList();

        // Then every named concept, once, in order ("sharded" is not a form of "sharding": only plurals are folded)
        ids.ShouldBe(
        [
            "token-bucket", "rate-limiting", "cache-aside", "cache-ttl", "jitter", "circuit-breaker", "exponential-backoff",
            "hash-partitioning", "outbox-pattern", "at-least-once", "dead-letter-queue",
        ]);
    }

    [Fact]
    public void Should_load_a_valid_file_with_every_field()
    {
        // Given / When
        var result = Load(Valid);

        // Then
        result.Diagnostics.ShouldBeEmpty();
        var card = result.Catalog.Get("token-bucket").ShouldNotBeNull();
        card.Title.ShouldBe("Token bucket");
        card.Category.ShouldBe(ConceptCategory.Resilience);
        card.Front.ShouldBe("How does a token bucket work?");
        card.Back.ShouldBe("Tokens refill at a fixed rate. Each request takes one.");
        card.Terms.ShouldBe(["token bucket"]);
        card.Dimensions.ShouldBe([RubricDimension.Reliability, RubricDimension.ApiDesign]);
        card.Related.ShouldBe(["leaky-bucket"]);
        card.Source.ShouldBe("Rule of thumb");
        (card.Span.Line, card.Span.Column).ShouldBe((2, 9));
        result.Catalog.Get("leaky-bucket").ShouldNotBeNull().Source.ShouldBeNull();
        result.Catalog.Cards.Select(c => c.Id).ShouldBe(["token-bucket", "leaky-bucket"]);
        result.Catalog.ByCategory(ConceptCategory.Resilience).Count.ShouldBe(2);
        result.Catalog.ByCategory(ConceptCategory.Caching).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("title: Token bucket", "title: [a, b]", ConceptCatalogDiagnosticCodes.WrongShape, Severity.Error, 3, 12, "title: text", false)]
    [InlineData("    back: Tokens refill at a fixed rate. Each request takes one.\n", "", ConceptCatalogDiagnosticCodes.MissingField, Severity.Error, 2, 5, "back:", false)]
    [InlineData("id: token-bucket", "id: Token_Bucket", ConceptCatalogDiagnosticCodes.InvalidId, Severity.Error, 2, 9, "lower-case", false)]
    [InlineData("related: [leaky-bucket]", "related: [leaky-bucket, leaky-bucket]", ConceptCatalogDiagnosticCodes.Duplicate, Severity.Error, 9, 29, "once", true)]
    [InlineData("title: Token bucket", "title: Token bucket\n    title: Again", ConceptCatalogDiagnosticCodes.Duplicate, Severity.Error, 4, 5, "Keep one", false)]
    [InlineData("category: resilience", "category: resiliance", ConceptCatalogDiagnosticCodes.UnknownCategory, Severity.Error, 4, 15, "Did you mean 'resilience'?", false)]
    [InlineData("api-design]", "api-desing]", ConceptCatalogDiagnosticCodes.UnknownDimension, Severity.Error, 8, 31, "Did you mean 'api-design'?", true)]
    [InlineData("related: [leaky-bucket]", "related: [leaky-buckt]", ConceptCatalogDiagnosticCodes.UnknownRelated, Severity.Error, 9, 15, "Did you mean 'leaky-bucket'?", true)]
    [InlineData("related: [leaky-bucket]", "related: [token-bucket]", ConceptCatalogDiagnosticCodes.UnknownRelated, Severity.Error, 9, 15, "other cards", true)]
    [InlineData("terms: [leaky bucket]", "terms: [Token-Buckets]", ConceptCatalogDiagnosticCodes.DuplicateTerm, Severity.Warning, 16, 13, "remove it here", true)]
    [InlineData("terms: [token bucket]", "terms: [token bucket, token-bucket]", ConceptCatalogDiagnosticCodes.DuplicateTerm, Severity.Warning, 7, 27, "remove it here", true)]
    [InlineData("source: Rule of thumb", "sources: Rule of thumb", ConceptCatalogDiagnosticCodes.UnknownKey, Severity.Warning, 10, 5, "Did you mean 'source'?", true)]
    [InlineData("terms: [token bucket]", "terms: [token bucket, '--']", ConceptCatalogDiagnosticCodes.InvalidValue, Severity.Error, 7, 27, "letters or digits", true)]
    [InlineData("terms: [token bucket]", "terms: [token bucket, B+tree]", ConceptCatalogDiagnosticCodes.InvalidValue, Severity.Error, 7, 27, "drop the punctuation", true)]
    [InlineData("front: How does a token bucket work?", "front: |\n      How does it work?\n      Tell me.", ConceptCatalogDiagnosticCodes.InvalidValue, Severity.Error, 5, 12, "one short question", false)]
    public void Should_report_a_mistake_at_its_line_and_column(string find, string replace, string code, Severity severity, int line, int column, string hint, bool cardKept)
    {
        // Given a file with one mistake in the first card
        var yaml = ReplaceFirst(Valid, find, replace);

        // When
        var result = Load(yaml);

        // Then one diagnostic at the mistake, with a hint; the card is kept or left out as documented
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        (diagnostic.Code, diagnostic.Severity).ShouldBe((code, severity));
        (diagnostic.Diagnostic.Span.Line, diagnostic.Diagnostic.Span.Column).ShouldBe((line, column));
        diagnostic.Diagnostic.Hint.ShouldNotBeNull().ShouldContain(hint);
        diagnostic.File.ShouldBe("concepts.yaml");
        (result.Catalog.Get("token-bucket") is not null || result.Catalog.Get("Token_Bucket") is not null).ShouldBe(cardKept || code == ConceptCatalogDiagnosticCodes.DuplicateTerm);
        result.Catalog.Get("leaky-bucket").ShouldNotBeNull();
    }

    [Fact]
    public void Should_report_a_second_card_with_the_same_id_and_leave_it_out()
    {
        // Given
        var yaml = Valid + "\n  - id: leaky-bucket\n    title: Again\n    category: resilience\n    front: Again?\n    back: A. B.\n    terms: [again]\n    dimensions: [reliability]\n";

        // When
        var result = Load(yaml);

        // Then
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        (diagnostic.Code, diagnostic.Diagnostic.Span.Line, diagnostic.Diagnostic.Span.Column).ShouldBe((ConceptCatalogDiagnosticCodes.Duplicate, 18, 9));
        diagnostic.Diagnostic.Message.ShouldContain("line 11");
        diagnostic.ToString().ShouldStartWith("concepts.yaml:18:9: error CON005");
        result.Catalog.Get("leaky-bucket").ShouldNotBeNull().Title.ShouldBe("Leaky bucket");
        result.Catalog.FindByTerm("again").ShouldBeNull();
    }

    [Theory]
    [InlineData("cards: [unclosed\n", ConceptCatalogDiagnosticCodes.YamlSyntax, true, "indentation")]
    [InlineData("cards: 5\n", ConceptCatalogDiagnosticCodes.WrongShape, true, "- ")]
    [InlineData("- a\n- b\n", ConceptCatalogDiagnosticCodes.WrongShape, true, "Start the file with 'cards:'")]
    [InlineData("cards:\n  - just a text\n", ConceptCatalogDiagnosticCodes.WrongShape, true, "key: value")]
    [InlineData("cards: []\n", ConceptCatalogDiagnosticCodes.WrongShape, true, "- ")]
    [InlineData("", ConceptCatalogDiagnosticCodes.WrongShape, false, "Start the file with 'cards:'")]
    public void Should_report_a_file_that_is_not_a_list_of_cards(string yaml, string code, bool hasLocation, string hint)
    {
        // Given / When
        var result = Load(yaml);

        // Then
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(code);
        diagnostic.Severity.ShouldBe(Severity.Error);
        diagnostic.Diagnostic.Span.HasLocation.ShouldBe(hasLocation);
        diagnostic.Diagnostic.Hint.ShouldNotBeNull().ShouldContain(hint);
        result.Catalog.Cards.ShouldBeEmpty();
    }

    [Fact]
    public void Should_name_a_default_file_when_none_is_given()
    {
        // Given / When
        var result = ConceptCatalog.Load("cards: 5\n", null);

        // Then
        result.Diagnostics.ShouldHaveSingleItem().File.ShouldBe(ConceptCatalog.DefaultFileName);
    }

    [Theory]
    [InlineData("We add circuit breakers to every client.", "circuit-breaker")]
    [InlineData("A Circuit-Breaker per dependency", "circuit-breaker")]
    [InlineData("THE CIRCUIT BREAKER OPENS", "circuit-breaker")]
    [InlineData("limit with a token_bucket", "token-bucket")]
    [InlineData("Token Buckets per API key", "token-bucket")]
    [InlineData("token\nbucket across a line break", "token-bucket")]
    [InlineData("pub-sub or pub/sub", "pub-sub")]
    [InlineData("indexes on user_id", "index")]
    [InlineData("retry policies", "retry-policy")]
    [InlineData("Caches in front of the database", "cache")]
    [InlineData("Little's law gives the pool size; so does Littles law", "littles-law")]
    [InlineData("the CAP theorem; CAP says", "cap")]
    [InlineData("SLAs with customers", "sla")]
    [InlineData("we take a lease", "lease")]
    public void Should_find_a_term_written_with_plurals_hyphens_or_another_case(string text, string id)
    {
        // Given
        var catalog = MatchingCatalog();

        // When
        var mentioned = catalog.Mentioned(text);

        // Then
        mentioned.Select(c => c.Id).Distinct().ShouldBe([id]);
    }

    [Theory]
    [InlineData("the value is cached for a minute")]
    [InlineData("caching layer")]
    [InlineData("the service released a new version")]
    [InlineData("cap the queue at 1,000 messages")]
    [InlineData("the sla is loose")]
    [InlineData("a token. Bucket lists are personal.")]
    [InlineData("token, bucket")]
    [InlineData("circuitbreaker")]
    [InlineData("")]
    public void Should_not_find_a_term_inside_other_words_or_across_punctuation(string text)
    {
        // Given
        var catalog = MatchingCatalog();

        // When
        var mentioned = catalog.Mentioned(text);

        // Then
        mentioned.ShouldBeEmpty();
    }

    [Fact]
    public void Should_give_overlapping_words_to_the_longest_term()
    {
        // Given a card with 'leader' and another with 'leader election'
        var catalog = MatchingCatalog();

        // When
        var mentions = catalog.FindMentions("Leader election picks a leader.");

        // Then
        mentions.Select(m => (m.Card.Id, m.Term, m.Start, m.Length)).ShouldBe(
        [
            ("leader-election", "leader election", 0, 15),
            ("leader", "leader", 24, 6),
        ]);
    }

    [Fact]
    public void Should_return_each_card_once_in_the_order_of_its_first_mention()
    {
        // Given
        var catalog = MatchingCatalog();

        // When
        var mentioned = catalog.Mentioned("A lease, a circuit breaker, then another lease and more circuit breakers.");

        // Then
        mentioned.Select(c => c.Id).ShouldBe(["lease", "circuit-breaker"]);
        catalog.FindMentions("Use circuit breakers.").ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            m => m.Start.ShouldBe(4),
            m => m.Length.ShouldBe(16),
            m => m.Term.ShouldBe("circuit breaker"));
    }

    [Theory]
    [InlineData("token bucket", "token-bucket")]
    [InlineData("Token-Buckets", "token-bucket")]
    [InlineData("  circuit breaker  ", "circuit-breaker")]
    [InlineData("circuit breaker pattern", null)]
    [InlineData("token", null)]
    [InlineData("", null)]
    public void Should_find_a_card_by_a_whole_term(string term, string? id)
    {
        // Given
        var catalog = MatchingCatalog();

        // When
        var card = catalog.FindByTerm(term);

        // Then
        card?.Id.ShouldBe(id);
        (card is null).ShouldBe(id is null);
    }

    [Fact]
    public void Should_never_throw_and_keep_mentions_inside_the_text_for_any_text()
    {
        // Given
        var catalog = MatchingCatalog();
        string[] fragments = ["token", "bucket", "Token", "BUCKETS", "-", "_", "/", " ", "\n", ".", ",", "'", "’", "s", "es", "ies", "1", "2.0", "CAP", "lease", "\uD800", "é", "Little"];
        var arbitrary = Gen.ListOf(Gen.Elements(fragments)).Select(parts => string.Concat(parts)).ToArbitrary();

        // When / Then
        Prop.ForAll(arbitrary, text =>
        {
            var mentions = catalog.FindMentions(text);
            var inside = mentions.All(m => m.Start >= 0 && m.Length > 0 && m.Start + m.Length <= text.Length);
            var ordered = mentions.Zip(mentions.Skip(1)).All(p => p.First.Start + p.First.Length <= p.Second.Start);
            return inside && ordered && catalog.Mentioned(text).Count <= mentions.Count;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Should_never_throw_while_loading_arbitrary_text()
    {
        // Given
        var arbitrary = ArbMap.Default.ArbFor<string>();

        // When / Then
        Prop.ForAll(arbitrary, text =>
        {
            var result = ConceptCatalog.Load(text ?? "");
            return result.Catalog.Cards.Count == 0 || !result.HasErrors || result.Diagnostics.Count > 0;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Should_document_every_diagnostic_code_and_category()
    {
        // Given
        var page = RepoFiles.Read("docs/concept-cards.md");
        var codes = typeof(ConceptCatalogDiagnosticCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();

        // When
        var undocumented = codes.Where(c => !page.Contains($"| {c} |", StringComparison.Ordinal))
            .Concat(Enum.GetValues<ConceptCategory>().Select(ConceptCatalog.CategoryName).Where(n => !page.Contains($"| `{n}` |", StringComparison.Ordinal)))
            .ToList();

        // Then
        codes.Count.ShouldBe(11);
        undocumented.ShouldBeEmpty();
    }

    [Fact]
    public void Should_name_categories_in_kebab_case()
    {
        // Given / When / Then
        ConceptCatalog.CategoryName(ConceptCategory.ApiDesign).ShouldBe("api-design");
        ConceptCatalog.CategoryName(ConceptCategory.DataStructures).ShouldBe("data-structures");
        ConceptCatalog.CategoryName(ConceptCategory.Scaling).ShouldBe("scaling");
    }

    /// <summary>A small catalog whose terms exercise the matching rules.</summary>
    private static ConceptCatalog MatchingCatalog()
    {
        var cards = new (string Id, string Terms)[]
        {
            ("circuit-breaker", "[circuit breaker]"),
            ("token-bucket", "[token bucket]"),
            ("pub-sub", "[pub/sub]"),
            ("index", "[index]"),
            ("retry-policy", "[retry policy]"),
            ("cache", "[cache]"),
            ("littles-law", "[Little's law]"),
            ("cap", "[CAP]"),
            ("sla", "[SLA]"),
            ("lease", "[lease]"),
            ("leader", "[leader]"),
            ("leader-election", "[leader election]"),
        };
        var yaml = "cards:\n" + string.Concat(cards.Select(c =>
            $"  - id: {c.Id}\n    title: T\n    category: scaling\n    front: Q?\n    back: A. B.\n    terms: {c.Terms}\n    dimensions: [scalability]\n"));
        var result = ConceptCatalog.Load(yaml);
        result.Diagnostics.ShouldBeEmpty();
        return result.Catalog;
    }

    /// <summary>A full stop, question or exclamation mark followed by white space or the end: a sentence end.</summary>
    [GeneratedRegex(@"[.!?](?=\s|$)")]
    private static partial Regex SentenceEnd();
}
