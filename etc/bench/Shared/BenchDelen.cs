// Helpers the benchmarks share: finding the repository, percentiles, signing in as the app's users, plain SQL.
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

internal static class BenchDelen
{
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Inburgering.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }

    /// <summary>
    /// The app in this process on the given database, as every benchmark and the reliability run's set-up host it:
    /// Development, migrated on start, request logging quiet; <paramref name="instellingen"/> and
    /// <paramref name="diensten"/> add what one of them needs.
    /// </summary>
    public static WebApplicationFactory<Program> Fabriek(string app, string owner, IReadOnlyDictionary<string, string>? instellingen = null,
        Action<IServiceCollection>? diensten = null)
    {
        // The app's content root is its project folder; the factory finds it by this variable.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_INBURGERING_WEB", Path.Combine(RepositoryRoot(), "src", "Inburgering.Web"));
        return new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Inburgering", app);
            builder.UseSetting("ConnectionStrings:InburgeringOwner", owner);
            builder.UseSetting("Database:MigrateOnStart", "true");
            // Per-request logging goes to a terminal here; it is measured apart from the API.
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            foreach (var (sleutel, waarde) in instellingen ?? new Dictionary<string, string>())
            {
                builder.UseSetting(sleutel, waarde);
            }

            if (diensten is not null)
            {
                builder.ConfigureServices(diensten);
            }
        });
    }

    /// <summary>Nearest-rank percentile; NaN when there is nothing to rank (a report shows it as missing, not as 0).</summary>
    public static double Percentile(List<double> values, int percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public static async Task<string> TokenAsync(WebApplicationFactory<Program> factory, HttpClient http, Guid gemeente, string rol)
    {
        // An integration of the gemeente with one role, registered through the same service the platform beheerder uses.
        Inburgering.Modules.Identity.Contracts.ClientAangemaakt created;
        await using (var scope = factory.Services.GetRequiredService<Inburgering.Platform.Tenancy.TenantScope>().EnterHost())
        {
            created = await scope.ServiceProvider.GetRequiredService<Inburgering.Modules.Identity.Contracts.IClientAdministration>().RegisterAsync(
                new("bench-koppeling", "Benchmark", "koppeling", gemeente, [rol], null, null), CancellationToken.None);
        }

        var token = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "bench-koppeling", ["client_secret"] = created.Secret!, ["scope"] = "inburgering",
        }));
        token.EnsureSuccessStatusCode();
        return (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    public static async Task GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }

    // A demo user signs in through the login form (Development: no second factor). The session
    // cookie is Secure, so it is carried by hand over this plain-http loopback connection.
    public static async Task<HttpClient> SessieAsync(HttpClient http, string email)
    {
        var anonymous = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = http.BaseAddress };
        var page = await anonymous.GetAsync("/account/inloggen");
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        var token = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var login = new HttpRequestMessage(HttpMethod.Post, "/account/inloggen")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email, ["Wachtwoord"] = "Demo-wachtwoord-2026", ["__RequestVerificationToken"] = token,
            }),
        };
        login.Headers.Add("Cookie", string.Join("; ", antiforgeryCookie));
        var response = await anonymous.SendAsync(login);
        var session = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("__Host-inburgering=", StringComparison.Ordinal));
        var browser = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = http.BaseAddress };
        browser.DefaultRequestHeaders.Add("Cookie", session);
        return browser;
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ExecuteAsync(string connectionString, string sql, TimeSpan? geduld = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = (int)(geduld ?? TimeSpan.FromSeconds(30)).TotalSeconds };
        await command.ExecuteNonQueryAsync();
    }
}
