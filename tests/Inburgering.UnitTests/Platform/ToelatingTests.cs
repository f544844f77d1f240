using System.Text.Json;
using Inburgering.Platform.Data;
using Inburgering.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inburgering.UnitTests.Platform;

public sealed class ToelatingTests
{
    [Fact]
    public async Task Requests_beyond_the_pool_wait_newest_first_and_a_full_queue_refuses_its_oldest_with_503_while_probes_pass()
    {
        using var rij = Rij(gelijktijdig: 1, wachtrij: 2);
        var lopend = new List<string>();
        var vrij = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var toelating = new Toelating(async context =>
        {
            lock (lopend)
            {
                lopend.Add(context.Request.Path);
            }

            if (context.Request.Path == "/eerste")
            {
                await vrij.Task;
            }
        }, rij, Diensten().GetRequiredService<IProblemDetailsService>());

        var eerste = toelating.InvokeAsync(Verzoek("/eerste", out _));
        var tweedeVerzoek = Verzoek("/tweede", out var tweedeAntwoord);
        var tweede = toelating.InvokeAsync(tweedeVerzoek);
        var derde = toelating.InvokeAsync(Verzoek("/derde", out _));
        var vierde = toelating.InvokeAsync(Verzoek("/vierde", out _));
        await tweede;
        await toelating.InvokeAsync(Verzoek("/health/ready", out _));

        Assert.Equal(["/eerste", "/health/ready"], lopend);
        Assert.False(derde.IsCompleted);
        Assert.False(vierde.IsCompleted);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, tweedeVerzoek.Response.StatusCode);
        Assert.Equal("5", tweedeVerzoek.Response.Headers.RetryAfter.ToString());
        tweedeAntwoord.Position = 0;
        using var probleem = await JsonDocument.ParseAsync(tweedeAntwoord);
        Assert.Equal("Platform:Unavailable", probleem.RootElement.GetProperty("code").GetString());

        vrij.SetResult();
        await Task.WhenAll(eerste, derde, vierde);
        Assert.Equal(["/eerste", "/health/ready", "/vierde", "/derde"], lopend);
    }

    [Fact]
    public async Task A_waiting_request_whose_client_left_gives_up_its_place()
    {
        using var rij = Rij(gelijktijdig: 1, wachtrij: 1);
        var vrij = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gestart = 0;
        var toelating = new Toelating(async context =>
        {
            Interlocked.Increment(ref gestart);
            if (context.Request.Path == "/eerste")
            {
                await vrij.Task;
            }
        }, rij, Diensten().GetRequiredService<IProblemDetailsService>());

        var eerste = toelating.InvokeAsync(Verzoek("/eerste", out _));
        using var weg = new CancellationTokenSource();
        var wachtend = Verzoek("/weg", out _);
        wachtend.RequestAborted = weg.Token;
        var tweede = toelating.InvokeAsync(wachtend);
        await weg.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => tweede);
        var derde = toelating.InvokeAsync(Verzoek("/derde", out _));
        Assert.False(derde.IsCompleted);
        vrij.SetResult();
        await Task.WhenAll(eerste, derde);
        Assert.Equal(2, gestart);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(3)]
    public void By_default_eight_run_at_once_per_core_and_never_more_than_the_app_pool_has_connections(int pool)
    {
        var configuratie = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Inburgering"] = $"Host=127.0.0.1;Username=app;Maximum Pool Size={pool}",
        }).Build();
        using var connections = new DatabaseConnections(configuratie);
        using var rij = new ToelatingsRij(configuratie, connections);

        Assert.Equal(Math.Min(pool, 8 * Environment.ProcessorCount), rij.Gelijktijdig);
        Assert.Equal(ToelatingsRij.StandaardWachtrij, rij.Wachtrij);
    }

    private static ToelatingsRij Rij(int gelijktijdig, int wachtrij)
    {
        var configuratie = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Toelating:Gelijktijdig"] = gelijktijdig.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Toelating:Wachtrij"] = wachtrij.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        return new ToelatingsRij(configuratie, new DatabaseConnections(configuratie));
    }

    private static ServiceProvider Diensten()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddProblemDetails();
        return services.BuildServiceProvider();
    }

    private static DefaultHttpContext Verzoek(string pad, out MemoryStream antwoord)
    {
        antwoord = new MemoryStream();
        var context = new DefaultHttpContext { RequestServices = Diensten() };
        context.Request.Path = pad;
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = antwoord;
        return context;
    }
}
