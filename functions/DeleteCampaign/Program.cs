return await Campaigns.Hosting.CampaignFunction.RunAsync(static services => new Campaigns.Functions.DeleteCampaign.DeleteCampaignHandler(services.Store, services.Time, services.WriteAccess));
