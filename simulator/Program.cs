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

await using var app = SimulatorApp.Build(options, TimeProvider.System);
await app.StartAsync();
Console.Out.Write($"{SimulatorApp.BaseUrl(app)}\n");
await Console.Out.FlushAsync();
await app.WaitForShutdownAsync();
return 0;
