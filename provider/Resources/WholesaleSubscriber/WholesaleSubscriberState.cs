// The state of a WholesaleSubscriber: its inputs as they stand in Webex, plus what only Webex can tell.
global using WholesaleSubscriberState = WebexWholesale.Provider.Resources.ResourceState<
    WebexWholesale.Provider.Resources.WholesaleSubscriber.WholesaleSubscriberInputs,
    WebexWholesale.Provider.Resources.WholesaleSubscriber.WholesaleSubscriberOutputs>;
