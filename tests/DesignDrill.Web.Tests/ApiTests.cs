using System.Net;
using System.Text;

namespace DesignDrill.Web.Tests;

public sealed class ApiTests(StudioFactory factory) : IClassFixture<StudioFactory>
{
    [Fact]
    public async Task Should_answer_health()
    {
        var client = factory.CreateClient();
        (await client.GetStringAsync("/health")).ShouldBe("ok");
    }

    [Fact]
    public async Task Should_refuse_an_oversized_document_with_413_and_a_message()
    {
        var client = factory.CreateClient();
        var text = "# Big\n" + new string('x', 1_100_000);
        var response = await client.PostAsync("/api/analyze", new StringContent(text, Encoding.UTF8, "text/markdown"));
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).ShouldContain("the limit is 1,000,000 bytes");
    }
}
