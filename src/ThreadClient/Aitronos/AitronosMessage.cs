using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>One message of a thread, read tolerantly (the text from <c>content</c>, <c>texts</c> or <c>text</c>, in any of its shapes).</summary>
[JsonConverter(typeof(WireModelConverter<AitronosMessage>))]
public sealed class AitronosMessage : IWireModel<AitronosMessage>
{
    private static readonly JsonFields<AitronosMessage> Table = new JsonFields<AitronosMessage>(static () => new())
        .Add("id", Wire.Text, static x => x.Id, static (x, v) => x.Id = v)
        .Add("thread_id", Wire.Text, static x => x.ThreadId, static (x, v) => x.ThreadId = v).Or("threadId")
        .Add("role", Wire.Known, static x => x.Role, static (x, v) => x.Role = v)
        .Add("content", AitronosTextConverter.Any, static x => x.Text, static (x, v) => x.Text = v).Or("texts").Or("text")
        .Add("created_at", Wire.Time, static x => x.CreatedAt, static (x, v) => x.CreatedAt = v).Or("createdAt")
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    /// <summary>The message id.</summary>
    public string? Id { get; set; }

    /// <summary>The thread it belongs to, when reported.</summary>
    public string? ThreadId { get; set; }

    /// <summary>Who said it: <c>user</c>, <c>assistant</c> or <c>system</c>.</summary>
    public string? Role { get; set; }

    /// <summary>The text (parts joined).</summary>
    public string? Text { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    static JsonFields<AitronosMessage> IWireModel<AitronosMessage>.Fields => Table;
}
