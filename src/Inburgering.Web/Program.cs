using Inburgering.Platform.Data.Embedded;
using Inburgering.Web.Hosting;

var launch = LaunchOptions.Parse(args);
var app = InburgeringHost.Build(launch);
if (launch.MigrateOnly)
{
    return await InburgeringHost.MigrateAndExitAsync(app);
}

if (launch.ControleerLogboek)
{
    return await InburgeringHost.ControleerLogboekAsync(app, Console.Out);
}

if (launch.InvitePlatformBeheerder is { } email)
{
    return await InburgeringHost.InvitePlatformBeheerderAsync(app, email);
}

try
{
    await app.RunAsync();
    return 0;
}
catch (EmbeddedDatabaseException ex)
{
    // A set-up problem on the developer's machine: say what to do, without a stack trace.
    await Console.Error.WriteLineAsync("Inburgering could not start its development database: " + ex.Message);
    return 2;
}

/// <summary>Entry point; public so the integration tests can host it.</summary>
public partial class Program;
