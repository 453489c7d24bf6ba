using Google.Protobuf.WellKnownTypes;

namespace WebexWholesale.Provider.Protocol.PropertyValues;

/// <summary>
/// The text the engine sent as secret in a request's Structs (secret values, and output values marked secret), read
/// from the wire as it arrived, so that even a request the codec refuses has its secrets hidden in the answer.
/// </summary>
public static class SecretStrings
{
    public static IReadOnlyList<string> In(params Struct?[] messages)
    {
        var found = new List<string>();
        foreach (var message in messages)
        {
            if (message is not null)
            {
                Walk(Value.ForStruct(message), secret: false, depth: 0, found);
            }
        }

        return found;
    }

    private static void Walk(Value value, bool secret, int depth, List<string> found)
    {
        if (depth > StructCodec.MaxDepth)
        {
            return; // the codec refuses such a value by its path; none of its text is echoed
        }

        switch (value.KindCase)
        {
            case Value.KindOneofCase.StringValue when secret:
                found.Add(value.StringValue);
                break;
            case Value.KindOneofCase.ListValue:
                foreach (var item in value.ListValue.Values)
                {
                    Walk(item, secret, depth + 1, found);
                }

                break;
            case Value.KindOneofCase.StructValue:
                var fields = value.StructValue.Fields;
                var marksSecret = fields.TryGetValue(Signatures.Key, out var signature) && signature.KindCase == Value.KindOneofCase.StringValue &&
                                  (signature.StringValue == Signatures.Secret ||
                                   (signature.StringValue == Signatures.OutputValue && fields.TryGetValue("secret", out var flag) && flag.BoolValue));
                foreach (var member in fields.Values)
                {
                    Walk(member, secret || marksSecret, depth + 1, found);
                }

                break;
        }
    }
}
