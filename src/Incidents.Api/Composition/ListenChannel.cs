namespace Incidents.Api.Composition;

/// <summary>A NOTIFY channel this node listens on; modules register the channels their workers wait on.</summary>
public sealed record ListenChannel(string Name);
