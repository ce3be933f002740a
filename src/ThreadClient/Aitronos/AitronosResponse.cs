using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>
/// A model response, read tolerantly: the id from <c>id</c> or <c>response_id</c>, the thread from
/// <c>thread_id</c>, <c>threadId</c> or <c>thread</c> (the id, or an object with it), and the text from
/// <c>output_text</c>, <c>output[].content[].text</c>, <c>response</c> (a string or <c>[{text}]</c>)
/// or <c>choices[].message.content</c>, all behind <see cref="OutputText"/>. Fields this SDK does not
/// model are in <see cref="AdditionalProperties"/>; <see cref="ThreadsResult.GetRawResponse"/> has the
/// HTTP response's status and headers.
/// </summary>
[JsonConverter(typeof(WireModelConverter<AitronosResponse>))]
public sealed class AitronosResponse : ThreadsResult, IWireModel<AitronosResponse>
{
    private static readonly JsonFields<AitronosResponse> Table = new JsonFields<AitronosResponse>(static () => new())
        .Add("id", Wire.Text, static x => x.Id, static (x, v) => x.Id = v).Or("response_id").Or("responseId")
        .Add("object", Wire.Known, static x => x.ObjectType, static (x, v) => x.ObjectType = v)
        .Add("created_at", Wire.Time, static x => x.CreatedAt, static (x, v) => x.CreatedAt = v).Or("createdAt").Or("created")
        .Add("model", Wire.Known, static x => x.Model, static (x, v) => x.Model = v)
        .Add("status", Wire.Known, static x => x.Status, static (x, v) => x.Status = v)
        .Add("thread_id", Wire.Known, static x => x.ThreadId, static (x, v) => x.ThreadId = v).Or("threadId").Or("thread", AitronosThreadIdConverter.Instance, static (x, v) => x.ThreadId = v)
        .Add("output_text", Wire.Text, static x => x.OutputText, static (x, v) => x.OutputText = v).Or("outputText")
            .Or("output", AitronosTextConverter.Any, static (x, v) => x.OutputText = v)
            .Or("response", AitronosTextConverter.Any, static (x, v) => x.OutputText = v)
            .Or("choices", AitronosTextConverter.FirstChoice, static (x, v) => x.OutputText = v)
        .Add("usage", Wire.Model<AitronosUsage>(), static x => x.Usage, static (x, v) => x.Usage = v).Or("Usage")
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    /// <summary>The response id, to chain with <c>previousResponseId</c>.</summary>
    public string? Id { get; set; }

    /// <summary>The object type, <c>response</c>, when the service says.</summary>
    public string? ObjectType { get; set; }

    /// <summary>The thread the response was stored in, when the service says.</summary>
    public string? ThreadId { get; set; }

    /// <summary>The reply text.</summary>
    public string? OutputText { get; set; }

    /// <summary>The model that answered, when the service says.</summary>
    public string? Model { get; set; }

    /// <summary>The response status (for example <c>completed</c>), when the service says.</summary>
    public string? Status { get; set; }

    /// <summary>When the response was created, when the service says.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Token counts, when the service reports them.</summary>
    public AitronosUsage? Usage { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came (the fields the text is read from, <c>output</c>, <c>response</c> and <c>choices</c>, are in <see cref="OutputText"/> instead).</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    static JsonFields<AitronosResponse> IWireModel<AitronosResponse>.Fields => Table;

    /// <summary>A copy: the fields, the extension data's entries and the HTTP response (not the nested usage).</summary>
    internal AitronosResponse Copy()
    {
        var copy = (AitronosResponse)MemberwiseClone();
        copy.AdditionalProperties = AdditionalProperties is null ? null : new Dictionary<string, JsonElement>(AdditionalProperties);
        return copy;
    }
}
