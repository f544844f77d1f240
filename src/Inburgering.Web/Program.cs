using Inburgering.Web.Hosting;

var launch = LaunchOptions.Parse(args);
var app = InburgeringHost.Build(launch);
if (launch.MigrateOnly)
{
    return await InburgeringHost.MigrateAndExitAsync(app);
}

await app.RunAsync();
return 0;

/// <summary>Entry point; public so the integration tests can host it.</summary>
public partial class Program;
