namespace ThreadClient.Perplexity.Agent;

/// <summary>The rules of an <see cref="AgentRequest"/> that are known before sending.</summary>
internal static class AgentRequestValidator
{
    public static void Validate(AgentRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request, name);
        if (request.Input is null || request.Input.IsEmpty)
        {
            throw new ArgumentException($"{name}.Input is empty: give the model a string or at least one input item.", name);
        }

        for (var i = 0; request.Input.Text is null && i < request.Input.Items.Count; i++)
        {
            switch (request.Input.Items[i])
            {
                case null:
                    throw new ArgumentException($"{name}.Input.Items[{i}] is null.", name);
                case AgentInputMessage message when !AgentRole.IsKnown(message.Role):
                    throw new ArgumentException($"{name}.Input.Items[{i}].Role is '{message.Role}': an input message's role is user, assistant, system or developer.", name);
            }
        }

        if (request.Models is { Count: > AgentRequest.MaxFallbackModels } models)
        {
            throw new ArgumentException($"{name}.Models has {models.Count} models: the Agent API accepts at most {AgentRequest.MaxFallbackModels}.", name);
        }

        if (request.Models is not null && request.Models.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"{name}.Models holds an empty model name.", name);
        }

        if (request.MaxOutputTokens is <= 0)
        {
            throw new ArgumentException($"{name}.MaxOutputTokens must be positive.", name);
        }

        if (request.MaxSteps is <= 0 or > AgentRequest.MaxAgentSteps)
        {
            throw new ArgumentException($"{name}.MaxSteps is {request.MaxSteps}: the Agent API takes 1 to {AgentRequest.MaxAgentSteps} steps.", name);
        }

        if (request.MaxToolCalls is < 0)
        {
            throw new ArgumentException($"{name}.MaxToolCalls must not be negative (0 disables tools).", name);
        }

        var configurations = (request.Preset is null ? 0 : 1) + (request.Effort is null ? 0 : 1) + (request.Profile is null ? 0 : 1);
        if (configurations > 1)
        {
            throw new ArgumentException($"{name} sets more than one of Preset, Effort and Profile: each names the whole Agent API configuration, so a request takes one of them.", name);
        }

        if (request.Effort is { } effort && (string.IsNullOrWhiteSpace(effort) || effort.IndexOf('@', StringComparison.Ordinal) is 0 || effort.EndsWith('@')))
        {
            throw new ArgumentException($"{name}.Effort '{effort}' is not an effort level: fast, low, medium, high or xhigh, optionally pinned as name@version (fast@2026-10-16.0).", name);
        }

        ValidateMetadata(request.Metadata, name);

        if (request.Tools is { } tools && tools.Any(static t => t is null))
        {
            throw new ArgumentException($"{name}.Tools holds a null tool.", name);
        }
    }

    private static void ValidateMetadata(IDictionary<string, string>? metadata, string name)
    {
        if (metadata is null)
        {
            return;
        }

        if (metadata.Count > AgentRequest.MaxMetadataEntries)
        {
            throw new ArgumentException($"{name}.Metadata has {metadata.Count} entries: the Agent API accepts at most {AgentRequest.MaxMetadataEntries}.", name);
        }

        foreach (var (key, value) in metadata)
        {
            if (string.IsNullOrEmpty(key) || key.Length > AgentRequest.MaxMetadataKeyLength)
            {
                throw new ArgumentException($"{name}.Metadata has a key of {key?.Length ?? 0} characters: keys are 1 to {AgentRequest.MaxMetadataKeyLength} characters.", name);
            }

            if (value is null || value.Length > AgentRequest.MaxMetadataValueLength)
            {
                throw new ArgumentException($"{name}.Metadata['{key}'] is {(value is null ? "null" : value.Length + " characters")}: values are text of at most {AgentRequest.MaxMetadataValueLength} characters.", name);
            }
        }
    }
}
