using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>
/// Reads an output item by its <c>type</c>: a copy of the reader finds the type among the item's own
/// properties (wherever it stands), then the item is read once, as its class or, for a kind this SDK
/// does not model, as raw JSON. Written back as it was read.
/// </summary>
internal sealed class AgentOutputItemConverter : JsonConverter<AgentOutputItem>
{
    public static readonly AgentOutputItemConverter Instance = new();

    public override AgentOutputItem? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"An output item must be a JSON object, not {reader.TokenType}.");
        }

        var type = TypeOf(reader);
        if (type.ValueTextEquals("message"u8))
        {
            return Wire.Model<AgentOutputMessage>().Read(ref reader, typeof(AgentOutputMessage), options);
        }

        if (type.ValueTextEquals("search_results"u8))
        {
            return Wire.Model<AgentOutputSearchResults>().Read(ref reader, typeof(AgentOutputSearchResults), options);
        }

        if (type.ValueTextEquals("fetch_url_results"u8))
        {
            return Wire.Model<AgentOutputFetchUrlResults>().Read(ref reader, typeof(AgentOutputFetchUrlResults), options);
        }

        if (type.ValueTextEquals("function_call"u8))
        {
            return Wire.Model<AgentOutputFunctionCall>().Read(ref reader, typeof(AgentOutputFunctionCall), options);
        }

        var name = type.TokenType == JsonTokenType.String ? type.GetString() : null;
        return new AgentOutputRaw(name ?? "", JsonElement.ParseValue(ref reader));
    }

    public override void Write(Utf8JsonWriter writer, AgentOutputItem value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case AgentOutputRaw raw:
                raw.Json.WriteTo(writer);
                break;
            case AgentOutputMessage message:
                Wire.Model<AgentOutputMessage>().Write(writer, message, options);
                break;
            case AgentOutputSearchResults results:
                Wire.Model<AgentOutputSearchResults>().Write(writer, results, options);
                break;
            case AgentOutputFetchUrlResults pages:
                Wire.Model<AgentOutputFetchUrlResults>().Write(writer, pages, options);
                break;
            case AgentOutputFunctionCall call:
                Wire.Model<AgentOutputFunctionCall>().Write(writer, call, options);
                break;
            default:
                throw new JsonException($"Cannot write output item {value.GetType().Name}.");
        }
    }

    /// <summary>
    /// A copy of the reader standing on the item's own <c>type</c> value (the caller's reader does not
    /// move); standing on the item's end when it has none, so that no comparison matches.
    /// </summary>
    private static Utf8JsonReader TypeOf(Utf8JsonReader copy)
    {
        var depth = copy.CurrentDepth;
        while (copy.Read() && copy.CurrentDepth > depth)
        {
            if (copy.TokenType == JsonTokenType.PropertyName && copy.CurrentDepth == depth + 1)
            {
                var isType = copy.ValueTextEquals("type"u8);
                copy.Read();
                if (isType && copy.TokenType == JsonTokenType.String)
                {
                    return copy;
                }

                copy.Skip();
            }
        }

        return copy;
    }
}
