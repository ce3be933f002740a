using System.Text.Json;

namespace ThreadClient.Diagnostics;

/// <summary>A request whose messages a span may carry when the client opted in (<see cref="TelemetryOptions.CaptureMessageContent"/>).</summary>
internal interface IGenAiInput
{
    /// <summary>The request's messages: role and text (content parts other than text are left out).</summary>
    IEnumerable<(string Role, string Text)> Messages();
}

/// <summary>Messages in the GenAI conventions' shape: <c>[{"role":"user","parts":[{"type":"text","content":"..."}]}]</c>.</summary>
internal static class GenAiMessages
{
    public static string Json(IEnumerable<(string Role, string Text)> messages)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Serialization.Wire.WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var (role, text) in messages)
            {
                writer.WriteStartObject();
                writer.WriteString("role"u8, role);
                writer.WriteStartArray("parts"u8);
                writer.WriteStartObject();
                writer.WriteString("type"u8, "text"u8);
                writer.WriteString("content"u8, text);
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
