return await Campaigns.Hosting.CampaignFunction.RunAsync(static services => new Campaigns.Functions.UpdateCampaign.UpdateCampaignHandler(services.Store, services.Time, services.WriteAccess));
