using System.Text.Json;

namespace ThreadClient.Perplexity.Agent;

/// <summary>An output item of a kind this SDK does not model (MCP, sandbox, skills, the service's own <c>unknown</c>, or a newer kind): its JSON as it came.</summary>
public sealed class AgentOutputRaw : AgentOutputItem
{
    /// <summary>Creates the item (public so that tests of calling code can build one).</summary>
    /// <param name="type">The item type as sent.</param>
    /// <param name="json">The item's JSON.</param>
    public AgentOutputRaw(string type, JsonElement json)
        : base(type ?? "")
    {
        Json = json;
    }

    /// <summary>The item's JSON as it came.</summary>
    public JsonElement Json { get; }
}
