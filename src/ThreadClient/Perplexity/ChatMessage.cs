using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>One chat message: <c>{"role":...,"content":...}</c>.</summary>
public sealed class ChatMessage : IWireModel<ChatMessage>
{
    // How a reply's message or delta is read (its role is the assistant's unless it says otherwise).
    // Requests are written by PerplexityRequestWriter with the source-generated metadata.
    private static readonly JsonFields<ChatMessage> Table = new JsonFields<ChatMessage>(static () => new() { Role = "assistant" })
        .Add("role", Wire.Known, static x => x.Role, static (x, v) => x.Role = v!)
        .Add("content", ChatContentConverter.Instance, static x => x.Content, static (x, v) => x.Content = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    /// <summary>The role: <c>system</c>, <c>user</c>, <c>assistant</c> or <c>tool</c>.</summary>
    [JsonPropertyName("role")]
    public string Role { get; set; } = "user";

    /// <summary>The content: text or parts.</summary>
    [JsonPropertyName("content")]
    public ChatContent? Content { get; set; }

    /// <summary>Fields this SDK does not model; written and read as they are.</summary>
    /// <remarks>Written and read by the SDK's own request writer and reply reader, not as System.Text.Json extension data (which would cost every request the serializer's fast path).</remarks>
    [JsonIgnore]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A reply's message or delta, read through the table.</summary>
    internal static JsonConverter<ChatMessage> Reply => Wire.Model<ChatMessage>();

    static JsonFields<ChatMessage> IWireModel<ChatMessage>.Fields => Table;

    /// <summary>Creates a user message.</summary>
    /// <param name="content">The text or parts.</param>
    /// <returns>The message.</returns>
    public static ChatMessage User(ChatContent content) => new() { Role = "user", Content = content };

    /// <summary>Creates a system message.</summary>
    /// <param name="content">The instructions.</param>
    /// <returns>The message.</returns>
    public static ChatMessage System(ChatContent content) => new() { Role = "system", Content = content };

    /// <summary>Creates an assistant message.</summary>
    /// <param name="content">What the assistant said.</param>
    /// <returns>The message.</returns>
    public static ChatMessage Assistant(ChatContent content) => new() { Role = "assistant", Content = content };
}
