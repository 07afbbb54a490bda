extern alias cli;

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using cli::DesignDrill.Cli;
using DesignDrill.Web.Tests.Browser;

namespace DesignDrill.Web.Tests;

/// <summary>Every endpoint of the studio through the ASP.NET test host, with good and bad input.</summary>
public sealed class EndpointTests(StudioFactory factory) : IClassFixture<StudioFactory>
{
    private StudioClient Client() => new(factory.CreateClient());

    [Fact]
    public async Task Should_render_every_page()
    {
        var client = Client();
        foreach (var (url, text) in new[]
        {
            ("/", "Practise a system design interview"),
            ("/review", "Review a design"),
            ("/lab", "Simulation lab"),
            ("/progress", "Your rubric scores over time"),
            ("/cards", "Concept cards"),
            ("/data", "Export"),
        })
        {
            var body = await StudioClient.BodyAsync(await client.Http.GetAsync(url), HttpStatusCode.OK);
            body.ShouldContain(text, customMessage: url);
        }
    }

    [Fact]
    public async Task Should_filter_prompts_for_htmx_with_the_list_only()
    {
        var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/?q=shortener");
        request.Headers.Add("HX-Request", "true");
        var body = await StudioClient.BodyAsync(await client.Http.SendAsync(request), HttpStatusCode.OK);
        body.ShouldContain("URL shortener");
        body.ShouldNotContain("Pastebin");
        body.ShouldNotContain("<html");
    }

    [Fact]
    public async Task Should_answer_404_with_a_page_for_an_unknown_address()
    {
        var response = await Client().Http.GetAsync("/no-such-page");
        (await StudioClient.BodyAsync(response, HttpStatusCode.NotFound)).ShouldContain("Not found");
    }

    [Fact]
    public async Task Should_review_with_the_same_json_as_the_cli()
    {
        // Given a flawed sample and what `drill review FILE --format json` prints for it
        var path = Path.Combine(RepoFiles.Root, "samples", "flawed", "estimate-errors.md");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        DrillApp.Run(["review", path, "--format", "json"], stdout, stderr);

        // When the same document is posted to the API with the same file name
        var response = await Client().Http.PostAsync("/api/review?file=" + Uri.EscapeDataString(path), new StringContent(File.ReadAllText(path), Encoding.UTF8, "text/markdown"));

        // Then the JSON is the same, byte for byte (the CLI adds a final newline)
        (await StudioClient.BodyAsync(response, HttpStatusCode.OK)).ShouldBe(stdout.ToString().TrimEnd('\n'));
    }

    [Fact]
    public async Task Should_give_a_malformed_document_the_same_diagnostics_as_the_cli()
    {
        var text = "## Estimates\n```\ndau = 10M\nrate = dau * / day\nbad = 5 parsecs\n```\n## Architecture\n```\napi: service x, 2K rps\n```\n";
        var file = Path.Combine(Path.GetTempPath(), "designdrill-malformed-" + Guid.NewGuid().ToString("N") + ".md");
        await File.WriteAllTextAsync(file, text);
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            DrillApp.Run(["review", file, "--format", "json"], stdout, stderr);
            var cli = JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("diagnostics").GetRawText();

            var response = await Client().Http.PostAsJsonAsync("/api/review?file=" + Uri.EscapeDataString(file), new { text });
            var web = JsonDocument.Parse(await StudioClient.BodyAsync(response, HttpStatusCode.OK)).RootElement.GetProperty("diagnostics");
            web.GetRawText().ShouldBe(cli);
            web.GetArrayLength().ShouldBeGreaterThanOrEqualTo(2);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("/api/analyze")]
    [InlineData("/api/review")]
    public async Task Should_refuse_an_oversized_document_with_413_and_a_message(string url)
    {
        var text = "# Big\n" + new string('x', 1_000_001);
        var response = await Client().Http.PostAsync(url, new StringContent(text, Encoding.UTF8, "text/markdown"));
        var body = await StudioClient.BodyAsync(response, HttpStatusCode.RequestEntityTooLarge);
        body.ShouldContain("the limit is 1,000,000 bytes");
    }

