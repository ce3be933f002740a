using ThreadClient.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>The reply to <c>DELETE /v1/threads/{id}</c>, when it has a body: <c>{"deleted":true}</c>.</summary>
internal sealed class AitronosDeletion : IWireModel<AitronosDeletion>
{
    private static readonly JsonFields<AitronosDeletion> Table = new JsonFields<AitronosDeletion>(static () => new())
        .Add("deleted", Wire.Boolean, static x => x.Deleted, static (x, v) => x.Deleted = v);

    /// <summary>Whether the thread was deleted, when the reply says.</summary>
    public bool? Deleted { get; set; }

    static JsonFields<AitronosDeletion> IWireModel<AitronosDeletion>.Fields => Table;
}
