// The state of a WholesaleBillingReport: its inputs as Webex holds them, plus what only Webex can tell.
global using WholesaleBillingReportState = WebexWholesale.Provider.Resources.ResourceState<
    WebexWholesale.Provider.Resources.WholesaleBillingReport.WholesaleBillingReportInputs,
    WebexWholesale.Provider.Resources.WholesaleBillingReport.WholesaleBillingReportOutputs>;
