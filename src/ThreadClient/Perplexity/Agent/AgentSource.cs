namespace ThreadClient.Perplexity.Agent;

/// <summary>A source of an answer: a URL the answer cites or a search found.</summary>
/// <param name="Url">The URL.</param>
/// <param name="Title">The page title, when known.</param>
/// <param name="Snippet">An excerpt, when known.</param>
public sealed record AgentSource(string Url, string? Title, string? Snippet);
