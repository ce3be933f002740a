using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>One choice of a completion or chunk.</summary>
[JsonConverter(typeof(WireModelConverter<ChatChoice>))]
public sealed class ChatChoice : IWireModel<ChatChoice>
{
    private static readonly JsonFields<ChatChoice> Table = new JsonFields<ChatChoice>(static () => new())
        .Add("index", Wire.Int64, static x => x.Index, static (x, v) => x.Index = v is >= 0 and <= int.MaxValue ? (int)v : 0)
        .Add("message", Wire.Shaped(ChatMessage.Reply, JsonTokenType.StartObject, "A choice's message"), static x => x.Message, static (x, v) => x.Message = v)
        .Add("delta", Wire.Shaped(ChatMessage.Reply, JsonTokenType.StartObject, "A choice's delta"), static x => x.Delta, static (x, v) => x.Delta = v)
        .Add("finish_reason", Wire.Known, static x => x.FinishReason, static (x, v) => x.FinishReason = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    /// <summary>The choice's index.</summary>
    public int Index { get; set; }

    /// <summary>The message (in a stream's full mode: the whole message so far).</summary>
    public ChatMessage? Message { get; set; }

    /// <summary>The new part of the message, in a stream.</summary>
    public ChatMessage? Delta { get; set; }

    /// <summary>Why generation stopped (<c>stop</c>, <c>length</c>, ...), once it has.</summary>
    public string? FinishReason { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    static JsonFields<ChatChoice> IWireModel<ChatChoice>.Fields => Table;
}
