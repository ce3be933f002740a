using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>A function the model may call; its calls come back as <see cref="AgentOutputFunctionCall"/> items.</summary>
public sealed class FunctionTool : AgentTool
{
    /// <summary>Creates the item.</summary>
    public FunctionTool()
        : base("function")
    {
    }

    /// <summary>The function's name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; set; }

    /// <summary>What the function does, for the model.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>The JSON schema of the arguments.</summary>
    [JsonPropertyName("parameters")]
    public JsonElement? Parameters { get; set; }

    /// <summary>Whether the arguments must follow the schema exactly.</summary>
    [JsonPropertyName("strict")]
    public bool? Strict { get; set; }

    internal override void Write(Utf8JsonWriter writer) => JsonSerializer.Serialize(writer, this, AgentJsonContext.Default.FunctionTool);
}
