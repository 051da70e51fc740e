using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Campaigns.Domain.Storage;

namespace Campaigns.Hosting.Tests;

public sealed class PipelineDictionariesTests
{
    public static TheoryData<StoreOperation, Type> Operations => new()
    {
        { StoreOperation.Get, typeof(GetItemResponse) },
        { StoreOperation.List, typeof(QueryResponse) },
        { StoreOperation.Create, typeof(PutItemResponse) },
        { StoreOperation.Update, typeof(UpdateItemResponse) },
    };

    [Fact]
    public void Operations_CoverEveryStoreOperation()
    {
        Operations.Select(row => (StoreOperation)row[0]).ShouldBe(Enum.GetValues<StoreOperation>(), ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void For_EachOperation_RootsEveryHandlerOfTheLeanPipeline(StoreOperation operation, Type response)
    {
        using var client = new LeanDynamoDbClient(new BasicAWSCredentials("id", "secret"), new AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:9", AuthenticationRegion = "eu-west-1" });

        // Each entry takes its root as its first parameter.
        var roots = PipelineDictionaries.For(operation).Select(root => root.Method.GetParameters()[0].ParameterType).ToList();

        // A handler without a root would have its dictionary built at run time again; a root for a handler the
        // pipeline no longer has would only cost binary size.
        roots.Select(Handler).ShouldBe(PipelineHandlers.Of(client).Select(Definition), ignoreOrder: true);
        roots.ShouldAllBe(root => root.GetGenericArguments().Single() == response);
    }

    [Fact]
    public void For_AnUnknownOperation_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => PipelineDictionaries.For((StoreOperation)99));
    }

    private static Type Handler(Type root) => Definition(root.BaseType!);

    private static Type Definition(Type type) => type.IsGenericType ? type.GetGenericTypeDefinition() : type;
}
