namespace ThreadClient.Extensions.AI;

/// <summary>The keys ThreadClient adds to <c>AdditionalProperties</c> of chat responses and updates.</summary>
public static class ThreadsChatProperties
{
    /// <summary>The thread id that was given up when the turn moved to a new thread (the new one is the response's <c>ConversationId</c>).</summary>
    public const string ReplacedConversationId = "threadclient.replaced_conversation_id";

    /// <summary>Why the turn moved to a new thread, a <see cref="Sessions.ThreadReplacementReason"/> name.</summary>
    public const string ReplacementReason = "threadclient.replacement_reason";

    /// <summary>
    /// Set to <see langword="true"/> in <c>ChatOptions.AdditionalProperties</c> for a one-off call that keeps no
    /// state on the server (no thread); its response has no <c>ConversationId</c>.
    /// </summary>
    public const string Stateless = "threadclient.stateless";

    /// <summary>Perplexity's search results (<c>IList&lt;SearchResult&gt;</c>).</summary>
    public const string SearchResults = "threadclient.search_results";

    /// <summary>Perplexity's related questions (<c>IList&lt;string&gt;</c>).</summary>
    public const string RelatedQuestions = "threadclient.related_questions";

    /// <summary>
    /// Set on a response (or its last streamed update) when the answer arrived but the conversation's
    /// state could not be kept in the session store for the next call; the value is the store's error message.
    /// </summary>
    public const string StateNotSaved = "threadclient.state_not_saved";
}
