using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>One input message of a response request: <c>{"role":...,"texts":[{"text":...}]}</c>.</summary>
public sealed class AitronosInput
{
    /// <summary>The role: <c>user</c>, <c>system</c> or <c>assistant</c>.</summary>
    [JsonPropertyName("role")]
    public string Role { get; set; } = "user";

    /// <summary>The texts, in order.</summary>
    [JsonPropertyName("texts")]
    public IList<AitronosText> Texts { get; set; } = [];

    /// <summary>Fields this SDK does not model; written as they are.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A user message.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The input.</returns>
    public static AitronosInput User(string text) => Create("user", text);

    /// <summary>A system message (instructions).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The input.</returns>
    public static AitronosInput System(string text) => Create("system", text);

    /// <summary>An assistant message (for replaying earlier turns).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The input.</returns>
    public static AitronosInput Assistant(string text) => Create("assistant", text);

    private static AitronosInput Create(string role, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new AitronosInput { Role = role, Texts = [new AitronosText { Text = text }] };
    }
}
