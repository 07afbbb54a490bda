using System.Globalization;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.Practice;
using Xunit.Abstractions;

namespace DesignDrill.Core.Tests.Practice;

public sealed class QuestionMatcherAccuracyTests(ITestOutputHelper output)
{
    /// <summary>Required share of right answers (90%, the requirement stated in the test file's header).</summary>
    private const double RequiredAccuracy = 0.90;

    /// <summary>Fewest questions the figure may rest on (150, from the same requirement).</summary>
    private const int MinimumQuestions = 150;

    [Theory]
    [InlineData(ClarifyingQuestions.RelativePath)]
    [InlineData(ClarifyingQuestions.HoldoutPath)]
    public void Should_answer_at_least_90_percent_of_the_held_out_questions_right(string path)
    {
        // Given: the first list (written before the matcher) and the second (written after it was tuned, never tuned on)
        var questions = ClarifyingQuestions.Load(path);

        // When
        var misses = questions
            .Select(q => (Question: q, Matched: QuestionMatcher.Default.Match(q.Text)))
            .Where(r => !ClarifyingQuestions.IsRight(r.Question, r.Matched))
            .ToList();
        var accuracy = (questions.Count - misses.Count) / (double)questions.Count;

        // Then
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Accuracy {accuracy:P1}: {questions.Count - misses.Count} of {questions.Count} right, {misses.Count} misses."));
        foreach (var (question, matched) in misses)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  line {question.Line}: \"{question.Text}\" expected [{string.Join(", ", question.Topics)}] got [{string.Join(", ", matched)}]"));
        }

        questions.Count.ShouldBeGreaterThanOrEqualTo(MinimumQuestions);
        accuracy.ShouldBeGreaterThanOrEqualTo(RequiredAccuracy);
    }

    [Theory]
    [InlineData(ClarifyingQuestions.RelativePath)]
    [InlineData(ClarifyingQuestions.HoldoutPath)]
    public void Should_label_every_held_out_question_with_known_topics(string path)
    {
        // Given
        var questions = ClarifyingQuestions.Load(path);

        // Then
        foreach (var question in questions)
        {
            question.Topics.ShouldAllBe(t => TopicCatalog.Default.Contains(t), $"line {question.Line}");
        }
    }
}
