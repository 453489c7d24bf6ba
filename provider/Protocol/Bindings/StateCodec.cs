using System.Text.Json.Serialization.Metadata;
using Google.Protobuf.WellKnownTypes;
using WebexWholesale.Provider.Protocol.PropertyValues;
using WebexWholesale.Provider.Resources;
using WebexWholesale.Provider.Resources.Schema;

namespace WebexWholesale.Provider.Protocol.Bindings;

/// <summary>
/// A resource's state on the wire: one flat object holding the inputs' members and the outputs' members. Inputs and
/// outputs never share a name (the schema test pins that), so merging loses nothing and each record reads its own.
/// </summary>
public sealed class StateCodec<TInputs, TOutputs>(JsonTypeInfo<TInputs> inputsType, JsonTypeInfo<TOutputs> outputsType)
    where TInputs : class
    where TOutputs : class
{
    /// <summary>Members declared <see cref="SecretAttribute"/> (a report's presigned download link): secret in every state sent, whatever the engine marked.</summary>
    private readonly PropertyPathSet _alwaysSecret = PropertyPathSet.Of(
        SchemaDeclarations.PropertiesWith<SecretAttribute>(inputsType).Concat(SchemaDeclarations.PropertiesWith<SecretAttribute>(outputsType)));

    /// <summary>The state in a Struct, or null for an absent or empty one (an import's Read).</summary>
    public Decoded<ResourceState<TInputs, TOutputs>>? Decode(Struct? message)
    {
        var values = StructCodec.Decode(message, allowUnknowns: false);
        if (values.Members.Count == 0)
        {
            return null;
        }

        var inputs = TypedCodec.Decode(values, inputsType);
        var outputs = TypedCodec.Decode(values, outputsType);
        return new Decoded<ResourceState<TInputs, TOutputs>>(new ResourceState<TInputs, TOutputs>(inputs.Value, outputs.Value), inputs.Unknowns, inputs.Secrets);
    }

    public Struct Encode(ResourceState<TInputs, TOutputs> state, PropertyPathSet secrets, PropertyPathSet? unknowns = null)
    {
        var inputs = TypedCodec.Encode(state.Inputs, inputsType);
        var outputs = TypedCodec.Encode(state.Outputs, outputsType);
        var merged = new ObjectValue(inputs.Members.SetItems(outputs.Members));
        // The resource may reorder lists (packages are a set): a secret element keeps its whole list secret.
        return StructCodec.Encode(TypedCodec.Mark(merged, secrets.Union(_alwaysSecret).WithElementsLifted(), unknowns), allowUnknowns: unknowns is not null);
    }
}
