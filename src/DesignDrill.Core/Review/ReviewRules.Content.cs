using System.Text.RegularExpressions;
using DesignDrill.Core.Architecture;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Review;

/// <content>Rules that read what the design says (REV050–REV079).</content>
public static partial class ReviewRules
{
    /// <summary>Rules on the content of the sections: security, operations, messaging, consistency, partitioning.</summary>
    /// <remarks>
    /// These rules read the text as well as the model, so most of them are satisfied by a plain sentence that says the
    /// thing ("backups are daily snapshots with point-in-time recovery"): an interviewer gives credit for a decision
    /// stated in words. Each text search is documented with its rule in docs/review-rules.md.
    /// </remarks>
    private static IReadOnlyList<ReviewRule> ContentRules { get; } =
    [
        new("REV050", "sync-side-effect", RubricDimension.Scalability,
            "A slow side effect (email, push, SMS, analytics, media processing, exports) sits on a synchronous path with no queue before it.", SyncSideEffects)
        { Concept = "docs/concepts/queues-and-async.md" },
        new("REV051", "queue-without-failure-handling", RubricDimension.Reliability,
            "A queue or stream has no dead-letter queue, and nothing in the design mentions retries or idempotent consumers.", QueuesWithoutFailureHandling)
        { Concept = "docs/concepts/queues-and-async.md" },
        new("REV052", "no-rate-limiting", RubricDimension.ApiDesign,
            "The API accepts writes, but no limiter, gateway limit or text says how abusive or runaway clients are throttled.", NoRateLimiting)
        { Concept = "docs/concepts/rate-limiting.md" },
        new("REV053", "critical-write-without-idempotency-key", RubricDimension.ApiDesign,
            "An endpoint that creates an order, payment, booking, message or transfer takes no idempotency key, so a retry can do it twice.", CriticalWritesWithoutKey)
        { Concept = "docs/concepts/idempotency-keys.md" },
        new("REV054", "list-without-pagination", RubricDimension.ApiDesign,
            "A GET on a collection returns a list with no limit, page or cursor parameter.", ListsWithoutPagination)
        { Concept = "docs/concepts/pagination.md" },
        new("REV055", "no-authentication", RubricDimension.ApiDesign,
            "The design exposes an API but never says how callers are authenticated.", NoAuthentication)
        { Concept = "docs/concepts/authentication.md" },
        new("REV056", "strong-consistency-on-eventual-store", RubricDimension.DataModelling,
            "Data the requirements want strongly consistent lives only in a store that is eventually consistent by default.", StrongOnEventualStore)
        { Concept = "docs/concepts/consistency-models.md" },
        new("REV057", "hot-partition-key", RubricDimension.DataModelling,
            "A partition key concentrates load: a time, a status, a flag, a country, or a celebrity's id.", HotPartitionKeys)
        { Concept = "docs/concepts/partitioning.md" },
        new("REV058", "no-observability", RubricDimension.OperationalRealism,
            "Nothing says how the system is watched: no metrics, logs, traces, alerts, dashboards, SLOs or monitoring component.", NoObservability)
        { Concept = "docs/concepts/observability.md" },
        new("REV059", "no-backups", RubricDimension.Reliability,
            "The design keeps data but never mentions backups, restores, RPO/RTO or disaster recovery.", NoBackups)
        { Concept = "docs/concepts/backups-and-dr.md" },
        new("REV060", "no-deployment-strategy", RubricDimension.OperationalRealism,
            "Nothing says how a change reaches production or is undone: no rolling, canary or blue-green deploy, flag or rollback.", NoDeploymentStrategy)
        { Concept = "docs/concepts/deployment-strategies.md" },
        new("REV061", "trade-offs-without-alternatives", RubricDimension.TradeOffs,
            "The Trade-offs section states choices but names no alternative they were weighed against.", TradeOffsWithoutAlternatives)
        { Concept = "docs/concepts/trade-offs.md" },
        new("REV062", "no-api-versioning", RubricDimension.ApiDesign,
            "No endpoint carries a version and the text never says how the API evolves without breaking clients.", NoApiVersioning)
        { Concept = "docs/concepts/api-design.md" },
    ];

