using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inburgering.IntegrationTests.Infrastructure;

namespace Inburgering.IntegrationTests.Hosting;

public sealed class HttpBasicsTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Live_and_ready_report_healthy_on_a_migrated_database()
    {
        var client = app.Factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_register_holds_all_342_gemeenten_with_their_taakstelling()
    {
        var gemeenten = await app.Factory.CreateClient().GetFromJsonAsync<JsonElement[]>("/api/v1/register/gemeenten");

        Assert.Equal(342, gemeenten!.Length);
        var tilburg = gemeenten.Single(g => g.GetProperty("naam").GetString() == "Tilburg");
        Assert.Equal(347, tilburg.GetProperty("taakstelling").GetProperty("aantal").GetInt32());
        Assert.Equal(27, tilburg.GetProperty("taakstelling").GetProperty("waarvanAmv").GetInt32());
        Assert.Equal(224459, tilburg.GetProperty("inwoners2022").GetInt32());
        Assert.Equal("Hart van Brabant", tilburg.GetProperty("regios")[0].GetString());
        Assert.Contains(gemeenten, g => g.GetProperty("naam").GetString() == "Nuenen, Gerwen en Nederwetten");
    }

    [Fact]
    public async Task The_regions_have_their_published_members()
    {
        var client = app.Factory.CreateClient();
        var twente = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/register/gemeenten?regio=regio-twente");
        var brabant = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/register/gemeenten?regio=regio-hart-van-brabant");

        Assert.Equal(14, twente!.Length);
        Assert.Equal(11, brabant!.Length);
        Assert.Contains(twente, g => g.GetProperty("naam").GetString() == "Hengelo (O.)");
    }

    [Fact]
    public async Task Coa_locations_include_the_rol_the_tussenvoorziening_and_twente()
    {
        var locaties = await app.Factory.CreateClient().GetFromJsonAsync<JsonElement[]>("/api/v1/register/coa-locaties");

        var byName = locaties!.ToDictionary(l => l.GetProperty("naam").GetString()!, l => l);
        Assert.Equal("RegionaleOpvanglocatie", byName["azc Oisterwijk"].GetProperty("soort").GetString());
        Assert.Equal("Tussenvoorziening", byName["Tussenvoorziening Tilburg"].GetProperty("soort").GetString());
        Assert.Contains(locaties!, l => l.GetProperty("regio").GetString() == "Twente");
    }

    [Fact]
    public async Task Bad_filters_get_problem_details_listing_every_invalid_field()
    {
        var response = await app.Factory.CreateClient().GetAsync($"/api/v1/register/gemeenten?provincie=Atlantis&regio=nergens&zoek={new string('x', 101)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Tenancy:InvalidRegisterFilter", problem.GetProperty("code").GetString());
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(["provincie", "regio", "zoek"], fields);
    }

    [Fact]
    public async Task An_unknown_gemeente_is_a_404_with_a_stable_code()
    {
        var response = await app.Factory.CreateClient().GetAsync("/api/v1/register/gemeenten/atlantis");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Tenancy:GemeenteNotFound", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_unknown_route_is_a_problem_with_a_stable_code()
    {
        var response = await app.Factory.CreateClient().GetAsync("/api/v1/bestaat-niet");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Platform:NotFound", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_tenant_hint_that_is_not_the_callers_organisation_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/register/gemeenten/tilburg");
        request.Headers.Add("X-Inburgering-Tenant", AppFixture.TenantA.ToString());

        var response = await app.Factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Platform:TenantMismatch", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Every_response_carries_a_correlation_id_and_forged_ones_are_replaced()
    {
        var client = app.Factory.CreateClient();
        using var wellFormed = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        wellFormed.Headers.Add("X-Correlation-Id", "kmg-planning-42");
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        forged.Headers.Add("X-Correlation-Id", "not a token {Injected}");

        var kept = await client.SendAsync(wellFormed);
        var replaced = await client.SendAsync(forged);

        Assert.Equal("kmg-planning-42", kept.Headers.GetValues("X-Correlation-Id").Single());
        var fresh = replaced.Headers.GetValues("X-Correlation-Id").Single();
        Assert.Matches("^[0-9a-f]{32}$", fresh);
    }
}
