using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

// A bounded loopback load generator for the web studio's live-analysis endpoint (POST /live), the request the editor
// sends about 300 ms after each pause in typing. It simulates N candidates typing: each sends its whole document, with
// a new edit, once a second on an open-loop schedule (a slow answer does not delay the next request), for a fixed time.
// Usage: DesignDrill.WebLoad --url http://127.0.0.1:5199 --design samples/url-shortener.md [--users 50] [--seconds 60]
//        [--p95-limit-ms 100]. Prints the latency percentiles and errors; exits 1 when p95 is over the limit or any
// request failed, 2 on bad arguments. Scripted by scripts/web-load.sh; results in docs/performance.md.
var options = Args.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: DesignDrill.WebLoad --url URL --design FILE [--users 50] [--seconds 60] [--p95-limit-ms 100]");
    return 2;
}

var design = await File.ReadAllTextAsync(options.Design);
var handler = new SocketsHttpHandler { UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
using var http = new HttpClient(handler) { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromSeconds(10) };

// Each candidate has its own antiforgery cookie and token, as a browser tab would.
var candidates = new List<(string Cookie, string Token)>();
for (var i = 0; i < options.Users; i++)
{
    using var page = await http.GetAsync("/review");
    page.EnsureSuccessStatusCode();
    var html = await page.Content.ReadAsStringAsync();
    var token = Regex.Match(html, "name=\"request-verification-token\" content=\"([^\"]+)\"").Groups[1].Value;
    var cookie = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    candidates.Add((cookie, token));
}

var latencies = new List<double>[options.Users];
var errors = new List<string>();
var start = Stopwatch.GetTimestamp();
var end = TimeSpan.FromSeconds(options.Seconds);
var tasks = Enumerable.Range(0, options.Users).Select(async user =>
{
    latencies[user] = [];
    var random = new Random(user);
    var offset = TimeSpan.FromMilliseconds(random.Next(1000));
    var inFlight = new List<Task>();
    for (var k = 0; ; k++)
    {
        var due = offset + TimeSpan.FromSeconds(k);
        if (due >= end)
        {
            break;
        }

        var wait = due - Stopwatch.GetElapsedTime(start);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        // The edit: a line that grows as the candidate types, at the end of the document.
        var text = design + $"\nCandidate {user} note {k}: " + new string('x', k % 40) + "\n";
        inFlight.Add(SendAsync(user, text));
    }

    await Task.WhenAll(inFlight);
}).ToArray();
await Task.WhenAll(tasks);

var all = latencies.SelectMany(l => l).Order().ToList();
double Percentile(double p) => all.Count == 0 ? double.NaN : all[Math.Clamp((int)Math.Ceiling(p * all.Count) - 1, 0, all.Count - 1)];
var p95 = Percentile(0.95);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"users {options.Users}, {options.Seconds} s, {all.Count} requests ({all.Count / (double)options.Seconds:0.0}/s), {errors.Count} errors"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"latency ms: p50 {Percentile(0.50):0.0}, p95 {p95:0.0}, p99 {Percentile(0.99):0.0}, max {(all.Count > 0 ? all[^1] : double.NaN):0.0}"));
foreach (var error in errors.Distinct().Take(5))
{
    Console.WriteLine("error: " + error);
}

var ok = errors.Count == 0 && all.Count > 0 && p95 < options.P95LimitMs;
Console.WriteLine(ok ? $"PASS: p95 under {options.P95LimitMs} ms with no errors" : $"FAIL: p95 must be under {options.P95LimitMs} ms with no errors");
return ok ? 0 : 1;

async Task SendAsync(int user, string text)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/live")
    {
        Content = new FormUrlEncodedContent([KeyValuePair.Create("text", text), KeyValuePair.Create("level", "senior")]),
    };
    request.Headers.Add("Cookie", candidates[user].Cookie);
    request.Headers.Add("RequestVerificationToken", candidates[user].Token);
    request.Headers.Add("HX-Request", "true");
    var sent = Stopwatch.GetTimestamp();
    try
    {
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var ms = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
        lock (errors)
        {
            if (response.StatusCode != HttpStatusCode.OK || !body.Contains("data-diagnostics", StringComparison.Ordinal))
            {
                errors.Add($"HTTP {(int)response.StatusCode}");
            }
            else
            {
                latencies[user].Add(ms);
            }
        }
    }
    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
    {
        lock (errors)
        {
            errors.Add(e.GetType().Name + ": " + e.Message);
        }
    }
}

/// <summary>The load generator's arguments.</summary>
internal sealed record Args(string Url, string Design, int Users, int Seconds, double P95LimitMs)
{
    public static Args? Parse(string[] args)
    {
        string? url = null, design = null;
        int users = 50, seconds = 60;
        double limit = 100;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            var good = args[i] switch
            {
                "--url" => (url = value) is not null,
                "--design" => (design = value) is not null,
                "--users" => int.TryParse(value, CultureInfo.InvariantCulture, out users) && users is > 0 and <= 1000,
                "--seconds" => int.TryParse(value, CultureInfo.InvariantCulture, out seconds) && seconds is > 0 and <= 3600,
                "--p95-limit-ms" => double.TryParse(value, CultureInfo.InvariantCulture, out limit) && limit > 0,
                _ => false,
            };
            if (!good)
            {
                return null;
            }
        }

        return url is null || design is null || args.Length % 2 != 0 ? null : new Args(url, design, users, seconds, limit);
    }
}
