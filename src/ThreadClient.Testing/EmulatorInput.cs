using System.Text.Json;
using System.Text.Json.Nodes;

namespace ThreadClient.Testing;

/// <summary>
/// Typed reads of a request body's fields, as a real service validates them: a field of the wrong JSON
/// type is a <see cref="EmulatorInputException"/> naming the field and the type it needs (each endpoint
/// turns it into its provider's 400 or 422 envelope), never an exception that becomes an empty 500.
/// A JSON <c>null</c> reads as absent.
/// </summary>
internal static class EmulatorInput
{
    /// <summary>The body as an object: absent is <see langword="null"/>; an array or a scalar is refused.</summary>
    public static JsonObject? Body(JsonNode? body) => body switch
    {
        null => null,
        JsonObject json => json,
        _ => throw new EmulatorInputException("body", "a JSON object"),
    };

    public static string? String(JsonNode? parent, string name, string? path = null) => Field(parent, name) switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw new EmulatorInputException(path ?? name, "a string"),
    };

    public static bool? Boolean(JsonNode? parent, string name, string? path = null)
    {
        var node = Field(parent, name);
        return node?.GetValueKind() switch
        {
            null => null,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new EmulatorInputException(path ?? name, "a boolean (true or false)"),
        };
    }

    public static JsonArray? Array(JsonNode? parent, string name, string? path = null) => Field(parent, name) switch
    {
        null => null,
        JsonArray array => array,
        _ => throw new EmulatorInputException(path ?? name, "an array"),
    };

    public static JsonObject? Object(JsonNode? parent, string name, string? path = null) => Field(parent, name) switch
    {
        null => null,
        JsonObject json => json,
        _ => throw new EmulatorInputException(path ?? name, "an object"),
    };

    /// <summary>A string field whose value must be one of <paramref name="allowed"/>.</summary>
    public static string? OneOf(JsonNode? parent, string name, params string[] allowed)
    {
        var value = String(parent, name);
        return value is null || allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new EmulatorInputException(name, "one of " + string.Join(", ", allowed));
    }

    /// <summary>The field's node, <see langword="null"/> when absent or JSON <c>null</c>; a non-object parent has no fields.</summary>
    public static JsonNode? Field(JsonNode? parent, string name)
    {
        var node = parent is JsonObject json && json.TryGetPropertyValue(name, out var value) ? value : null;
        return node?.GetValueKind() == JsonValueKind.Null ? null : node;
    }
}

/// <summary>A request field of the wrong type: <see cref="Field"/> must be <see cref="Expected"/>.</summary>
internal sealed class EmulatorInputException(string field, string expected)
    : Exception($"{field} must be {expected}.")
{
    public string Field { get; } = field;

    public string Expected { get; } = expected;
}
