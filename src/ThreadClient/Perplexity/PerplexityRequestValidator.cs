namespace ThreadClient.Perplexity;

/// <summary>The rules Perplexity's documents state, checked before a request is sent.</summary>
internal static class PerplexityRequestValidator
{
    public static void Validate(ChatCompletionRequest request, PerplexityOptions options, string paramName)
    {
        ArgumentNullException.ThrowIfNull(request, paramName);
        if (string.IsNullOrWhiteSpace(request.Model))
        {
            throw new ArgumentException("request.Model must be set (for threads: 'sonar-pro').", paramName);
        }

        if (request.Messages is null || request.Messages.Count == 0)
        {
            throw new ArgumentException("request.Messages must contain at least one message.", paramName);
        }

        for (var i = 0; i < request.Messages.Count; i++)
        {
            if (request.Messages[i] is null)
            {
                throw new ArgumentException($"request.Messages[{i}] is null.", paramName);
            }
        }

        if (request.ThreadId is { } threadId)
        {
            if (request.UseThreads != true)
            {
                throw new ArgumentException("request.ThreadId is set but request.UseThreads is not true: Perplexity continues a thread only with use_threads: true.", paramName);
            }

            if (!IsUuid(threadId))
            {
                throw new ArgumentException($"request.ThreadId must be a UUID (like 3947452d-7cc0-48b3-afe7-d053c1083b78); the value given ({threadId.Length} characters) is not one.", paramName);
            }
        }

        if (request.UseThreads == true && options.ValidateThreadingModel
            && !string.Equals(request.Model, PerplexityOptions.ThreadingModel, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"Threads work only with model '{PerplexityOptions.ThreadingModel}', but request.Model is '{request.Model}'. Use '{PerplexityOptions.ThreadingModel}', or set PerplexityOptions.ValidateThreadingModel = false to send anyway.",
                paramName);
        }
    }

    public static bool IsUuid(string value) => Guid.TryParseExact(value, "D", out _);
}
