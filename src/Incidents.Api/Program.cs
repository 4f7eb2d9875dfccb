using Incidents.Api.Cli;
using Incidents.Api.Composition;

if (HealthProbe.Handles(args))
{
    return await HealthProbe.RunAsync(args[1]);
}

if (UsersCli.Handles(args))
{
    return await UsersCli.RunAsync(args, Console.Out, Console.Error);
}

if (RunbookDocsCli.Handles(args))
{
    return await RunbookDocsCli.RunAsync(args, Console.Out);
}

if (AuthorizationMatrixCli.Handles(args))
{
    return await AuthorizationMatrixCli.RunAsync(args, Console.Out);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddIncidents();
var app = builder.Build();
app.UseIncidents();
await app.RunAsync();
return 0;

/// <summary>Lets tests boot the real application through WebApplicationFactory.</summary>
public partial class Program;
