using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ThreadClient.Tests.Infrastructure;

[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class TestJsonContext : JsonSerializerContext
{
}

internal static class TestJson
{
    public static JsonTypeInfo<bool> Bool => TestJsonContext.Default.Boolean;
}
