using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ThreadClient.Http;

/// <summary>
/// What a reply must pass before the SDK reads it as an answer: decodable, not an error envelope sent
/// with a success status, JSON where JSON was asked for. Each failure becomes a typed exception that
/// carries the status, provider, request id and bounded raw body, never an empty answer.
/// </summary>
internal static class ReplyChecks
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The body without a UTF-8 byte order mark, which JSON readers refuse.</summary>
    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> body) => body.StartsWith(Bom) ? body[3..] : body;

    /// <summary>The content coding left on a body that nothing decoded (for example <c>br</c> through a client without decompression), or null.</summary>
    public static string? UndecodedEncoding(HttpContentHeaders headers) =>
        headers.ContentEncoding.Count == 0 ? null
        : headers.ContentEncoding.All(static e => e.Equals("identity", StringComparison.OrdinalIgnoreCase)) ? null
        : string.Join(", ", headers.ContentEncoding);

    /// <summary>Whether a streaming request was answered with a JSON body instead of an event stream.</summary>
    public static bool IsJsonInsteadOfStream(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is { } type
        && (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether a success reply is an error envelope: it has an <c>error</c> (an object or a string) or
    /// Aitronos' <c>"success": false</c>, wherever the field stands (<c>{"request_id":...,"error":{...}}</c>),
    /// and no field of an answer. The scan of the top level stops at the first field only an answer has
    /// (<c>object</c>, <c>choices</c>, <c>output</c>, ...), which real replies carry among their first fields;
    /// so an Agent API response that failed (<c>"object":"response"</c> with an <c>error</c>) stays a response.
    /// </summary>
    public static bool IsErrorEnvelope(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var error = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("object"u8) || reader.ValueTextEquals("choices"u8) || reader.ValueTextEquals("output"u8)
                    || reader.ValueTextEquals("output_text"u8) || reader.ValueTextEquals("thread_id"u8) || reader.ValueTextEquals("data"u8))
                {
                    return false;
                }

                var isError = reader.ValueTextEquals("error"u8);
                var isSuccess = reader.ValueTextEquals("success"u8);
                reader.Read();
                error |= (isError && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.String)
                    || (isSuccess && reader.TokenType == JsonTokenType.False);
                reader.Skip();
            }

            return error;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The status an error envelope sent with 200 stands for: its own <c>status</c>, or a numeric <c>code</c> in 400-599; otherwise 200.</summary>
    public static HttpStatusCode EffectiveStatus(ThreadsApiError error, ReadOnlySpan<byte> json)
    {
        if (int.TryParse(error.Code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) && code is >= 400 and < 600)
        {
            return (HttpStatusCode)code;
        }

        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            if (document.RootElement.TryGetProperty("error", out var inner) && inner.ValueKind == JsonValueKind.Object
                && inner.TryGetProperty("status", out var status) && status.TryGetInt32(out var value) && value is >= 400 and < 600)
            {
                return (HttpStatusCode)value;
            }
        }
        catch (JsonException)
        {
        }

        return HttpStatusCode.OK;
    }
}
