namespace Inburgering.Platform.Telemetrie;

/// <summary>Where traces and metrics go (section <c>Telemetrie</c>).</summary>
public sealed class TelemetrieOptions
{
    public const string Section = "Telemetrie";

    /// <summary>An OpenTelemetry collector's OTLP address (e.g. http://otel-collector:4318); empty sends nothing.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>http/protobuf</c> (port 4318, the default) or <c>grpc</c> (port 4317).</summary>
    public string OtlpProtocol { get; set; } = "http/protobuf";

    /// <summary>
    /// The port on which <c>/metrics</c> is served in Prometheus format, only there (0: not at all). The ingress routes
    /// the site's port, so the figures stay inside the cluster. Add the port to the URLs the app listens on.
    /// </summary>
    public int MetricsPoort { get; set; }
}