    [Fact]
    public async Task Should_refuse_malformed_json_and_non_utf8_with_400_and_a_message()
    {
        var client = Client();
        var json = await client.Http.PostAsync("/api/analyze", new StringContent("{\"text\": ", Encoding.UTF8, "application/json"));
        (await StudioClient.BodyAsync(json, HttpStatusCode.BadRequest)).ShouldContain("The JSON body is not valid");
        var noText = await client.Http.PostAsync("/api/analyze", new StringContent("{\"design\": \"x\"}", Encoding.UTF8, "application/json"));
        (await StudioClient.BodyAsync(noText, HttpStatusCode.BadRequest)).ShouldContain("The JSON body has no");
        var binary = await client.Http.PostAsync("/api/analyze", new ByteArrayContent([0xff, 0xfe, 0x41]));
        (await StudioClient.BodyAsync(binary, HttpStatusCode.BadRequest)).ShouldContain("not UTF-8");
    }

    [Fact]
    public async Task Should_analyze_a_design_for_the_editor()
    {
        var text = RepoFiles.Read("samples/url-shortener.md").Replace("≈ 11.6K/s", "≈ 116K/s");
        var response = await Client().Http.PostAsJsonAsync("/api/analyze", new { text, level = "senior" });
        using var json = JsonDocument.Parse(await StudioClient.BodyAsync(response, HttpStatusCode.OK));
        var root = json.RootElement;
        root.GetProperty("estimates").EnumerateArray().ShouldContain(e => e.GetProperty("name").GetString() == "read_rate" && e.GetProperty("verdict").GetString()!.StartsWith("off 10", StringComparison.Ordinal));
        root.GetProperty("marks").EnumerateArray().ShouldContain(m => m.GetProperty("line").GetInt32() == RepoFiles.LineOf("samples/url-shortener.md", "read_rate = write_rate * 100"));
        root.GetProperty("mermaid").GetString()!.ShouldContain("classDef load_ok");
        root.GetProperty("headroomComponent").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Should_list_prompts_and_answer_health()
    {
        var client = Client();
        (await client.Http.GetStringAsync("/health")).ShouldBe("ok");
        using var prompts = JsonDocument.Parse(await client.Http.GetStringAsync("/api/prompts"));
        prompts.RootElement.GetArrayLength().ShouldBeGreaterThanOrEqualTo(40);
    }

    [Fact]
    public async Task Should_render_the_live_panel_and_refuse_it_without_the_antiforgery_token()
    {
        var client = Client();
        var text = RepoFiles.Read("samples/url-shortener.md");
        var live = await client.PostFormAsync("/live", ("text", text), ("level", "senior"));
        var html = await StudioClient.BodyAsync(live, HttpStatusCode.OK);
        html.ShouldContain("data-diagnostics");
        html.ShouldContain("data-mermaid");
        html.ShouldNotContain("<html");
        var forged = await client.PostFormAsync("/live", [KeyValuePair.Create("text", text)], withToken: false);
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var big = await client.PostFormAsync("/live", ("text", new string('x', 1_000_001)));
        (await StudioClient.BodyAsync(big, HttpStatusCode.RequestEntityTooLarge)).ShouldContain("the limit is 1,000,000 bytes");
    }

    [Fact]
    public async Task Should_review_a_pasted_and_an_uploaded_document_and_refuse_bad_uploads()
    {
        var client = Client();
        var pasted = await client.PostFormAsync("/review", [KeyValuePair.Create("Text", RepoFiles.Read("samples/pastebin.md"))], htmx: false);
        var body = await StudioClient.BodyAsync(pasted, HttpStatusCode.OK);
        body.ShouldContain("data-testid=\"scorecard\"");
        body.ShouldContain("Recommendation");

        using var upload = new MultipartFormDataContent();
        upload.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(RepoFiles.Read("samples/url-shortener.md"))), "Upload", "url-shortener.md");
        using var uploadRequest = new HttpRequestMessage(HttpMethod.Post, "/review") { Content = upload };
        uploadRequest.Headers.Add("RequestVerificationToken", await client.TokenAsync());
        (await StudioClient.BodyAsync(await client.Http.SendAsync(uploadRequest), HttpStatusCode.OK)).ShouldContain("data-testid=\"scorecard\"");