    /// <summary>Every line of the document that a text search should see: the preamble, the section titles and their lines.</summary>
    private static IEnumerable<string> DocumentText(ReviewContext c) =>
        c.Document.Preamble.Select(l => l.Text)
            .Concat(c.Document.Sections.SelectMany(s => s.Lines.Select(l => l.Text).Prepend(s.Title)));

    /// <summary>True when any line of the document matches <paramref name="pattern"/>.</summary>
    private static bool Mentions(ReviewContext c, Regex pattern) => DocumentText(c).Any(pattern.IsMatch);

    private static bool IsMessaging(ComponentDecl component, ReviewContext c) =>
        component.Kind is { } kind && (kind == ComponentKind.Queue || kind == ComponentKind.Stream || kind == ComponentKind.PubSub
            || c.Catalog.GetKind(kind)?.Category == ComponentCategory.Messaging && kind != ComponentKind.Dlq);

    private static IEnumerable<Finding> SyncSideEffects(ReviewContext c)
    {
        var rule = Rule("REV050");
        var architecture = c.Document.Architecture;
        foreach (var flow in architecture.Flows.Where(f => !f.IsAsync))
        {
            var steps = flow.Steps;
            if (steps.Count == 0 || architecture.FindComponent(steps[0].Component) is { } first && IsMessaging(first, c))
            {
                continue;
            }

            var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 1; i < steps.Count; i++)
            {
                var step = steps[i];
                if (step.EdgeIn != EdgeKind.Sync || HandedOffBefore(steps, i) || architecture.FindComponent(step.Component) is not { } component)
                {
                    continue;
                }

                var category = component.Kind is { } kind ? c.Catalog.GetKind(kind)?.Category : null;
                if (category is ComponentCategory.Storage or ComponentCategory.Messaging or ComponentCategory.Infrastructure or ComponentCategory.Client)
                {
                    continue;
                }

                var words = $"{component.Name} {component.KindText} {component.Technology}";
                if (SideEffectWork().Match(words) is { Success: true } work && reported.Add(component.Name))
                {
                    var caller = step.CallerIndex(i) is var k and >= 0 && k < steps.Count ? steps[k].Component : "the caller";
                    yield return rule.At(
                        Severity.Warning,
                        step.Span,
                        $"flow '{flow.Name}' calls '{component.Name}' synchronously ({caller} -> {component.Name}): {Describe(work.Value)} is slow and "
                            + "depends on outside providers, so every request waits for it and fails when it fails",
                        $"hand it off through a queue: declare 'jobs: queue, dlq' and write '{caller} => jobs => {component.Name}', then answer the client at once");
                }
            }
        }
    }

    /// <summary>True when an asynchronous edge lies on the call chain from the flow's first step to step <paramref name="index"/>.</summary>
    private static bool HandedOffBefore(IReadOnlyList<FlowStep> steps, int index)
    {
        var guard = 0;
        for (var i = index; i > 0 && i < steps.Count && guard++ <= steps.Count; i = steps[i].CallerIndex(i))
        {
            if (steps[i].EdgeIn == EdgeKind.Async)
            {
                return true;
            }

            if (steps[i].CallerIndex(i) >= i)
            {
                return false;
            }
        }

        return false;
    }

    private static string Describe(string matched)
    {
        var word = matched.ToLowerInvariant();
        return word switch
        {
            _ when word.Contains("mail", StringComparison.Ordinal) || word.Contains("smtp", StringComparison.Ordinal) || word.Contains("sendgrid", StringComparison.Ordinal) => "sending email",
            _ when word.Contains("sms", StringComparison.Ordinal) || word.Contains("twilio", StringComparison.Ordinal) => "sending SMS",
            _ when word.Contains("push", StringComparison.Ordinal) || word.Contains("apns", StringComparison.Ordinal) || word.Contains("fcm", StringComparison.Ordinal) => "sending push notifications",
            _ when word.Contains("notif", StringComparison.Ordinal) => "sending notifications",
            _ when word.Contains("analytic", StringComparison.Ordinal) || word.Contains("tracking", StringComparison.Ordinal) => "recording analytics",
            _ when word.Contains("report", StringComparison.Ordinal) || word.Contains("export", StringComparison.Ordinal) || word.Contains("pdf", StringComparison.Ordinal)
                || word.Contains("invoice", StringComparison.Ordinal) || word.Contains("render", StringComparison.Ordinal) => "rendering documents, reports and exports",
            _ => "media processing",
        };
    }

    private static IEnumerable<Finding> QueuesWithoutFailureHandling(ReviewContext c)
    {
        var architecture = c.Document.Architecture;
        var queues = architecture.Components.Where(x => IsMessaging(x, c)).ToList();
        if (queues.Count == 0 || Mentions(c, FailureHandling()))
        {
            yield break;
        }

        var rule = Rule("REV051");
        foreach (var queue in queues)
        {
            if (queue.GetSetting("dlq") is not null || FeedsDeadLetterQueue(queue, architecture))
            {
                continue;
            }

            var consumers = architecture.Flows.SelectMany(f => f.Steps.Select((s, i) => (f.Steps, s, i)))
                .Where(x => x.i > 0 && x.Steps[x.s.CallerIndex(x.i) is var k and >= 0 && k < x.Steps.Count ? k : 0].Component.Equals(queue.Name, StringComparison.OrdinalIgnoreCase)
                    && !x.s.Component.Equals(queue.Name, StringComparison.OrdinalIgnoreCase))
                .Select(x => x.s.Component)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            var who = consumers.Count > 0 ? $"'{string.Join("', '", consumers)}'" : "its consumers";
            yield return rule.At(
                Severity.Warning,
                queue.NameSpan,
                $"'{queue.Name}' delivers at least once, but nothing says what {who} do with a message that fails every time, or with one delivered twice",
                $"add 'dlq' to '{queue.Name}', retry with exponential backoff, and make the consumer idempotent (dedupe on a message id)");
        }
    }

    private static bool FeedsDeadLetterQueue(ComponentDecl queue, ArchitectureModel architecture)
    {
        foreach (var flow in architecture.Flows)
        {
            for (var i = 1; i < flow.Steps.Count; i++)
            {
                var caller = flow.Steps[i].CallerIndex(i);
                if (caller >= 0 && caller < flow.Steps.Count
                    && flow.Steps[caller].Component.Equals(queue.Name, StringComparison.OrdinalIgnoreCase)
                    && architecture.FindComponent(flow.Steps[i].Component)?.Kind == ComponentKind.Dlq)
                {
                    return true;
                }
            }
        }

        return architecture.Components.Any(x => x.Kind == ComponentKind.Dlq && x.Name.StartsWith(queue.Name, StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<Finding> NoRateLimiting(ReviewContext c)
    {
        var writes = c.Document.Api.Where(e => e.Method is "POST" or "PUT" or "PATCH" or "DELETE").ToList();
        if (writes.Count == 0)
        {
            yield break;
        }

        var components = c.Document.Architecture.Components;
        var limited = components.Any(x => x.Kind == ComponentKind.RateLimiter)
            || components.Any(x => x.Kind == ComponentKind.ApiGateway && (x.GetSetting("limit") is not null || x.GetSetting("algorithm") is not null))
            || Mentions(c, RateLimitMention());
        if (!limited)
        {
            var shown = string.Join(", ", writes.Take(3).Select(e => $"{e.Method} {e.Path}"));
            yield return Rule("REV052").At(
                AtLeastSenior(c) ? Severity.Warning : Severity.Info,
                writes[0].Span,
                $"{writes.Count} write endpoint(s) ({shown}{(writes.Count > 3 ? ", ..." : "")}) and nothing limits how fast one client can call them: "
                    + "a buggy retry loop or a scraper takes the whole write path down",
                "add 'limiter: rate_limiter, token_bucket, 100/min per user' on the write flows (or a limit on the API gateway), and answer 429 with Retry-After");
        }
    }

    /// <summary>
    /// True when an endpoint creates something a duplicate would hurt: its path names orders, payments, charges,
    /// bookings, reservations, messages, transfers or checkouts, or its request carries an amount or a payment.
    /// PUT and DELETE are left out: they are idempotent by contract.
    /// </summary>
    private static bool IsCriticalWrite(ApiEndpoint endpoint) =>
        endpoint.Method is "POST" or "PATCH"
        && (endpoint.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Any(segment => !segment.StartsWith('{') && !segment.StartsWith(':') && CriticalNoun().IsMatch(segment))
            || endpoint.RequestFields.Any(f => MoneyField().IsMatch(f.Name)));

    private static bool HasIdempotencyKey(ApiEndpoint endpoint, ReviewContext c) =>
        endpoint.RequestFields.Any(f => IdempotencyField().IsMatch(f.Name))
        || LineText(c, SectionKind.Api, endpoint.Span.Line) is { } line && IdempotencyField().IsMatch(line)
        || (c.Document.GetSection(SectionKind.Api)?.Lines
            .Any(l => !c.Document.Api.Any(e => e.Span.Line == l.Line) && Idempotency().IsMatch(l.Text)) ?? false);

    /// <summary>The text of line <paramref name="line"/> if it lies in the first section of <paramref name="kind"/>.</summary>
    private static string? LineText(ReviewContext c, SectionKind kind, int line) =>
        c.Document.GetSection(kind)?.Lines.FirstOrDefault(l => l.Line == line)?.Text;

    private static IEnumerable<Finding> CriticalWritesWithoutKey(ReviewContext c)
    {
        var rule = Rule("REV053");
        foreach (var endpoint in c.Document.Api.Where(e => IsCriticalWrite(e) && !HasIdempotencyKey(e, c)))
        {
            yield return rule.At(
                AtLeastSenior(c) ? Severity.Error : Severity.Warning,
                endpoint.Span,
                $"'{endpoint.Method} {endpoint.Path}' creates something a duplicate would hurt, and takes no idempotency key: "
                    + "a client that times out and retries charges, books or sends twice",
                $"add 'idempotency_key' to the request ('{endpoint.Method} {endpoint.Path} {{..., idempotency_key}}'), store it with the result "
                    + "under a unique constraint, and return the first result on a repeat");
        }
    }

    private static IEnumerable<Finding> ListsWithoutPagination(ReviewContext c)
    {
        var rule = Rule("REV054");
        var sectionMentions = c.Document.GetSection(SectionKind.Api)?.Lines.Any(l => Paginated().IsMatch(l.Text)) ?? false;
        if (sectionMentions)
        {
            yield break;
        }

        foreach (var endpoint in c.Document.Api.Where(e => e.Method == "GET" && IsCollection(e)))
        {
            var paged = endpoint.QueryParameters.Any(p => PageParameter().IsMatch(p))
                || endpoint.ResponseFields.Any(f => PageParameter().IsMatch(f.Name))
                || (LineText(c, SectionKind.Api, endpoint.Span.Line) is { } line && PageWord().IsMatch(line));
            if (!paged)
            {
                yield return rule.At(
                    Severity.Warning,
                    endpoint.Span,
                    $"'GET {endpoint.Path}' returns a list with no limit or cursor: the first user with 100,000 items gets one huge, slow response",
                    $"page it: 'GET {endpoint.Path}?cursor=&limit=50 -> {{items, next_cursor}}' (a cursor stays correct while items are added)");
            }
        }
    }

    /// <summary>
    /// A GET whose last segment is not a parameter (<c>/orders/{id}</c> is one order, whatever it contains) and is a
    /// plural noun other than a singular sub-resource such as <c>stats</c> or <c>status</c>, or whose response is
    /// written as a list (<c>[]</c>, <c>items</c>, <c>results</c>).
    /// </summary>
    private static bool IsCollection(ApiEndpoint endpoint)
    {
        var listResponse = (endpoint.ResponseText?.Contains('[', StringComparison.Ordinal) ?? false)
            || endpoint.ResponseFields.Any(f => ListField().IsMatch(f.Name) || (f.Type is { } t && (t.Contains('[', StringComparison.Ordinal) || ListType().IsMatch(t))));
        var segments = endpoint.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return listResponse;
        }

        var last = segments[^1];
        if (last.StartsWith('{') || last.StartsWith(':'))
        {
            return false;
        }

        return listResponse || (PluralNoun().IsMatch(last) && !NotACollection().IsMatch(last));
    }

    private static IEnumerable<Finding> NoAuthentication(ReviewContext c)
    {
        if (c.Document.Api.Count == 0 || Mentions(c, AuthMention()))
        {
            yield break;
        }

        yield return Rule("REV055").At(
            Severity.Warning,
            c.Document.GetSection(SectionKind.Api)?.HeadingSpan ?? c.Document.Api[0].Span,
            $"{c.Document.Api.Count} endpoint(s) and not a word on who may call them: anyone can read or write anyone's data",
            "say how callers prove who they are: 'clients send an OAuth bearer token (JWT) checked at the gateway; services use mTLS' — or 'anonymous by design, limited per IP'");
    }

    private static IEnumerable<Finding> StrongOnEventualStore(ReviewContext c)
    {
        var rule = Rule("REV056");
        var architecture = c.Document.Architecture;
        if (Mentions(c, StrongOnEventualMitigation()))
        {
            yield break;
        }

        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var nfr in c.Document.Requirements.NonFunctional.Where(n => n.Kind == NfrKind.Consistency
            && n.ConsistencyModel is "strong" or "linearizable" or "serializable" && !string.IsNullOrWhiteSpace(n.AppliesTo)))
        {
            var words = Words().Matches(nfr.AppliesTo!).Select(m => Stem(m.Value)).Where(w => w.Length >= 3).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var entity in c.Document.Entities.Where(e => e.Store is not null && NamedBy(e.Name, words)))
            {
                if (architecture.FindComponent(entity.Store!) is not { } store || !IsEventualByDefault(store) || !reported.Add(store.Name))
                {
                    continue;
                }

                var flow = architecture.Flows.FirstOrDefault(f => f.Steps.Any(s => s.Component.Equals(store.Name, StringComparison.OrdinalIgnoreCase)));
                if (flow is null)
                {
                    continue;
                }

                yield return rule.At(
                    Severity.Warning,
                    store.NameSpan,
                    $"'{nfr.Text.Trim()}' asks for {nfr.ConsistencyModel} consistency, but '{entity.Name}' lives in '{store.Name}' ({store.Technology ?? store.KindText}), "
                        + $"which is eventually consistent by default, and flow '{flow.Name}' reads and writes it there: two readers can see different values",
                    $"say how it is made strong: quorum reads and writes ('{store.Name}: ..., consistency quorum'), strongly consistent reads or conditional writes, "
                        + "or keep this data in a relational store");
            }
        }
    }

    /// <summary>Stores whose default read is not guaranteed to see the latest write: Cassandra at consistency ONE, DynamoDB without ConsistentRead, Riak.</summary>
    private static bool IsEventualByDefault(ComponentDecl store) =>
        store.Technology is "cassandra" or "dynamodb" or "riak"
        && store.GetSetting("consistency") is null && store.GetSetting("quorum") is null;

    /// <summary>True when the requirement's words name the entity: its whole name, or every part of a snake_case name (<c>view_count</c> by "view counts").</summary>
    private static bool NamedBy(string entity, HashSet<string> words) =>
        words.Contains(Stem(entity))
        || entity.Split('_', StringSplitOptions.RemoveEmptyEntries) is { Length: > 1 } parts && parts.All(p => words.Contains(Stem(p)));

    private static string Stem(string word)
    {
        var w = word.ToLowerInvariant();
        return w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1] : w;
    }

    private static IEnumerable<Finding> HotPartitionKeys(ReviewContext c)
    {
        var rule = Rule("REV057");
        foreach (var entity in c.Document.Entities)
        {
            var keys = entity.PartitionKey.ToList();
            if (keys.Count > 0 && keys.All(k => IsHotKey(k.Name, k.Type)))
            {
                var names = string.Join(", ", keys.Select(k => k.Name));
                yield return rule.At(
                    Severity.Warning,
                    keys[0].Span,
                    $"'{entity.Name}' is partitioned by {names}: {WhyHot(keys[0].Name, keys[0].Type)}",
                    HotKeyHint(entity.Name));
            }
        }

        foreach (var component in c.Document.Architecture.Components)
        {
            if (component.GetSetting("partition_key") is { } setting && IsHotKey(setting.ValueText.Trim(), null))
            {
                yield return rule.At(
                    Severity.Warning,
                    setting.ValueSpan.HasLocation ? setting.ValueSpan : setting.Span,
                    $"'{component.Name}' is partitioned by {setting.ValueText.Trim()}: {WhyHot(setting.ValueText.Trim(), null)}",
                    HotKeyHint(component.Name));
            }
        }
    }

    private static bool IsHotKey(string name, string? type) =>
        TimeKey().IsMatch(name) || LowCardinalityKey().IsMatch(name) || CelebrityKey().IsMatch(name)
        || (type is { } t && HotKeyType().IsMatch(t));

    private static string WhyHot(string name, string? type) =>
        TimeKey().IsMatch(name) || (type is { } t && HotKeyType().IsMatch(t) && !t.Contains("bool", StringComparison.OrdinalIgnoreCase))
            ? "every write of the current period lands on one partition while the others sit idle"
            : CelebrityKey().IsMatch(name)
                ? "an account with millions of followers puts all of their traffic on one partition"
                : "a key with a handful of values gives a handful of partitions, and the most common value takes most of the load";

    private static string HotKeyHint(string name) =>
        $"partition '{name}' by a high-cardinality id that spreads writes evenly (user_id, order_id); keep time as a sort key, "
        + "or add a bucket suffix ('day#bucket' with 16 buckets) when you must query by time";

    private static IEnumerable<Finding> NoObservability(ReviewContext c)
    {
        var monitored = c.Document.Architecture.Components.Any(x => x.Kind is { } kind && kind.Id == "monitoring")
            || Mentions(c, ObservabilityMention());
        if (monitored)
        {
            yield break;
        }

        var operations = c.Document.GetSection(SectionKind.Operations);
        yield return Rule("REV058").At(
            c.Level == DesignLevel.Staff ? Severity.Error : Severity.Warning,
            operations?.HeadingSpan ?? SourceSpan.None,
            operations is null
                ? "no metrics, logs, traces, alerts or dashboards anywhere: how would you know this system is failing before users tell you?"
                : "the Operations section names no metric, log, trace, alert or dashboard: how would you know this system is failing before users tell you?",
            "name the signals: 'dashboards for p99 latency, error rate and saturation per component; alerts when p99 > 200 ms for 5 minutes; traces across the write path'");
    }

    private static IEnumerable<Finding> NoBackups(ReviewContext c)
    {
        var stores = c.Document.Architecture.Components
            .Where(x => x.Kind is { } kind && kind != ComponentKind.Cache && c.Catalog.GetKind(kind) is { Category: ComponentCategory.Storage, Stateful: true })
            .ToList();
        if (stores.Count == 0
            || Mentions(c, BackupMention())
            || c.Document.Requirements.NonFunctional.Any(n => n.Kind is NfrKind.RecoveryPoint or NfrKind.RecoveryTime))
        {
            yield break;
        }

        var names = string.Join(", ", stores.Take(4).Select(s => $"'{s.Name}'"));
        yield return Rule("REV059").At(
            AtLeastSenior(c) ? Severity.Warning : Severity.Info,
            stores[0].NameSpan,
            $"{stores.Count} store(s) ({names}{(stores.Count > 4 ? ", ..." : "")}) and no word on backups: replicas copy a bad migration or a deleted table "
                + "as faithfully as good data, so what do you restore from, and how much do you lose?",
            "state RPO and RTO ('RPO 5 min, RTO 1 h') and how you meet them: daily snapshots, point-in-time recovery from the write-ahead log, a copy in another region");
    }

    private static IEnumerable<Finding> NoDeploymentStrategy(ReviewContext c)
    {
        if (c.Document.Architecture.Components.Count == 0 || Mentions(c, DeployMention()))
        {
            yield break;
        }

        yield return Rule("REV060").At(
            c.Level == DesignLevel.Staff ? Severity.Warning : Severity.Info,
            c.Document.GetSection(SectionKind.Operations)?.HeadingSpan ?? SourceSpan.None,
            "nothing says how a change reaches production or how a bad one is undone; most outages start with a deploy",
            "add a line to Operations: 'rolling deploys behind a canary at 1% of traffic, feature flags for risky changes, one-step rollback'");
    }

    private static IEnumerable<Finding> TradeOffsWithoutAlternatives(ReviewContext c)
    {
        if (c.Document.GetSection(SectionKind.TradeOffs) is not { } section)
        {
            yield break;
        }

        var text = section.Lines.Where(l => l.Role == LineRole.Text && !l.IsBlank).ToList();
        if (text.Count > 0 && !text.Any(l => Comparison().IsMatch(l.Text)))
        {
            yield return Rule("REV061").At(
                Severity.Warning,
                section.HeadingSpan,
                $"the Trade-offs section has {text.Count} line(s) but weighs nothing against anything: a choice without its alternative is a decision, not a trade-off",
                "name what you gave up: 'Cassandra over PostgreSQL: linear write scaling, at the cost of joins and ad-hoc queries'");
        }
    }

    private static IEnumerable<Finding> NoApiVersioning(ReviewContext c)
    {
        var api = c.Document.Api;
        if (api.Count == 0 || api.Any(e => VersionSegment().IsMatch(e.Path)) || Mentions(c, VersionMention()))
        {
            yield break;
        }

        yield return Rule("REV062").At(
            Severity.Info,
            api[0].Span,
            $"none of the {api.Count} endpoint(s) carries a version: how do you change a response without breaking the mobile apps already installed?",
            $"put the version in the path ('{api[0].Method} /v1{(api[0].Path.StartsWith('/') ? "" : "/")}{api[0].Path}') or say how it is negotiated (a header)");
    }

    [GeneratedRegex(@"(?i)e-?mail|\bmail|smtp|sendgrid|mailgun|\bses\b|\bsms|twilio|push|apns|\bfcm\b|notif|analytic|tracking|media|video|image|transcod|thumbnail|resiz|encod|report|export|\bpdf|invoice|render")]
    private static partial Regex SideEffectWork();

    [GeneratedRegex(@"(?i)idempot|dedup|de-dup|exactly[ -]once|\bretr(y|ies|ied|ying)\b|back-?off|dead[ -]letter|\bdlqs?\b")]
    private static partial Regex FailureHandling();

    [GeneratedRegex(@"(?i)rate[ _-]?limit|throttl|token[ _-]bucket|leaky[ _-]bucket|sliding[ _-]window|\b429\b|\bquotas?\b")]
    private static partial Regex RateLimitMention();

    [GeneratedRegex(@"(?i)^(orders?|payments?|charges?|bookings?|reservations?|messages?|transfers?|checkouts?|purchases?|refunds?|payouts?|transactions?)$")]
    private static partial Regex CriticalNoun();

    [GeneratedRegex(@"(?i)^(amount|amount_\w+|payment_\w+|payment|charge|currency|card_token|card)$")]
    private static partial Regex MoneyField();

    [GeneratedRegex(@"(?i)idempot|dedup|request_id|client_token|client_[a-z]+_id|\bnonce\b")]
    private static partial Regex IdempotencyField();

    [GeneratedRegex(@"(?i)paginat")]
    private static partial Regex Paginated();

    [GeneratedRegex(@"(?i)^(limit|page|page_?size|per_page|page_token|next_?page|cursor|next_?cursor|next|next_token|offset|after|before|since|since_id|max_results|max_id|continuation\w*)$")]
    private static partial Regex PageParameter();

    [GeneratedRegex(@"(?i)paginat|\bcursor\b|\bpaged\b|page size|per page|\blimit=")]
    private static partial Regex PageWord();

    [GeneratedRegex(@"(?i)^(items|results|entries|data|records|list)$")]
    private static partial Regex ListField();

    [GeneratedRegex(@"(?i)\b(list|array|seq)\b")]
    private static partial Regex ListType();

    [GeneratedRegex(@"(?i)^[a-z][a-z_-]*[a-z](s)$")]
    private static partial Regex PluralNoun();

    [GeneratedRegex(@"(?i)(ss|us|is|ics)$|^(stats|settings|preferences|details|news|limits|permissions|counts|totals|metrics|series|progress|access|status)$")]
    private static partial Regex NotACollection();

    [GeneratedRegex(@"(?i)\bauth|\boauth|\bjwt|(?<![_-])\btokens?\b(?![ _-]bucket)|bearer|api[ _-]?keys?\b|\bsessions?\b|signed[ _-]?urls?|presigned|\bmtls\b|mutual tls|\bsso\b|\bsaml\b|openid|credential|\banonymous|unauthenticated|\blog ?in\b|sign[ -]?in\b")]
    private static partial Regex AuthMention();

    [GeneratedRegex(@"(?i)quorum|conditional (write|update|put)|compare[ -]and[ -]set|\bcas\b|lightweight transaction|\blwt\b|strongly consistent read|consistentread|\bpaxos\b|\braft\b|linearizable read")]
    private static partial Regex StrongOnEventualMitigation();

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9_]*")]
    private static partial Regex Words();

    [GeneratedRegex(@"(?i)^(created|updated|inserted|modified|event|published|sent)?_?(at|time|ts|timestamp|date|datetime|day|hour|minute|week|month|year)$|_(at|time|ts|timestamp|date|day|hour|month)$")]
    private static partial Regex TimeKey();

    [GeneratedRegex(@"(?i)^(status|state|type|kind|category|gender|country|country_code|region|locale|language|lang|enabled|active|deleted|flag|(is|has)_\w+)$")]
    private static partial Regex LowCardinalityKey();

    [GeneratedRegex(@"(?i)^(followee|followed|following|celebrity|influencer|star|artist)(_id)?$")]
    private static partial Regex CelebrityKey();

    [GeneratedRegex(@"(?i)\b(bool|boolean|timestamp|timestamptz|date|datetime|enum)\b")]
    private static partial Regex HotKeyType();

    [GeneratedRegex(@"(?i)\bmetrics?\b|\blogs?\b|\blogging\b|\btrac(e|es|ing)\b|\balert|\bdashboards?\b|\bslos?\b|\bslis?\b|monitor|observab|on-?call|\bpager|prometheus|grafana|datadog|opentelemetry")]
    private static partial Regex ObservabilityMention();

    [GeneratedRegex(@"(?i)back ?ups?\b|backed up|back up|snapshot|\brestor|disaster recovery|\bdr\b|\brpo\b|\brto\b|point[ -]in[ -]time|\bpitr\b|cross[ -]region|replicated (globally|across regions|to another region)|multi[ -]region|geo[ -]?replicat")]
    private static partial Regex BackupMention();

    [GeneratedRegex(@"(?i)deploy|\brolling\b|canary|blue[ /-]?green|feature[ _-]flags?|roll ?back|rolled back|\brelease")]
    private static partial Regex DeployMention();

    [GeneratedRegex(@"(?i)\bover\b|instead of|\bvs\.?(?=\W|$)|versus|rather than|compar|trade|alternative|\bbut\b|at the cost of|in exchange|gives? up|\baccept")]
    private static partial Regex Comparison();

    [GeneratedRegex(@"(?i)(^|/)v\d+(/|$)")]
    private static partial Regex VersionSegment();

    [GeneratedRegex(@"(?i)\bversion(ed|ing|s)?\b|api-version|accept-version")]
    private static partial Regex VersionMention();
}
