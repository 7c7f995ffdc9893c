namespace CustomerPortal.Journeys.Tests;

/// <summary>One journey at a time: each drives a whole browser and the portal's processes, which is all two cores can carry.</summary>
[CollectionDefinition(Chromium.Collection, DisableParallelization = true)]
public sealed class ChromiumCollection;
