using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>
/// A tool the agent may use. Typed: <see cref="WebSearchTool"/>, <see cref="FetchUrlTool"/>,
/// <see cref="FunctionTool"/>; any other (<c>people_search</c>, <c>finance_search</c>, <c>sandbox</c>,
/// <c>mcp</c>, or one newer than this SDK) as its JSON with <see cref="FromJson(string)"/> or by type
/// with <see cref="OfType"/>.
/// </summary>
[JsonConverter(typeof(WriteOnlyConverter<AgentTool>))]
public abstract class AgentTool : IJsonWritable
{
    private protected AgentTool(string type) => Type = type;

    /// <summary>The tool type as written, for example <c>web_search</c>.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public string Type { get; }

    /// <summary>A tool written exactly as the given JSON object.</summary>
    /// <param name="json">A JSON object with at least a <c>type</c>.</param>
    /// <returns>The tool.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not a JSON object with a string <c>type</c>.</exception>
    public static AgentTool FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        JsonElement element;
        try
        {
            using var document = JsonDocument.Parse(json);
            element = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new ArgumentException("json must be a JSON object: " + ex.Message, nameof(json), ex);
        }

        return FromJson(element);
    }

    /// <summary>A tool written exactly as the given JSON object.</summary>
    /// <param name="json">A JSON object with at least a <c>type</c>.</param>
    /// <returns>The tool.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not a JSON object with a string <c>type</c>.</exception>
    public static AgentTool FromJson(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(type.GetString()))
        {
            throw new ArgumentException("json must be a JSON object with a string \"type\".", nameof(json));
        }

        return new RawAgentTool(type.GetString()!, json.Clone());
    }

    /// <summary>A tool that needs no settings, written as <c>{"type": type}</c> (for example <c>people_search</c>, <c>finance_search</c>, <c>sandbox</c>).</summary>
    /// <param name="type">The tool type.</param>
    /// <returns>The tool.</returns>
    public static AgentTool OfType(string type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        return FromJson(JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["type"] = type }, AgentJsonContext.Default.DictionaryStringString));
    }

    internal abstract void Write(Utf8JsonWriter writer);

    void IJsonWritable.Write(Utf8JsonWriter writer) => Write(writer);

    private sealed class RawAgentTool(string type, JsonElement json) : AgentTool(type)
    {
        internal override void Write(Utf8JsonWriter writer) => json.WriteTo(writer);
    }
}
