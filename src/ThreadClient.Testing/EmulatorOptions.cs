namespace ThreadClient.Testing;

/// <summary>Settings of a <see cref="ThreadsEmulator"/>.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The port; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>
    /// The address to listen on with <see cref="Port"/>. Default <c>127.0.0.1</c> (loopback only); for example
    /// <c>0.0.0.0</c> in a container whose port is published. Ignored when <see cref="Urls"/> is set.
    /// </summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>
    /// The full listen addresses (Kestrel's <c>--urls</c>), for example <c>http://127.0.0.1:5080</c>; when any is
    /// set, <see cref="Host"/> and <see cref="Port"/> are ignored. Plain <c>http</c> only.
    /// </summary>
    public IList<string> Urls { get; } = [];

    /// <summary>
    /// Whether the HTTP control plane answers under <c>/_emulator/</c> (faults, thread expiry, clock, switches,
    /// request log, reset: see README). Default <see langword="true"/>; its requests are not logged in
    /// <see cref="ThreadsEmulator.Requests"/>.
    /// </summary>
    public bool ControlPlane { get; set; } = true;

    /// <summary>
    /// The emulator's clock: thread expiry, chain age, timestamps and delays. Pass the same fake clock as the
    /// client to test expiry; <see cref="ThreadsEmulator.AdvanceClock"/> moves the emulator's time forward on
    /// top of it.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>A Perplexity thread unused for this long answers 404. Default 1 hour (Perplexity states no value).</summary>
    public TimeSpan PerplexityThreadInactivity { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The oldest response a <c>previousResponseId</c> may name. Default 24 hours, as documented.</summary>
    public TimeSpan PreviousResponseMaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>An Aitronos thread unused for this long is gone (404 <c>THREAD_NOT_FOUND</c>). Default 90 days, as documented.</summary>
    public TimeSpan AitronosThreadInactivity { get; set; } = TimeSpan.FromDays(90);

    /// <summary>An Aitronos thread this old is gone (404 <c>THREAD_NOT_FOUND</c>), used or not. Default 1 year (365 days), as documented.</summary>
    public TimeSpan AitronosThreadMaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>The most messages an Aitronos thread holds. Default 10,000, as documented.</summary>
    public int MaxMessagesPerThread { get; set; } = 10_000;

    /// <summary>The largest metadata of an Aitronos thread, in bytes of JSON. Default 16 KB, as documented.</summary>
    public int MaxMetadataBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// How the Aitronos model response answers without <c>stream</c>: one object (<see cref="AitronosReplyShape.Seed"/>,
    /// the default) or, as the deployed Freddy API does, an array of events (<see cref="AitronosReplyShape.EventArray"/>,
    /// <see cref="AitronosReplyShape.SuccessEnvelope"/>). Requests may name their thread in <c>thread</c> or
    /// <c>thread_id</c> (a string or a number) whatever the shape.
    /// </summary>
    public AitronosReplyShape AitronosReplyShape { get; set; }

    /// <summary>Whether requests without a key (Authorization, X-API-Key, or the deployed Freddy API's Api-Key) get 401. Default <see langword="true"/>; any non-empty key is accepted.</summary>
    public bool RequireApiKey { get; set; } = true;

    /// <summary>Characters per streamed piece of a reply. Default 8.</summary>
    public int StreamPieceLength { get; set; } = 8;

    /// <summary>
    /// Whether the Agent API's <c>previous_response_id</c> carries context (the named response's turns count
    /// as the reply's earlier turns). Default <see langword="true"/>, as the live service did on 2026-10-09
    /// (one docs page still calls it a no-op: set <see langword="false"/> to test that). Either way an id that
    /// cannot be chained (unknown, malformed, still running, cancelled) answers the live 400 "invalid request".
    /// </summary>
    public bool AgentHonoursPreviousResponseId { get; set; } = true;

    /// <summary>
    /// The Agent API requests a minute every reply reports in <c>x-ratelimit-limit</c> (with <c>-remaining</c>,
    /// <c>-reset</c> and <c>-used</c> counted on the emulator's clock). Default 50, Perplexity's tier 0.
    /// </summary>
    public int AgentRequestsPerMinute { get; set; } = 50;

    /// <summary>
    /// What the Agent API bills: each reply's <c>usage</c> counts the prompt's tokens (4 characters each) and
    /// reports as cache reads those of the longest prefix it shares with the previous request under the same
    /// <c>prompt_cache_key</c> (or preset or model, without one), and prices them from this table. Change it
    /// at any time (or <c>PUT /_emulator/perplexity/agent/prices</c>).
    /// </summary>
    public AgentPrices AgentPrices { get; set; } = new();

    /// <summary>
    /// Whether an Agent API request past <see cref="AgentRequestsPerMinute"/> answers the live 429
    /// (<c>request_rate_limit_exceeded</c>, no <c>Retry-After</c>, the window's reset in <c>x-ratelimit-reset</c>).
    /// Default <see langword="false"/>: a test suite's many calls are not throttled; the headers are reported either way.
    /// </summary>
    public bool EnforceAgentRateLimit { get; set; }

    /// <summary>
    /// Whether <c>POST /chat/completions</c> answers as Perplexity has since 2026-09-27: 403
    /// <c>chat_completions_not_available</c>, "Sonar is now the Agent API. Use /v1/responses instead."
    /// (<see cref="ThreadsEmulator.ChatCompletionsRetiredBody"/>). Default <see langword="false"/>; also
    /// settable while running (<see cref="ThreadsEmulator.PerplexityChatCompletionsRetired"/>).
    /// </summary>
    public bool PerplexityChatCompletionsRetired { get; set; }
}
