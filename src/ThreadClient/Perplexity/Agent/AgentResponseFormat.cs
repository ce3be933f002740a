using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>Structured output for an <see cref="AgentRequest"/>: the answer follows a JSON schema.</summary>
public sealed class AgentResponseFormat
{
    /// <summary>The format type; the Agent API knows <c>json_schema</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; set; } = "json_schema";

    /// <summary>The schema the answer must follow.</summary>
    [JsonPropertyName("json_schema")]
    public AgentJsonSchema? JsonSchema { get; set; }

    /// <summary>A <c>json_schema</c> format.</summary>
    /// <param name="name">The schema's name.</param>
    /// <param name="schema">The JSON schema.</param>
    /// <param name="strict">Whether the service must follow it exactly.</param>
    /// <returns>The format.</returns>
    public static AgentResponseFormat ForJsonSchema(string name, JsonElement schema, bool? strict = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new() { JsonSchema = new AgentJsonSchema { Name = name, Schema = schema, Strict = strict } };
    }
}

/// <summary>The schema of an <see cref="AgentResponseFormat"/>.</summary>
public sealed class AgentJsonSchema
{
    /// <summary>The schema's name (required by the service).</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>What the schema describes.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>The JSON schema itself.</summary>
    [JsonPropertyName("schema")]
    public JsonElement Schema { get; set; }

    /// <summary>Whether the service must follow the schema exactly.</summary>
    [JsonPropertyName("strict")]
    public bool? Strict { get; set; }
}
