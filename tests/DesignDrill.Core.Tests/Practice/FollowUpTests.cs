using DesignDrill.Core.Catalog;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Practice;
using DesignDrill.Core.Review;
using DesignDrill.Core.Tests.Review;

namespace DesignDrill.Core.Tests.Practice;

public sealed class FollowUpTests
{
    [Fact]
    public void Should_load_the_bundled_follow_up_bank_without_diagnostics()
    {
        // Given / When
        var result = FollowUpBank.DefaultLoadResult;

        // Then
        result.Diagnostics.ShouldBeEmpty(string.Join("\n", result.Diagnostics));
        result.Bank.ForRule("REV031").ShouldNotBeNull().Impact.ShouldBe(3);
        FollowUpBank.ChangeKinds.ShouldAllBe(k => result.Bank.ConceptsForChange(k).Count > 0);
        result.Bank.Generic.Count.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Theory]
    [InlineData("findings:\n  - rule: REV999\n    question: q\n    concepts: [a]\n", FollowUpBankDiagnosticCodes.InvalidValue, 2, 11, "REV999")]
    [InlineData("findings:\n  - rule: REV031\n    impact: 5\n    question: q\n    concepts: [a]\n", FollowUpBankDiagnosticCodes.InvalidValue, 3, 13, "impact")]
    [InlineData("findings:\n  - rule: REV031\n    question: q\n    concepts: [a]\n  - rule: REV031\n    question: r\n    concepts: [b]\n", FollowUpBankDiagnosticCodes.Duplicate, 5, 11, "line 2")]
    [InlineData("findings:\n  - rule: REV031\n    question: q\n", FollowUpBankDiagnosticCodes.MissingField, 2, 5, "concepts")]
    [InlineData("changes:\n  scale_up:\n    concepts: [a]\n", FollowUpBankDiagnosticCodes.InvalidValue, 2, 3, "scale")]
    [InlineData("generic:\n  - question: q\n    concept: [a]\n", FollowUpBankDiagnosticCodes.UnknownKey, 3, 5, "concepts")]
    [InlineData("findings: [\n", FollowUpBankDiagnosticCodes.Syntax, 2, 1, "YAML")]
    public void Should_report_a_bad_bank_with_line_and_column(string yaml, string code, int line, int column, string text)
    {
        // Given / When
        var result = FollowUpBank.Load(yaml);

        // Then
        var diagnostic = result.Diagnostics.First();
        (diagnostic.Code, diagnostic.Span.Line, diagnostic.Span.Column).ShouldBe((code, line, column), diagnostic.ToString());
        (diagnostic.Message + " " + diagnostic.Hint).ShouldContain(text);
    }

    [Fact]
    public void Should_ask_about_the_worst_finding_first_then_run_a_constraint_change()
    {
        // Given: a news feed whose fan-out tier saturates at its own peak
        var prompt = PromptCatalog.Default.Get("news-feed").ShouldNotBeNull();
        var report = DesignReviewer.Review(RepoFiles.Read("samples/flawed/overloaded-feed.md"));

        // When
        var plan = FollowUpPlanner.Plan(prompt, report, FollowUpBank.Default);

        // Then
        plan.Count.ShouldBeInRange(FollowUpPlanner.MinFollowUps, FollowUpPlanner.MaxFollowUps);
        plan[0].Kind.ShouldBe(FollowUpKind.Finding);
        plan[0].Finding.ShouldNotBeNull().Id.ShouldBe("REV031");
        plan[0].Question.ShouldStartWith("Your design sheds load at its own peak: ");
        plan[0].Why.ShouldStartWith("REV031 error at line ");
        var change = plan.First(f => f.Kind == FollowUpKind.ConstraintChange);
        change.Outcome.ShouldNotBeNull().Applied.ShouldBeTrue();
        change.Concepts.ShouldNotBeEmpty();
        plan.Select(f => f.Question).ShouldBeUnique();
    }

    [Fact]
    public void Should_fill_up_with_the_prompt_bank_for_a_clean_design()
    {
        // Given: the reference design itself, which has no warnings
        var prompt = PromptCatalog.Default.Get("rate-limiter").ShouldNotBeNull();
        var report = DesignReviewer.Review(prompt.ReferenceDesignText.ShouldNotBeNull());

        // When
        var plan = FollowUpPlanner.Plan(prompt, report, FollowUpBank.Default);

        // Then: constraint changes, then the prompt's own questions
        plan.Count.ShouldBe(FollowUpPlanner.MaxFollowUps);
        plan.Where(f => f.Kind == FollowUpKind.Finding).ShouldAllBe(f => f.Finding!.Severity == Severity.Info);
        plan.ShouldContain(f => f.Kind == FollowUpKind.ConstraintChange);
        plan.ShouldContain(f => f.Kind == FollowUpKind.PromptBank);
    }

    [Fact]
    public void Should_take_a_bank_question_concepts_from_the_hard_part_it_is_about()
    {
        // Given
        var prompt = PromptCatalog.Default.Get("rate-limiter").ShouldNotBeNull();

        // When
        var concepts = FollowUpPlanner.ConceptsFor(prompt, "What happens when the counter store fails?");
        var none = FollowUpPlanner.ConceptsFor(prompt, "Tell me a joke.");

        // Then
        concepts.ShouldBe(["fail open", "circuit breaker", "timeouts", "local fallback limits"]);
        none.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("We add circuit breakers and a dead letter queue.", "circuit breaker,dead-letter queue", "")]
    [InlineData("Use an IDEMPOTENCY-KEY header.", "idempotency key", "")]
    [InlineData("Cache the hot keys.", "", "idempotency key")]
    [InlineData("", "", "circuit breaker")]
    public void Should_check_an_answer_for_concepts_ignoring_case_hyphens_and_plurals(string answer, string covered, string missing)
    {
        // Given
        var expected = covered.Split(',', StringSplitOptions.RemoveEmptyEntries).Concat(missing.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var followUp = new FollowUp(FollowUpKind.Generic, "Q?", expected, "test");

        // When
        var feedback = AnswerChecker.Check(followUp, answer);

        // Then
        feedback.Covered.ShouldBe(covered.Split(',', StringSplitOptions.RemoveEmptyEntries));
        feedback.Missing.ShouldBe(missing.Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Should_accept_a_concept_by_a_concept_card_term()
    {
        // Given the bundled cards, whose dead-letter-queue card lists DLQ
        var followUp = new FollowUp(FollowUpKind.Generic, "Q?", ["dead-letter queue", "exponential backoff"], "test");

        // When
        var feedback = AnswerChecker.Check(followUp, "Retry a few times, then park it in the DLQ.", AnswerChecker.AliasesFrom(ConceptCatalog.Default));

        // Then
        feedback.Covered.ShouldBe(["dead-letter queue"]);
        feedback.Missing.ShouldBe(["exponential backoff"]);
    }

    [Fact]
    public void Should_accept_a_concept_by_an_alias()
    {
        // Given
        var followUp = new FollowUp(FollowUpKind.Generic, "Q?", ["dead-letter queue"], "test");

        // When
        var feedback = AnswerChecker.Check(followUp, "Failed messages go to a DLQ.", c => c == "dead-letter queue" ? ["dlq"] : []);

        // Then
        feedback.Covered.ShouldBe(["dead-letter queue"]);
        feedback.Text.ShouldBe("Covered every concept expected: dead-letter queue.");
    }
}
