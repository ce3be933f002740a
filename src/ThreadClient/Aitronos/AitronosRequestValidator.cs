using ThreadClient.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>The product document's rules for response requests and metadata, checked before sending.</summary>
internal static class AitronosRequestValidator
{
    public static void Validate(AitronosResponseRequest request, AitronosMetadataLimits limits, string paramName)
    {
        ArgumentNullException.ThrowIfNull(request, paramName);
        if (string.IsNullOrWhiteSpace(request.Model))
        {
            throw new ArgumentException("request.Model must be set (for example 'gpt-4.1').", paramName);
        }

        if (request.Inputs is null || request.Inputs.Count == 0)
        {
            throw new ArgumentException("request.Inputs must contain at least one input.", paramName);
        }

        for (var i = 0; i < request.Inputs.Count; i++)
        {
            if (request.Inputs[i] is null)
            {
                throw new ArgumentException($"request.Inputs[{i}] is null.", paramName);
            }
        }

        if (request.PreviousResponseId is { } previous)
        {
            if (request.Thread is not null)
            {
                throw new ArgumentException("request.PreviousResponseId cannot be combined with request.Thread: previousResponseId chains responses without a thread. Send one or the other.", paramName);
            }

            if (string.IsNullOrWhiteSpace(previous))
            {
                throw new ArgumentException("request.PreviousResponseId is empty; leave it null to start without a previous response.", paramName);
            }
        }

        if (request.Thread?.Metadata is { } metadata)
        {
            ValidateMetadata(metadata, limits, "request.Thread.Metadata", paramName);
        }
    }

    public static void ValidateMetadata(ThreadMetadata metadata, AitronosMetadataLimits limits, string what, string paramName)
    {
        if (limits.MaxKeys > 0 && metadata.Count > limits.MaxKeys)
        {
            throw new ArgumentException($"{what} has {metadata.Count} keys; the limit is {limits.MaxKeys} (AitronosOptions.MetadataLimits.MaxKeys).", paramName);
        }

        foreach (var (key, value) in metadata)
        {
            if (limits.MaxKeyLength > 0 && key.Length > limits.MaxKeyLength)
            {
                throw new ArgumentException($"{what} key '{key[..Math.Min(key.Length, 20)]}...' is {key.Length} characters; the limit is {limits.MaxKeyLength} (AitronosOptions.MetadataLimits.MaxKeyLength).", paramName);
            }

            var length = value.ToString().Length;
            if (limits.MaxValueLength > 0 && length > limits.MaxValueLength)
            {
                throw new ArgumentException($"{what}['{key}'] is {length} characters; the limit is {limits.MaxValueLength} (AitronosOptions.MetadataLimits.MaxValueLength).", paramName);
            }
        }

        if (limits.MaxBytes > 0)
        {
            var bytes = JsonBody.Write(metadata, AitronosJsonContext.Default.ThreadMetadata).Length;
            if (bytes > limits.MaxBytes)
            {
                throw new ArgumentException($"{what} is {bytes} bytes as JSON (UTF-8, as sent); the limit is {limits.MaxBytes} bytes per thread (AitronosOptions.MetadataLimits.MaxBytes).", paramName);
            }
        }
    }

    public static string ThreadId(string threadId, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId, paramName);
        return Uri.EscapeDataString(threadId);
    }
}
