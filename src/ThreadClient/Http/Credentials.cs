namespace ThreadClient.Http;

/// <summary>Takes a request's own credentials (its <c>Authorization</c> or <c>X-API-Key</c> value) out of text that came back, for handlers that do not know the key.</summary>
internal static class Credentials
{
    public static string? Redact(string? text, HttpRequestMessage? request)
    {
        if (string.IsNullOrEmpty(text) || request is null)
        {
            return text;
        }

        foreach (var header in request.Headers.NonValidated)
        {
            if (!header.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && !header.Key.Equals("X-API-Key", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var value in header.Value)
            {
                var secret = value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value[7..] : value;
                if (secret.Length >= 4)
                {
                    text = text.Replace(secret, "[REDACTED]", StringComparison.Ordinal);
                }
            }
        }

        return text;
    }
}
