// The state of a WholesaleCustomer: its inputs as they stand in Webex, plus what only Webex can tell.
global using WholesaleCustomerState = WebexWholesale.Provider.Resources.ResourceState<
    WebexWholesale.Provider.Resources.WholesaleCustomer.WholesaleCustomerInputs,
    WebexWholesale.Provider.Resources.WholesaleCustomer.WholesaleCustomerOutputs>;
