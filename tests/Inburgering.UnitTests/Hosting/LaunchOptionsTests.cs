using Inburgering.Web.Hosting;

namespace Inburgering.UnitTests.Hosting;

public sealed class LaunchOptionsTests
{
    [Fact]
    public void No_switches_run_every_role_and_keep_configuration_args()
    {
        var options = LaunchOptions.Parse(["--urls=http://127.0.0.1:0"]);

        Assert.False(options.MigrateOnly);
        Assert.Equal(HostRole.All, options.Role);
        Assert.True(options.ServesWeb && options.RunsJobs);
        Assert.Equal(["--urls=http://127.0.0.1:0"], options.ConfigurationArgs);
    }

    [Fact]
    public void Migrate_is_a_bare_switch_that_does_not_swallow_the_next_argument()
    {
        var options = LaunchOptions.Parse(["--migrate", "--Database:MigrateOnStart=false"]);

        Assert.True(options.MigrateOnly);
        Assert.Equal(["--Database:MigrateOnStart=false"], options.ConfigurationArgs);
    }

    [Theory]
    [InlineData(new[] { "--role", "worker" }, "Worker")]
    [InlineData(new[] { "--role=web" }, "Web")]
    [InlineData(new[] { "--role", "ALL" }, "All")]
    public void The_role_switch_takes_both_spellings(string[] args, string role)
    {
        Assert.Equal(role, LaunchOptions.Parse(args).Role.ToString());
    }

    [Fact]
    public void A_worker_runs_jobs_and_serves_no_api()
    {
        var worker = LaunchOptions.Parse(["--role", "worker"]);

        Assert.True(worker.RunsJobs);
        Assert.False(worker.ServesWeb);
    }

    [Fact]
    public void An_unknown_role_is_refused_with_the_choices()
    {
        var error = Assert.Throws<ArgumentException>(() => LaunchOptions.Parse(["--role", "admin"]));

        Assert.Contains("web, worker or all", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bootstrap_invitation_takes_the_address_and_leaves_configuration_alone()
    {
        var options = LaunchOptions.Parse(["--invite-platform-beheerder", "beheer@inburgering.example", "--PublicUrl=https://inburgering.example/"]);

        Assert.Equal("beheer@inburgering.example", options.InvitePlatformBeheerder);
        Assert.Equal(["--PublicUrl=https://inburgering.example/"], options.ConfigurationArgs);
        Assert.False(options.MigrateOnly);
    }
}
