using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ThreadClient.Tests.Infrastructure;

public static class Json
{
    /// <summary>The same JSON without insignificant white space, field order and values untouched, escaped as the SDK sends it (UTF-8, no <c>\uXXXX</c> for non-ASCII or quotes).</summary>
    public static string Minify(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// The JSON as a value, for comparing two documents that mean the same: members sorted by name,
    /// null members left out (a reader that keeps nothing of a null loses no information), numbers by value.
    /// </summary>
    public static string Canonical(string json) => Canonical(JsonNode.Parse(json))?.ToJsonString() ?? "null";

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Where(static p => p.Value is not null).OrderBy(static p => p.Key, StringComparer.Ordinal).Select(static p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Canonical)]),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => JsonValue.Create(decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture).ToString("G29", CultureInfo.InvariantCulture)),
        _ => node?.DeepClone(),
    };
}
