namespace DesignDrill.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LabBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Should_run_a_simulation_with_a_fault_and_draw_the_charts()
    {
        // Given the lab with the URL shortener's reference design
        await using var studio = await LiveStudio.StartAsync();
        var watch = await PageWatch.OpenAsync(browser.Browser);
        var page = watch.Page;
        await page.GotoAsync(studio.Url + "/lab?prompt=url-shortener");
        await page.Locator(".cm-content").WaitForAsync();

        // When a 30-second run with a cache flush is started
        await page.FillAsync("input[name='Input.Duration']", "20s");
        await page.FillAsync("textarea[name='Input.Faults']", "cache-flush at 10s for 5s");
        await page.FillAsync("input[name='Input.Keys']", "1000000");
        await page.ClickAsync("button:has-text('Run simulation')");

        // Then the results, the charts and the event log appear
        await page.Locator("[data-testid='sim-running']").WaitForAsync();
        await page.Locator("[data-testid='sim-results']").WaitForAsync(new() { Timeout = 120_000 });
        await page.Locator(".chart-box canvas").First.WaitForAsync();
        (await page.Locator(".chart-box canvas").CountAsync()).ShouldBeGreaterThanOrEqualTo(4);
        (await page.Locator("canvas[aria-label='Cache hit ratio']").CountAsync()).ShouldBe(1);
        var log = await page.Locator("[data-testid='event-log']").InnerTextAsync();
        log.ShouldContain("cache-flush");
        await watch.ScreenshotAsync("lab-results");
        watch.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task Should_show_the_fault_parser_diagnostic_for_a_bad_fault()
    {
        await using var studio = await LiveStudio.StartAsync();
        var watch = await PageWatch.OpenAsync(browser.Browser);
        var page = watch.Page;
        await page.GotoAsync(studio.Url + "/lab?prompt=url-shortener");
        await page.Locator(".cm-content").WaitForAsync();
        await page.FillAsync("textarea[name='Input.Faults']", "cache-melt at 10s");
        await page.ClickAsync("button:has-text('Run simulation')");
        var problems = page.Locator("[data-testid='lab-problems']");
        await problems.WaitForAsync();
        (await problems.InnerTextAsync()).ShouldContain("Fault line 1");
        // The design typed is still in the editor.
        (await page.InputValueAsync("textarea[name='Input.Text']")).ShouldContain("## Architecture");
    }
}
