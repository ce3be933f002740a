using System.Buffers;
using System.Text.Json;
using ThreadClient.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>
/// Writes a response request by hand: <c>thread</c> is a string or an object, and the compound
/// names follow the configured naming, neither of which one fixed contract can express.
/// </summary>
internal static class AitronosRequestWriter
{
    public static byte[] Write(AitronosResponseRequest request, AitronosFieldNaming naming, bool stream)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, Wire.WriterOptions))
        {
            var snake = naming == AitronosFieldNaming.SnakeCase;
            writer.WriteStartObject();
            if (request.OrganizationId is { } organization)
            {
                writer.WriteString("organization_id", organization);
            }

            writer.WriteString("model", request.Model);
            if (request.Thread is { } thread)
            {
                writer.WritePropertyName("thread");
                WriteThread(writer, thread);
            }

            if (request.ThreadState is { } state)
            {
                writer.WriteString(snake ? "thread_state" : "threadState", ThreadLifecycle.ToWire(state));
            }

            if (request.Store is { } store)
            {
                writer.WriteBoolean("store", store);
            }

            if (request.PreviousResponseId is { } previous)
            {
                writer.WriteString(snake ? "previous_response_id" : "previousResponseId", previous);
            }

            writer.WritePropertyName("inputs");
            JsonSerializer.Serialize(writer, request.Inputs, AitronosJsonContext.Default.IListAitronosInput);
            if (stream)
            {
                writer.WriteBoolean("stream", true);
            }

            if (request.AdditionalProperties is { } extra)
            {
                foreach (var pair in extra)
                {
                    writer.WritePropertyName(pair.Key);
                    pair.Value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] WriteMetadataPatch(ThreadMetadata? metadata, ThreadLifecycleState? state)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, Wire.WriterOptions))
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

        return buffer.WrittenSpan.ToArray();
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
