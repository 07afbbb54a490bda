using System.Text.Json;
using DesignDrill.Core.Practice;
using DesignDrill.Core.Review.Reporting;

namespace DesignDrill.Core.Tests.Practice;

/// <summary>
/// Everything a practice session shows, as one indented JSON text, so two sessions compare field by field (records
/// holding lists compare those lists by reference, which would not do) and a difference shows as a readable diff.
/// </summary>
internal static class SessionSnapshot
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string Of(PracticeSession session)
    {
        var result = session.Result;
        var view = new
        {
            session.Id,
            session.StartedAt,
            Prompt = session.Prompt.Id,
            Minutes = session.Plan.Minutes,
            session.Level,
            session.Phase,
            session.LatestDesign,
            session.IsFinished,
            session.Draft,
            Timeline = session.Timeline.Select(e => new { e.At, e.Kind, e.Phase, e.Text, e.Topics, e.SectionsWithContent }),
            Questions = session.Questions.Select(q => new { q.At, q.Question, q.Answer.Topics, q.Answer.Answer }),
            Result = result is null ? null : new
            {
                Review = JsonReportWriter.Write(result.Review, null),
                SessionFindings = result.SessionFindings.Select(f => new { f.Id, f.Rule, f.Severity, f.Dimension, f.Message, Span = f.Span.ToString(), f.Hint, f.Evidence, f.Concept }),
                Scorecard = new { result.Scorecard.Level, result.Scorecard.Scores, result.Scorecard.Average, result.Scorecard.Recommendation },
                FollowUps = result.FollowUps.Select(f => new { f.Kind, f.Question, f.Concepts, f.Why, Finding = f.Finding?.Id, Outcome = f.Outcome?.Summary }),
                result.Duration,
                result.FinishedAt,
            },
            Answers = session.Answers.Select(a => new { a.At, a.FollowUpIndex, a.Answer, a.Feedback.FollowUp.Question, a.Feedback.Covered, a.Feedback.Missing, a.Feedback.Text }),
            Journal = SessionJournalJson.Write(session.Journal),
        };
        return JsonSerializer.Serialize(view, Options);
    }
}
