using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Campaigns.Testing.Grants;

/// <summary>
/// The DynamoDB operations a function's compiled code can call: every member of the DynamoDB client it
/// references, read from the metadata of its assembly and of the project assemblies it references. What
/// the recorded runs never send cannot then hide: an operation referenced here but granted to no function
/// fails the check.
/// </summary>
public static class ReferencedDynamoDbOperations
{
    private const string ClientNamespace = "Amazon.DynamoDBv2";
    private static readonly string[] ClientTypes = ["IAmazonDynamoDB", "AmazonDynamoDBClient"];

    // The object-persistence and document APIs send requests the metadata does not show; none is used.
    private static readonly string[] HiddenRequestNamespaces = ["Amazon.DynamoDBv2.DataModel", "Amazon.DynamoDBv2.DocumentModel"];

    /// <summary>The actions ("dynamodb:GetItem") the code references, and members that send requests it cannot name.</summary>
    public static (IReadOnlySet<string> Actions, IReadOnlyList<string> Unrecognised) Of(Assembly entry)
    {
        var actions = new HashSet<string>(StringComparer.Ordinal);
        var unrecognised = new List<string>();
        foreach (string path in ProjectAssemblies(entry))
        {
            using var pe = new PEReader(File.OpenRead(path));
            var metadata = pe.GetMetadataReader();
            Scan(metadata, Path.GetFileName(path), actions, unrecognised);
        }

        return (actions, unrecognised);
    }

    private static void Scan(MetadataReader metadata, string assembly, HashSet<string> actions, List<string> unrecognised)
    {
        foreach (var handle in metadata.TypeReferences)
        {
            var type = metadata.GetTypeReference(handle);
            string ns = metadata.GetString(type.Namespace);
            if (HiddenRequestNamespaces.Any(hidden => ns.StartsWith(hidden, StringComparison.Ordinal)))
            {
                unrecognised.Add($"{assembly} uses {ns}.{metadata.GetString(type.Name)}");
            }
        }

        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            var parent = metadata.GetTypeReference((TypeReferenceHandle)member.Parent);
            if (metadata.GetString(parent.Namespace) != ClientNamespace || !ClientTypes.Contains(metadata.GetString(parent.Name)))
            {
                continue;
            }

            string name = metadata.GetString(member.Name);
            if (name.EndsWith("Async", StringComparison.Ordinal))
            {
                actions.Add("dynamodb:" + name[..^"Async".Length]);
            }
            // The lean client's override calls the base CustomizeRuntimePipeline, which builds the pipeline and sends nothing.
            else if (name is not (".ctor" or "Dispose" or "CustomizeRuntimePipeline"))
            {
                unrecognised.Add($"{assembly} uses {metadata.GetString(parent.Name)}.{name}");
            }
        }
    }

    // The entry assembly and, transitively, every referenced assembly built from this repository.
    private static IEnumerable<string> ProjectAssemblies(Assembly entry)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { entry.GetName().Name! };
        var pending = new Queue<Assembly>([entry]);
        while (pending.TryDequeue(out var assembly))
        {
            yield return assembly.Location;
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name!.StartsWith("Campaigns.", StringComparison.Ordinal) && seen.Add(reference.Name))
                {
                    pending.Enqueue(Assembly.Load(reference));
                }
            }
        }
    }
}
