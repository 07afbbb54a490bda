using DesignDrill.Core.Catalog;
using DesignDrill.Core.Practice;

namespace DesignDrill.Core.Tests.Practice;

public class QuestionMatcherTests
{
    private static Prompt UrlShortener => PromptCatalog.Default.Get("url-shortener").ShouldNotBeNull();

    [Theory]
    [InlineData("How many daily active users are there?", "scale.dau")]
    [InlineData("WHAT'S THE P99 LATENCY TARGET???", "latency.target")]
    [InlineData("how long do we keep the links", "data.retention")]
    [InlineData("Is it read-heavy?", "traffic.read_write_ratio")]
    [InlineData("Are users spread across multiple regions?", "geography")]
    public void Should_match_a_question_to_its_topic_whatever_the_case_and_punctuation(string question, string topic)
    {
        // When
        var topics = QuestionMatcher.Default.Match(question);

        // Then
        topics.ShouldContain(topic);
    }

    [Fact]
    public void Should_return_every_topic_of_a_multi_part_question()
    {
        // When
        var topics = QuestionMatcher.Default.Match("What's the read/write ratio, and how long should we retain data?");

        // Then
        topics.ShouldContain("traffic.read_write_ratio");
        topics.ShouldContain("data.retention");
    }

    [Theory]
    [InlineData("Can I use Kafka here?")]
    [InlineData("Should I draw the boxes first?")]
    [InlineData("")]
    [InlineData("   ?!  ")]
    [InlineData(null)]
    public void Should_return_no_topic_when_nothing_matches(string? question)
    {
        // When
        var topics = QuestionMatcher.Default.Match(question);

        // Then
        topics.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("What is the expected latancy?", "latency.target")]
    [InlineData("How long is the retenton period?", "data.retention")]
    [InlineData("Are there resideny rules?", "geography")]
    public void Should_tolerate_one_typo_in_a_long_word(string question, string topic)
    {
        // When
        var topics = QuestionMatcher.Default.Match(question);

        // Then
        topics.ShouldContain(topic);
    }

    [Fact]
    public void Should_not_tolerate_a_typo_in_a_short_word()
    {
        // Given "lost" is a durability keyword and "lust" is one edit away, but only four letters long
        // When
        var topics = QuestionMatcher.Default.Match("Is there lust?");

        // Then
        topics.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("users", "user")]
    [InlineData("retries", "retry")]
    [InlineData("caching", "cach")]
    [InlineData("cache", "cach")]
    [InlineData("dropped", "drop")]
    [InlineData("expired", "expir")]
    [InlineData("status", "status")]
    [InlineData("99.9", "99.9")]
    public void Should_fold_plurals_and_endings_to_one_stem(string word, string stem)
    {
        // When
        var result = QuestionWords.Stem(word);

        // Then
        result.ShouldBe(stem);
    }

    [Fact]
    public void Should_give_the_same_topics_for_the_same_question_every_time()
    {
        // Given
        const string question = "How many requests per second at peak, and what about duplicates?";

        // When
        var first = QuestionMatcher.Default.Match(question);
        var second = new QuestionMatcher(TopicCatalog.Default).Match(question);

        // Then
        second.ShouldBe(first);
    }

    [Fact]
    public void Should_never_throw_on_hostile_input()
    {
        // Given
        var inputs = new[] { new string('a', 100_000), new string('.', 5_000), "9.9.9.9.", "'''", "\0\u2014\uFFFF", string.Join(' ', Enumerable.Repeat("how long", 3_000)) };

        // Then
        foreach (var input in inputs)
        {
            Should.NotThrow(() => ClarifyingAnswerer.Answer(UrlShortener, input));
        }
    }

    [Fact]
    public void Should_answer_from_the_prompt_facts_of_the_matched_topic()
    {
        // When
        var answer = ClarifyingAnswerer.Answer(UrlShortener, "How many DAU?");

        // Then
        answer.Topics.ShouldBe(["scale.dau"]);
        answer.Answer.ShouldBe("About 100M daily active users.");
    }

    [Fact]
    public void Should_answer_each_topic_on_its_own_line_for_a_multi_part_question()
    {
        // When
        var answer = ClarifyingAnswerer.Answer(UrlShortener, "What's the p99 latency target, and how long do links live before they expire?");

        // Then
        answer.Topics.ShouldContain("latency.target");
        answer.Topics.ShouldContain("data.retention");
        var lines = answer.Answer.Split('\n');
        lines.ShouldContain(UrlShortener.FactsAbout("latency.target").Single().Answer);
        lines.ShouldContain(UrlShortener.FactsAbout("data.retention").Single().Answer);
    }

    [Fact]
    public void Should_match_a_prompt_fact_phrasing_the_topic_synonyms_do_not_know()
    {
        // Given the notification service files "What happens during a campaign?" under traffic.peak
        var prompt = PromptCatalog.Default.Get("notification-service").ShouldNotBeNull();
        const string question = "And what happens during a big marketing campaign?";
        QuestionMatcher.Default.Match(question).ShouldNotContain("traffic.peak");

        // When
        var answer = ClarifyingAnswerer.Answer(prompt, question);

        // Then
        answer.Topics.ShouldContain("traffic.peak");
        answer.Answer.ShouldContain(prompt.FactsAbout("traffic.peak").First().Answer);
    }

    [Fact]
    public void Should_say_your_call_when_no_topic_matches()
    {
        // When
        var answer = ClarifyingAnswerer.Answer(UrlShortener, "Can I use Kafka here?");

        // Then
        answer.Topics.ShouldBeEmpty();
        answer.Answer.ShouldBe("Your call — state it as an assumption.");
    }

    [Fact]
    public void Should_say_your_call_when_the_prompt_has_no_fact_for_the_topic()
    {
        // Given the URL shortener's sheet says nothing about cost
        UrlShortener.FactsAbout("cost").ShouldBeEmpty();

        // When
        var answer = ClarifyingAnswerer.Answer(UrlShortener, "What's the budget?");

        // Then
        answer.Topics.ShouldBe(["cost"]);
        answer.Answer.ShouldBe(ClarifyingAnswerer.YourCall);
    }

    [Fact]
    public void Should_report_a_keyword_of_several_words_and_a_one_word_phrase_with_positions()
    {
        // Given
        const string yaml = "topics:\n  - id: cost\n    description: Budget.\n    keywords: [budget, cloud bill]\n    phrases: [money]\n";

        // When
        var result = TopicCatalog.Load(yaml);

        // Then
        result.Diagnostics.Select(d => (d.Code, d.Span.Line, d.Span.Column)).ShouldBe([("TOP005", 4, 24), ("TOP005", 5, 15)]);
        var topic = result.Topics.Get("cost").ShouldNotBeNull();
        topic.Keywords.ShouldBe(["budget"]);
        topic.Phrases.ShouldBeEmpty();
    }

    [Fact]
    public void Should_load_synonyms_for_every_shipped_topic()
    {
        // Then
        TopicCatalog.Default.Topics.ShouldAllBe(t => t.Keywords.Count > 0 && t.Phrases.Count > 0);
    }
}
