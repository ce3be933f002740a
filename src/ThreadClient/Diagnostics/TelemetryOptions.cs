namespace ThreadClient.Diagnostics;

/// <summary>What ThreadClient's traces may carry (see <see cref="ThreadsTelemetry"/>).</summary>
public sealed class TelemetryOptions
{
    /// <summary>
    /// Whether generation spans carry <c>gen_ai.conversation.id</c> (the Perplexity or Aitronos thread id).
    /// Default <see langword="false"/>: a thread id opens the conversation's history, so it stays out of
    /// telemetry unless you decide your tracing backend may hold it.
    /// </summary>
    public bool RecordConversationIds { get; set; }
}
