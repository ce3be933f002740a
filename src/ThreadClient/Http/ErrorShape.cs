namespace ThreadClient.Http;

/// <summary>Questions the providers' error mappers ask of an error reply.</summary>
internal static class ErrorShape
{
    /// <summary>
    /// A web framework's "no such route" reply (no service error code or type, and at most the
    /// framework's own "Not Found"), as opposed to the service's own 404 about a thread.
    /// </summary>
    public static bool IsRouteNotFound(ThreadsApiError error) =>
        error.Code is null && error.Type is null
        && (error.Message is null || string.Equals(error.Message, "Not Found", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the service's <c>error.code</c> contains any of the words (case-insensitive).</summary>
    public static bool CodeMentions(ThreadsApiError error, params ReadOnlySpan<string> words) => Contains(error.Code, words);

    /// <summary>Whether the message or the raw body contains the word (case-insensitive).</summary>
    public static bool TextMentions(ThreadsApiError error, string word) =>
        Contains(error.Message, [word]) || Contains(error.RawBody, [word]);

    /// <summary>Whether the service's message (not the raw body, which may echo the request) contains the word (case-insensitive).</summary>
    public static bool MessageMentions(ThreadsApiError error, string word) => Contains(error.Message, [word]);

    private static bool Contains(string? text, ReadOnlySpan<string> words)
    {
        if (text is null)
        {
            return false;
        }

        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
