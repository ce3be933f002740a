using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>
/// One item of <see cref="AgentResponse.Output"/>: <see cref="AgentOutputMessage"/>,
/// <see cref="AgentOutputSearchResults"/>, <see cref="AgentOutputFetchUrlResults"/>,
/// <see cref="AgentOutputFunctionCall"/>, or <see cref="AgentOutputRaw"/> for every other kind
/// (MCP, sandbox, skills, and kinds newer than this SDK), which is kept as it came, never dropped.
/// </summary>
[JsonConverter(typeof(AgentOutputItemConverter))]
public abstract class AgentOutputItem
{
    private protected AgentOutputItem(string type) => Type = type;

    /// <summary>The item type as sent, for example <c>message</c>.</summary>
    public string Type { get; }
}
