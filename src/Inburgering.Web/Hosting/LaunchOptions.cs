namespace Inburgering.Web.Hosting;

internal enum HostRole
{
    All,
    Web,
    Worker,
}

/// <summary>
/// The host's own switches: <c>--migrate</c> (apply migrations under a lock, then exit),
/// <c>--role web|worker|all</c>, and <c>--invite-platform-beheerder e-mail</c> (bootstrap the first platform
/// beheerder, then exit), <c>--controleer-logboek</c> (check every gemeente's processing-log chain, report the first
/// broken link, exit 1 if any). Everything else goes to configuration as <c>--Key=value</c>.
/// </summary>
internal sealed record LaunchOptions(bool MigrateOnly, HostRole Role, string[] ConfigurationArgs, string? InvitePlatformBeheerder = null, bool ControleerLogboek = false)
{
    public static LaunchOptions Parse(string[] args)
    {
        var migrate = false;
        var controleer = false;
        var role = HostRole.All;
        string? invite = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--migrate")
            {
                migrate = true;
            }
            else if (arg == "--controleer-logboek")
            {
                controleer = true;
            }
            else if (arg == "--role" && i + 1 < args.Length)
            {
                role = ParseRole(args[++i]);
            }
            else if (arg == "--invite-platform-beheerder" && i + 1 < args.Length)
            {
                invite = args[++i];
            }
            else if (arg.StartsWith("--role=", StringComparison.Ordinal))
            {
                role = ParseRole(arg["--role=".Length..]);
            }
            else
            {
                rest.Add(arg);
            }
        }

        return new LaunchOptions(migrate, role, [.. rest], invite, controleer);
    }

    private static HostRole ParseRole(string value) =>
        Enum.TryParse<HostRole>(value, ignoreCase: true, out var role) && Enum.IsDefined(role)
            ? role
            : throw new ArgumentException($"Unknown --role '{value}'. Use web, worker or all.");

    public bool ServesWeb => Role is HostRole.All or HostRole.Web;

    public bool RunsJobs => Role is HostRole.All or HostRole.Worker;
}
