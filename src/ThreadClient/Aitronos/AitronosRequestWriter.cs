using System.Text.Json;
using ThreadClient.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>
/// Writes a response request by hand: <c>thread</c> is a string or an object, and the compound
/// names follow the configured naming, neither of which one fixed contract can express.
/// </summary>
internal static class AitronosRequestWriter
{
    public static byte[] Write(AitronosResponseRequest request, AitronosOptions options, bool stream) =>
        JsonBody.Write((request, options.FieldNaming, options.ThreadField, stream), static (writer, body) => Write(writer, body.request, body.FieldNaming, body.ThreadField, body.stream));

    public static byte[] WriteMetadataPatch(ThreadMetadata? metadata, ThreadLifecycleState? state) =>
        JsonBody.Write((metadata, state), static (writer, body) => WriteMetadataPatch(writer, body.metadata, body.state));

    private static void Write(Utf8JsonWriter writer, AitronosResponseRequest request, AitronosFieldNaming naming, AitronosThreadField threadField, bool stream)
    {
        var snake = naming == AitronosFieldNaming.SnakeCase;
        var extra = request.AdditionalProperties;

        // One rule for every provider's extra fields: an extra that repeats a modelled field replaces it.
        bool Modelled(string name) => extra is null || !extra.ContainsKey(name);
        writer.WriteStartObject();
        if (request.OrganizationId is { } organization && Modelled("organization_id"))
        {
            writer.WriteString("organization_id", organization);
        }

        if (Modelled("model"))
        {
            writer.WriteString("model", request.Model);
        }

        if (request.AssistantId is { } assistant && Modelled("assistant_id"))
        {
            writer.WriteString("assistant_id", assistant);
        }

        if (request.Thread is { Metadata: null } byId && threadField == AitronosThreadField.ThreadId)
        {
            if (Modelled("thread_id"))
            {
                writer.WriteString("thread_id", byId.Id);
            }
        }
        else if (request.Thread is { } thread && Modelled("thread"))
        {
            writer.WritePropertyName("thread");
            WriteThread(writer, thread);
        }

        var stateName = snake ? "thread_state" : "threadState";
        if (request.ThreadState is { } state && Modelled(stateName))
        {
            writer.WriteString(stateName, ThreadLifecycle.ToWire(state));
        }

        if (request.Store is { } store && Modelled("store"))
        {
            writer.WriteBoolean("store", store);
        }

        var previousName = snake ? "previous_response_id" : "previousResponseId";
        if (request.PreviousResponseId is { } previous && Modelled(previousName))
        {
            writer.WriteString(previousName, previous);
        }

        if (Modelled("inputs"))
        {
            writer.WritePropertyName("inputs");
            JsonSerializer.Serialize(writer, request.Inputs, AitronosJsonContext.Default.IListAitronosInput);
        }

        if (request.MessageTypeId is { } messageType && Modelled("message_type_id"))
        {
            writer.WriteNumber("message_type_id", messageType);
        }

        if (request.Tools is { } tools && Modelled("tools"))
        {
            writer.WritePropertyName("tools");
            tools.Write(writer);
        }

        if (request.ToolChoice is { } toolChoice && Modelled("tool_choice"))
        {
            writer.WriteString("tool_choice", toolChoice);
        }

        if (stream && Modelled("stream"))
        {
            writer.WriteBoolean("stream", true);
        }

        if (extra is not null)
        {
            foreach (var pair in extra)
            {
                writer.WritePropertyName(pair.Key);
                pair.Value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteMetadataPatch(Utf8JsonWriter writer, ThreadMetadata? metadata, ThreadLifecycleState? state)
    {
        writer.WriteStartObject();
        if (metadata is not null)
        {
            writer.WritePropertyName("metadata");
            JsonSerializer.Serialize(writer, metadata, AitronosJsonContext.Default.ThreadMetadata);
        }

        if (state is { } s)
        {
            writer.WriteString("state", ThreadLifecycle.ToWire(s));
        }

        writer.WriteEndObject();
    }

    private static void WriteThread(Utf8JsonWriter writer, ThreadReference thread)
    {
        if (thread.Metadata is null)
        {
            writer.WriteStringValue(thread.Id);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("id", thread.Id);
        writer.WritePropertyName("metadata");
        JsonSerializer.Serialize(writer, thread.Metadata, AitronosJsonContext.Default.ThreadMetadata);
        writer.WriteEndObject();
    }
}
