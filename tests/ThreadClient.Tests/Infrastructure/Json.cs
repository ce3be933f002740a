using System.Text.Json;

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
}
