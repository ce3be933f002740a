using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>One choice of a completion or chunk.</summary>
public sealed class ChatChoice
{
    /// <summary>The choice's index.</summary>
    [JsonPropertyName("index")]
    public int Index { get; set; }

    /// <summary>The message (in a stream's full mode: the whole message so far).</summary>
    [JsonPropertyName("message")]
    public ChatMessage? Message { get; set; }

    /// <summary>The new part of the message, in a stream.</summary>
    [JsonPropertyName("delta")]
    public ChatMessage? Delta { get; set; }

    /// <summary>Why generation stopped (<c>stop</c>, <c>length</c>, ...), once it has.</summary>
    [JsonPropertyName("finish_reason")]
    public string? FinishReason { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
