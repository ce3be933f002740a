using System.Text.Json.Serialization;

namespace ThreadClient.Sessions;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(SessionRecord))]
[JsonSerializable(typeof(TranscriptMessage))]
[JsonSerializable(typeof(Privacy.RecordText))]
internal sealed partial class SessionJsonContext : JsonSerializerContext;
