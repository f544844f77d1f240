using System.Text.Json;
using Inburgering.Platform.Data;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

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
        }, rij);

        var eerste = toelating.InvokeAsync(Verzoek("/eerste", out _));
        var tweede = toelating.InvokeAsync(Verzoek("/tweede", out _));
        var derde = toelating.InvokeAsync(Verzoek("/derde", out _));
        var vierde = toelating.InvokeAsync(Verzoek("/vierde", out _));
        var geweigerd = await Assert.ThrowsAsync<DomainException>(() => tweede);
        await toelating.InvokeAsync(Verzoek("/health/ready", out _));

        Assert.Equal(["/eerste", "/health/ready"], lopend);
        Assert.False(derde.IsCompleted);
        Assert.False(vierde.IsCompleted);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, geweigerd.Status);
        Assert.Equal(PlatformErrors.Unavailable, geweigerd.Code);

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
        }, rij);

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

    [Fact]
    public async Task Every_503_the_exception_handler_writes_tells_the_client_when_to_come_back()
    {
        var diensten = Diensten();
        var handler = new ProblemExceptionHandler(diensten.GetRequiredService<IProblemDetailsService>(),
            diensten.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>(), NullLogger<ProblemExceptionHandler>.Instance);
        var druk = Verzoek("/api/v1/dossiers", out var antwoord);
        var fout = Verzoek("/api/v1/dossiers", out _);

        Assert.True(await handler.TryHandleAsync(druk, new DomainException(PlatformErrors.Unavailable, "Te druk.", StatusCodes.Status503ServiceUnavailable), CancellationToken.None));
        Assert.True(await handler.TryHandleAsync(fout, new DomainException("Dossiers:Conflict", "Gewijzigd.", StatusCodes.Status409Conflict), CancellationToken.None));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, druk.Response.StatusCode);
        Assert.Equal("5", druk.Response.Headers.RetryAfter.ToString());
        antwoord.Position = 0;
        using var probleem = await JsonDocument.ParseAsync(antwoord);
        Assert.Equal(PlatformErrors.Unavailable, probleem.RootElement.GetProperty("code").GetString());
        Assert.Equal(StatusCodes.Status409Conflict, fout.Response.StatusCode);
        Assert.Empty(fout.Response.Headers.RetryAfter.ToString());
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
