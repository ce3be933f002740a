using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>
/// Constrains the reply's shape (<c>response_format</c>): <c>{"type":"text"}</c>,
/// <c>{"type":"json_schema","json_schema":{...}}</c> or <c>{"type":"regex","regex":{"regex":...}}</c>.
/// </summary>
public sealed class ResponseFormat
{
    /// <summary>The format type: <c>text</c>, <c>json_schema</c> or <c>regex</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; set; } = "text";

    /// <summary>The schema, for <c>json_schema</c>.</summary>
    [JsonPropertyName("json_schema")]
    public JsonSchemaFormat? JsonSchema { get; set; }

    /// <summary>The pattern, for <c>regex</c>.</summary>
    [JsonPropertyName("regex")]
    public RegexFormat? Regex { get; set; }

    /// <summary>Fields this SDK does not model; written as they are.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Plain text replies.</summary>
    /// <returns>The format.</returns>
    public static ResponseFormat Text() => new() { Type = "text" };

    /// <summary>Replies that are JSON matching a schema.</summary>
    /// <param name="schema">The JSON schema.</param>
    /// <param name="name">An optional schema name.</param>
    /// <param name="strict">Whether the schema must be followed strictly.</param>
    /// <returns>The format.</returns>
    public static ResponseFormat ForJsonSchema(JsonElement schema, string? name = null, bool? strict = null) =>
        new() { Type = "json_schema", JsonSchema = new JsonSchemaFormat { Schema = schema, Name = name, Strict = strict } };

    /// <summary>Replies that match a regular expression.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The format.</returns>
    public static ResponseFormat ForRegex(string pattern) => new() { Type = "regex", Regex = new RegexFormat { Pattern = pattern } };
}
