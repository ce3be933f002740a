using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>Source-generated JSON metadata for the Agent API's wire models: no reflection at run time.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AgentRequest))]
[JsonSerializable(typeof(AgentInputFunctionCall))]
[JsonSerializable(typeof(AgentInputFunctionCallOutput))]
[JsonSerializable(typeof(IList<AgentContentPart>))]
[JsonSerializable(typeof(WebSearchTool))]
[JsonSerializable(typeof(FetchUrlTool))]
[JsonSerializable(typeof(FunctionTool))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class AgentJsonContext : JsonSerializerContext;
