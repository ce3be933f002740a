using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>How often one tool ran for a response.</summary>
public sealed class AgentToolCallDetails
{
    /// <summary>The number of invocations.</summary>
    [JsonPropertyName("invocation")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? Invocation { get; set; }
}
