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

        if (request.MaxSteps is <= 0)
        {
            throw new ArgumentException($"{name}.MaxSteps must be positive.", name);
        }

        if (request.Tools is { } tools && tools.Any(static t => t is null))
        {
            throw new ArgumentException($"{name}.Tools holds a null tool.", name);
        }
    }
}
