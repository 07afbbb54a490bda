using Microsoft.Playwright;

namespace DesignDrill.Web.Tests.Browser;

/// <summary>Collects a page's console errors and uncaught exceptions, so every browser test can assert there were none.</summary>
public sealed class PageWatch
{
    private readonly List<string> _errors = [];

    private PageWatch(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add($"console: {message.Text} ({message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add("page error: " + error);
            }
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    public static async Task<PageWatch> OpenAsync(IBrowser browser, int width = 1280, int height = 800, string colorScheme = "light")
    {
        var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            ColorScheme = colorScheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        return new PageWatch(page);
    }

    public Task ScreenshotAsync(string name, bool fullPage = true) =>
        Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = fullPage });

    public void ShouldHaveNoErrors() => Errors.ShouldBeEmpty();
}
