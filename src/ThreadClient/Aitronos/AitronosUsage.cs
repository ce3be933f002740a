using System.Text.Json;
using ThreadClient.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>Token counts of one response, read from either naming the service uses.</summary>
public sealed class AitronosUsage
{
    /// <summary>Input (prompt) tokens.</summary>
    public long? InputTokens { get; set; }

    /// <summary>Output (completion) tokens.</summary>
    public long? OutputTokens { get; set; }

    /// <summary>All tokens.</summary>
    public long? TotalTokens { get; set; }

    /// <summary>The usage object as the service sent it.</summary>
    public JsonElement Raw { get; set; }

    internal static AitronosUsage? Read(JsonElement reply)
    {
        if (!JsonRead.TryGet(reply, "usage", "Usage", out var usage) || usage.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new AitronosUsage
        {
            InputTokens = JsonRead.Int64(usage, "input_tokens", "inputTokens") ?? JsonRead.Int64(usage, "prompt_tokens", "promptTokens"),
            OutputTokens = JsonRead.Int64(usage, "output_tokens", "outputTokens") ?? JsonRead.Int64(usage, "completion_tokens", "completionTokens"),
            TotalTokens = JsonRead.Int64(usage, "total_tokens", "totalTokens"),
            Raw = usage.Clone(),
        };
    }
}
