using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Serialization;

/// <summary>
/// Lets System.Text.Json (a caller's <c>JsonSerializer.Serialize</c>, a model nested in another) read
/// and write a reply model through its <see cref="JsonFields{T}"/> table, so that there is one
/// description of each model's wire form.
/// </summary>
/// <typeparam name="T">The model.</typeparam>
internal sealed class WireModelConverter<T> : JsonConverter<T>
    where T : class, IWireModel<T>
{
    public static readonly WireModelConverter<T> Instance = new();

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => T.Fields.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => T.Fields.Write(writer, value);
}
