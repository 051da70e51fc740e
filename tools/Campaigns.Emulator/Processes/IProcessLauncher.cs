using Campaigns.Emulator.Hosting;

namespace Campaigns.Emulator.Processes;

internal interface IProcessLauncher
{
    /// <summary>Starts the process; throws when it cannot be started at all.</summary>
    IFunctionProcess Start(FunctionLaunch launch);
}
