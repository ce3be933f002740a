using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>
/// A model response, read tolerantly: the id from <c>id</c> or <c>response_id</c>, the thread from
/// <c>thread_id</c>, <c>threadId</c> or <c>thread</c> (the id, or an object with it; a number reads as
/// its digits), and the text from <c>output_text</c>, <c>output[].content[].text</c>, <c>response</c> (a
/// string or <c>[{text}]</c>) or <c>choices[].message.content</c>, the first present in that order, behind
/// <see cref="OutputText"/>. The fields the text came from are kept as they came (<see cref="Output"/>,
/// <see cref="Response"/>, <see cref="Choices"/>), and fields this SDK does not model are in
/// <see cref="AdditionalProperties"/>, so that serializing the response gives the reply back;
/// <see cref="ThreadsResult.GetRawResponse"/> has the HTTP response's status and headers.
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
        .Add("output_text", Wire.Text, static x => x._text, static (x, v) => x._text = v).Or("outputText")
        .Add("output", Wire.Element, static x => x.Output, static (x, v) => x.Output = v)
        .Add("response", Wire.Element, static x => x.Response, static (x, v) => x.Response = v)
        .Add("choices", Wire.Element, static x => x.Choices, static (x, v) => x.Choices = v)
        .Add("usage", Wire.Model<AitronosUsage>(), static x => x.Usage, static (x, v) => x.Usage = v).Or("Usage")
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    /// <summary>The response id, to chain with <c>previousResponseId</c>.</summary>
    public string? Id { get; set; }

    /// <summary>The object type, <c>response</c>, when the service says.</summary>
    public string? ObjectType { get; set; }

    /// <summary>The thread the response was stored in, when the service says.</summary>
    public string? ThreadId { get; set; }

    private string? _text;
    private string? _derived;
    private JsonElement? _output;
    private JsonElement? _response;
    private JsonElement? _choices;

    /// <summary>
    /// The reply text: <c>output_text</c> when the reply has it (or when set), else the text of
    /// <see cref="Output"/>, <see cref="Response"/> or <see cref="Choices"/>, the first that has some.
    /// </summary>
    public string? OutputText
    {
        get => _text ?? (_derived ??= AitronosTextConverter.Any.Of(Output) ?? AitronosTextConverter.Any.Of(Response) ?? AitronosTextConverter.FirstChoice.Of(Choices));
        set => _text = value;
    }

    /// <summary>The reply's <c>output</c> items as they came (<c>[{"type":"message","content":[{"type":"output_text","text":...}]}]</c>).</summary>
    public JsonElement? Output
    {
        get => _output;
        set => (_output, _derived) = (value, null);
    }

    /// <summary>The reply's <c>response</c> as it came: the text, or its parts.</summary>
    public JsonElement? Response
    {
        get => _response;
        set => (_response, _derived) = (value, null);
    }

    /// <summary>The reply's <c>choices</c> as they came (the chat-completion shape of newer pages).</summary>
    public JsonElement? Choices
    {
        get => _choices;
        set => (_choices, _derived) = (value, null);
    }

    /// <summary>The model that answered, when the service says.</summary>
    public string? Model { get; set; }

    /// <summary>The response status (for example <c>completed</c>), when the service says.</summary>
    public string? Status { get; set; }

    /// <summary>When the response was created, when the service says.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Token counts, when the service reports them.</summary>
    public AitronosUsage? Usage { get; set; }

    /// <summary>Whether this is an event's <c>response</c> that held only text (the deployed Freddy API's events).</summary>
    internal bool IsTextOnly { get; init; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
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
