using System.Text;
using System.Text.Json;

namespace ThreadClient.Aitronos;

/// <summary>Finds the text in the shapes Aitronos has used for it: a string, <c>[{"text"}]</c>, <c>[{"content":[...]}]</c>, or <c>{"texts":[...]}</c>.</summary>
internal static class AitronosJsonText
{
    public static string? Of(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Array:
                StringBuilder? text = null;
                foreach (var item in value.EnumerateArray())
                {
                    if (Of(item) is { } part)
                    {
                        (text ??= new StringBuilder()).Append(part);
                    }
                }

                return text?.ToString();
            case JsonValueKind.Object:
                foreach (var name in (ReadOnlySpan<string>)["text", "content", "texts"])
                {
                    if (value.TryGetProperty(name, out var inner) && Of(inner) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
