using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Campaigns.Fixtures;

/// <summary>
/// A real DynamoDB client that asks DynamoDB for <c>ReturnConsumedCapacity=TOTAL</c> on every Query and
/// counts the Queries and the read units DynamoDB reports, so tests and the bench measure a list page's
/// cost instead of guessing it. Query is the list's only call.
/// </summary>
public sealed class MeteredDynamoDbClient(AWSCredentials credentials, AmazonDynamoDBConfig config) : AmazonDynamoDBClient(credentials, config)
{
    private readonly Lock _gate = new();
    private int _queries;
    private double _readUnits;
    private bool _unmetered;

    public int Queries
    {
        get
        {
            lock (_gate)
            {
                return _queries;
            }
        }
    }

    public double ReadUnits
    {
        get
        {
            lock (_gate)
            {
                return _readUnits;
            }
        }
    }

    /// <summary>True once a Query came back without consumed capacity: its read units are unknown, not zero.</summary>
    public bool Unmetered
    {
        get
        {
            lock (_gate)
            {
                return _unmetered;
            }
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _queries = 0;
            _readUnits = 0;
            _unmetered = false;
        }
    }

    public override async Task<QueryResponse> QueryAsync(QueryRequest request, CancellationToken cancellationToken = default)
    {
        request.ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL;
        var response = await base.QueryAsync(request, cancellationToken);
        lock (_gate)
        {
            _queries++;
            if (response.ConsumedCapacity?.CapacityUnits is { } units)
            {
                _readUnits += units;
            }
            else
            {
                _unmetered = true;
            }
        }

        return response;
    }
}
