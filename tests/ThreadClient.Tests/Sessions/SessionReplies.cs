using System.Net;
using System.Text.Json;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Sessions;

/// <summary>Canned provider replies for session tests.</summary>
public static class SessionReplies
{
    public const string ThreadA = "3947452d-7cc0-48b3-afe7-d053c1083b78";
    public const string ThreadB = "0b0f5a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
    public const string ThreadC = "c0ffee00-1111-4222-8333-444455556666";

    public static HttpResponseMessage PerplexityReply(string? threadId, string text) =>
        RecordingHandler.Json(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = "c1",
            ["object"] = "chat.completion",
            ["model"] = "sonar-pro",
            ["choices"] = new[] { new Dictionary<string, object?> { ["index"] = 0, ["message"] = new { role = "assistant", content = text }, ["finish_reason"] = "stop" } },
            ["thread_id"] = threadId,
        }));

    public static HttpResponseMessage PerplexityThreadNotFound() =>
        RecordingHandler.Json("""{"error":{"message":"Thread not found","type":"not_found","code":404}}""", HttpStatusCode.NotFound);

    public static HttpResponseMessage PerplexityInvalidThread() =>
        RecordingHandler.Json("""{"error":{"message":"Invalid thread_id: not a valid thread","type":"invalid_request_error","code":400}}""", HttpStatusCode.BadRequest);

    public static HttpResponseMessage PerplexityThreadingUnavailable() =>
        RecordingHandler.Json("""{"error":{"message":"Threads are not available on your plan","type":"unauthorized","code":401}}""", HttpStatusCode.Unauthorized);

    public static HttpResponseMessage AitronosReply(string? responseId, string? threadId, string text) =>
        RecordingHandler.Json(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = responseId,
            ["thread_id"] = threadId,
            ["output"] = new[] { new { content = new[] { new { type = "output_text", text } } } },
        }));

    public static HttpResponseMessage AitronosNotFound() =>
        RecordingHandler.Json("""{"success":false,"error":{"code":"THREAD_NOT_FOUND","message":"Thread deleted","type":"not_found","status":404}}""", HttpStatusCode.NotFound);

    public static HttpResponseMessage AitronosLocked() =>
        RecordingHandler.Json("""{"success":false,"error":{"code":"THREAD_LOCKED","message":"Thread is locked","type":"conflict","status":409}}""", HttpStatusCode.Conflict);

    public static HttpResponseMessage AitronosPreviousExpired() =>
        RecordingHandler.Json("""{"success":false,"error":{"code":"PREVIOUS_RESPONSE_EXPIRED","message":"Too old","type":"invalid_request","status":400}}""", HttpStatusCode.BadRequest);

    public static HttpResponseMessage ServerError() =>
        RecordingHandler.Json("""{"error":{"message":"boom","code":500}}""", HttpStatusCode.InternalServerError);

    /// <summary>The <c>messages</c> (or <c>inputs</c>) array of a recorded body, as raw JSON text.</summary>
    public static string RequestArray(RecordedRequest request, string name)
    {
        using var document = JsonDocument.Parse(request.Body);
        return document.RootElement.GetProperty(name).GetRawText();
    }

    public static JsonElement Body(RecordedRequest request) => JsonDocument.Parse(request.Body).RootElement.Clone();
}
