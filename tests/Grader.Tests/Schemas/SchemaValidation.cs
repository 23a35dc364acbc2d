using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Grader.Tests.Schemas;

/// <summary>Validates YAML text against one of the schemas in schemas/, listing every error.</summary>
public static class SchemaValidation
{
    public static readonly Lazy<JsonSchema> ProblemSet = new(() => Load("problem-set.schema.json"));

    public static readonly Lazy<JsonSchema> Submission = new(() => Load("submission.schema.json"));

    public static IReadOnlyList<string> Errors(JsonSchema schema, string yaml)
    {
        var instance = JsonSerializer.SerializeToElement(YamlJson.Parse(yaml));
        var results = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        return (results.Details ?? [])
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid, without details")
            .ToList();
    }

    private static JsonSchema Load(string file)
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return JsonSchema.FromText(File.ReadAllText(RepositoryPaths.Of("schemas", file)), options);
    }
}
