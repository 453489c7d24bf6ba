using System.Text.Json.Serialization;

namespace WebexWholesale.Provider.Resources.Functions;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetWholesaleCustomerArgs))]
[JsonSerializable(typeof(GetWholesaleCustomersArgs))]
[JsonSerializable(typeof(CustomerDetails))]
[JsonSerializable(typeof(GetWholesaleCustomersResult))]
public sealed partial class CustomerLookupJson : JsonSerializerContext;
