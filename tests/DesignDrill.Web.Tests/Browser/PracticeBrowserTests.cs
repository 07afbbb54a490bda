using Microsoft.Playwright;

namespace DesignDrill.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PracticeBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Should_complete_a_practice_session_and_survive_a_server_restart()
    {
        await using var studio = await LiveStudio.StartAsync();
        var watch = await PageWatch.OpenAsync(browser.Browser);
        var page = watch.Page;
        page.Dialog += (_, dialog) => dialog.AcceptAsync();

        // Given a session started from the home page
        await page.GotoAsync(studio.Url + "/");
        await watch.ScreenshotAsync("home");
        await page.Locator("li.prompt-card", new() { HasText = "URL shortener" }).Locator("button:has-text('Practise')").ClickAsync();
        await page.WaitForURLAsync("**/practice/*");
        var sessionUrl = page.Url;
        (await page.Locator("[data-testid='brief']").InnerTextAsync()).ShouldNotBeEmpty();
        (await page.Locator("[data-testid='clock']").InnerTextAsync()).ShouldContain("Clarify");

        // When three clarifying questions are asked
        var questions = new[] { "How many daily active users are there?", "What is the read to write ratio?", "How long must links be kept?" };
        for (var i = 0; i < questions.Length; i++)
        {
            await page.FillAsync("input[name='question']", questions[i]);
            await page.PressAsync("input[name='question']", "Enter");
            await page.Locator("#chat-log li").Nth(i).WaitForAsync();
        }

        var chat = await page.Locator("#chat-log").InnerTextAsync();
        chat.ShouldContain("daily active users");
        chat.ShouldNotContain("Your call", Case.Insensitive);

        // And a design is written with one estimate stated ten times too high
        var design = RepoFiles.Read("samples/url-shortener.md").Replace("read_rate = write_rate * 100                 ≈ 11.6K/s", "read_rate = write_rate * 100                 ≈ 116K/s");
        await ReplaceEditorTextAsync(page, design);

        // Then the live panel flags the estimate on its line, and the diagram is drawn
        await page.Locator("[data-testid='estimates'] .verdict.bad").First.WaitForAsync();
        (await page.Locator("[data-testid='estimates']").InnerTextAsync()).ShouldContain("off 10");
        var badRow = page.Locator("[data-testid='estimates'] tr", new() { HasText = "off 10" });
        await badRow.Locator("a[data-goto-line]").ClickAsync();
        await page.Locator(".cm-activeLine", new() { HasText = "116K/s" }).WaitForAsync();
        await page.Locator(".cm-lint-marker").First.WaitForAsync();
        await page.Locator("[data-testid='diagram'] svg").WaitForAsync();
        (await page.Locator("[data-testid='diagram'] svg").TextContentAsync() ?? "").ShouldNotContain("audit_log");

        // When a component is added, the diagram changes
        var grown = design.Replace("flow click_events after redirect", "audit_log: postgres\nflow audit at 10/s, write: client -> lb -> api -> audit_log\nflow click_events after redirect");
        await ReplaceEditorTextAsync(page, grown);
        await page.Locator("[data-testid='diagram'] svg", new() { HasText = "audit_log" }).WaitForAsync();
        await page.Locator("#save-status", new() { HasText = "Saved" }).WaitForAsync();
        await watch.ScreenshotAsync("practice-session", fullPage: false);

        // When the server restarts in the middle of the session and the browser forgets its own copy
        await studio.RestartAsync();
        await page.EvaluateAsync("() => localStorage.clear()");
        await page.GotoAsync(sessionUrl);

        // Then the questions and the design are intact
        (await page.Locator("#chat-log li").CountAsync()).ShouldBe(3);
        (await page.InputValueAsync("#design")).ShouldBe(grown);
        await page.Locator("[data-testid='diagram'] svg", new() { HasText = "audit_log" }).WaitForAsync();

        // When the session is finished
        await page.ClickAsync("[data-testid='finish']");
        await page.WaitForURLAsync("**/review");

        // Then the scorecard and the follow-ups are shown, and an answer gets feedback
        (await page.Locator("[data-testid='scorecard']").InnerTextAsync()).ShouldContain("requirement-discovery");
        (await page.Locator("[data-testid='followups'] li.followup").CountAsync()).ShouldBeGreaterThanOrEqualTo(3);
        var firstFollowUp = page.Locator("[data-testid='followups'] li.followup").First;
        await firstFollowUp.Locator("textarea").FillAsync("Add read replicas and a cache in front of the database, shard by a partition key, and use a circuit breaker with retries, backoff and jitter so a slow dependency does not cascade.");
        await firstFollowUp.Locator("button:has-text('Send answer')").ClickAsync();
        var feedback = firstFollowUp.Locator("[data-testid='feedback']");
        await feedback.WaitForAsync();
        (await feedback.InnerTextAsync()).ShouldContain("expected concepts");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await watch.ScreenshotAsync("practice-review", fullPage: false);
        await page.Locator("[data-testid='followups']").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "practice-followups.png") });

        // And the finished session appears in the progress
        await page.GotoAsync(studio.Url + "/progress");
        (await page.Locator("[data-testid='sessions']").InnerTextAsync()).ShouldContain("URL shortener");
        await page.Locator(".chart-box canvas").WaitForAsync();
        await watch.ScreenshotAsync("progress");
        watch.ShouldHaveNoErrors();
    }

    internal static async Task ReplaceEditorTextAsync(IPage page, string text)
    {
        await page.ClickAsync(".cm-content");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.InsertTextAsync(text);
    }
}
