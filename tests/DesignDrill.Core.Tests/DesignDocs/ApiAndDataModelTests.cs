using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Tests.DesignDocs;

public sealed class ApiAndDataModelTests
{
    [Fact]
    public void Should_read_an_endpoint_with_request_and_response_fields()
    {
        // Given
        var text = "## API\n- `POST /v1/urls {long_url, custom_alias?, expires_at: timestamp} -> {short_url}`\n";

        // When
        var endpoint = DesignDocumentParser.Parse(text).Api.ShouldHaveSingleItem();

        // Then
        endpoint.Method.ShouldBe("POST");
        endpoint.Path.ShouldBe("/v1/urls");
        endpoint.PathSpan.ShouldBe(new SourceSpan(2, 9, 17));
        endpoint.RequestFields.Select(f => (f.Name, f.IsOptional, f.Type)).ShouldBe([("long_url", false, null), ("custom_alias", true, null), ("expires_at", false, "timestamp")]);
        endpoint.ResponseFields.ShouldHaveSingleItem().Name.ShouldBe("short_url");
        endpoint.ResponseText.ShouldBe("{short_url}");
    }

    [Theory]
    [InlineData("GET /{code} -> 302 Location", "GET", "/{code}", "code", "302 Location")]
    [InlineData("delete /v1/urls/:code → 204", "DELETE", "/v1/urls/:code", "code", "204")]
    [InlineData("PUT /users/{id}/avatar", "PUT", "/users/{id}/avatar", "id", null)]
    [InlineData("GET /v1/feed?cursor=&limit=20 -> {items, next_cursor}", "GET", "/v1/feed", "", "{items, next_cursor}")]
    public void Should_read_endpoint_forms(string line, string method, string path, string parameters, string? response)
    {
        // Given
        var text = "## API design\n" + line + "\n";

        // When
        var endpoint = DesignDocumentParser.Parse(text).Api.ShouldHaveSingleItem();

        // Then
        endpoint.Method.ShouldBe(method);
        endpoint.Path.ShouldBe(path);
        string.Join(",", endpoint.PathParameters).ShouldBe(parameters);
        endpoint.ResponseText.ShouldBe(response);
    }

    [Fact]
    public void Should_read_query_parameters()
    {
        // Given
        var text = "## API\nGET /v1/feed?cursor=&limit=20\n";

        // When
        var endpoint = DesignDocumentParser.Parse(text).Api.ShouldHaveSingleItem();

        // Then
        endpoint.QueryParameters.ShouldBe(["cursor", "limit"]);
    }

    [Theory]
    [InlineData("We expose a REST API.")]
    [InlineData("POST requests are idempotent.")]
    [InlineData("Get the URL from the cache.")]
    public void Should_read_other_api_lines_as_prose(string line)
    {
        // Given
        var text = "## API\n" + line + "\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        document.Api.ShouldBeEmpty();
        document.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void Should_warn_about_a_path_without_a_leading_slash()
    {
        // Given
        var text = "## API\nGET v1/urls/{code}\n";

        // When
        var diagnostic = DesignDocumentParser.Parse(text).Diagnostics.ShouldHaveSingleItem();

        // Then
        diagnostic.Code.ShouldBe("DOC025");
        diagnostic.Span.ShouldBe(new SourceSpan(2, 5, 19));
        diagnostic.Hint.ShouldBe("Write 'GET /v1/urls/{code}'.");
    }

    [Fact]
    public void Should_warn_about_a_duplicate_endpoint()
    {
        // Given
        var text = "## API\nGET /x\nGET /x -> 200\n";

        // When
        var diagnostic = DesignDocumentParser.Parse(text).Diagnostics.ShouldHaveSingleItem();

        // Then
        diagnostic.Code.ShouldBe("DOC027");
        diagnostic.Span.Line.ShouldBe(3);
    }

    [Fact]
    public void Should_read_an_entity_with_keys_types_and_store()
    {
        // Given
        var text = "## Data model\n- message(conversation_id PK PARTITION, message_id PK(sort), sender_id FK, body: text) in messages_db\n";

        // When
        var entity = DesignDocumentParser.Parse(text).Entities.ShouldHaveSingleItem();

        // Then
        entity.Name.ShouldBe("message");
        entity.NameSpan.ShouldBe(new SourceSpan(2, 3, 10));
        entity.Store.ShouldBe("messages_db");
        entity.StoreSpan.ShouldBe(new SourceSpan(2, 91, 102));
        entity.Fields.Select(f => (f.Name, f.IsPrimaryKey, f.IsPartitionKey, f.IsSortKey, f.Type)).ShouldBe(
        [
            ("conversation_id", true, true, false, null),
            ("message_id", true, false, true, null),
            ("sender_id", false, false, false, null),
            ("body", false, false, false, "text"),
        ]);
        entity.Fields[2].Marks.ShouldBe(["FK"]);
        entity.Fields[0].Span.ShouldBe(new SourceSpan(2, 11, 39));
    }

    [Theory]
    [InlineData("url(code PK(partition), long_url)", "code", true, true)]
    [InlineData("url(code primary key, long_url)", "code", true, false)]
    [InlineData("url(code partition key, long_url)", "code", false, true)]
    [InlineData("url (code PK, long_url) — hot rows cached", "code", true, false)]
    public void Should_read_key_marks(string line, string field, bool primary, bool partition)
    {
        // Given
        var text = "## Schema\n" + line + "\n";

        // When
        var entity = DesignDocumentParser.Parse(text).Entities.ShouldHaveSingleItem();

        // Then
        var first = entity.Fields[0];
        first.Name.ShouldBe(field);
        first.IsPrimaryKey.ShouldBe(primary);
        first.IsPartitionKey.ShouldBe(partition);
        entity.Store.ShouldBeNull();
    }

    [Fact]
    public void Should_read_prose_with_parentheses_as_prose()
    {
        // Given
        var text = "## Data model\nUsers (people who shorten links) rarely change.\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        document.Entities.ShouldBeEmpty();
        document.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void Should_warn_about_an_unclosed_field_list()
    {
        // Given
        var text = "## Data model\nurl(code PK, long_url\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        document.Entities.ShouldBeEmpty();
        var diagnostic = document.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("DOC026");
        diagnostic.Span.ShouldBe(new SourceSpan(2, 4, 5));
    }

    [Fact]
    public void Should_warn_about_a_duplicate_entity()
    {
        // Given
        var text = "## Data model\nurl(code PK)\n- URL(code PK, long_url) in urls\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        document.Entities.Count.ShouldBe(2);
        var diagnostic = document.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("DOC028");
        diagnostic.Span.ShouldBe(new SourceSpan(3, 3, 6));
    }

    [Fact]
    public void Should_read_clarifying_questions_with_and_without_answers()
    {
        // Given
        var text = "## Clarifying questions\n1. Q: How many users? A: 100M DAU\n- Read/write ratio? -> 100:1\n- Q: Retention?\n  A: five years\n- Is analytics needed?\n";

        // When
        var questions = DesignDocumentParser.Parse(text).ClarifyingQuestions;

        // Then
        questions.Select(q => (q.Text, q.Answer)).ShouldBe(
        [
            ("How many users?", "100M DAU"),
            ("Read/write ratio?", "100:1"),
            ("Retention?", "five years"),
            ("Is analytics needed?", null),
        ]);
        questions[0].Span.ShouldBe(new SourceSpan(2, 7, 22));
        questions[0].AnswerSpan.ShouldBe(new SourceSpan(2, 26, 34));
        questions[2].AnswerSpan.ShouldBe(new SourceSpan(5, 6, 16));
    }
}
