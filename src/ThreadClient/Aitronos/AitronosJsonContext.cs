using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>Source-generated JSON metadata for the Aitronos requests: no reflection at run time (replies are read through their <see cref="Serialization.JsonFields{T}"/> tables).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IList<AitronosInput>))]
[JsonSerializable(typeof(ThreadMetadata))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
internal sealed partial class AitronosJsonContext : JsonSerializerContext;
