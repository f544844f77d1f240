namespace Inburgering.Platform.Jobs;

/// <summary>What this process does (<c>--role web|worker|all</c>): modules start their background work only where jobs run.</summary>
public sealed record ProcessRole(bool ServesWeb, bool RunsJobs);
