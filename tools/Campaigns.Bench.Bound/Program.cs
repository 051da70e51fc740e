return await Campaigns.Bench.Bound.BoundHost.RunAsync();
