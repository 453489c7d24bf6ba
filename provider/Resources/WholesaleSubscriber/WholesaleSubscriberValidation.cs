namespace WebexWholesale.Provider.Resources.WholesaleSubscriber;

/// <summary>
/// Local validation of a subscriber's inputs: every failure names the property path and says how to fix it; values
/// unknown during a preview are not judged. The package rules are the contract's: one base package, add-ons on the
/// base packages they need, and a phone number or extension for calling.
/// </summary>
public static class WholesaleSubscriberValidation
{
    public sealed record Result(IReadOnlyList<InputFailure> Failures, IReadOnlyList<string> Warnings);

    /// <param name="oldPackages">the packages the subscriber has now (empty when it is created): parameters are needed when calling is added</param>
    public static Result Validate(Decoded<WholesaleSubscriberInputs> inputs, IReadOnlyCollection<string> oldPackages)
    {
        var v = new InputValidator(inputs.Unknowns);
        var value = inputs.Value;
        v.Required("customerId", value.CustomerId, "is required: the id of the subscriber's WholesaleCustomer (pass customer.id)");
        if (value.CustomerId is { Length: > 0 } customerId && WebexId.Problem(customerId, "customer", "Y2lzY29zcGFyazovL3VzL0VOVEVSUFJJU0Uv") is { } problem)
        {
            v.Fail("customerId", problem);
        }

        v.Required("email", value.Email, "is required: the person's e-mail address");
        if (value.Email is { Length: > 0 } email)
        {
            v.Email("email", email);
        }

        v.InUrl("onBehalfOfSubPartnerOrgId", value.OnBehalfOfSubPartnerOrgId, "the sub-partner's org id");
        ValidatePackages(v, value.Packages, inputs.Unknowns);
        ValidateParameters(v, value, oldPackages);
        return new Result(v.Failures, v.Warnings);
    }

    /// <summary>How many unknown package names the one warning about them lists; the rest are counted.</summary>
    public const int ListedUnknownPackages = 10;

    private static void ValidatePackages(InputValidator v, IReadOnlyList<string?>? given, PropertyPathSet unknowns)
    {
        if (given is null || given.Count == 0)
        {
            v.Fail("packages", $"is required: exactly one base package ({string.Join(", ", SubscriberPackages.Base.Order())}), plus any add-ons");
            return;
        }

        if (unknowns.Touches("packages"))
        {
            return; // judged when every name is known
        }

        var nulls = given.Select((name, index) => (name, index)).Where(pair => pair.name is null).Select(pair => pair.index).ToList();
        if (nulls.Count > 0)
        {
            // An undefined element in a TypeScript or YAML program arrives as null.
            v.Fail($"packages[{nulls[0]}]", $"is null{(nulls.Count > 1 ? $" ({nulls.Count} elements are)" : "")}: give a package name there or remove the element");
            return;
        }

        var packages = given.OfType<string>().ToList();
        var unknownNames = packages.Where(name => !SubscriberPackages.IsKnown(name)).Distinct(StringComparer.Ordinal).ToList();
        if (unknownNames.Count > 0)
        {
            var listed = string.Join(", ", unknownNames.Take(ListedUnknownPackages).Select(name => $"'{Echo.Of(name)}'"));
            var more = unknownNames.Count > ListedUnknownPackages ? $" and {unknownNames.Count - ListedUnknownPackages} more" : "";
            v.Warn(unknownNames.Count == 1
                ? $"packages: {listed} is not a subscriber package this provider knows; it is sent to Webex as it is (a package added after this release?)"
                : $"packages: {unknownNames.Count} names are not subscriber packages this provider knows: {listed}{more}; they are sent to Webex as they are " +
                  "(packages added after this release?)");
        }

        var bases = packages.Where(SubscriberPackages.Base.Contains).Distinct(StringComparer.Ordinal).ToList();
        if (bases.Count > 1)
        {
            v.Fail("packages", $"has {bases.Count} base packages ({string.Join(", ", bases)}); a subscriber has exactly one: keep one and move the person by changing it");
            return;
        }

        if (bases.Count == 0 && unknownNames.Count == 0)
        {
            v.Fail("packages", $"has no base package; add exactly one of {string.Join(", ", SubscriberPackages.Base.Order())}");
            return;
        }

        foreach (var (name, index) in packages.Select((name, index) => (name, index)))
        {
            if (SubscriberPackages.AddOns.TryGetValue(name, out var needs) && needs is not null && !bases.Any(needs.Contains))
            {
                v.Fail($"packages[{index}]", $"{name} needs one of {string.Join(", ", needs.Order())} as the base package" +
                                             (bases.Count == 1 ? $", not {bases[0]}" : ""));
            }
        }
    }

    private static void ValidateParameters(InputValidator v, WholesaleSubscriberInputs value, IReadOnlyCollection<string> oldPackages)
    {
        if (value.Packages is null || value.Packages.Any(name => name is null) || v.IsUnknown("packages") || v.IsUnknown("provisioningParameters"))
        {
            return;
        }

        var parameters = value.ProvisioningParameters;
        var hasNumber = !string.IsNullOrWhiteSpace(parameters?.PrimaryPhoneNumber) || !string.IsNullOrWhiteSpace(parameters?.Extension);
        var addsCalling = SubscriberPackages.HasCalling(value.Packages) && !SubscriberPackages.HasCalling(oldPackages);
        if (addsCalling && !hasNumber && !v.IsUnknown("provisioningParameters.primaryPhoneNumber") && !v.IsUnknown("provisioningParameters.extension"))
        {
            v.Fail("provisioningParameters", "needs primaryPhoneNumber or extension for the calling package " +
                                             $"{value.Packages.First(SubscriberPackages.Calling.Contains)} (Webex ignores them for a person who already has " +
                                             "Webex Calling; then give the extension they have)");
        }

        if (!SubscriberPackages.HasCalling(value.Packages) && (parameters?.PrimaryPhoneNumber ?? parameters?.Extension ?? parameters?.LocationId) is not null)
        {
            v.Warn("provisioningParameters: primaryPhoneNumber, extension and locationId are used only with a calling package; Webex ignores them for " +
                   string.Join(", ", value.Packages));
        }
    }
}
