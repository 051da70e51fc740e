using Campaigns.Emulator.Processes;

namespace Campaigns.Emulator.Tests.Processes;

public sealed class LaunchPlannerTests
{
    private static readonly Dictionary<string, string> Host = new()
    {
        ["PATH"] = "/usr/bin:/bin",
        ["HOME"] = "/home/dev",
        ["AWS_PROFILE"] = "production",
        ["DOTNET_ROOT"] = "/usr/share/dotnet",
    };

    [Fact]
    public void Plan_FromHostEnvironment_InheritsOnlyPathAndHome()
    {
        var launch = Planner([]).Plan("get_campaign", 40001);

        launch.Environment["PATH"].ShouldBe("/usr/bin:/bin");
        launch.Environment["HOME"].ShouldBe("/home/dev");
        launch.Environment.ShouldNotContainKey("AWS_PROFILE");
        launch.Environment.ShouldNotContainKey("DOTNET_ROOT");
    }

    [Fact]
    public void Plan_SetsTheLambdaEnvironment()
    {
        var launch = Planner([new("TABLE_NAME", "campaigns")]).Plan("get_campaign", 40001);

        var environment = launch.Environment;
        environment["TABLE_NAME"].ShouldBe("campaigns");
        environment["AWS_LAMBDA_RUNTIME_API"].ShouldBe("127.0.0.1:40001");
        environment["AWS_LAMBDA_FUNCTION_NAME"].ShouldBe("get_campaign");
        environment["AWS_LAMBDA_FUNCTION_VERSION"].ShouldBe("$LATEST");
        environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"].ShouldBe("512");
        environment["AWS_LAMBDA_LOG_FORMAT"].ShouldBe("JSON");
        environment["AWS_LAMBDA_LOG_GROUP_NAME"].ShouldBe("/aws/lambda/get_campaign");
        environment["AWS_LAMBDA_LOG_STREAM_NAME"].ShouldMatch(@"^\d{4}/\d{2}/\d{2}/\[\$LATEST\][0-9a-f]{32}$");
        environment["AWS_LAMBDA_INITIALIZATION_TYPE"].ShouldBe("on-demand");
        environment["_HANDLER"].ShouldBe("bootstrap");
        environment["TZ"].ShouldBe("UTC");
        environment["AWS_REGION"].ShouldBe("us-east-1");
        environment["AWS_DEFAULT_REGION"].ShouldBe("us-east-1");
        environment["LAMBDA_TASK_ROOT"].ShouldBe(Path.GetFullPath("/srv/functions/get_campaign"));
        launch.ExecutablePath.ShouldBe(Path.GetFullPath("/srv/functions/get_campaign/bootstrap"));
    }

    [Fact]
    public void Plan_WhenFunctionEnvironmentSetsReservedVariable_ReservedValueWins()
    {
        var launch = Planner([new("AWS_LAMBDA_FUNCTION_NAME", "spoofed"), new("TZ", "Europe/Paris"), new("PATH", "/opt/bin")])
            .Plan("get_campaign", 40001);

        launch.Environment["AWS_LAMBDA_FUNCTION_NAME"].ShouldBe("get_campaign");
        launch.Environment["TZ"].ShouldBe("UTC");
        // PATH is not reserved: a function may be given its own.
        launch.Environment["PATH"].ShouldBe("/opt/bin");
    }

    [Fact]
    public void Plan_WhenRegionGiven_UsesItForBothRegionVariables()
    {
        var planner = Planner([new("AWS_REGION", "eu-west-1")]);

        var launch = planner.Plan("get_campaign", 40001);

        planner.Region.ShouldBe("eu-west-1");
        launch.Environment["AWS_REGION"].ShouldBe("eu-west-1");
        launch.Environment["AWS_DEFAULT_REGION"].ShouldBe("eu-west-1");
    }

    [Fact]
    public void ParsePeakKb_ReadsVmHwmLine()
    {
        ProcessMemory.ParsePeakKb(["Name:\tbootstrap", "VmPeak:\t  300000 kB", "VmHWM:\t   46420 kB", "VmRSS:\t   40000 kB"]).ShouldBe(46420);
        ProcessMemory.ParsePeakKb(["Name:\tbootstrap"]).ShouldBe(0);
    }

    private static LaunchPlanner Planner(KeyValuePair<string, string>[] functionEnvironment) =>
        new("/srv/functions", functionEnvironment, 512, "JSON", name => Host.GetValueOrDefault(name), TimeProvider.System);
}
