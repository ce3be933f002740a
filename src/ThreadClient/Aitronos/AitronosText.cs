using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>One text of an input: <c>{"text":...}</c>.</summary>
public sealed class AitronosText
{
    /// <summary>The text.</summary>
    [JsonPropertyName("text")]
    public string Text { get; set; } = "";

    /// <summary>Fields this SDK does not model; written as they are.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
