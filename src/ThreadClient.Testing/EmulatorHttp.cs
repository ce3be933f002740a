using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ThreadClient.Testing;

/// <summary>Writing replies the way each provider shapes them: JSON, both error envelopes, and server-sent events.</summary>
internal static class EmulatorHttp
{
    public static async Task JsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(Relaxed), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Perplexity's (OpenAI-style) error: <c>{"error":{"message","type","code"}}</c>.</summary>
    public static Task PerplexityErrorAsync(HttpContext context, int status, string message, string type) =>
        JsonAsync(context, status, new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["code"] = status } });

    /// <summary>Aitronos' error: <c>{"success":false,"error":{"code","message","type","status","details","trace_id"}}</c>.</summary>
    public static Task AitronosErrorAsync(HttpContext context, int status, string code, string message, string type, JsonObject? details = null) =>
        JsonAsync(context, status, new JsonObject
        {
            ["success"] = false,
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["type"] = type,
                ["status"] = status,
                ["details"] = details ?? new JsonObject(),
                ["trace_id"] = context.Response.Headers["x-request-id"].ToString(),
            },
        });

    public static string Frame(string data, string? eventName = null) =>
        eventName is null ? $"data: {data}\n\n" : $"event: {eventName}\ndata: {data}\n\n";

    /// <summary>Streams the frames, applying a heartbeat or cut-stream fault.</summary>
    public static async Task StreamAsync(HttpContext context, EmulatorFault? fault, TimeProvider clock, string heartbeat, IReadOnlyList<string> frames)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        if (fault is { Kind: EmulatorFaultKind.Heartbeats })
        {
            for (var i = 0; i < fault.Count; i++)
            {
                await Task.Delay(fault.Delay, clock, context.RequestAborted).ConfigureAwait(false);
                await WriteAsync(context, heartbeat).ConfigureAwait(false);
            }
        }

        for (var i = 0; i < frames.Count; i++)
        {
            if (fault is { Kind: EmulatorFaultKind.CutStream } && i == fault.Count)
            {
                // A reset discards what the client has not read yet: give it time to read the events
                // already written, so that the cut lands mid-stream and not before the headers.
                await Task.Delay(250, context.RequestAborted).ConfigureAwait(false);
                context.Abort();
                return;
            }

            await WriteAsync(context, frames[i]).ConfigureAwait(false);
        }
    }

    public static IEnumerable<string> Pieces(string text, int length)
    {
        for (var i = 0; i < text.Length; i += length)
        {
            yield return text.Substring(i, Math.Min(length, text.Length - i));
        }
    }

    public static long Unix(DateTimeOffset time) => time.ToUnixTimeSeconds();

    public static int Words(IEnumerable<string> texts) => texts.Sum(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);

    /// <summary>The size of a JSON value in UTF-8 bytes as a client sends it (non-ASCII unescaped), for the metadata limit.</summary>
    public static int Utf8Length(JsonNode node) => Encoding.UTF8.GetByteCount(node.ToJsonString(Relaxed));

    /// <summary>UTF-8 as services send it: non-ASCII and <c>+</c> unescaped.</summary>
    public static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Id(string prefix, long number) => prefix + number.ToString("x8", CultureInfo.InvariantCulture);

    private static async Task WriteAsync(HttpContext context, string frame)
    {
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(frame), context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
