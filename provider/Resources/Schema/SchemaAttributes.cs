namespace WebexWholesale.Provider.Resources.Schema;

// Declarations on the typed model that the schema generator (sdk/generator) turns into schema.json, in the manner of
// pulumi-go-provider's field tags. Descriptions come from the members' <summary> doc comments.

/// <summary>The object type's name in the schema: <c>webex-wholesale:index:{Name}</c>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SchemaTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>The property must be set (<c>required</c> / <c>requiredInputs</c> in the schema).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredAttribute : Attribute;

/// <summary>
/// Check requires the property to create the resource, but an adopted resource may lack it, so it is not a required
/// input of the schema (a customer's <c>provisioningId</c>). With <see cref="NotReturnedAttribute"/> its absence marks
/// inputs that were read from Webex (an import).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredToCreateAttribute : Attribute;

/// <summary>A change to the property replaces the resource (<c>willReplaceOnChanges</c>); the diff reads it too.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ReplaceOnChangesAttribute : Attribute;

/// <summary>The property is always secret.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;

/// <summary>A list whose order carries no meaning: the diff compares it as a set.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class UnorderedAttribute : Attribute;

/// <summary>Environment variables the value falls back to (<c>defaultInfo.environment</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EnvironmentDefaultAttribute(params string[] variables) : Attribute
{
    public IReadOnlyList<string> Variables { get; } = variables;
}

/// <summary>The value used when the property is not set (<c>default</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DefaultValueAttribute(object value) : Attribute
{
    public object Value { get; } = value;
}

/// <summary>
/// The service never returns the input: it is kept from the program. After an import it is unknown rather than
/// absent, so a value the program gives then is taken without a change.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotReturnedAttribute : Attribute;

/// <summary>
/// The program may leave the input out, and the service then assigns it (as Terraform's Optional+Computed): the
/// service's value is state, and a program without it is not a difference.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ComputedAttribute : Attribute;
