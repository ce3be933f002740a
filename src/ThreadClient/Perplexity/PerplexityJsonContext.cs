using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>Source-generated JSON metadata for Perplexity's wire models: no reflection at run time.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChatCompletionRequest))]
[JsonSerializable(typeof(ChatCompletion))]
[JsonSerializable(typeof(ChatCompletionChunk))]
[JsonSerializable(typeof(List<ChatContentPart>))]
[JsonSerializable(typeof(IList<ChatContentPart>))]
internal sealed partial class PerplexityJsonContext : JsonSerializerContext
{
}
