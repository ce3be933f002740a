using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;

namespace ThreadClient.Http;

/// <summary>
/// Turns an error reply into a <see cref="ThreadsApiError"/>. Reads every envelope the providers are
/// known to send: <c>{"error":{message,type,code}}</c> (code a number, a string or null),
/// Aitronos' <c>{"success":false,"error":{code,message,type,status,details,trace_id}}</c>, the legacy
/// <c>{"title","message"}</c>, and FastAPI's <c>{"detail":[{loc,msg,type}]}</c> or <c>{"detail":"..."}</c>.
/// </summary>
internal static class ErrorReplyReader
{
    private const int MaxBytesRead = 64 * 1024;

    public static async Task<ThreadsApiError> ReadAsync(HttpResponseMessage response, ProviderEndpoint endpoint, TimeProvider clock, CancellationToken cancellationToken)
    {
        string? body = null;
        if (ReplyChecks.UndecodedEncoding(response.Content.Headers) is { } encoding)
        {
            // Compressed bytes are not text: say what they were instead of putting them in a message.
            return Parse(endpoint, response, $"[a body encoded with '{encoding}', which this HTTP client did not decode]", clock);
        }

        try
        {
            body = (await ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false)).TrimStart('\uFEFF');
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            // The status still says what happened; a broken error body must not hide it.
        }

        return Parse(endpoint, response, body, clock);
    }

    /// <summary>The error of a reply whose body is read: the body's envelope, and the request id, wait and rate limits of its headers.</summary>
    public static ThreadsApiError Parse(ProviderEndpoint endpoint, HttpResponseMessage response, string? body, TimeProvider clock)
    {
        var requestId = response.Headers.TryGetValues("x-request-id", out var ids) ? ids.FirstOrDefault() : null;
        return Parse(endpoint, response.StatusCode, body, requestId, RetryAfterHeader.Read(response, clock)) with
        {
            RateLimits = ThreadsRateLimits.Read(response.Headers, endpoint),
        };
    }

    public static ThreadsApiError Parse(ProviderEndpoint endpoint, HttpStatusCode status, string? body, string? requestId, TimeSpan? retryAfter)
    {
        string? code = null, type = null, message = null, traceId = null, param = null;
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                ReadEnvelope(document.RootElement, ref code, ref type, ref message, ref traceId, ref param);
            }
            catch (JsonException)
            {
                message = body.Length <= 200 ? body.Trim() : null;
            }
        }

        // Everything that came from the service is redacted (it may echo the key anywhere), and redacted
        // before it is cut, so that a cut cannot leave part of the key behind.
        return new ThreadsApiError
        {
            Provider = endpoint.Provider,
            StatusCode = status,
            Code = endpoint.Redact(code),
            Type = endpoint.Redact(type),
            Message = endpoint.Redact(message),
            Param = endpoint.Redact(param),
            RawBody = BoundAndRedact(endpoint, body),
            RequestId = endpoint.Redact(requestId ?? traceId),
            RetryAfter = retryAfter,
        };
    }

    private static void ReadEnvelope(JsonElement root, ref string? code, ref string? type, ref string? message, ref string? traceId, ref string? param)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (root.TryGetProperty("error", out var error))
        {
            if (error.ValueKind == JsonValueKind.Object)
            {
                code = ScalarText(error, "code");
                type = ScalarText(error, "type");
                message = ScalarText(error, "message");
                traceId = ScalarText(error, "trace_id");
                param = ScalarText(error, "param");
            }
            else if (error.ValueKind == JsonValueKind.String)
            {
                message = error.GetString();
            }
        }

        if (message is null && root.TryGetProperty("detail", out var detail))
        {
            message = DetailText(detail, ref type);
        }

        message ??= ScalarText(root, "message");
        if (type is null && root.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String)
        {
            type = title.GetString();
        }
    }

    private static string? DetailText(JsonElement detail, ref string? type)
    {
        if (detail.ValueKind == JsonValueKind.String)
        {
            return detail.GetString();
        }

        if (detail.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var item in detail.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append("; ");
            }

            if (item.TryGetProperty("loc", out var loc) && loc.ValueKind == JsonValueKind.Array)
            {
                text.AppendJoin('.', loc.EnumerateArray().Select(static part => part.ToString())).Append(": ");
            }

            text.Append(ScalarText(item, "msg"));
            type ??= ScalarText(item, "type");
        }

        return text.Length == 0 ? null : text.ToString();
    }

    private static string? ScalarText(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>The body with the key redacted, then cut to <see cref="ThreadsApiError.MaxRawBodyLength"/>.</summary>
    public static string? BoundAndRedact(ProviderEndpoint endpoint, string? body)
    {
        body = endpoint.Redact(body);
        return body is null || body.Length <= ThreadsApiError.MaxRawBodyLength
            ? body
            : string.Concat(body.AsSpan(0, ThreadsApiError.MaxRawBodyLength), "...[truncated]");
    }

    private static async Task<string> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(MaxBytesRead);
            try
            {
                var total = 0;
                int read;
                while (total < MaxBytesRead && (read = await stream.ReadAsync(buffer.AsMemory(total, MaxBytesRead - total), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                return Encoding.UTF8.GetString(buffer, 0, total);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
