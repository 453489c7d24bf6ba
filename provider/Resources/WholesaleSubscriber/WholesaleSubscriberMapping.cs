using WebexWholesale.Provider.Resources.WholesaleCustomer;
using WebexWholesale.Provider.Webex;

namespace WebexWholesale.Provider.Resources.WholesaleSubscriber;

/// <summary>Between the subscriber's typed inputs and outputs and the Webex Subscribers API's bodies, both ways.</summary>
public static class WholesaleSubscriberMapping
{
    public static ProvisionSubscriberRequest ToProvision(WholesaleSubscriberInputs inputs) => new()
    {
        CustomerId = inputs.CustomerId!,
        Email = inputs.Email!,
        Packages = PackageSet.Of(inputs.Packages),
        ProvisioningParameters = Parameters(inputs.ProvisioningParameters) ?? new SubscriberProvisioningParameters(),
    };

    public static PrecheckSubscriberRequest ToPrecheck(WholesaleSubscriberInputs inputs) => new()
    {
        CustomerId = inputs.CustomerId,
        Email = inputs.Email!,
        Packages = PackageSet.Of(inputs.Packages),
        ProvisioningParameters = Parameters(inputs.ProvisioningParameters),
    };

    /// <param name="movesToCalling">the subscriber moves from a package without calling to one with it: the only update that takes parameters</param>
    public static UpdateSubscriberRequest ToUpdate(WholesaleSubscriberInputs news, bool movesToCalling) => new()
    {
        Packages = PackageSet.Of(news.Packages),
        ProvisioningParameters = movesToCalling && news.ProvisioningParameters is { } parameters
            ? new SubscriberProvisioningParameters { PrimaryPhoneNumber = parameters.PrimaryPhoneNumber, Extension = parameters.Extension, LocationId = parameters.LocationId }
            : null,
    };

    /// <summary>
    /// The inputs that would produce the subscriber as Webex shows it. What Webex never returns (provisioningParameters,
    /// the sub-partner) is kept from <paramref name="oldInputs"/>; an e-mail Webex spells in another case is the same
    /// e-mail, so the program's spelling is kept.
    /// </summary>
    public static WholesaleSubscriberInputs ToInputs(Subscriber subscriber, WholesaleSubscriberInputs? oldInputs) =>
        (oldInputs ?? new WholesaleSubscriberInputs()) with
        {
            CustomerId = subscriber.CustomerId ?? oldInputs?.CustomerId,
            Email = oldInputs?.Email is { } email && SubscriberEmail.Comparer.Equals(email, subscriber.Email) ? email : subscriber.Email ?? oldInputs?.Email,
            Packages = PackageSet.Of(subscriber.AllPackages),
        };

    public static WholesaleSubscriberOutputs ToOutputs(Subscriber subscriber) => new()
    {
        PersonId = subscriber.PersonId,
        ExternalCustomerId = subscriber.ExternalCustomerId,
        Status = subscriber.Status,
        Errors = WebexMessageOutput.From(subscriber.Errors),
        Created = subscriber.Created,
        LastStatusChange = subscriber.LastStatusChange,
    };

    public static WholesaleSubscriberState ToState(Subscriber subscriber, WholesaleSubscriberInputs inputs) => new(inputs, ToOutputs(subscriber));

    /// <summary>Whether Webex already holds the packages the program asks for.</summary>
    public static bool WebexMatches(Subscriber subscriber, WholesaleSubscriberInputs news) =>
        PackageSet.Of(subscriber.AllPackages).Equals(PackageSet.Of(news.Packages));

    private static SubscriberProvisioningParameters? Parameters(SubscriberProvisioningParametersInput? input) => input is null
        ? null
        : new SubscriberProvisioningParameters
        {
            FirstName = input.FirstName, LastName = input.LastName, PrimaryPhoneNumber = input.PrimaryPhoneNumber, Extension = input.Extension,
            LocationId = input.LocationId,
        };
}
