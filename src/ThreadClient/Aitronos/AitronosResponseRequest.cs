using System.Text.Json;

namespace ThreadClient.Aitronos;

/// <summary>
/// A request to <c>POST /v1/model/response</c>. Only the properties that are set are written, in
/// the order the product document shows them; the spelling of <c>threadState</c> and
/// <c>previousResponseId</c> follows <see cref="AitronosOptions.FieldNaming"/>.
/// </summary>
/// <example>
/// <code>
/// new AitronosResponseRequest
/// {
///     Model = "gpt-4.1",
///     Thread = ThreadReference.WithMetadata("support_u1_t9", new ThreadMetadata { ["userId"] = "u1" }),
///     Inputs = { AitronosInput.User("Hello") },
/// };
/// </code>
/// </example>
public sealed class AitronosResponseRequest : Diagnostics.IGenAiInput
{
    /// <summary>The organization the call is billed to (<c>organization_id</c>).</summary>
    public string? OrganizationId { get; set; }

    /// <summary>The model, for example <c>gpt-4.1</c> or <c>ftg-3.0</c>.</summary>
    public string Model { get; set; } = "";

    /// <summary>The thread to use: by id (created if it does not exist), or with metadata. Cannot be combined with <see cref="PreviousResponseId"/>.</summary>
    public ThreadReference? Thread { get; set; }

    /// <summary>Sets the thread's state with this call (<c>threadState</c>), for example locked once answered.</summary>
    public ThreadLifecycleState? ThreadState { get; set; }

    /// <summary>Whether the thread appears in the thread list (default true on the service); <see langword="false"/> makes it hidden.</summary>
    public bool? Store { get; set; }

    /// <summary>Chains to an earlier response (at most 24 hours old) without a thread. Cannot be combined with <see cref="Thread"/>.</summary>
    public string? PreviousResponseId { get; set; }

    /// <summary>The input messages; with a thread or a chain, only the new turn.</summary>
    public IList<AitronosInput> Inputs { get; set; } = [];

    /// <summary>The assistant that answers (<c>assistant_id</c>; the deployed Freddy API).</summary>
    public string? AssistantId { get; set; }

    /// <summary>The kind of message sent (<c>message_type_id</c>; the deployed Freddy API).</summary>
    public long? MessageTypeId { get; set; }

    /// <summary>Tool switches (<c>tools</c>; the deployed Freddy API): <see cref="AitronosTools.WebSearch"/>, <see cref="AitronosTools.FileSearch"/>.</summary>
    public AitronosTools? Tools { get; set; }

    /// <summary>The tool the assistant must use (<c>tool_choice</c>, for example <c>web_search</c>; an empty string lets it choose; the deployed Freddy API).</summary>
    public string? ToolChoice { get; set; }

    /// <summary>Fields this SDK does not model, written into the body as they are.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    IEnumerable<(string Role, string Text)> Diagnostics.IGenAiInput.Messages() =>
        Inputs.Select(static i => (i.Role, string.Concat(i.Texts.Select(static t => t.Text))));
}
