using Inburgering.Platform.Errors;
using Inburgering.Platform.Logging;

namespace Inburgering.UnitTests.Platform;

public sealed class ErrorsAndLoggingTests
{
    [Fact]
    public void Validation_collects_every_field_before_failing()
    {
        var errors = new ValidationErrors()
            .Add("bsn", "Het BSN voldoet niet aan de elfproef.")
            .Add("geboortedatum", "Vul een datum in.")
            .Add("bsn", "Dit BSN is al in gebruik.");

        var failure = Assert.Throws<ValidationFailedException>(() => errors.ThrowIfAny("Dossiers:Invalid"));

        Assert.Equal("Dossiers:Invalid", failure.Code);
        Assert.Equal(400, failure.Status);
        Assert.Equal(2, failure.Errors["bsn"].Length);
        Assert.Single(failure.Errors["geboortedatum"]);
    }

    [Fact]
    public void No_errors_means_no_exception()
    {
        new ValidationErrors().ThrowIfAny("X:Y");
    }

    [Theory]
    [InlineData(404, "Platform:NotFound")]
    [InlineData(405, "Platform:MethodNotAllowed")]
    [InlineData(401, "Platform:Unauthorized")]
    [InlineData(403, "Platform:Forbidden")]
    [InlineData(500, "Platform:Unexpected")]
    public void Every_status_has_a_stable_code(int status, string code)
    {
        Assert.Equal(code, ProblemDetailsSetup.CodeForStatus(status));
    }

    [Theory]
    [InlineData("0af7651916cd43dd8448eb211c80319c", true)]
    [InlineData("kmg-planning.42_a", true)]
    [InlineData("", false)]
    [InlineData("with space", false)]
    [InlineData("{Injected}", false)]
    [InlineData("a\nb", false)]
    public void Only_token_like_correlation_ids_are_taken_from_callers(string value, bool accepted)
    {
        Assert.Equal(accepted, RequestContextMiddleware.IsWellFormed(value));
    }

    [Fact]
    public void Overlong_correlation_ids_are_not_taken()
    {
        Assert.False(RequestContextMiddleware.IsWellFormed(new string('a', 65)));
    }
}
