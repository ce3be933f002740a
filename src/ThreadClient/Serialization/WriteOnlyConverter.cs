using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Serialization;

/// <summary>A request type that writes its own JSON (a union such as "a string or items", or a type chosen at run time).</summary>
internal interface IJsonWritable
{
    void Write(Utf8JsonWriter writer);
}

/// <summary>Writes an <see cref="IJsonWritable"/> request type as it writes itself; request types are never read.</summary>
internal sealed class WriteOnlyConverter<T> : JsonConverter<T>
    where T : class, IJsonWritable
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException(typeof(T).Name + " is written, not read.");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => value.Write(writer);
}
