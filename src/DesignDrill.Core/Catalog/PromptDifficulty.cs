namespace DesignDrill.Core.Catalog;

/// <summary>How hard a prompt is, written <c>difficulty: easy|medium|hard</c> in a prompt file.</summary>
public enum PromptDifficulty
{
    /// <summary>One main path and well-known hard parts (a URL shortener, a pastebin).</summary>
    Easy,

    /// <summary>Several paths, asynchronous work or coordination (a rate limiter, a job queue).</summary>
    Medium,

    /// <summary>Stateful connections, fan-out, ordering or global consistency (a chat system, a news feed).</summary>
    Hard,
}
