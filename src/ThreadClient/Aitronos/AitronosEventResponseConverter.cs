using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>
/// An event's <c>response</c>: the response nested as an object (newer generations), or, as the deployed
/// Freddy API sends it, the text itself (a delta's piece, the completed event's whole answer), read as a
/// response that holds only that text (<see cref="AitronosResponse.IsTextOnly"/>).
/// </summary>
internal sealed class AitronosEventResponseConverter : JsonConverter<AitronosResponse?>
{
    public static readonly AitronosEventResponseConverter Instance = new();

    public override AitronosResponse? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.StartObject => Wire.Model<AitronosResponse>().Read(ref reader, typeof(AitronosResponse), options),
        JsonTokenType.String or JsonTokenType.StartArray => new AitronosResponse { Response = JsonElement.ParseValue(ref reader), IsTextOnly = true },
        _ => Skip(ref reader),
    };

    public override void Write(Utf8JsonWriter writer, AitronosResponse? value, JsonSerializerOptions options)
    {
        if (value is { IsTextOnly: true, Response: { } text })
        {
            text.WriteTo(writer);
        }
        else if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            Wire.Model<AitronosResponse>().Write(writer, value, options);
        }
    }

    private static AitronosResponse? Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }
}
