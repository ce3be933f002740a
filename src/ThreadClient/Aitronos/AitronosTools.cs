using System.Text.Json;

namespace ThreadClient.Aitronos;

/// <summary>
/// The deployed Freddy API's tool switches (<c>tools: {"web_search": {"is_enabled": ...}, "file_search": {"is_enabled": ...}}</c>);
/// only the switches you set are written.
/// </summary>
public sealed class AitronosTools
{
    /// <summary>Whether the assistant may search the web (<c>tools.web_search.is_enabled</c>).</summary>
    public bool? WebSearch { get; set; }

    /// <summary>Whether the assistant may search the organization's files (<c>tools.file_search.is_enabled</c>).</summary>
    public bool? FileSearch { get; set; }

    internal void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        Switch(writer, "web_search"u8, WebSearch);
        Switch(writer, "file_search"u8, FileSearch);
        writer.WriteEndObject();
    }

    private static void Switch(Utf8JsonWriter writer, ReadOnlySpan<byte> name, bool? enabled)
    {
        if (enabled is { } on)
        {
            writer.WriteStartObject(name);
            writer.WriteBoolean("is_enabled"u8, on);
            writer.WriteEndObject();
        }
    }
}
