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

    /// <summary>
    /// Whether generation spans carry the conversation's text: the request's messages as
    /// <c>gen_ai.input.messages</c> and the answer as <c>gen_ai.output.messages</c>, the GenAI conventions'
    /// opt-in attributes. Default <see langword="false"/>: no prompt, message or answer text reaches a span or
    /// a log unless you decide your tracing backend may hold personal data.
    /// </summary>
    public bool CaptureMessageContent { get; set; }
}
