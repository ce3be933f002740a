using System.Text.Json;
using ThreadClient.Http;
using ThreadClient.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>
/// Reads a non-streaming model response in every shape Aitronos sends one: the response object, or, as the
/// deployed Freddy API answers, a JSON array of the stream's events (<c>response.created</c>, the deltas,
/// <c>response.completed</c>), or <c>{"success":true,"data":[...]}</c> around one. The events are folded as
/// a stream's are: the text from <c>response.completed</c>'s <c>response</c>, else the joined deltas; an
/// error event raises what it says; events with no <c>response.completed</c> are not an answer.
/// </summary>
internal sealed class AitronosReplyReader
{
    private readonly ProviderEndpoint _endpoint;

    public AitronosReplyReader(ProviderEndpoint endpoint)
    {
        _endpoint = endpoint;
        Read = ReadReply;
    }

    /// <summary>The reader, made once per client.</summary>
    public ReplyReader<AitronosResponse> Read { get; }

    private AitronosResponse ReadReply(ReadOnlySpan<byte> body) =>
        EventsOf(body) is { } start ? Fold(body[start..]) : Wire.Parse<AitronosResponse>(body);

    /// <summary>Where the array of events starts, when the reply is one (bare, or as <c>data</c> of a success envelope).</summary>
    private static int? EventsOf(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        if (!reader.Read())
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return (int)reader.TokenStartIndex;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        bool? success = null;
        int? data = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("success"u8))
            {
                success = reader.TokenType == JsonTokenType.True;
            }
            else if (name.SequenceEqual("data"u8) && reader.TokenType == JsonTokenType.StartArray)
            {
                data = (int)reader.TokenStartIndex;
            }

            reader.Skip();
        }

        return success == true ? data : null;
    }

    private AitronosResponse Fold(ReadOnlySpan<byte> events)
    {
        var fold = new AitronosResponseBuilder();
        var reader = new Utf8JsonReader(events);
        reader.Read();
        var completed = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var from = (int)reader.TokenStartIndex;
            reader.Skip();
            var frame = AitronosStreamFrame.Parse("", events[from..(int)reader.BytesConsumed], fold: null);
            if (frame.ErrorBody is not null)
            {
                throw frame.ToException(_endpoint, fold.PartialText());
            }

            if (frame.Item is { } item)
            {
                completed |= item.Kind == AitronosStreamEventKind.Completed;
                fold.Append(item);
            }
        }

        return completed
            ? fold.Build()
            : throw new JsonException("the reply is a list of events with no response.completed: the answer did not finish.");
    }
}
