namespace ThreadClient.Serialization;

/// <summary>A reply model read and written through its <see cref="JsonFields{T}"/> table (see <see cref="WireModelConverter{T}"/>).</summary>
/// <typeparam name="T">The model itself.</typeparam>
internal interface IWireModel<T>
    where T : class, IWireModel<T>
{
    /// <summary>The model's fields.</summary>
    static abstract JsonFields<T> Fields { get; }
}
