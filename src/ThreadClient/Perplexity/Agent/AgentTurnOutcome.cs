using System.Net;
using ThreadClient.Sessions;

namespace ThreadClient.Perplexity.Agent;

/// <summary>What a session makes of an Agent API reply that is not a plain completed answer: failed, cancelled, or cut off.</summary>
internal static class AgentTurnOutcome
{
    /// <summary>Why the answer stopped early (<c>max_output_tokens</c>), or <see langword="null"/> when it did not.</summary>
    public static string? CutOffReason(AgentResponse reply) =>
        reply.IsIncomplete ? reply.IncompleteDetails?.Reason ?? AgentResponseStatus.Incomplete : null;

    /// <summary>
    /// The exception of a reply a session must not record: <c>failed</c> or <c>cancelled</c> (the
    /// service's error code and message), or <c>incomplete</c> with no text at all (the reason, and the
    /// setting to raise). <see langword="null"/> for a reply that is an answer.
    /// </summary>
    public static ThreadsResponseException? Refusal(AgentResponse reply, bool hasAnswer)
    {
        if (reply.Status is AgentResponseStatus.Failed or AgentResponseStatus.Cancelled)
        {
            var status = reply.Status;
            return new ThreadsResponseException(
                Error(reply, reply.Error?.Code ?? "response_" + status, reply.Error?.Type, reply.Error?.Message ?? $"The response {status}."),
                $"the response {status} (status '{status}'); the turn was not recorded, so the session is as it was and the turn can be sent again.");
        }

        if (hasAnswer || CutOffReason(reply) is not { } reason)
        {
            return null;
        }

        var summary = reason == AgentIncompleteDetails.MaxOutputTokens
            ? "the answer was cut off at max_output_tokens before any text came: raise AgentRequest.MaxOutputTokens (in a session, set it in ConfigureRequest) and send the turn again; the turn was not recorded."
            : $"the response stopped early ('{reason}') before any text came; the turn was not recorded, so it can be sent again.";
        return new ThreadsResponseException(Error(reply, reason, AgentResponseStatus.Incomplete, $"The response is incomplete ({reason}) and has no text."), summary);
    }

    /// <summary><see cref="Refusal"/> for the session's drivers, which know whether the reply has an answer.</summary>
    public static void ThrowIfRefused(AgentResponse reply, string text, bool answersWithoutText)
    {
        if (Refusal(reply, text.Length > 0 || answersWithoutText) is { } refusal)
        {
            throw refusal;
        }
    }

    private static ThreadsApiError Error(AgentResponse reply, string code, string? type, string message) => new()
    {
        Provider = "Perplexity",
        StatusCode = reply.GetRawResponse()?.Status ?? HttpStatusCode.OK,
        Code = code,
        Type = type,
        Message = message,
        RequestId = reply.GetRawResponse()?.RequestId,
    };
}
