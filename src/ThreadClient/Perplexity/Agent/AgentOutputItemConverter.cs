using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>
/// Reads an output item by its <c>type</c>: a copy of the reader finds the type among the item's own
/// properties (wherever it stands), then the item is read once, as its class or, for a kind this SDK
/// does not model, as raw JSON. Written back as it was read.
/// </summary>
internal sealed class AgentOutputItemConverter : JsonConverter<AgentOutputItem>
{
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

        var context = AgentJsonContext.Default;
        var type = TypeOf(reader);
        if (type.ValueTextEquals("message"u8))
        {
            return JsonSerializer.Deserialize(ref reader, context.AgentOutputMessage);
        }

        if (type.ValueTextEquals("search_results"u8))
        {
            return JsonSerializer.Deserialize(ref reader, context.AgentOutputSearchResults);
        }

        if (type.ValueTextEquals("fetch_url_results"u8))
        {
            return JsonSerializer.Deserialize(ref reader, context.AgentOutputFetchUrlResults);
        }

        if (type.ValueTextEquals("function_call"u8))
        {
            return JsonSerializer.Deserialize(ref reader, context.AgentOutputFunctionCall);
        }

        var name = type.TokenType == JsonTokenType.String ? type.GetString() : null;
        return new AgentOutputRaw(name ?? "", JsonElement.ParseValue(ref reader));
    }

    public override void Write(Utf8JsonWriter writer, AgentOutputItem value, JsonSerializerOptions options)
    {
        var context = AgentJsonContext.Default;
        switch (value)
        {
            case AgentOutputRaw raw:
                raw.Json.WriteTo(writer);
                break;
            case AgentOutputMessage message:
                JsonSerializer.Serialize(writer, message, context.AgentOutputMessage);
                break;
            case AgentOutputSearchResults results:
                JsonSerializer.Serialize(writer, results, context.AgentOutputSearchResults);
                break;
            case AgentOutputFetchUrlResults pages:
                JsonSerializer.Serialize(writer, pages, context.AgentOutputFetchUrlResults);
                break;
            case AgentOutputFunctionCall call:
                JsonSerializer.Serialize(writer, call, context.AgentOutputFunctionCall);
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
