namespace ThreadClient.Perplexity.Agent;

/// <summary>What an <see cref="AgentStreamEvent"/> means, from its <c>type</c>.</summary>
public enum AgentStreamEventKind
{
    /// <summary>A type this SDK does not know; the event is kept as it came (<see cref="AgentStreamEvent.AdditionalProperties"/>).</summary>
    Unknown = 0,

    /// <summary><c>response.created</c>: <see cref="AgentStreamEvent.Response"/> as it starts.</summary>
    Created,

    /// <summary><c>response.in_progress</c>.</summary>
    InProgress,

    /// <summary><c>response.output_item.added</c>: <see cref="AgentStreamEvent.Item"/> at <see cref="AgentStreamEvent.OutputIndex"/>.</summary>
    OutputItemAdded,

    /// <summary><c>response.output_item.done</c>: the finished <see cref="AgentStreamEvent.Item"/>.</summary>
    OutputItemDone,

    /// <summary><c>response.output_text.delta</c>: new text in <see cref="AgentStreamEvent.Delta"/>.</summary>
    OutputTextDelta,

    /// <summary><c>response.output_text.done</c>: the part's whole text in <see cref="AgentStreamEvent.Text"/>.</summary>
    OutputTextDone,

    /// <summary><c>response.reasoning.started</c>.</summary>
    ReasoningStarted,

    /// <summary><c>response.reasoning.search_queries</c>: <see cref="AgentStreamEvent.Queries"/>.</summary>
    ReasoningSearchQueries,

    /// <summary><c>response.reasoning.search_results</c>: <see cref="AgentStreamEvent.Results"/>.</summary>
    ReasoningSearchResults,

    /// <summary><c>response.reasoning.fetch_url_queries</c>: <see cref="AgentStreamEvent.Urls"/>.</summary>
    ReasoningFetchUrlQueries,

    /// <summary><c>response.reasoning.fetch_url_results</c>: <see cref="AgentStreamEvent.Contents"/>.</summary>
    ReasoningFetchUrlResults,

    /// <summary><c>response.reasoning.stopped</c>.</summary>
    ReasoningStopped,

    /// <summary><c>response.skill.loaded</c>: <see cref="AgentStreamEvent.Name"/>.</summary>
    SkillLoaded,

    /// <summary><c>response.completed</c> (or <c>response.incomplete</c>, for an answer cut off at its token limit): the finished <see cref="AgentStreamEvent.Response"/>.</summary>
    Completed,

    /// <summary><c>response.failed</c>: never yielded; it raises <see cref="ThreadsStreamException"/>.</summary>
    Failed,
}
