using WebexWholesale.Simulator;

SimulatorOptions options;
try
{
    options = SimulatorOptions.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

if (options.ShowHelp)
{
    Console.Out.Write(SimulatorOptions.Usage);
    return 0;
}

WebApplication app;
try
{
    app = SimulatorApp.Build(options, TimeProvider.System);
    await app.StartAsync();
}
catch (StateFileException error)
{
    Console.Error.WriteLine($"webex-wholesale-simulator: {error.Message}");
    return 2;
}
catch (IOException error) when (error.InnerException is System.Net.Sockets.SocketException or null || error.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
{
    Console.Error.WriteLine($"webex-wholesale-simulator: cannot listen on 127.0.0.1:{options.Port}: {error.Message} (choose another --port, or 0 for any free one)");
    return 2;
}

await using var running = app;
Console.Out.Write($"{SimulatorApp.BaseUrl(app)}\n");
await Console.Out.FlushAsync();
await app.WaitForShutdownAsync();
return 0;
