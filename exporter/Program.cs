using WebexWholesale.Exporter;

return await ExportCommand.RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable, TimeProvider.System);
