using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>The <c>fetch_url</c> tool: the agent may read whole pages.</summary>
public sealed class FetchUrlTool : AgentTool
{
    /// <summary>Creates the item.</summary>
    public FetchUrlTool()
        : base("fetch_url")
    {
    }

    /// <summary>The most URLs fetched.</summary>
    [JsonPropertyName("max_urls")]
    public int? MaxUrls { get; set; }

    internal override void Write(Utf8JsonWriter writer) => JsonSerializer.Serialize(writer, this, AgentJsonContext.Default.FetchUrlTool);
}
