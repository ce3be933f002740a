using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>Source-generated JSON metadata for the Aitronos wire: no reflection at run time.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IList<AitronosInput>))]
[JsonSerializable(typeof(ThreadMetadata))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
internal sealed partial class AitronosJsonContext : JsonSerializerContext
{
    /// <summary>A reply body as one <see cref="JsonElement"/> (the Aitronos models read from it tolerantly).</summary>
    public static JsonElement Parse(ReadOnlySpan<byte> body) => JsonSerializer.Deserialize(body, Default.JsonElement);
}
