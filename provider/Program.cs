using WebexWholesale.Provider.Hosting;

return await PluginHost.RunAsync(args, Console.Out, Console.Error);