        using var binary = new MultipartFormDataContent();
        binary.Add(new ByteArrayContent([0x41, 0x00, 0x42]), "Upload", "design.png");
        using var binaryRequest = new HttpRequestMessage(HttpMethod.Post, "/review") { Content = binary };
        binaryRequest.Headers.Add("RequestVerificationToken", await client.TokenAsync());
        (await StudioClient.BodyAsync(await client.Http.SendAsync(binaryRequest), HttpStatusCode.BadRequest)).ShouldContain("is not a text file");

        var big = await client.PostFormAsync("/review", [KeyValuePair.Create("Text", new string('x', 1_000_001))], htmx: false);
        (await StudioClient.BodyAsync(big, HttpStatusCode.RequestEntityTooLarge)).ShouldContain("the limit is 1,000,000 bytes");
    }

    [Fact]
    public async Task Should_run_a_lab_simulation_and_refuse_a_bad_fault_with_the_parser_diagnostic()
    {
        var client = Client();
        var design = RepoFiles.Read("samples/url-shortener.md");
        var bad = await client.PostFormAsync("/lab?handler=Run", ("Input.Text", design), ("Input.Duration", "5s"), ("Input.Load", "0.1x"), ("Input.Faults", "cache-flush at 1s\nslow-node api factor 0.5 at 1s"));
        var problems = await StudioClient.BodyAsync(bad, HttpStatusCode.BadRequest);
        problems.ShouldContain("Fault line 2");
        problems.ShouldContain("SIM008");

        var badKeys = await client.PostFormAsync("/lab?handler=Run", ("Input.Text", design), ("Input.Duration", "5s"), ("Input.Keys", "0"));
        (await StudioClient.BodyAsync(badKeys, HttpStatusCode.BadRequest)).ShouldContain("a cache keyspace needs 1 to 2^53 keys");

        var tooLong = await client.PostFormAsync("/lab?handler=Run", ("Input.Text", design), ("Input.Duration", "2h"));
        (await StudioClient.BodyAsync(tooLong, HttpStatusCode.BadRequest)).ShouldContain("limit of 1 hour");

        var started = await client.PostFormAsync("/lab?handler=Run", ("Input.Text", design), ("Input.Duration", "5s"), ("Input.Load", "0.1x"), ("Input.Faults", "cache-flush at 2s for 1s"));
        var job = await StudioClient.BodyAsync(started, HttpStatusCode.OK);
        var id = System.Text.RegularExpressions.Regex.Match(job, "id=([0-9a-f]{32})").Groups[1].Value;
        id.ShouldNotBeEmpty();
        string poll;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        do
        {
            await Task.Delay(100);
            poll = await client.Http.GetStringAsync("/lab?handler=Job&id=" + id);
        }
        while (!poll.Contains("sim-results", StringComparison.Ordinal) && DateTime.UtcNow < deadline);
        poll.ShouldContain("cache-flush");
        using var json = JsonDocument.Parse(await client.Http.GetStringAsync("/lab?handler=Json&id=" + id));
        json.RootElement.GetProperty("flows").GetArrayLength().ShouldBeGreaterThan(0);
        (await client.Http.GetAsync("/lab?handler=Job&id=" + new string('0', 32))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_rate_a_card_and_refuse_an_unknown_one()
    {
        var client = Client();
        var page = await client.Http.GetStringAsync("/cards");
        var cardId = System.Text.RegularExpressions.Regex.Match(page, "name=\"cardId\" value=\"([^\"]+)\"").Groups[1].Value;
        cardId.ShouldNotBeEmpty();
        var rated = await client.PostFormAsync("/cards?handler=Rate", ("cardId", cardId), ("rating", "3"));
        (await StudioClient.BodyAsync(rated, HttpStatusCode.OK)).ShouldContain("rated Good");
        (await client.PostFormAsync("/cards?handler=Rate", ("cardId", "no-such-card"), ("rating", "3"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostFormAsync("/cards?handler=Rate", ("cardId", cardId), ("rating", "7"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Should_run_a_practice_session_over_http()
    {
        var client = Client();
        (await client.PostFormAsync("/practice/start", [KeyValuePair.Create("promptId", "no-such-prompt")], htmx: false)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.Http.GetAsync("/practice/" + new string('a', 32))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var start = await client.PostFormAsync("/practice/start", [KeyValuePair.Create("promptId", "pastebin"), KeyValuePair.Create("minutes", "60")], htmx: false);
        start.StatusCode.ShouldBe(HttpStatusCode.OK); // the test client follows the redirect
        var url = start.RequestMessage!.RequestUri!.AbsolutePath;
        url.ShouldStartWith("/practice/");

        var asked = await client.PostFormAsync(url + "?handler=Ask", ("question", "How many users paste each day?"));
        (await StudioClient.BodyAsync(asked, HttpStatusCode.OK)).ShouldContain("hx-swap-oob");
        (await client.PostFormAsync(url + "?handler=Ask", ("question", "  "))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostFormAsync(url + "?handler=Draft", ("text", RepoFiles.Read("samples/pastebin.md")))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PostFormAsync(url + "?handler=Draft", ("text", new string('x', 1_000_001)))).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await StudioClient.BodyAsync(await client.PostFormAsync(url + "?handler=Next"), HttpStatusCode.OK)).ShouldContain("data-clock");

        var finish = await client.PostFormAsync(url + "?handler=Finish");
        finish.Headers.GetValues("HX-Redirect").Single().ShouldBe(url + "/review");
        var review = await client.Http.GetStringAsync(url + "/review");
        review.ShouldContain("data-testid=\"scorecard\"");
        (await client.PostFormAsync(url + "?handler=Draft", ("text", "late"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var answer = await client.PostFormAsync(url + "/review?handler=Answer", ("index", "0"), ("answer", "Cache the hot pastes and add read replicas."));
        (await StudioClient.BodyAsync(answer, HttpStatusCode.OK)).ShouldContain("expected concepts");
        (await client.PostFormAsync(url + "/review?handler=Answer", ("index", "99"), ("answer", "x"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.Http.GetStringAsync("/progress")).ShouldContain("Pastebin");

        // A constraint change of the prompt, simulated on the session's design
        var scenario = await client.PostFormAsync(url + "/review?handler=Scenario&name=ten-x-reads");
        var job = await StudioClient.BodyAsync(scenario, HttpStatusCode.OK);
        var id = System.Text.RegularExpressions.Regex.Match(job, "id=([0-9a-f]{32})").Groups[1].Value;
        string poll;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        do
        {
            await Task.Delay(100);
            poll = await client.Http.GetStringAsync("/lab?handler=Job&id=" + id);
        }
        while (!poll.Contains("sim-results", StringComparison.Ordinal) && DateTime.UtcNow < deadline);
        poll.ShouldContain("Scenario ten-x-reads");
        (await client.PostFormAsync(url + "/review?handler=Scenario&name=no-such-change")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Should_export_and_import_all_data_and_refuse_a_damaged_file()
    {
        var client = Client();
        var page = await client.Http.GetStringAsync("/cards");
        var cardId = System.Text.RegularExpressions.Regex.Match(page, "name=\"cardId\" value=\"([^\"]+)\"").Groups[1].Value;
        (await client.PostFormAsync("/cards?handler=Rate", ("cardId", cardId), ("rating", "4"))).EnsureSuccessStatusCode();

        var export = await client.Http.GetAsync("/data?handler=Export");
        var json = await StudioClient.BodyAsync(export, HttpStatusCode.OK);
        json.ShouldContain("designdrill/export@1");
        json.ShouldContain(cardId);

        var damaged = await ImportAsync(client, json.Replace("\"rating\": 4", "\"rating\": 9", StringComparison.Ordinal));
        var refused = await StudioClient.BodyAsync(damaged, HttpStatusCode.BadRequest);
        refused.ShouldContain("Nothing was imported");
        refused.ShouldContain("$.");

        var again = await ImportAsync(client, json);
        var imported = await StudioClient.BodyAsync(again, HttpStatusCode.OK);
        imported.ShouldContain("Imported:");
        imported.ShouldContain("0 cards added");
        (await client.Http.GetStringAsync("/data?handler=Export")).ShouldBe(json);
    }

    private static async Task<HttpResponseMessage> ImportAsync(StudioClient client, string json)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(json)), "file", "export.json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/data?handler=Import") { Content = form };
        request.Headers.Add("RequestVerificationToken", await client.TokenAsync());
        return await client.Http.SendAsync(request);
    }
}
