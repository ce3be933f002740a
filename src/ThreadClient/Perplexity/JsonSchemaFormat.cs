using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>The <c>json_schema</c> object of a <see cref="ResponseFormat"/>.</summary>
public sealed class JsonSchemaFormat
{
    /// <summary>The JSON schema the reply must match.</summary>
    [JsonPropertyName("schema")]
    public JsonElement? Schema { get; set; }

    /// <summary>An optional name for the schema.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Whether the schema must be followed strictly.</summary>
    [JsonPropertyName("strict")]
    public bool? Strict { get; set; }
}
