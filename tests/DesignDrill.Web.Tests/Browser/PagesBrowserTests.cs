namespace DesignDrill.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PagesBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Should_review_a_pasted_design()
    {
        // Given the review page
        await using var studio = await LiveStudio.StartAsync();
        var watch = await PageWatch.OpenAsync(browser.Browser);
        var page = watch.Page;
        await page.GotoAsync(studio.Url + "/review");
        await page.Locator(".cm-content").WaitForAsync();

        // When a flawed design is pasted
        var text = RepoFiles.Read("samples/flawed/estimate-errors.md");
        await PracticeBrowserTests.ReplaceEditorTextAsync(page, text);

        // Then the live panel shows its findings, and the full review adds the scorecard with the text kept
        await page.Locator("#live [data-testid='findings']").WaitForAsync();
        (await page.Locator("#live .count-error").InnerTextAsync()).ShouldNotStartWith("0 ");
        await page.ClickAsync("button:has-text('Review')");
        await page.Locator("[data-testid='scorecard']").WaitForAsync();
        (await page.InputValueAsync("textarea[name='Text']")).ShouldBe(text);
        (await page.Locator("[data-testid='recommendation']").InnerTextAsync()).ShouldContain("Recommendation");
        await page.Locator("[data-testid='diagram'] svg").WaitForAsync();
        await watch.ScreenshotAsync("review");
        watch.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task Should_review_cards_with_the_keyboard()
    {
        await using var studio = await LiveStudio.StartAsync();
        var watch = await PageWatch.OpenAsync(browser.Browser);
        var page = watch.Page;
        await page.GotoAsync(studio.Url + "/cards");
        var first = await page.Locator("[data-testid='flashcard'] h2").InnerTextAsync();

        // Space opens the answer; 3 rates it Good and brings the next card
        await page.Keyboard.PressAsync("Space");
        await page.Locator("[data-testid='flashcard'] details[open]").WaitForAsync();
        await watch.ScreenshotAsync("cards");
        await page.Keyboard.PressAsync("3");
        await page.Locator("[data-testid='rated']").WaitForAsync();
        (await page.Locator("[data-testid='rated']").InnerTextAsync()).ShouldContain("rated Good");
        (await page.Locator("[data-testid='flashcard'] h2").InnerTextAsync()).ShouldNotBe(first);
        watch.ShouldHaveNoErrors();
    }

    [Theory]
    [InlineData("light", 1280, 800)]
    [InlineData("dark", 1280, 800)]
    [InlineData("light", 820, 1180)]
    public async Task Should_render_every_page_without_console_errors(string scheme, int width, int height)
    {
        await using var studio = await LiveStudio.StartAsync();
        var watch = await PageWatch.OpenAsync(browser.Browser, width, height, scheme);
        var page = watch.Page;
        foreach (var (path, name) in new[] { ("/", "home"), ("/review", "review-empty"), ("/lab", "lab"), ("/progress", "progress-empty"), ("/cards", "cards"), ("/data", "data") })
        {
            await page.GotoAsync(studio.Url + path);
            await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
            (await page.EvaluateAsync<string>("() => document.documentElement.getAttribute('data-theme')")).ShouldBe(scheme);

            // Nothing is wider than the window (readable without sideways scrolling).
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            overflow.ShouldBeLessThanOrEqualTo(0, $"{path} at {width}px");
            await watch.ScreenshotAsync($"{name}-{scheme}-{width}", fullPage: false);
        }

        watch.ShouldHaveNoErrors();
    }
}
