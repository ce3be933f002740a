using System.Text.Json;
using System.Text.Json.Nodes;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>
/// Writes a chat completion request. A request and its messages keep unmodeled fields in
/// <c>AdditionalProperties</c>; System.Text.Json would write those as extension data, but a type with
/// extension data loses the source generator's fast path, which writes a request in about a third of
/// the time with a third of the garbage. So those two properties are ignored by the serializer and
/// written here: through the fast path when none is set (nearly every call); otherwise merged into
/// the written tree after the modeled fields, where extension data would have put them (a key that
/// repeats a modeled field replaces it rather than being written twice).
/// </summary>
internal static class PerplexityRequestWriter
{
    public static ByteArrayContent Write(ChatCompletionRequest request)
    {
        var type = PerplexityJsonContext.Default.ChatCompletionRequest;
        if (!HasAdditionalProperties(request))
        {
            return JsonBody.Create(request, type);
        }

        var root = JsonSerializer.SerializeToNode(request, type)!.AsObject();
        if (root["messages"] is JsonArray messages)
        {
            for (var i = 0; i < request.Messages.Count; i++)
            {
                JsonBody.MergeExtras(messages[i]!.AsObject(), request.Messages[i].AdditionalProperties);
            }
        }

        JsonBody.MergeExtras(root, request.AdditionalProperties);
        return JsonBody.FromNode(root);
    }

    private static bool HasAdditionalProperties(ChatCompletionRequest request)
    {
        if (request.AdditionalProperties is { Count: > 0 })
        {
            return true;
        }

        var messages = request.Messages;
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i].AdditionalProperties is { Count: > 0 })
            {
                return true;
            }
        }

        return false;
    }
}
