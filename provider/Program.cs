using WebexWholesale.Provider.Protocol.Hosting;

return await PluginHost.RunAsync(args, Console.Out, Console.Error);
