namespace ThreadClient.Extensions.AI;

/// <summary>Which provider an <see cref="Microsoft.Extensions.AI.IChatClient"/> registered by <see cref="ThreadsChatClientServiceCollectionExtensions"/> talks to.</summary>
public enum ThreadsChatProvider
{
    /// <summary>Perplexity chat completions.</summary>
    Perplexity = 0,

    /// <summary>Aitronos model responses.</summary>
    Aitronos,
}
