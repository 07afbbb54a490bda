using System.Net;
using System.Text.RegularExpressions;

namespace DesignDrill.Web.Tests;

/// <summary>An HTTP client of the test host that keeps cookies and sends the antiforgery token as a browser would.</summary>
public sealed partial class StudioClient(HttpClient http)
{
    private string? _token;

    public HttpClient Http { get; } = http;

    public async Task<string> TokenAsync()
    {
        if (_token is null)
        {
            var html = await Http.GetStringAsync("/review");
            _token = TokenPattern().Match(html).Groups[1].Value;
            _token.ShouldNotBeNullOrEmpty();
        }

        return _token;
    }

    public async Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, bool htmx = true, bool withToken = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        if (withToken)
        {
            request.Headers.Add("RequestVerificationToken", await TokenAsync());
        }

        if (htmx)
        {
            request.Headers.Add("HX-Request", "true");
        }

        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostFormAsync(string url, params (string Key, string Value)[] fields) =>
        PostFormAsync(url, fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    public static async Task<string> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body.Length > 2000 ? body[..2000] : body);
        return body;
    }

    [GeneratedRegex("name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
