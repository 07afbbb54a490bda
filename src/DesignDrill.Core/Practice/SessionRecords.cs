using System.Text.Json;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Progress;

namespace DesignDrill.Core.Practice;

/// <summary>
/// The stored form of a finished practice session (<see cref="SessionRecord"/>), the same from the terminal and the web
/// studio: its scores, final design, and the details as JSON (level, duration, timeline, questions, session findings,
/// review counts, and each follow-up with the concepts its latest answer covered and missed).
/// </summary>
public static class SessionRecords
{
    /// <summary>Builds the record of a finished session.</summary>
    /// <param name="session">A session that has finished (<see cref="PracticeSession.Result"/> set).</param>
    /// <returns>The record; saving it again after more answers replaces the earlier one (same id).</returns>
    /// <exception cref="InvalidOperationException">When the session has not finished.</exception>
    public static SessionRecord From(PracticeSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var result = session.Result ?? throw new InvalidOperationException("The session has not finished; finish it before recording it.");
        var latest = session.Answers.GroupBy(a => a.FollowUpIndex).ToDictionary(g => g.Key, g => g.Last().Feedback);
        var details = new
        {
            level = session.Level.ToString().ToLowerInvariant(),
            durationSeconds = result.Duration.TotalSeconds,
            timeline = session.Timeline.Select(e => new { atSeconds = e.At.TotalSeconds, kind = e.Kind.ToString(), phase = e.Phase.ToString(), text = e.Text, topics = e.Topics }),
            questions = session.Questions.Select(q => new { atSeconds = q.At.TotalSeconds, question = q.Question, topics = q.Answer.Topics, answer = q.Answer.Answer }),
            sessionFindings = result.SessionFindings.Select(f => new { id = f.Id, severity = f.Severity.ToString(), message = f.Message }),
            review = new { errors = result.Review.Count(Severity.Error), warnings = result.Review.Count(Severity.Warning), notes = result.Review.Count(Severity.Info) },
            followUps = result.FollowUps.Select((f, i) => new
            {
                kind = f.Kind.ToString(),
                question = f.Question,
                why = f.Why,
                concepts = f.Concepts,
                outcome = f.Outcome?.Summary,
                covered = latest.TryGetValue(i, out var feedback) ? feedback.Covered : null,
                missing = latest.TryGetValue(i, out var missed) ? missed.Missing : null,
            }),
        };
        return new SessionRecord(
            session.Id,
            session.Prompt.Id,
            session.StartedAt,
            result.FinishedAt,
            session.Plan.Minutes,
            result.Scorecard.Scores.ToDictionary(s => s.Dimension, s => s.Score),
            result.Scorecard.Average,
            result.Scorecard.Recommendation,
            session.LatestDesign,
            JsonSerializer.Serialize(details));
    }
}
