return await Campaigns.Hosting.CampaignFunction.RunAsync(static services => new Campaigns.Functions.CreateCampaign.CreateCampaignHandler(services.Store, services.Time, services.WriteAccess));
