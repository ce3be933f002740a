using ThreadClient.Aitronos;
using ThreadClient.Perplexity;
using ThreadClient.Sessions;

namespace ThreadClient;

/// <summary>The root of the SDK as calling code sees it; mock this in tests of your own code.</summary>
public interface IThreadsClient
{
    /// <summary>Perplexity chat completions with threads.</summary>
    PerplexityClient Perplexity { get; }

    /// <summary>The Aitronos (Freddy) API: responses, threads and chaining.</summary>
    AitronosClient Aitronos { get; }

    /// <summary>Conversations by key (a user, a ticket), kept in the configured session store.</summary>
    ThreadSessionManager Sessions { get; }
}
