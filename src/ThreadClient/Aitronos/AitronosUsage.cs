using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>Token counts of one response, read from any naming the service uses (<c>input_tokens</c>, <c>inputTokens</c>, <c>prompt_tokens</c>, ...).</summary>
[JsonConverter(typeof(WireModelConverter<AitronosUsage>))]
public sealed class AitronosUsage : IWireModel<AitronosUsage>
{
    private static readonly JsonFields<AitronosUsage> Table = new JsonFields<AitronosUsage>(static () => new())
        .Add("input_tokens", Wire.Int64, static x => x.InputTokens, static (x, v) => x.InputTokens = v).Or("inputTokens").Or("prompt_tokens").Or("promptTokens")
        .Add("output_tokens", Wire.Int64, static x => x.OutputTokens, static (x, v) => x.OutputTokens = v).Or("outputTokens").Or("completion_tokens").Or("completionTokens")
        .Add("total_tokens", Wire.Int64, static x => x.TotalTokens, static (x, v) => x.TotalTokens = v).Or("totalTokens")
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    /// <summary>Input (prompt) tokens.</summary>
    public long? InputTokens { get; set; }

    /// <summary>Output (completion) tokens.</summary>
    public long? OutputTokens { get; set; }

    /// <summary>All tokens.</summary>
    public long? TotalTokens { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The usage as a session's ledger counts it (Aitronos reports tokens, no cost).</summary>
    internal Sessions.TurnUsage ToTurnUsage() => new(InputTokens, OutputTokens);

    static JsonFields<AitronosUsage> IWireModel<AitronosUsage>.Fields => Table;
}
