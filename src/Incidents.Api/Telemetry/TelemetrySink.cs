using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Incidents.Api.Telemetry;

/// <summary>An extra destination for spans and metrics besides OTLP; tests register one to read what was recorded.</summary>
public sealed record TelemetrySink(BaseProcessor<Activity>? Spans, MetricReader? Metrics);
