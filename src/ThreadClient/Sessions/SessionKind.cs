namespace ThreadClient.Sessions;

/// <summary>What a session record's conversation id is.</summary>
public enum SessionKind
{
    /// <summary>A server-side thread id (Perplexity <c>thread_id</c>, Aitronos <c>thread</c>).</summary>
    Thread = 0,

    /// <summary>The last response id of an Aitronos <c>previousResponseId</c> chain.</summary>
    ResponseChain,

    /// <summary>A Perplexity Agent API conversation: the service keeps no thread, so the id is the last response id and the transcript is replayed.</summary>
    Agent,
}
